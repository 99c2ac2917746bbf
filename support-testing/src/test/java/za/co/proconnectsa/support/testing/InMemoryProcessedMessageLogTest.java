package za.co.proconnectsa.support.testing;

import za.co.proconnectsa.support.spi.ProcessedMessageLog;
import za.co.proconnectsa.support.store.InMemoryTicketStore;

class InMemoryProcessedMessageLogTest extends ProcessedMessageLogContract {
    @Override
    protected ProcessedMessageLog createLog() {
        return InMemoryTicketStore.create();
    }
}
