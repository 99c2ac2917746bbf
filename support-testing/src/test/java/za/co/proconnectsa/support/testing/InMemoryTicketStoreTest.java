package za.co.proconnectsa.support.testing;

import za.co.proconnectsa.support.spi.TicketStore;
import za.co.proconnectsa.support.store.InMemoryTicketStore;

class InMemoryTicketStoreTest extends TicketStoreContract {

    @Override
    protected TicketStore createStore() {
        return InMemoryTicketStore.create();
    }
}
