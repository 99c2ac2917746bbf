package za.co.proconnectsa.support.benchmarks;

import java.io.IOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import za.co.proconnectsa.support.jdbc.JdbcTicketStore;
import za.co.proconnectsa.support.ticket.TicketId;

/**
 * The SLA watcher's statements on PostgreSQL at 1,000,000 tickets, each with its {@code support_sla_schedule} row
 * (data: {@link SlaScheduleDataset}; plans: {@link SlaPlans}):
 * <ul>
 *   <li>{@code claim100}: {@link JdbcTicketStore#claimSlaChecks} claiming a batch of 100 due checks, in its own
 *       transaction: the SELECT ... ORDER BY next_check_at LIMIT 100 FOR UPDATE SKIP LOCKED through the check index,
 *       then the batched UPDATE moving each claimed check a lease on, and the commit;</li>
 *   <li>{@code dueBy100}: {@link JdbcTicketStore#ticketsDueBy}, the 100 tickets due soonest (the queue by urgency);</li>
 *   <li>baselines on the same pool and server, in the same run: {@code primaryKeyLookup100} reads 100 schedule rows
 *       by primary key in one statement ({@code WHERE ticket_id = ANY(?)}, auto-commit), and
 *       {@code primaryKeyClaim100} writes by hand what a claim writes, but finds its 100 rows by primary key instead
 *       of by the check index: SELECT ... WHERE ticket_id = ANY(?) FOR UPDATE SKIP LOCKED, the same batched UPDATE,
 *       the commit.</li>
 * </ul>
 *
 * <p>The watcher's clock: every claim asks at {@code SlaScheduleDataset.NOW} plus 1 ms per claim so far, with a lease
 * of 10 ms, so a claimed check comes due again ten claims later, behind the rest of the backlog (about 6,700 checks
 * due), and the batch is always full: the benchmark fails if a claim returns fewer than 100. The claims leave dead row
 * versions behind (the server runs without autovacuum), so the schedule is vacuumed before every iteration, as
 * autovacuum would; after the run the checks are put back as loaded.
 *
 * <p>Target: a claim batch of 100 in at most 10 ms, reported with its ratio to the primary-key baselines.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
@Threads(1)
public class SlaWatcherBenchmark {


    private static final Duration LEASE = Duration.ofMillis(10);

    /** How many tickets (and schedule rows) are stored. */
    @Param({"1000000"})
    public long tickets;

    /** The batch size of a claim and of the baselines (the smoke run's small data set claims smaller batches). */
    @Param({"100"})
    public int batch;

    private EmbeddedDatabase database;
    private JdbcTicketStore store;
    private long claims;
    private long byKey;
    private long shortClaims;
    private List<String> ids;
    private int next;

    /**
     * Opens the kept data set (loading it the first time) and picks the rows the baselines read.
     *
     * @throws SQLException when loading fails
     * @throws IOException  when the data directory cannot be written
     */
    @Setup(Level.Trial)
    public void start() throws SQLException, IOException {
        database = SlaScheduleDataset.open(tickets);
        store = JdbcTicketStore.create(database.dataSource());
        long due = SlaScheduleDataset.dueChecks(database);
        if (due < 20L * batch) {
            throw new IllegalStateException("only " + due + " checks are due: too few to claim full batches");
        }
        ids = new ArrayList<>();
        try (Connection c = database.dataSource().getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT ticket_id FROM support_sla_schedule WHERE next_check_at IS NOT NULL")) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        // batches of random rows with a running clock, as a claim's rows are scattered over the table
        Collections.shuffle(ids, new Random(42));
        System.out.println();
        System.out.println("PostgreSQL " + database.serverVersion() + ": " + tickets + " schedule rows, " + due
                + " checks due at " + SlaScheduleDataset.NOW);
    }

    /**
     * Vacuums the schedule before each iteration (what autovacuum would do between the watcher's claims).
     *
     * @throws SQLException from the driver
     */
    @Setup(Level.Iteration)
    public void vacuum() throws SQLException {
        try (Connection c = database.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute("VACUUM support_sla_schedule");
        }
    }

    /** Notes whether the machine was quiet during the iteration. */
    @TearDown(Level.Iteration)
    public void noteMachineLoad() {
        MachineLoad.note();
    }

    /**
     * Puts the checks back as loaded and stops PostgreSQL (the data directory is kept).
     *
     * @throws SQLException when resetting fails
     */
    @TearDown(Level.Trial)
    public void stop() throws SQLException {
        try {
            if (claims > 0) {
                System.out.println();
                System.out.println(claims + " claims, " + shortClaims + " of them with fewer than " + batch + " tickets");
            }
            SlaScheduleDataset.reset(database);
        } finally {
            database.close();
        }
        if (shortClaims > 0) {
            throw new IllegalStateException(shortClaims + " claims returned fewer than " + batch + " tickets");
        }
    }

    /** @return a batch of 100 due checks claimed through the store */
    @Benchmark
    public List<TicketId> claim100() {
        claims++;
        Instant now = SlaScheduleDataset.NOW.plusMillis(claims);
        List<TicketId> claimed = store.claimSlaChecks(now, LEASE, batch);
        if (claimed.size() != batch) {
            shortClaims++;
        }
        return claimed;
    }

    /** @return the 100 tickets due soonest, through the store */
    @Benchmark
    public List<TicketId> dueBy100() {
        return store.ticketsDueBy(SlaScheduleDataset.NOW.plus(Duration.ofHours(4)), batch);
    }

    private String[] nextIds() {
        if (next + batch > ids.size()) {
            next = 0;
        }
        String[] chosen = ids.subList(next, next + batch).toArray(new String[0]);
        next += batch;
        return chosen;
    }

    /**
     * @return how many of 100 schedule rows, read by primary key in one statement, were found
     * @throws SQLException from the driver
     */
    @Benchmark
    public int primaryKeyLookup100() throws SQLException {
        try (Connection c = database.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT ticket_id, next_due_at, next_check_at FROM support_sla_schedule WHERE ticket_id = ANY(?)")) {
            Array array = c.createArrayOf("varchar", nextIds());
            ps.setArray(1, array);
            int found = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found++;
                }
            }
            if (found != batch) {
                throw new IllegalStateException("found " + found + " of " + batch + " rows by primary key");
            }
            return found;
        }
    }

    /**
     * @return the rows a claim would write, found by primary key instead of by the check index, in one transaction
     * @throws SQLException from the driver
     */
    @Benchmark
    public List<String> primaryKeyClaim100() throws SQLException {
        try (Connection c = database.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try {
                List<String> claimed = new ArrayList<>(batch);
                try (PreparedStatement ps = c.prepareStatement("SELECT ticket_id FROM support_sla_schedule "
                        + "WHERE ticket_id = ANY(?) FOR UPDATE SKIP LOCKED")) {
                    ps.setArray(1, c.createArrayOf("varchar", nextIds()));
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            claimed.add(rs.getString(1));
                        }
                    }
                }
                // the claim's update: the check moves a lease on (the reset after the run puts the checks back)
                byKey++;
                Instant now = SlaScheduleDataset.NOW.plusMillis(byKey);
                try (PreparedStatement ps = c.prepareStatement("UPDATE support_sla_schedule SET next_check_at = ? "
                        + "WHERE ticket_id = ?")) {
                    for (String id : claimed) {
                        ps.setObject(1, now.plus(LEASE).atOffset(ZoneOffset.UTC));
                        ps.setString(2, id);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                c.commit();
                return claimed;
            } catch (SQLException | RuntimeException failure) {
                c.rollback();
                throw failure;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }
}
