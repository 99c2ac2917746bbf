package za.co.proconnectsa.support.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import za.co.proconnectsa.support.SupportDesk;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.analytics.AnalyticsQuery;
import za.co.proconnectsa.support.analytics.AnalyticsReport;
import za.co.proconnectsa.support.jdbc.JdbcTicketStore;

/**
 * The analytics report over a year of tickets on PostgreSQL ({@link QueueDataset}: one ticket every 30 s from
 * 2025-01-01, first responses, assignees, no messages, audit events or conversations, and the analytics facts the
 * store keeps), against hand-written SQL computing the same wall-time figures on one connection, in the same run.
 * The data set has no messages, audit events or conversations, so the baselines leave out the report's queries over
 * those (their figures are zero).
 *
 * <ul>
 *   <li>{@code report}: {@code desk.analytics().report} in wall time without common issues, every aggregate on the
 *       report's own connection (the store's default);</li>
 *   <li>{@code reportOnTwoConnections}: the same with the store's {@code reportConnections(2)}: its five largest
 *       aggregates on two more connections that read the report's snapshot;</li>
 *   <li>{@code handWritten}: the baseline as a host would first write it, over the tickets table (counts by origin,
 *       category and priority; requests by quarter hour; the first-response count, sum and percentiles; backlog
 *       bands; per agent the period's tickets, their first-response count and sum, and the open tickets; it leaves
 *       out the per-agent percentiles and the resolution figures the report computes too);</li>
 *   <li>{@code handWrittenTuned}: the best hand-written SQL for every figure the report computes from the tables it
 *       reads (the narrow facts table): the same five passes as the report (counts, quarter hours, both spans'
 *       percentiles and the resolution counts, backlog, every per-agent figure with {@code FILTER} and the agents'
 *       percentiles), so its ratio shows what the library itself costs;</li>
 *   <li>{@code fullReport}: with business time (every first response measured on the desk's hours) and common
 *       issues (every subject and body streamed).</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 10)
@Fork(1)
public class AnalyticsBenchmark {

    private static final Actor ADMIN = Actor.admin("lead-1", "Lead");
    static final Instant FROM = Instant.parse("2024-12-31T22:00:00Z");

    /** How many tickets are stored. */
    @Param({"1000000"})
    public long tickets;

    private EmbeddedDatabase database;
    private SupportDesk desk;
    private SupportDesk desk2;
    private AnalyticsQuery wallOnly;
    private AnalyticsQuery full;

    /**
     * Starts PostgreSQL on a fresh directory, creates the schema and loads the tickets.
     *
     * @throws SQLException when loading fails
     */
    @Setup(Level.Trial)
    public void start() throws SQLException {
        database = EmbeddedDatabase.start();
        JdbcTicketStore store = JdbcTicketStore.create(database.dataSource());
        System.out.println();
        System.out.println(QueueDataset.load(database.dataSource(), tickets, QueueDataset.Layout.UNIFORM));
        desk = SupportDesk.builder().store(store).build();
        Instant to = FROM.plusSeconds(30 * tickets + 1);
        wallOnly = AnalyticsQuery.builder(FROM, to).zone(ZoneId.of("Africa/Johannesburg")).topTerms(0).build();
        full = AnalyticsQuery.builder(FROM, to).businessTime(true).topTerms(10).build();
        desk2 = SupportDesk.builder().store(JdbcTicketStore.builder(database.dataSource()).reportConnections(2).build())
                .build();
        AnalyticsReport check = desk.analytics().report(ADMIN, wallOnly);
        if (!check.equals(desk2.analytics().report(ADMIN, wallOnly))) {
            throw new IllegalStateException("the report on two connections differs from the report on one");
        }
        System.out.println("report: " + check.tickets() + " tickets, first response " + check.firstResponse().wall());
    }

    /** Notes whether the machine was quiet during the iteration. */
    @TearDown(Level.Iteration)
    public void noteMachineLoad() {
        MachineLoad.note();
    }

    /** Stops PostgreSQL. */
    @TearDown(Level.Trial)
    public void stop() {
        database.close();
    }

    /** @return the report through the desk, wall time */
    @Benchmark
    public AnalyticsReport report() {
        return desk.analytics().report(ADMIN, wallOnly);
    }

    /**
     * @return the report through a desk whose store runs the report's largest aggregates on two connections sharing
     *         the report's snapshot ({@code reportConnections(2)}), wall time
     */
    @Benchmark
    public AnalyticsReport reportOnTwoConnections() {
        return desk2.analytics().report(ADMIN, wallOnly);
    }

    /** @return the report with business time and common issues */
    @Benchmark
    public AnalyticsReport fullReport() {
        return desk.analytics().report(ADMIN, full);
    }

    /**
     * The same wall-time figures with hand-written SQL on one connection, as a host would first write it
     * ({@code EXTRACT(EPOCH FROM ...)} for durations and quarter hours).
     *
     * @param sink keeps the results alive
     * @throws SQLException from the driver
     */
    @Benchmark
    public void handWritten(Blackhole sink) throws SQLException {
        handWritten(sink, "((EXTRACT(EPOCH FROM first_responded_at) - EXTRACT(EPOCH FROM created_at)) * 1000000)::bigint",
                "FLOOR(EXTRACT(EPOCH FROM created_at) / 900)::bigint", null);
    }

    /**
     * Every figure the report computes, hand-written over the narrow facts table the report reads
     * ({@code support_ticket_facts}: spans stored in microseconds), in as few passes as the figures allow, on one
     * connection: counts by origin, category and priority; requests by quarter hour ({@code date_bin}); both spans'
     * counts, sums and four percentiles and the resolution counts in one statement; the open tickets per agent in the
     * backlog's age bands with {@code FILTER} (the partial index of open tickets); the period's per-agent figures
     * with both spans' median and 90th percentile, grouped in the agent index's byte order. The session's work_mem is
     * 64 MB during the call, as the report sets it for its percentile statements, and every statement gets a custom
     * plan, as in the report's transaction.
     *
     * @param sink keeps the results alive
     * @throws SQLException from the driver
     */
    @Benchmark
    public void handWrittenTuned(Blackhole sink) throws SQLException {
        Instant to = wallOnly.to();
        try (Connection c = database.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute("SET work_mem = '64MB'");
            // each statement planned for its period, as the report's transaction asks (the driver prepares a statement
            // on the server from its fifth use, and a generic plan misjudges a year of facts)
            st.execute("SET plan_cache_mode = force_custom_plan");
            String facts = " FROM support_ticket_facts";
            String period = facts + " WHERE created_at >= ? AND created_at < ?";
            String fractions = "ARRAY[0.5, 0.9, 0.95, 0.99]";
            read(c, sink, "SELECT origin, category, priority, COUNT(*)" + period + " GROUP BY origin, category, priority", to);
            read(c, sink, "SELECT date_bin('15 minutes', created_at, timestamptz '0001-01-01 00:00:00+00') q, COUNT(*)"
                    + period + " GROUP BY q", to);
            read(c, sink, "SELECT COUNT(first_response_us), SUM(first_response_us), percentile_cont(" + fractions
                    + ") WITHIN GROUP (ORDER BY first_response_us), COUNT(resolved_at), SUM(resolution_us),"
                    + " percentile_cont(" + fractions + ") WITHIN GROUP (ORDER BY resolution_us), SUM(reopened)" + period, to);
            // the open tickets, whenever created: per agent, in the backlog's age bands and in all
            read(c, sink, "SELECT assignee_id,"
                    + " COUNT(*) FILTER (WHERE created_at < ? AND created_at > ?::timestamptz - interval '1 day'),"
                    + " COUNT(*) FILTER (WHERE created_at <= ?::timestamptz - interval '1 day' AND created_at > ?::timestamptz - interval '3 days'),"
                    + " COUNT(*) FILTER (WHERE created_at <= ?::timestamptz - interval '3 days' AND created_at > ?::timestamptz - interval '7 days'),"
                    + " COUNT(*) FILTER (WHERE created_at <= ?::timestamptz - interval '7 days' AND created_at > ?::timestamptz - interval '30 days'),"
                    + " COUNT(*) FILTER (WHERE created_at <= ?::timestamptz - interval '30 days'), COUNT(*)"
                    + facts + " WHERE open_now = 1 GROUP BY assignee_id", null);
            // the period's assigned tickets per agent, read in agent order (byte order, as the agent index holds them)
            read(c, sink, "SELECT assignee_id COLLATE \"C\" AS agent, COUNT(*), COUNT(resolution_us),"
                    + " COUNT(first_response_us), SUM(first_response_us), SUM(resolution_us),"
                    + " percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY first_response_us),"
                    + " percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY resolution_us)"
                    + period + " AND assignee_id IS NOT NULL GROUP BY agent", to);
        }
    }

    private void handWritten(Blackhole sink, String micros, String quarter, String workMem) throws SQLException {
        Instant to = wallOnly.to();
        try (Connection c = database.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute(workMem == null ? "RESET work_mem" : "SET work_mem = '" + workMem + "'");
            String period = " FROM support_tickets WHERE created_at >= ? AND created_at < ?";
            read(c, sink, "SELECT origin, category, priority, COUNT(*)" + period + " GROUP BY origin, category, priority", to);
            read(c, sink, "SELECT " + quarter + " q, COUNT(*)" + period + " GROUP BY q", to);
            read(c, sink, "SELECT COUNT(*), SUM(d), percentile_cont(ARRAY[0.5, 0.9, 0.95, 0.99]) WITHIN GROUP (ORDER BY d)"
                    + " FROM (SELECT " + micros + " d" + period + " AND first_responded_at IS NOT NULL) x", to);
            read(c, sink, "SELECT COUNT(*) FILTER (WHERE created_at > ?::timestamptz - interval '1 day'),"
                    + " COUNT(*) FILTER (WHERE created_at <= ?::timestamptz - interval '1 day' AND created_at > ?::timestamptz - interval '3 days'),"
                    + " COUNT(*) FILTER (WHERE created_at <= ?::timestamptz - interval '3 days' AND created_at > ?::timestamptz - interval '7 days'),"
                    + " COUNT(*) FILTER (WHERE created_at <= ?::timestamptz - interval '7 days' AND created_at > ?::timestamptz - interval '30 days'),"
                    + " COUNT(*) FILTER (WHERE created_at <= ?::timestamptz - interval '30 days')"
                    + " FROM support_tickets WHERE status IN ('NEW', 'OPEN', 'PENDING', 'ON_HOLD') AND created_at < ?", null);
            // per agent: the period's tickets, their first responses (count and sum, for the mean) and the open ones
            String inPeriod = " FILTER (WHERE created_at >= ? AND created_at < ?)";
            read(c, sink, "SELECT assignee_id, COUNT(*)" + inPeriod + ", COUNT(first_responded_at)" + inPeriod
                    + ", SUM(" + micros + ")" + inPeriod
                    + ", COUNT(*) FILTER (WHERE status IN ('NEW', 'OPEN', 'PENDING', 'ON_HOLD'))"
                    + " FROM support_tickets WHERE assignee_id IS NOT NULL GROUP BY assignee_id", to);
        }
    }

    private void read(Connection c, Blackhole sink, String sql, Instant to) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int params = ps.getParameterMetaData().getParameterCount();
            for (int i = 1; i <= params; i++) {
                boolean start = to != null && i % 2 == 1;
                Instant at = start ? FROM : wallOnly.to();
                ps.setObject(i, at.atOffset(ZoneOffset.UTC));
            }
            try (ResultSet rs = ps.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    for (int i = 1; i <= columns; i++) {
                        sink.consume(rs.getObject(i));
                    }
                }
            }
        }
    }
}
