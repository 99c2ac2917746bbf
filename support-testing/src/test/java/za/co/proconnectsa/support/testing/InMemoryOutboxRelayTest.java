package za.co.proconnectsa.support.testing;

import za.co.proconnectsa.support.spi.TicketStore;
import za.co.proconnectsa.support.store.InMemoryTicketStore;
import za.co.proconnectsa.support.ticket.Ticket;

/** The relay over the in-memory store's outbox passes the relay contract. */
class InMemoryOutboxRelayTest extends OutboxRelayContract {

    private InMemoryTicketStore store;

    @Override
    protected TicketStore createStore() {
        store = InMemoryTicketStore.create();
        return store;
    }

    @Override
    protected void writeUnreadableEntry(String eventType, Ticket ticket) {
        UnreadableInMemoryEntry.write(store, eventType, ticket);
    }
}
