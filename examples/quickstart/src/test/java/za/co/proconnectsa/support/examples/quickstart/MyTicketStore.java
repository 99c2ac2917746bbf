package za.co.proconnectsa.support.examples.quickstart;

import za.co.proconnectsa.support.store.InMemoryTicketStore;
import za.co.proconnectsa.support.testing.ForwardingTicketStore;

/** A host's own store, for the README's "Proving your own store": here the in-memory store behind a wrapper. */
final class MyTicketStore extends ForwardingTicketStore {

    private MyTicketStore() {
        super(InMemoryTicketStore.create());
    }

    static MyTicketStore createEmpty() {
        return new MyTicketStore();
    }
}
