package za.co.proconnectsa.support.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import za.co.proconnectsa.support.jdbc.testdb.TestDatabase;
import za.co.proconnectsa.support.jdbc.testdb.TestDatabases;
import za.co.proconnectsa.support.spi.TicketStore;
import za.co.proconnectsa.support.testing.ConversationStoreContract;

/** The conversation contract on every database, the session zone away from UTC. */
class ConversationStoreTest {

    abstract static class OnDatabase extends ConversationStoreContract {
        private HikariDataSource dataSource;

        abstract TestDatabase database();

        @Override
        protected TicketStore createStore() {
            dataSource = database().freshDatabase("America/New_York");
            return JdbcTicketStore.create(dataSource);
        }

        @AfterEach
        void dropDatabase() {
            dataSource.close();
        }
    }

    @Nested
    class H2 extends OnDatabase {
        TestDatabase database() {
            return TestDatabases.h2Memory();
        }
    }

    @Nested
    class PostgreSql extends OnDatabase {
        TestDatabase database() {
            return TestDatabases.postgres();
        }
    }

    @Nested
    class MariaDb extends OnDatabase {
        TestDatabase database() {
            return TestDatabases.mariadb();
        }
    }
}
