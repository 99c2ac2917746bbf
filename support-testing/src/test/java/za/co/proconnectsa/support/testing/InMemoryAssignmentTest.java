package za.co.proconnectsa.support.testing;

import za.co.proconnectsa.support.spi.TicketStore;
import za.co.proconnectsa.support.store.InMemoryTicketStore;

/** The assignment contract on the in-memory store; both desks of the concurrent test share the one store. */
class InMemoryAssignmentTest extends AssignmentContract {

    @Override
    protected TicketStore createStore() {
        return InMemoryTicketStore.create();
    }
}
