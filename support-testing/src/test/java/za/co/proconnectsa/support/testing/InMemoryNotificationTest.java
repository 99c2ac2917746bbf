package za.co.proconnectsa.support.testing;

import za.co.proconnectsa.support.spi.TicketStore;
import za.co.proconnectsa.support.store.InMemoryTicketStore;

/** The notification contract on the in-memory store. */
class InMemoryNotificationTest extends NotificationContract {

    @Override
    protected TicketStore createStore() {
        return InMemoryTicketStore.create();
    }
}
