package za.co.proconnectsa.support.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import za.co.proconnectsa.support.SupportDesk;
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
 * Upgrading a database that has tickets but no analytics facts: the store (SchemaMode.CREATE) creates the facts table
 * and fills it from the tickets and their audit events in one statement, with exactly the rows the store itself
 * writes in each ticket's unit of work, so the report reads the same history as before.
 */
class FactsUpgradeTest {

    private static final Actor ADMIN = Actor.admin("lead-1", "Lerato (Lead)");
    private static final Actor AGENT = Actor.agent("agent-1", "Sipho");
    private static final Actor THANDI = Actor.requester("provider-17", "Thandi");
    private static final Instant START = Instant.parse("2026-05-04T07:00:00.000001Z");

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2-mem", "postgresql", "mariadb"})
    @DisplayName("the facts table created on a database with tickets is filled with the rows the store writes; the report is unchanged")
    void fillsExistingTickets(String name) throws SQLException {
        try (HikariDataSource ds = TestDatabases.named(name).freshDatabase("America/New_York")) {
            SettableClock clock = SettableClock.at(START);
            SupportDesk desk = SupportDesk.builder().store(JdbcTicketStore.create(ds)).clock(clock).build();
            List<String> numbers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                clock.set(START.plusSeconds(600L * i));
                numbers.add(desk.tickets().submit(THANDI, NewTicket.builder().subject("Invoice " + i)
                        .body("Charged twice").category(i % 2 == 0 ? Category.BILLING : Category.TECHNICAL).build())
                        .ticketNumber().text());
            }
            desk.tickets().assign(ADMIN, numbers.get(0), "agent-1");
            desk.tickets().assign(ADMIN, numbers.get(1), "agent-2");
            clock.set(START.plusSeconds(3_600).plusNanos(3_000));
            desk.tickets().reply(AGENT, numbers.get(0), Reply.publicReply("On it"));
            desk.tickets().reply(AGENT, numbers.get(1), Reply.publicReply("Looking"));
            clock.set(START.plusSeconds(7_200));
            desk.tickets().changeStatus(AGENT, numbers.get(0), TicketStatus.RESOLVED);
            clock.set(START.plusSeconds(9_000));
            desk.tickets().reply(THANDI, numbers.get(0), Reply.publicReply("Still charged twice"));
            clock.set(START.plusSeconds(10_800));
            desk.tickets().changeStatus(AGENT, numbers.get(0), TicketStatus.RESOLVED);
            desk.tickets().changeStatus(AGENT, numbers.get(2), TicketStatus.CLOSED);
            AnalyticsQuery query = AnalyticsQuery.builder(START.minusSeconds(3_600), START.plusSeconds(86_400))
                    .businessTime(true).build();
            AnalyticsReport before = desk.analytics().report(ADMIN, query);
            List<List<String>> written = facts(ds);
            assertThat(written).hasSize(4);
            assertThat(before.resolved()).isEqualTo(2);
            assertThat(before.reopened()).isEqualTo(1);

            // a database from before the facts table: tickets and audit events, no facts
            try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
                st.execute("DROP TABLE support_ticket_facts");
            }
            SupportDesk upgraded = SupportDesk.builder().store(JdbcTicketStore.create(ds)).clock(clock).build();

            assertThat(facts(ds)).isEqualTo(written);
            assertThat(upgraded.analytics().report(ADMIN, query)).isEqualTo(before);
            // a later start neither fills again nor doubles a row
            JdbcTicketStore.create(ds);
            assertThat(facts(ds)).isEqualTo(written);
        }
    }

    private static List<List<String>> facts(HikariDataSource ds) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT ticket_id, created_at, origin, category, priority, assignee_id,"
                        + " open_now, first_response_us, resolved_at, resolution_us, reopened FROM support_ticket_facts"
                        + " ORDER BY ticket_id")) {
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= 11; i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
