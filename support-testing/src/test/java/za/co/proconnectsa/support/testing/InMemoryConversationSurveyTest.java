package za.co.proconnectsa.support.testing;

import za.co.proconnectsa.support.spi.TicketStore;
import za.co.proconnectsa.support.store.InMemoryTicketStore;

/** The conversation survey contract on the in-memory store. */
class InMemoryConversationSurveyTest extends ConversationSurveyContract {

    @Override
    protected TicketStore createStore() {
        return InMemoryTicketStore.create();
    }
}
