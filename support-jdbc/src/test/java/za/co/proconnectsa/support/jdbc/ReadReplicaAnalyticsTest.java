package za.co.proconnectsa.support.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;
import za.co.proconnectsa.support.SupportDesk;
import za.co.proconnectsa.support.SupportException;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.analytics.AnalyticsQuery;
import za.co.proconnectsa.support.analytics.AnalyticsReport;
import za.co.proconnectsa.support.jdbc.testdb.TestDatabases;
import za.co.proconnectsa.support.testing.SettableClock;
import za.co.proconnectsa.support.ticket.Category;
import za.co.proconnectsa.support.ticket.NewTicket;
import za.co.proconnectsa.support.ticket.Reply;
import za.co.proconnectsa.support.ticket.TicketStatus;

/**
 * The scaling plan's analytics desk on a read replica: a second desk whose store is built on a connection pool that
 * may only read (every session read-only, as on a hot standby) with {@link SchemaMode#NONE}. Its report must need no
 * write at all, and give exactly the primary desk's figures.
 */
@ParameterizedClass(name = "{0}")
@ValueSource(strings = {"postgresql", "mariadb"})
class ReadReplicaAnalyticsTest {

    private static final Actor ADMIN = Actor.admin("admin-1", "Lerato");
    private static final Actor AGENT = Actor.agent("agent-1", "Sipho");

    @Parameter
    String database;
    private HikariDataSource primary;
    private HikariDataSource replica;

    @AfterEach
    void close() {
        if (replica != null) {
            replica.close();
        }
        primary.close();
    }

    @Test
    void theReportOnAReadOnlyPoolNeedsNoWriteAndEqualsThePrimarysReport() throws Exception {
        primary = TestDatabases.named(database).freshDatabase();
        SettableClock clock = SettableClock.startingAt("2026-03-02T08:00:00Z");
        SupportDesk desk = SupportDesk.builder().store(JdbcTicketStore.create(primary)).clock(clock).build();
        for (int i = 0; i < 12; i++) {
            Actor requester = Actor.requester("provider-" + (i % 3), "Provider " + (i % 3));
            String number = desk.tickets().submit(requester, NewTicket.builder().subject("Payout " + i + " missing")
                    .body("The payout for job " + i + " has not arrived.")
                    .category(i % 2 == 0 ? Category.BILLING : Category.TECHNICAL).build()).ticketNumber().text();
            clock.advance(Duration.ofMinutes(7 + i));
            if (i % 4 != 3) {
                desk.tickets().reply(AGENT, number, Reply.publicReply("We are looking at payout " + i + "."));
            }
            clock.advance(Duration.ofMinutes(30));
            if (i % 3 == 0) {
                desk.tickets().changeStatus(AGENT, number, TicketStatus.RESOLVED);
            }
        }

        replica = TestDatabases.anotherPool(primary);
        replica.setConnectionInitSql(readOnlySession(replica.getConnectionInitSql()));
        try (Connection c = replica.getConnection(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("UPDATE support_tickets SET subject = subject"))
                    .as("the replica pool refuses writes").isInstanceOf(java.sql.SQLException.class);
        }
        SupportDesk analyticsDesk = SupportDesk.builder()
                .store(JdbcTicketStore.builder(replica).schemaMode(SchemaMode.NONE).build()).clock(clock).build();

        AnalyticsQuery query = AnalyticsQuery.builder(Instant.parse("2026-03-01T00:00:00Z"), clock.instant())
                .businessTime(true).build();
        AnalyticsReport onReplica = analyticsDesk.analytics().report(ADMIN, query);
        assertThat(onReplica).isEqualTo(desk.analytics().report(ADMIN, query));
        assertThat(onReplica.tickets()).isEqualTo(12);
        assertThat(onReplica.resolved()).isEqualTo(4);
        assertThat(analyticsDesk.analytics().csv(ADMIN, query)).isEqualTo(desk.analytics().csv(ADMIN, query));
        if ("postgresql".equals(database)) {
            // the report's largest aggregates on two more read-only connections, reading the snapshot it exported
            SupportDesk concurrent = SupportDesk.builder().store(JdbcTicketStore.builder(replica)
                    .schemaMode(SchemaMode.NONE).reportConnections(2).build()).clock(clock).build();
            assertThat(concurrent.analytics().report(ADMIN, query)).isEqualTo(onReplica);
        }

        // and a write through the analytics desk fails as a store error, not silently
        assertThatThrownBy(() -> analyticsDesk.tickets().submit(Actor.requester("provider-9", "Provider 9"),
                NewTicket.builder().subject("Should not be stored").body("Read-only").build()))
                .isInstanceOf(SupportException.class);
        assertThat(desk.analytics().report(ADMIN, query).tickets()).isEqualTo(12);
    }

    /** Every transaction of the session read-only, as a standby server enforces. */
    private String readOnlySession(String initSql) {
        if ("postgresql".equals(database)) {
            String readOnly = "SET default_transaction_read_only = on";
            return initSql == null ? readOnly : initSql + "; " + readOnly;
        }
        // MariaDB's driver runs one statement here: one SET with two assignments
        return initSql == null ? "SET SESSION transaction_read_only = 1"
                : initSql + ", SESSION transaction_read_only = 1";
    }
}
