package za.co.proconnectsa.support.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
import za.co.proconnectsa.support.ticket.Category;
import za.co.proconnectsa.support.ticket.Cursor;
import za.co.proconnectsa.support.ticket.Page;
import za.co.proconnectsa.support.ticket.Ticket;
import za.co.proconnectsa.support.ticket.TicketQuery;

/**
 * The admin queue on PostgreSQL: active tickets (NEW, OPEN, PENDING, ON_HOLD), oldest first, 50 a
 * page, read with {@link JdbcTicketStore#query}, at 10,000 and at 1,000,000 stored tickets. The first
 * page and the 100th page (keyset cursor after the 99th page, computed in setup by paging 99 times).
 * A second, filtered queue shape, TECHNICAL tickets nobody is assigned to, is measured on its first
 * page (at 10,000 tickets it has fewer than 100 pages).
 *
 * <p>Data: see {@link QueueDataset}; {@code -p layout=RECENT} runs the same queries with the active
 * tickets among the newest quarter instead of spread uniformly.
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

    /** Where the active tickets are: UNIFORM (the target's data set) or RECENT. */
    @Param({"UNIFORM"})
    public String layout;

    private EmbeddedDatabase database;
    private JdbcTicketStore store;
    private TicketQuery firstPage;
    private TicketQuery page100;
    private TicketQuery technicalUnassigned;

    /**
     * Starts PostgreSQL, creates the schema through the store, loads the tickets and finds the cursor of
     * the 100th page.
     *
     * @throws SQLException when loading fails
     */
    @Setup(Level.Trial)
    public void start() throws SQLException {
        database = EmbeddedDatabase.start();
        store = JdbcTicketStore.create(database.dataSource());
        QueueDataset.Report report = QueueDataset.load(database.dataSource(), tickets, QueueDataset.Layout.valueOf(layout));
        System.out.println();
        System.out.println("PostgreSQL " + database.serverVersion() + ", layout " + layout + ": " + report);

        firstPage = TicketQuery.builder().active().limit(PAGE).build();
        Page<Ticket> page = store.query(firstPage);
        for (int i = 1; i < 99; i++) {
            page = store.query(firstPage.after(page.nextCursor()));
        }
        Cursor cursor = page.nextCursor();
        page100 = firstPage.after(cursor);
        long expected = sequenceOfActive(99 * PAGE);
        if (cursor.sequence() != expected || store.query(page100).items().size() != PAGE) {
            throw new IllegalStateException("page 100 starts after seq " + cursor.sequence() + ", expected " + expected);
        }
        technicalUnassigned = TicketQuery.builder().active().category(Category.TECHNICAL).unassigned().limit(PAGE).build();
        if (store.query(technicalUnassigned).items().size() != PAGE) {
            throw new IllegalStateException("the filtered queue has less than a page");
        }
        System.out.println("page 100 starts after seq " + cursor.sequence());
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

    /** @return the queue's first page */
    @Benchmark
    public Page<Ticket> firstPage() {
        return store.query(firstPage);
    }

    /** @return the queue's 100th page */
    @Benchmark
    public Page<Ticket> page100() {
        return store.query(page100);
    }

    /** @return the first page of active TECHNICAL tickets nobody is assigned to */
    @Benchmark
    public Page<Ticket> filteredFirstPage() {
        return store.query(technicalUnassigned);
    }
}
