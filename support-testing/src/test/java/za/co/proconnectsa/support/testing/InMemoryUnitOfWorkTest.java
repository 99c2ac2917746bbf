package za.co.proconnectsa.support.testing;

import za.co.proconnectsa.support.spi.TicketStore;
import za.co.proconnectsa.support.store.InMemoryTicketStore;

/** The unit-of-work contract on the in-memory store. */
class InMemoryUnitOfWorkTest extends UnitOfWorkContract {

    @Override
    protected TicketStore createStore() {
        return InMemoryTicketStore.create();
    }
}
