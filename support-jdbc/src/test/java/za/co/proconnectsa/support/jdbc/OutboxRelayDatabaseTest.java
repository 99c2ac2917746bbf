package za.co.proconnectsa.support.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;
import za.co.proconnectsa.support.jdbc.testdb.TestDatabases;
import za.co.proconnectsa.support.spi.TicketStore;
import za.co.proconnectsa.support.testing.OutboxRelayContract;
import za.co.proconnectsa.support.ticket.Ticket;

/**
 * The outbox relay on every database: heartbeats against a second relay, lost claims, dead letters, and a row
 * inserted with SQL with an event type this version does not know.
 */
@ParameterizedClass(name = "{0}")
@ValueSource(strings = {"h2-mem", "postgresql", "mariadb"})
class OutboxRelayDatabaseTest extends OutboxRelayContract {

    @Parameter
    String database;
    private HikariDataSource dataSource;

    @Override
    protected TicketStore createStore() {
        dataSource = TestDatabases.named(database).freshDatabase();
        return JdbcTicketStore.create(dataSource);
    }

    @Override
    protected void writeUnreadableEntry(String eventType, Ticket ticket) {
        UnreadableOutboxRow.write(dataSource, eventType, ticket);
    }

    @AfterEach
    void dropDatabase() {
        dataSource.close();
    }
}
