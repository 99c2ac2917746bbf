package za.co.proconnectsa.support.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import za.co.proconnectsa.support.DataRejectedException;
import za.co.proconnectsa.support.StoreUnavailableException;
import za.co.proconnectsa.support.SupportDesk;
import za.co.proconnectsa.support.SupportException;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.ticket.AuditAction;
import za.co.proconnectsa.support.ticket.AuditEvent;
import za.co.proconnectsa.support.ticket.Message;
import za.co.proconnectsa.support.ticket.NewTicket;
import za.co.proconnectsa.support.ticket.Reply;
import za.co.proconnectsa.support.ticket.Ticket;
import za.co.proconnectsa.support.ticket.TicketQuery;
import za.co.proconnectsa.support.ticket.Visibility;
import za.co.proconnectsa.support.testing.SettableClock;
import za.co.proconnectsa.support.testing.TicketFixtures;

/** Transactions, failures and schema modes, on H2 (the same code paths run on every dialect). */
class JdbcStoreBehaviourTest {

    private static final AtomicInteger N = new AtomicInteger();
    private static final Actor AGENT = Actor.agent("agent-1", "Sipho");

    private final SettableClock clock = SettableClock.startingAt("2026-03-02T08:15:30.123456Z");

    private static JdbcDataSource freshH2() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:behaviour" + N.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
        return ds;
    }

    /** An audit value longer than its column makes the database itself fail the statement. */
    private static AuditEvent tooLong(Ticket t) {
        return new AuditEvent(t.id(), AGENT, AuditAction.REPLIED, null, "x".repeat(600), Visibility.PUBLIC, t.createdAt());
    }

    @Test
    @DisplayName("a statement failing inside insert rolls the whole ticket back; a value the database refuses is a DataRejectedException, not a reason to retry")
    void insertIsAtomic() {
        JdbcTicketStore store = JdbcTicketStore.create(freshH2());
        Ticket ticket = TicketFixtures.forStore(store, clock).newTicket("prov-17", "Invoice", "Charged twice");

        assertThatThrownBy(() -> store.insert(ticket, List.of(tooLong(ticket)), null))
                .isInstanceOf(DataRejectedException.class)
                .isNotInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("inserting a ticket")
                .extracting(e -> ((DataRejectedException) e).sqlState()).asString().startsWith("22");
        assertThat(store.findById(ticket.id())).isEmpty();
        assertThat(store.auditTrail(ticket.id())).isEmpty();
        assertThat(store.pendingCount()).as("outbox entries").isZero();
    }

    @Test
    @DisplayName("the analytics facts are written in the ticket's transaction: when their statement fails, neither the ticket nor a change of it is kept")
    void factsCommitWithTheTicket() throws SQLException {
        JdbcDataSource ds = freshH2();
        JdbcTicketStore store = JdbcTicketStore.create(ds);
        TicketFixtures fixtures = TicketFixtures.forStore(store, clock);
        Ticket kept = fixtures.newTicket("prov-17", "Invoice", "Charged twice");
        store.insert(kept, List.of(), null);
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute("ALTER TABLE support_ticket_facts RENAME TO support_ticket_facts_gone");
        }
        Ticket lost = fixtures.newTicket("prov-18", "Login", "Cannot log in");

        assertThatThrownBy(() -> store.insert(lost, List.of(), null)).isInstanceOf(SupportException.class);
        assertThatThrownBy(() -> store.update(kept.withAssignee("agent-1", clock.instant()), List.of(), List.of()))
                .isInstanceOf(SupportException.class);
        assertThat(store.findById(lost.id())).isEmpty();
        assertThat(store.findById(kept.id())).hasValueSatisfying(t -> {
            assertThat(t.version()).isEqualTo(1);
            assertThat(t.assigneeId()).isNull();
        });
        assertThat(store.pendingCount()).as("outbox entries").isZero();
    }

    @Test
    @DisplayName("a statement failing inside update leaves version, messages and audit as they were")
    void updateIsAtomic() {
        JdbcTicketStore store = JdbcTicketStore.create(freshH2());
        TicketFixtures fixtures = TicketFixtures.forStore(store, clock);
        Ticket ticket = fixtures.newTicket("prov-17", "Invoice", "Charged twice");
        store.insert(ticket, List.of(), null);
        Message reply = fixtures.message(ticket, AGENT, "On it", Visibility.PUBLIC);

        assertThatThrownBy(() -> store.update(ticket.touchedAt(clock.instant()), List.of(reply), List.of(tooLong(ticket))))
                .isInstanceOf(DataRejectedException.class);
        assertThat(store.findById(ticket.id())).hasValueSatisfying(t -> assertThat(t.version()).isEqualTo(1));
        assertThat(store.messages(ticket.id())).isEmpty();
        assertThat(store.pendingCount()).as("outbox entries").isZero();
    }

    @Test
    @DisplayName("H2's substring search takes %, _ and ! in the search text literally")
    void h2SearchIsLiteral() {
        JdbcTicketStore store = JdbcTicketStore.create(freshH2());
        TicketFixtures fixtures = TicketFixtures.forStore(store, clock);
        Ticket percent = fixtures.newTicket("prov-17", "Is the 100% refund_policy real!", "Asking for a friend");
        store.insert(percent, List.of(), null);
        store.insert(fixtures.newTicket("prov-18", "I paid 1000 rand", "for refundXpolicy"), List.of(), null);
        for (String literal : new String[] {"100%", "REFUND_POLICY", "real!"}) {
            assertThat(store.query(TicketQuery.builder().text(literal).build()).items()).as(literal)
                    .extracting(Ticket::id).containsExactly(percent.id());
        }
        assertThat(store.query(TicketQuery.builder().text("1_0").build()).items()).isEmpty();
    }

    @Test
    @DisplayName("a pooled connection goes back with the auto-commit mode it came with, also after a sequence value")
    void connectionStateRestored() throws SQLException {
        JdbcDataSource h2 = freshH2();
        Connection real = h2.getConnection();
        real.setAutoCommit(false);
        // one connection handed out again and again, as a pool would, never really closed
        javax.sql.DataSource single = (javax.sql.DataSource) java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {javax.sql.DataSource.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        return java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                                new Class<?>[] {Connection.class}, (p, m, a) -> m.getName().equals("close") ? null
                                        : m.invoke(real, a));
                    }
                    return method.invoke(h2, args);
                });
        JdbcTicketStore store = JdbcTicketStore.create(single);
        long first = store.nextSequence();
        assertThat(real.getAutoCommit()).isFalse();
        store.insert(TicketFixtures.forStore(store, clock).newTicket("prov-17", "Invoice", "Charged twice"), List.of(), null);
        assertThat(real.getAutoCommit()).isFalse();
        assertThat(store.nextSequence()).isGreaterThan(first);
        real.close();
    }

    @Test
    @DisplayName("a database that went away gives StoreUnavailableException through the desk, never a raw SQLException")
    void databaseGone() throws SQLException {
        JdbcDataSource ds = freshH2();
        JdbcTicketStore store = JdbcTicketStore.create(ds);
        SupportDesk desk = SupportDesk.builder().store(store).clock(clock).build();
        Actor provider = Actor.requester("prov-17", "Thandi");
        String number = desk.tickets().submit(provider, NewTicket.builder().subject("Invoice").body("Charged twice")
                .build()).ticketNumber().text();
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute("DROP ALL OBJECTS");
        }

        assertThatThrownBy(() -> desk.tickets().reply(provider, number, Reply.publicReply("hello?")))
                .isInstanceOf(StoreUnavailableException.class).hasCauseInstanceOf(SQLException.class);
        assertThatThrownBy(() -> desk.tickets().queue(AGENT, TicketQuery.all()))
                .isInstanceOf(StoreUnavailableException.class);
    }

    @Test
    @DisplayName("an unreachable database fails at build time with StoreUnavailableException")
    void unreachable() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:tcp://127.0.0.1:1/nothing-listens-here");
        assertThatThrownBy(() -> JdbcTicketStore.create(ds)).isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("could not start");
    }

    @Test
    @DisplayName("schema modes: VALIDATE refuses a missing schema, CREATE is idempotent, NONE touches nothing")
    void schemaModes() {
        JdbcDataSource ds = freshH2();
        assertThatThrownBy(() -> JdbcTicketStore.builder(ds).schemaMode(SchemaMode.VALIDATE).build())
                .isInstanceOf(SupportException.class).hasMessageContaining("schema is missing");

        JdbcTicketStore none = JdbcTicketStore.builder(ds).schemaMode(SchemaMode.NONE).build();
        assertThatThrownBy(none::nextSequence).isInstanceOf(StoreUnavailableException.class);

        JdbcTicketStore.create(ds);
        JdbcTicketStore again = JdbcTicketStore.create(ds);
        JdbcTicketStore validated = JdbcTicketStore.builder(ds).schemaMode(SchemaMode.VALIDATE).build();
        assertThat(again.dialect()).isEqualTo(Dialect.H2);
        assertThat(validated.nextSequence()).isPositive();
    }

    @Test
    @DisplayName("two table prefixes in one database are two independent stores")
    void prefixes() {
        JdbcDataSource ds = freshH2();
        JdbcTicketStore a = JdbcTicketStore.builder(ds).tablePrefix("helpdesk_").build();
        JdbcTicketStore b = JdbcTicketStore.create(ds);
        Ticket t = TicketFixtures.forStore(a, clock).newTicket("prov-17", "Invoice", "Charged twice");
        a.insert(t, List.of(), null);

        assertThat(a.findById(t.id())).isPresent();
        assertThat(b.findById(t.id())).isEmpty();
        assertThat(a.tablePrefix()).isEqualTo("helpdesk_");
        assertThatThrownBy(() -> JdbcTicketStore.builder(ds).tablePrefix("Drop Table;"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("tablePrefix");
    }

    @Test
    @DisplayName("the schema SQL for Flyway users is the shipped file with the prefix applied")
    void schemaSql() {
        String sql = JdbcTicketStore.schemaSql(Dialect.POSTGRESQL, "helpdesk_");
        assertThat(sql).contains("CREATE TABLE IF NOT EXISTS helpdesk_tickets").contains("helpdesk_outbox")
                .contains("helpdesk_whatsapp_processed").contains("helpdesk_counters").doesNotContain("${prefix}");
        assertThat(JdbcTicketStore.schemaSql(Dialect.MARIADB, "s_")).contains("FULLTEXT").contains("DATETIME(6)");
        assertThatThrownBy(() -> JdbcTicketStore.schemaSql(Dialect.MYSQL, "s_")).isInstanceOf(SupportException.class)
                .hasMessageContaining("MySQL");
    }
}
