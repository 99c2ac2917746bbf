package za.co.proconnectsa.support.testing;

import za.co.proconnectsa.support.spi.TicketStore;
import za.co.proconnectsa.support.store.InMemoryTicketStore;

/** The relay over the in-memory store's outbox passes the relay contract (its unreadable-entry case runs in support-core). */
class InMemoryOutboxRelayTest extends OutboxRelayContract {

    @Override
    protected TicketStore createStore() {
        return InMemoryTicketStore.create();
    }
}
