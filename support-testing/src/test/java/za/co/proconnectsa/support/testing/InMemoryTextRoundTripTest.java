package za.co.proconnectsa.support.testing;

import za.co.proconnectsa.support.spi.TicketStore;
import za.co.proconnectsa.support.store.InMemoryTicketStore;

/** The in-memory store keeps text by the contract. */
class InMemoryTextRoundTripTest extends TextRoundTripContract {

    @Override
    protected TicketStore createStore() {
        return InMemoryTicketStore.create();
    }
}
