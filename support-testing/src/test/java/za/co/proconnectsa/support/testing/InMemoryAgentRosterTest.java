package za.co.proconnectsa.support.testing;

import za.co.proconnectsa.support.spi.TicketStore;
import za.co.proconnectsa.support.store.InMemoryTicketStore;

/** The agent roster contract on the in-memory store. */
class InMemoryAgentRosterTest extends AgentRosterContract {

    @Override
    protected TicketStore createStore() {
        return InMemoryTicketStore.create();
    }
}
