package za.co.proconnectsa.support.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.CsvSource;
import za.co.proconnectsa.support.jdbc.testdb.TestDatabases;
import za.co.proconnectsa.support.spi.TicketStore;
import za.co.proconnectsa.support.testing.TicketStoreContract;

/**
 * The store contract on every database we support, each on a fresh database per test, with the
 * session time zone in UTC and in two other zones (the JVM runs in yet another zone, Pacific/Auckland,
 * set in this module's surefire configuration), so that a time-zone bug cannot hide.
 */
@ParameterizedClass(name = "{0}, session zone {1}")
@CsvSource({
    "h2-mem, UTC",
    "h2-file, America/New_York",
    "postgresql, UTC",
    "postgresql, Africa/Johannesburg",
    "postgresql, America/New_York",
    "mariadb, UTC",
    "mariadb, Africa/Johannesburg",
    "mariadb, America/New_York",
})
class DatabaseContractTest extends TicketStoreContract {

    @Parameter(0)
    String database;
    @Parameter(1)
    String sessionZone;
    private HikariDataSource dataSource;

    @Override
    protected TicketStore createStore() {
        dataSource = TestDatabases.named(database).freshDatabase(sessionZone);
        return JdbcTicketStore.create(dataSource);
    }

    @AfterEach
    void dropDatabase() {
        dataSource.close();
    }
}
