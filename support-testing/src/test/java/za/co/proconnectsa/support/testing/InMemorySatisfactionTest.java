package za.co.proconnectsa.support.testing;

import za.co.proconnectsa.support.spi.TicketStore;
import za.co.proconnectsa.support.store.InMemoryTicketStore;

/** The satisfaction contract on the in-memory store. */
class InMemorySatisfactionTest extends SatisfactionContract {

    @Override
    protected TicketStore createStore() {
        return InMemoryTicketStore.create();
    }
}
