package za.co.proconnectsa.support.testing;

import za.co.proconnectsa.support.spi.TicketStore;
import za.co.proconnectsa.support.store.InMemoryTicketStore;

/** The in-memory store's outbox passes the contract. */
class InMemoryEventOutboxTest extends EventOutboxContract {

    @Override
    protected TicketStore createStore() {
        return InMemoryTicketStore.create();
    }
}
