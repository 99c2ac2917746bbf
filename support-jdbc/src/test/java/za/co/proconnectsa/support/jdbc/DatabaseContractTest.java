package za.co.proconnectsa.support.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import za.co.proconnectsa.support.jdbc.testdb.TestDatabase;
import za.co.proconnectsa.support.jdbc.testdb.TestDatabases;
import za.co.proconnectsa.support.spi.TicketStore;
import za.co.proconnectsa.support.testing.TicketStoreContract;

/**
 * The store contract on every database we support, each on a fresh database per test, with the
 * session time zone in UTC and in two other zones (the JVM runs in yet another zone, Pacific/Auckland,
 * set in this module's surefire configuration), so that a time-zone bug cannot hide.
 */
class DatabaseContractTest {

    /** The contract on one database and session zone. */
    abstract static class OnDatabase extends TicketStoreContract {
        private final Supplier<TestDatabase> database;
        private final String sessionZone;
        private HikariDataSource dataSource;

        OnDatabase(Supplier<TestDatabase> database, String sessionZone) {
            this.database = database;
            this.sessionZone = sessionZone;
        }

        @Override
        protected TicketStore createStore() {
            dataSource = database.get().freshDatabase(sessionZone);
            return JdbcTicketStore.create(dataSource);
        }

        @AfterEach
        void dropDatabase() {
            dataSource.close();
        }
    }

    @Nested
    class H2InMemory extends OnDatabase {
        H2InMemory() {
            super(TestDatabases::h2Memory, "UTC");
        }
    }

    @Nested
    class H2File extends OnDatabase {
        H2File() {
            super(TestDatabases::h2File, "America/New_York");
        }
    }

    @Nested
    class PostgreSqlUtc extends OnDatabase {
        PostgreSqlUtc() {
            super(TestDatabases::postgres, "UTC");
        }
    }

    @Nested
    class PostgreSqlJohannesburg extends OnDatabase {
        PostgreSqlJohannesburg() {
            super(TestDatabases::postgres, "Africa/Johannesburg");
        }
    }

    @Nested
    class PostgreSqlNewYork extends OnDatabase {
        PostgreSqlNewYork() {
            super(TestDatabases::postgres, "America/New_York");
        }
    }

    @Nested
    class MariaDbUtc extends OnDatabase {
        MariaDbUtc() {
            super(TestDatabases::mariadb, "UTC");
        }
    }

    @Nested
    class MariaDbJohannesburg extends OnDatabase {
        MariaDbJohannesburg() {
            super(TestDatabases::mariadb, "Africa/Johannesburg");
        }
    }

    @Nested
    class MariaDbNewYork extends OnDatabase {
        MariaDbNewYork() {
            super(TestDatabases::mariadb, "America/New_York");
        }
    }
}
