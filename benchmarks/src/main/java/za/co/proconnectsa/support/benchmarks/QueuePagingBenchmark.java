package za.co.proconnectsa.support.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
import org.openjdk.jmh.infra.BenchmarkParams;
import za.co.proconnectsa.support.jdbc.Dialect;
import za.co.proconnectsa.support.jdbc.JdbcTicketStore;
import za.co.proconnectsa.support.ticket.Category;
import za.co.proconnectsa.support.ticket.Cursor;
import za.co.proconnectsa.support.ticket.Page;
import za.co.proconnectsa.support.ticket.Ticket;
import za.co.proconnectsa.support.ticket.TicketQuery;

/**
 * The admin queues on PostgreSQL, read with {@link JdbcTicketStore#query}, 50 tickets a page, at 10,000 and at
 * 1,000,000 stored tickets:
 * <ul>
 *   <li>{@code adminFirstPage}, {@code adminPage100}: every ticket, newest first (the admin dashboard's list);
 *       page 100 through the keyset cursor after 99 pages, found in setup;</li>
 *   <li>{@code activeFirstPage}: active tickets (NEW, OPEN, PENDING, ON_HOLD), oldest first (the work queue);</li>
 *   <li>{@code activePage100}: its 100th page; only at 1,000,000 tickets, since 10,000 tickets hold fewer than
 *       5,000 active ones (the run fails at once there, by design);</li>
 *   <li>{@code filteredFirstPage}: active TECHNICAL tickets nobody is assigned to.</li>
 * </ul>
 *
 * <p>Data: see {@link QueueDataset}; {@code layout=UNIFORM} spreads the active tickets over all numbers,
 * {@code layout=RECENT} keeps them among the newest quarter, as in a desk where old tickets are closed. Each data
 * set is loaded once and kept under {@code benchmarks/target/queue-db/}, so later forks and runs start in a
 * second; it is reloaded when the store's schema changes.
 *
 * <p>Target: at 1,000,000 tickets, each page at <= 2x its time at 10,000 tickets, p99 under 10 ms.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
@Threads(1)
public class QueuePagingBenchmark {

    /** The page size of the admin queue. */
    static final int PAGE = 50;

    /** How many tickets are stored. */
    @Param({"10000", "1000000"})
    public int tickets;

    /** Where the active tickets are: UNIFORM or RECENT. */
    @Param({"UNIFORM", "RECENT"})
    public String layout;

    private EmbeddedDatabase database;
    private JdbcTicketStore store;
    private TicketQuery adminFirstPage;
    private TicketQuery adminPage100;
    private TicketQuery activeFirstPage;
    private TicketQuery activePage100;
    private TicketQuery technicalUnassigned;

    /**
     * Starts PostgreSQL on the kept data set (loading it the first time), and finds the cursors of page 100.
     *
     * @param params which benchmark runs
     * @throws SQLException when loading fails
     * @throws IOException  when the data directory cannot be written
     */
    @Setup(Level.Trial)
    public void start(BenchmarkParams params) throws SQLException, IOException {
        String schema = Integer.toHexString(JdbcTicketStore.schemaSql(Dialect.POSTGRESQL, JdbcTicketStore.DEFAULT_PREFIX)
                .hashCode());
        Path dir = QueueDataset.keptDirectory(tickets + "-" + layout);
        Path marker = dir.resolveSibling(dir.getFileName() + ".loaded");
        boolean loaded = Files.exists(marker) && Files.readString(marker).strip().equals(schema);
        if (!loaded) {
            deleteTree(dir);
            Files.deleteIfExists(marker);
            Files.createDirectories(dir.getParent());
        }
        database = EmbeddedDatabase.start(dir);
        store = JdbcTicketStore.create(database.dataSource());
        if (!loaded) {
            QueueDataset.Report report = QueueDataset.load(database.dataSource(), tickets,
                    QueueDataset.Layout.valueOf(layout));
            System.out.println();
            System.out.println("PostgreSQL " + database.serverVersion() + ", layout " + layout + ": " + report);
            Files.writeString(marker, schema, StandardCharsets.UTF_8);
        }

        adminFirstPage = TicketQuery.builder().order(TicketQuery.Order.NEWEST_FIRST).limit(PAGE).build();
        adminPage100 = adminFirstPage.after(cursorOfPage100(adminFirstPage));
        activeFirstPage = TicketQuery.builder().active().limit(PAGE).build();
        technicalUnassigned = TicketQuery.builder().active().category(Category.TECHNICAL).unassigned().limit(PAGE).build();
        if (store.query(technicalUnassigned).items().size() != PAGE) {
            throw new IllegalStateException("the filtered queue has less than a page");
        }
        if (params.getBenchmark().endsWith("activePage100")) {
            Cursor cursor = cursorOfPage100(activeFirstPage);
            long expected = sequenceOfActive(99 * PAGE);
            if (cursor.sequence() != expected) {
                throw new IllegalStateException("active page 100 starts after seq " + cursor.sequence() + ", expected " + expected);
            }
            activePage100 = activeFirstPage.after(cursor);
        }
    }

    /** Pages 99 times through the store: the cursor a user holds when asking for page 100. */
    private Cursor cursorOfPage100(TicketQuery first) {
        Page<Ticket> page = store.query(first);
        for (int i = 1; i < 99; i++) {
            if (!page.hasNext()) {
                throw new IllegalStateException("page 100 of " + first + " does not exist at " + tickets
                        + " tickets: only " + i + " pages");
            }
            page = store.query(first.after(page.nextCursor()));
        }
        if (!page.hasNext() || store.query(first.after(page.nextCursor())).items().size() != PAGE) {
            throw new IllegalStateException("page 100 of " + first + " is not full at " + tickets + " tickets");
        }
        return page.nextCursor();
    }

    /** The seq of the n-th active ticket, oldest first, straight from SQL: a check of the cursor. */
    private long sequenceOfActive(int n) throws SQLException {
        try (Connection c = database.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT seq FROM support_tickets WHERE status IN "
                        + "('NEW', 'OPEN', 'PENDING', 'ON_HOLD') ORDER BY seq OFFSET ? LIMIT 1")) {
            ps.setInt(1, n - 1);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** Notes whether the machine was quiet during the iteration. */
    @TearDown(Level.Iteration)
    public void noteMachineLoad() {
        MachineLoad.note();
    }

    /** Stops PostgreSQL (the data directory is kept). */
    @TearDown(Level.Trial)
    public void stop() {
        database.close();
    }

    /** @return the admin list's first page: every ticket, newest first */
    @Benchmark
    public Page<Ticket> adminFirstPage() {
        return store.query(adminFirstPage);
    }

    /** @return the admin list's 100th page */
    @Benchmark
    public Page<Ticket> adminPage100() {
        return store.query(adminPage100);
    }

    /** @return the work queue's first page: active tickets, oldest first */
    @Benchmark
    public Page<Ticket> activeFirstPage() {
        return store.query(activeFirstPage);
    }

    /** @return the work queue's 100th page */
    @Benchmark
    public Page<Ticket> activePage100() {
        return store.query(activePage100);
    }

    /** @return the first page of active TECHNICAL tickets nobody is assigned to */
    @Benchmark
    public Page<Ticket> filteredFirstPage() {
        return store.query(technicalUnassigned);
    }
}
