package za.co.proconnectsa.support.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;
import za.co.proconnectsa.support.jdbc.testdb.TestDatabases;
import za.co.proconnectsa.support.spi.TicketStore;
import za.co.proconnectsa.support.testing.AssignmentContract;

/**
 * The assignment contract on every database, the session zone away from UTC; the concurrent test runs its second desk
 * on a store of its own, through a pool of its own, on the same database.
 */
@ParameterizedClass(name = "{0}")
@ValueSource(strings = {"h2-mem", "postgresql", "mariadb"})
class AssignmentTest extends AssignmentContract {

    @Parameter
    String database;
    private HikariDataSource dataSource;
    private HikariDataSource secondPool;

    @Override
    protected TicketStore createStore() {
        dataSource = TestDatabases.named(database).freshDatabase("Africa/Johannesburg");
        return JdbcTicketStore.create(dataSource);
    }

    @Override
    protected TicketStore createSecondInstance() {
        secondPool = TestDatabases.anotherPool(dataSource);
        return JdbcTicketStore.create(secondPool);
    }

    /** 10,000 on H2 (about 45 s); 1,000 on the servers, where 10,000 take two minutes each. */
    @Override
    protected int roundRobinTickets() {
        return database.startsWith("h2") ? 10_000 : 1_000;
    }

    @AfterEach
    void dropDatabase() {
        if (secondPool != null) {
            secondPool.close();
        }
        dataSource.close();
    }
}
