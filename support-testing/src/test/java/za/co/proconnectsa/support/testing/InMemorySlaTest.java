package za.co.proconnectsa.support.testing;

import za.co.proconnectsa.support.spi.TicketStore;
import za.co.proconnectsa.support.store.InMemoryTicketStore;

/** The SLA contract on the in-memory store. */
class InMemorySlaTest extends SlaContract {

    @Override
    protected TicketStore createStore() {
        return InMemoryTicketStore.create();
    }
}
