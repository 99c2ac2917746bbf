package za.co.proconnectsa.support.testing;

import za.co.proconnectsa.support.spi.TicketStore;
import za.co.proconnectsa.support.store.InMemoryTicketStore;

/** The access matrix on the in-memory store. */
class InMemoryAccessMatrixTest extends AccessMatrixContract {

    @Override
    protected TicketStore createStore() {
        return InMemoryTicketStore.create();
    }
}
