package za.co.proconnectsa.support.testing;

import za.co.proconnectsa.support.spi.TicketStore;
import za.co.proconnectsa.support.store.InMemoryTicketStore;

/** The analytics contract on the in-memory store. */
class InMemoryAnalyticsTest extends AnalyticsContract {

    @Override
    protected TicketStore createStore() {
        return InMemoryTicketStore.create();
    }
}
