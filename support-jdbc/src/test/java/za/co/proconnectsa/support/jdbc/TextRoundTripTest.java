package za.co.proconnectsa.support.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;
import za.co.proconnectsa.support.DataRejectedException;
import za.co.proconnectsa.support.StoreUnavailableException;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.jdbc.internal.Tx;
import za.co.proconnectsa.support.jdbc.testdb.TestDatabases;
import za.co.proconnectsa.support.spi.TicketStore;
import za.co.proconnectsa.support.testing.TextRoundTripContract;
import za.co.proconnectsa.support.testing.TicketFixtures;
import za.co.proconnectsa.support.ticket.AuditAction;
import za.co.proconnectsa.support.ticket.AuditEvent;
import za.co.proconnectsa.support.ticket.Ticket;
import za.co.proconnectsa.support.ticket.Visibility;

/**
 * Text in, text out on every database: exact round trips, typed refusals, no colliding ids; and a value the
 * database itself refuses is reported as such.
 */
@ParameterizedClass(name = "{0}")
@ValueSource(strings = {"h2-mem", "postgresql", "mariadb"})
class TextRoundTripTest extends TextRoundTripContract {

    @Parameter
    String database;
    private HikariDataSource dataSource;

    @Override
    protected TicketStore createStore() {
        dataSource = TestDatabases.named(database).freshDatabase("Africa/Johannesburg");
        return JdbcTicketStore.create(dataSource);
    }

    @Test
    @DisplayName("a value the database refuses (too long for its column) is a DataRejectedException, not a reason to retry, and nothing is stored")
    void dataErrorIsNotUnavailability() {
        Ticket ticket = TicketFixtures.forStore(store, clock).newTicket("provider-17", "Invoice", "Charged twice");
        AuditEvent tooLong = new AuditEvent(ticket.id(), Actor.agent("agent-1", "Lerato"), AuditAction.REPLIED, null,
                "x".repeat(600), Visibility.PUBLIC, ticket.createdAt());

        assertThatThrownBy(() -> store.insert(ticket, List.of(tooLong), null))
                .isInstanceOfSatisfying(DataRejectedException.class,
                        e -> assertThat(e.sqlState()).as("SQLState").startsWith("22"))
                .isNotInstanceOf(StoreUnavailableException.class);
        assertThat(store.findById(ticket.id())).isEmpty();
    }

    @Test
    @DisplayName("NUL reaching PostgreSQL past the checks is a DataRejectedException (SQLState 22021), never StoreUnavailableException; H2 and MariaDB keep it")
    void nulPastTheChecks() {
        Throwable thrown = catchThrowable(() -> new Tx(dataSource, false).run("recording a message id", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO support_whatsapp_processed (message_id, processed_at) VALUES (?, ?)")) {
                ps.setString(1, "wamid.A\u0000B");
                ps.setTimestamp(2, Timestamp.from(START));
                return ps.executeUpdate();
            }
        }));
        if (database.equals("postgresql")) {
            assertThat(thrown).isInstanceOfSatisfying(DataRejectedException.class,
                    e -> assertThat(e.sqlState()).isEqualTo("22021"));
        } else {
            assertThat(thrown).isNull();
        }
    }

    @AfterEach
    void dropDatabase() {
        dataSource.close();
    }
}
