package za.co.proconnectsa.support.testing;

import za.co.proconnectsa.support.spi.TicketStore;
import za.co.proconnectsa.support.store.InMemoryTicketStore;

/** The in-memory store keeps conversations by the contract. */
class InMemoryConversationStoreTest extends ConversationStoreContract {

    @Override
    protected TicketStore createStore() {
        return InMemoryTicketStore.create();
    }
}
