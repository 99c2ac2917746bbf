package za.co.proconnectsa.support.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;
import za.co.proconnectsa.support.jdbc.testdb.TestDatabases;
import za.co.proconnectsa.support.spi.TicketStore;
import za.co.proconnectsa.support.testing.EventOutboxContract;
import za.co.proconnectsa.support.ticket.Ticket;

/**
 * The outbox contract on every database; claims use FOR UPDATE SKIP LOCKED on each. The unreadable entry is a row
 * inserted with SQL, with an event type this version does not know.
 */
@ParameterizedClass(name = "{0}")
@ValueSource(strings = {"h2-mem", "postgresql", "mariadb"})
class EventOutboxTest extends EventOutboxContract {

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
