package za.co.proconnectsa.support.jdbc;

import com.zaxxer.hikari.HikariDataSource;
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
        private HikariDataSource dataSource;

        abstract TestDatabase database();

        abstract String sessionZone();

        @Override
        protected TicketStore createStore() {
            dataSource = database().freshDatabase(sessionZone());
            return JdbcTicketStore.create(dataSource);
        }

        @AfterEach
        void dropDatabase() {
            dataSource.close();
        }
    }

    @Nested
    class H2InMemory extends OnDatabase {
        TestDatabase database() {
            return TestDatabases.h2Memory();
        }

        String sessionZone() {
            return "UTC";
        }
    }

    @Nested
    class H2File extends OnDatabase {
        TestDatabase database() {
            return TestDatabases.h2File();
        }

        String sessionZone() {
            return "America/New_York";
        }
    }

    @Nested
    class PostgreSqlUtc extends OnDatabase {
        TestDatabase database() {
            return TestDatabases.postgres();
        }

        String sessionZone() {
            return "UTC";
        }
    }

    @Nested
    class PostgreSqlJohannesburg extends OnDatabase {
        TestDatabase database() {
            return TestDatabases.postgres();
        }

        String sessionZone() {
            return "Africa/Johannesburg";
        }
    }

    @Nested
    class PostgreSqlNewYork extends OnDatabase {
        TestDatabase database() {
            return TestDatabases.postgres();
        }

        String sessionZone() {
            return "America/New_York";
        }
    }

    @Nested
    class MariaDbUtc extends OnDatabase {
        TestDatabase database() {
            return TestDatabases.mariadb();
        }

        String sessionZone() {
            return "UTC";
        }
    }

    @Nested
    class MariaDbJohannesburg extends OnDatabase {
        TestDatabase database() {
            return TestDatabases.mariadb();
        }

        String sessionZone() {
            return "Africa/Johannesburg";
        }
    }

    @Nested
    class MariaDbNewYork extends OnDatabase {
        TestDatabase database() {
            return TestDatabases.mariadb();
        }

        String sessionZone() {
            return "America/New_York";
        }
    }
}
