package za.co.proconnectsa.support.jdbc;

import java.util.concurrent.atomic.AtomicInteger;
import org.h2.jdbcx.JdbcDataSource;
import za.co.proconnectsa.support.spi.TicketStore;
import za.co.proconnectsa.support.testing.TicketStoreContract;

class QuickH2ContractTest extends TicketStoreContract {
    private static final AtomicInteger N = new AtomicInteger();

    @Override
    protected TicketStore createStore() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:quick" + N.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
        return JdbcTicketStore.create(ds);
    }
}
