package za.co.proconnectsa.support.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.event.EventPayload;
import za.co.proconnectsa.support.event.TicketEvent;
import za.co.proconnectsa.support.jdbc.JdbcTicketStore;
import za.co.proconnectsa.support.ticket.AuditAction;
import za.co.proconnectsa.support.ticket.AuditEvent;
import za.co.proconnectsa.support.ticket.Category;
import za.co.proconnectsa.support.ticket.OriginChannel;
import za.co.proconnectsa.support.ticket.Priority;
import za.co.proconnectsa.support.ticket.Ticket;
import za.co.proconnectsa.support.ticket.TicketId;
import za.co.proconnectsa.support.ticket.TicketNumberFormat;
import za.co.proconnectsa.support.ticket.TicketStatus;
import za.co.proconnectsa.support.ticket.Visibility;

/**
 * Creating one ticket on PostgreSQL and on MariaDB through {@link JdbcTicketStore}, side by side with the same SQL
 * written by hand with plain JDBC on the same HikariCP pool. Both, in one transaction, take a number from its
 * counter row, insert the ticket row (all 17 columns), its CREATED audit event, its analytics facts row and its
 * SUBMITTED outbox entry (with its JSON payload, {@link EventPayload}), and stamp the ticket with the next change
 * position: exactly what {@code TicketService.submit} asks of the store. The Ticket and AuditEvent values are built the same
 * way in both methods (a fresh id and the new number; everything else is fixed in setup).
 *
 * <p>On MariaDB, which has no {@code UPDATE ... RETURNING}, both sides move a counter on and then read it in the same
 * transaction, as the store does there; instants are bound as UTC {@code DATETIME(6)} values.
 *
 * <p>Target: {@code store} at >= 0.8x the rate of {@code rawJdbc}, on each database.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
@Threads(1)
public class JdbcInsertBenchmark {

    /** The SQL a developer would write by hand for the same rows (table prefix "support_"). */
    static final String NEXT_NUMBER = "UPDATE support_counters SET counter_value = counter_value + 1 "
            + "WHERE counter_name = 'ticket_number'";
    static final String NEXT_CHANGE = "UPDATE support_counters SET counter_value = counter_value + 1 "
            + "WHERE counter_name = 'ticket_change'";
    static final String STAMP_CHANGE = "UPDATE support_tickets SET change_seq = ? WHERE id = ?";
    static final String INSERT_TICKET = "INSERT INTO support_tickets (id, seq, number, subject, body, category, "
            + "priority, status, origin, requester_id, assignee_id, tags, fingerprint, created_at, updated_at, "
            + "first_responded_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    static final String INSERT_AUDIT = "INSERT INTO support_audit_events (ticket_id, actor_id, actor_role, actor_name, "
            + "action, before_value, after_value, visibility, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    static final String INSERT_FACTS = "INSERT INTO support_ticket_facts (ticket_id, created_at, origin, category, "
            + "priority, assignee_id, open_now, first_response_us, resolved_at, resolution_us, reopened) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, NULL, NULL, NULL, 0)";
    static final String INSERT_OUTBOX = "INSERT INTO support_outbox (event_type, ticket_id, actor_id, actor_role, "
            + "actor_name, message_id, occurred_at, sla_target, attempts, aggregate_type, payload) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, 'ticket', ?)";

    private static final Actor REQUESTER = Actor.requester("provider-20417", "Thandi Nkosi");
    private static final String SUBJECT = "Charged twice for my March subscription";
    private static final String BODY = "Hi, my card was debited twice on 3 March for the Pro plan (R 349 each). "
            + "Please refund the second debit. Invoice numbers INV-88213 and INV-88214.";

    /** The database: {@code postgresql} or {@code mariadb}. */
    @Param({"postgresql", "mariadb"})
    public String database;

    private EmbeddedDatabase postgres;
    private EmbeddedMariaDb mariaDb;
    private boolean onMariaDb;
    private DataSource dataSource;
    private JdbcTicketStore store;
    private Instant now;
    private String fingerprint;
    private Ticket lastRaw;

    /** Starts the database, the pool and the store (which creates its schema). */
    @Setup(Level.Trial)
    public void start() {
        onMariaDb = switch (database) {
            case "postgresql" -> false;
            case "mariadb" -> true;
            default -> throw new IllegalArgumentException("no such database: " + database);
        };
        if (onMariaDb) {
            mariaDb = EmbeddedMariaDb.start();
            dataSource = mariaDb.dataSource();
        } else {
            postgres = EmbeddedDatabase.start();
            dataSource = postgres.dataSource();
        }
        store = JdbcTicketStore.create(dataSource);
        System.out.println();
        System.out.println(database + " " + serverVersion());
        now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        fingerprint = Fingerprint.of(SUBJECT, BODY);
    }

    /**
     * Empties the tables before each iteration, so both methods insert into tables of the same size.
     *
     * @throws SQLException when truncating fails
     */
    @Setup(Level.Iteration)
    public void emptyTables() throws SQLException {
        if (onMariaDb) {
            mariaDb.truncate("support_outbox", "support_audit_events", "support_ticket_facts", "support_tickets");
        } else {
            try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
                st.execute("TRUNCATE support_outbox, support_audit_events, support_ticket_facts, support_tickets CASCADE");
            }
        }
        lastRaw = null;
    }

    /** Notes whether the machine was quiet during the iteration. */
    @TearDown(Level.Iteration)
    public void noteMachineLoad() {
        MachineLoad.note();
    }

    /** Checks that both ways wrote what they should, then stops everything. */
    @TearDown(Level.Trial)
    public void stop() throws SQLException {
        try {
            try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT (SELECT count(*) FROM support_tickets), "
                            + "(SELECT count(*) FROM support_audit_events), (SELECT count(*) FROM support_outbox), "
                            + "(SELECT count(*) FROM support_ticket_facts)")) {
                rs.next();
                if (rs.getLong(1) != rs.getLong(2) || rs.getLong(1) != rs.getLong(3) || rs.getLong(1) != rs.getLong(4)) {
                    throw new IllegalStateException("tickets, audit events, outbox entries and facts differ: "
                            + rs.getLong(1) + " vs " + rs.getLong(2) + " vs " + rs.getLong(3) + " vs " + rs.getLong(4));
                }
            }
            if (lastRaw != null) {
                // the hand-written SQL must store exactly what the store would read back
                Ticket read = store.findById(lastRaw.id()).orElseThrow();
                if (!read.equals(lastRaw) || store.auditTrail(lastRaw.id()).size() != 1) {
                    throw new IllegalStateException("raw JDBC stored something else: " + read + " vs " + lastRaw);
                }
            }
        } finally {
            if (onMariaDb) {
                mariaDb.close();
            } else {
                postgres.close();
            }
        }
    }

    private String serverVersion() {
        return onMariaDb ? mariaDb.serverVersion() : postgres.serverVersion();
    }

    /** A new ticket as the ticket service builds it; identical in both benchmark methods. */
    private Ticket ticket(long sequence) {
        return new Ticket(TicketId.random(), TicketNumberFormat.DEFAULT.format(sequence), SUBJECT, BODY, Category.BILLING,
                Priority.NORMAL, TicketStatus.NEW, OriginChannel.WEB, REQUESTER.id(), null, Set.of("billing"), List.of(),
                fingerprint, now, now, null, 1);
    }

    private AuditEvent created(Ticket ticket) {
        return new AuditEvent(ticket.id(), REQUESTER, AuditAction.CREATED, null, TicketStatus.NEW.name(),
                Visibility.PUBLIC, now);
    }

    /** @return the ticket stored through the store as the desk stores it: number and insert in one unit of work */
    @Benchmark
    public Ticket store() {
        return store.inTransaction(() -> {
            Ticket ticket = ticket(store.nextSequence());
            return store.insert(ticket, List.of(created(ticket)), null).ticket();
        });
    }

    /**
     * @return the ticket stored by hand, the same rows in one transaction: the number from its counter, the ticket,
     *         audit and outbox rows, then the change position
     * @throws SQLException from the driver
     */
    @Benchmark
    public Ticket rawJdbc() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Ticket t = ticket(next(c, NEXT_NUMBER, "ticket_number"));
                insertRows(c, t, created(t), onMariaDb);
                // the change position is taken last, as the store takes it, and stamped on the new row
                try (PreparedStatement ps = c.prepareStatement(STAMP_CHANGE)) {
                    ps.setLong(1, next(c, NEXT_CHANGE, "ticket_change"));
                    ps.setString(2, t.id().toString());
                    ps.executeUpdate();
                }
                c.commit();
                lastRaw = t;
                return t;
            } catch (SQLException | RuntimeException failure) {
                c.rollback();
                throw failure;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    /** Moves a counter on and reads it: in one statement on PostgreSQL, the update then a read on MariaDB. */
    private long next(Connection c, String bump, String counter) throws SQLException {
        if (!onMariaDb) {
            try (PreparedStatement ps = c.prepareStatement(bump + " RETURNING counter_value");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
        try (PreparedStatement ps = c.prepareStatement(bump)) {
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT counter_value FROM support_counters WHERE counter_name = '"
                + counter + "'"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Binds an instant as the column wants it: TIMESTAMPTZ on PostgreSQL, a UTC DATETIME(6) on MariaDB. */
    private static void setInstant(PreparedStatement ps, int index, Instant instant, boolean mariaDb)
            throws SQLException {
        if (instant == null) {
            ps.setNull(index, mariaDb ? Types.TIMESTAMP : Types.TIMESTAMP_WITH_TIMEZONE);
        } else if (mariaDb) {
            ps.setObject(index, LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
        } else {
            ps.setObject(index, instant.atOffset(ZoneOffset.UTC));
        }
    }

    private static void insertRows(Connection c, Ticket t, AuditEvent e, boolean mariaDb) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT_TICKET)) {
            ps.setString(1, t.id().toString());
            ps.setLong(2, t.number().sequence());
            ps.setString(3, t.number().text());
            ps.setString(4, t.subject());
            ps.setString(5, t.body());
            ps.setString(6, t.category().code());
            ps.setString(7, t.priority().name());
            ps.setString(8, t.status().name());
            ps.setString(9, t.origin().name());
            ps.setString(10, t.requesterId());
            ps.setString(11, t.assigneeId());
            ps.setString(12, String.join("\n", t.tags()));
            ps.setString(13, t.fingerprint());
            setInstant(ps, 14, t.createdAt(), mariaDb);
            setInstant(ps, 15, t.updatedAt(), mariaDb);
            setInstant(ps, 16, null, mariaDb);
            ps.setLong(17, t.version());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT_AUDIT)) {
            ps.setString(1, e.ticketId().toString());
            ps.setString(2, e.actor().id());
            ps.setString(3, e.actor().role().name());
            ps.setString(4, e.actor().displayName());
            ps.setString(5, e.action().name());
            ps.setString(6, e.before());
            ps.setString(7, e.after());
            ps.setString(8, e.visibility().name());
            setInstant(ps, 9, e.at(), mariaDb);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT_FACTS)) {
            ps.setString(1, t.id().toString());
            setInstant(ps, 2, t.createdAt(), mariaDb);
            ps.setString(3, t.origin().name());
            ps.setString(4, t.category().code());
            ps.setString(5, t.priority().name());
            ps.setString(6, t.assigneeId());
            ps.setInt(7, t.status().isActive() ? 1 : 0);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT_OUTBOX)) {
            ps.setString(1, "SUBMITTED");
            ps.setString(2, e.ticketId().toString());
            ps.setString(3, e.actor().id());
            ps.setString(4, e.actor().role().name());
            ps.setString(5, e.actor().displayName());
            ps.setNull(6, Types.VARCHAR);
            setInstant(ps, 7, e.at(), mariaDb);
            ps.setNull(8, Types.VARCHAR);
            // the event's JSON, as a hand-written outbox for Debezium would hold it too
            ps.setString(9, EventPayload.json(new TicketEvent(TicketEvent.Type.SUBMITTED, t, e.actor(), e.at(), null)));
            ps.executeUpdate();
        }
    }
}
