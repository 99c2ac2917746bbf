package za.co.proconnectsa.support.testing;

import za.co.proconnectsa.support.spi.TicketStore;
import za.co.proconnectsa.support.store.InMemoryTicketStore;
import za.co.proconnectsa.support.ticket.Ticket;

/** The in-memory store's outbox passes the contract. */
class InMemoryEventOutboxTest extends EventOutboxContract {

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
