package za.co.proconnectsa.support.testing;

import za.co.proconnectsa.support.spi.TicketStore;
import za.co.proconnectsa.support.store.InMemoryTicketStore;

/** The job-queue contract on the in-memory store. */
class InMemoryWorkQueueTest extends WorkQueueContract {

    @Override
    protected TicketStore createStore() {
        return InMemoryTicketStore.create();
    }
}
