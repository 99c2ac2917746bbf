package za.co.proconnectsa.support.examples.quickstart;

// store-contract-imports:begin
import za.co.proconnectsa.support.spi.TicketStore;
import za.co.proconnectsa.support.testing.TicketStoreContract;
// store-contract-imports:end

/** The README's "Proving your own store": the whole ticket store contract, run on {@link MyTicketStore}. */
// store-contract:begin
class MyTicketStoreTest extends TicketStoreContract {
    @Override
    protected TicketStore createStore() {
        return MyTicketStore.createEmpty();   // a new, empty store for every test
    }
}
// store-contract:end
