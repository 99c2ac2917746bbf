package za.co.proconnectsa.support.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.StoreUnavailableException;
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
 * PostgreSQL reports on several connections ({@link JdbcTicketStore.Builder#reportConnections}): the extra
 * connections read the snapshot the report's own transaction exported, so a ticket committed after the export is in
 * none of the five figures they compute; a report in a unit that has written, or inside the host's transaction and
 * savepoint, runs on its own connection; an extra connection the pool cannot give is done without; an aggregate that
 * fails on one fails the report as a store error once every connection is back. (The golden data set's figures on 3
 * connections are in {@link AnalyticsTest}.)
 */
class ReportConnectionsTest {

    private static final Actor ADMIN = Actor.admin("admin-1", "Lerato");
    private static final Actor AGENT = Actor.agent("agent-1", "Sipho");

    private final SettableClock clock = SettableClock.startingAt("2026-03-02T08:00:00Z");
    private HikariDataSource pool;
    private SupportDesk plain;

    @BeforeEach
    void fill() {
        pool = TestDatabases.named("postgresql").freshDatabase();
        plain = SupportDesk.builder().store(JdbcTicketStore.create(pool)).clock(clock).build();
        for (int i = 0; i < 9; i++) {
            submit(plain, i);
        }
    }

    @AfterEach
    void close() {
        pool.close();
    }

    private void submit(SupportDesk desk, int i) {
        Actor requester = Actor.requester("provider-" + (i % 3), "Provider " + (i % 3));
        String number = desk.tickets().submit(requester, NewTicket.builder().subject("Payout " + i + " missing")
                .body("The payout for job " + i + " has not arrived.")
                .category(i % 2 == 0 ? Category.BILLING : Category.TECHNICAL).build()).ticketNumber().text();
        clock.advance(Duration.ofMinutes(7 + i));
        desk.tickets().assign(AGENT, number, AGENT.id());
        desk.tickets().reply(AGENT, number, Reply.publicReply("We are looking at payout " + i + "."));
        clock.advance(Duration.ofMinutes(30));
        if (i % 3 == 0) {
            desk.tickets().changeStatus(AGENT, number, TicketStatus.RESOLVED);
        }
    }

    private AnalyticsQuery query() {
        return AnalyticsQuery.builder(Instant.parse("2026-03-01T00:00:00Z"), clock.instant().plusSeconds(86_400))
                .build();
    }

    @Test
    void theReportOnThreeConnectionsEqualsTheReportOnOne() {
        AtomicInteger taken = new AtomicInteger();
        SupportDesk concurrent = desk(onExtraConnection(taken::incrementAndGet), 3);
        AnalyticsReport report = concurrent.analytics().report(ADMIN, query());
        assertThat(taken).as("extra connections taken").hasValue(3);
        assertThat(report).isEqualTo(plain.analytics().report(ADMIN, query()));
        assertThat(report.tickets()).isEqualTo(9);
        assertThat(report.agents()).singleElement().satisfies(a -> assertThat(a.assigned()).isEqualTo(9));
        assertThat(concurrent.analytics().csv(ADMIN, query())).isEqualTo(plain.analytics().csv(ADMIN, query()));
    }

    @Test
    void aTicketCommittedAfterTheReportExportedItsSnapshotIsInNoneOfItsFigures() {
        // the first extra connection taken commits a tenth ticket first (left open): after the export, before the
        // import
        AtomicBoolean once = new AtomicBoolean();
        DataSource meddling = onExtraConnection(() -> {
            if (once.compareAndSet(false, true)) {
                submit(plain, 10);
            }
        });
        AnalyticsReport report = desk(meddling, 2).analytics().report(ADMIN, query());

        assertThat(once).as("an extra connection was taken").isTrue();
        assertThat(report.tickets()).isEqualTo(9);
        assertThat(report.agents()).singleElement().satisfies(a -> assertThat(a.assigned()).isEqualTo(9));
        assertThat(report.requestsPerDay().stream().mapToLong(d -> d.count()).sum()).isEqualTo(9);
        assertThat(report.firstResponse().wall().count()).isEqualTo(9);
        assertThat(report.backlog().open()).isEqualTo(6);
        // the next report sees it
        AnalyticsReport after = desk(pool, 2).analytics().report(ADMIN, query());
        assertThat(after.tickets()).isEqualTo(10);
        assertThat(after.backlog().open()).isEqualTo(7);
        assertThat(after.agents()).singleElement().satisfies(a -> assertThat(a.openNow()).isEqualTo(7));
        assertThat(after).isEqualTo(plain.analytics().report(ADMIN, query()));
    }

    @Test
    void aReportInAUnitThatHasWrittenSeesItsOwnWrites() {
        JdbcTicketStore store = JdbcTicketStore.builder(pool).reportConnections(3).build();
        SupportDesk concurrent = SupportDesk.builder().store(store).clock(clock).build();
        AnalyticsReport report = store.inTransaction(() -> {
            concurrent.tickets().submit(Actor.requester("provider-7", "Provider 7"), NewTicket.builder()
                    .subject("Invoice query").body("Which invoice is this?").category(Category.BILLING).build());
            return concurrent.analytics().report(ADMIN, query());
        });
        assertThat(report.tickets()).isEqualTo(10);
        assertThat(report).isEqualTo(plain.analytics().report(ADMIN, query()));
    }

    @Test
    void extraConnectionsThePoolCannotGiveAreDoneWithoutOnTheReportsOwnConnection() {
        AtomicInteger refused = new AtomicInteger();
        DataSource failing = onExtraConnection(() -> {
            refused.incrementAndGet();
            throw new SQLException("the pool is exhausted", "08001");
        });
        AnalyticsReport report = desk(failing, 2).analytics().report(ADMIN, query());
        assertThat(refused).hasValue(2);
        assertThat(report).isEqualTo(plain.analytics().report(ADMIN, query()));
        assertThat(pool.getHikariPoolMXBean().getActiveConnections()).isZero();
    }

    @Test
    void anAggregateThatFailsOnAnExtraConnectionFailsTheReportAsAStoreErrorOnceEveryConnectionIsBack() {
        // every extra connection fails the open tickets' statement, as a server that went away would
        DataSource failing = handingOut(extra -> extra ? failingOpenTickets(pool.getConnection())
                : pool.getConnection());
        SupportDesk concurrent = desk(failing, 2);
        assertThatThrownBy(() -> concurrent.analytics().report(ADMIN, query()))
                .isInstanceOf(StoreUnavailableException.class).hasMessageContaining("counting open tickets");
        assertThat(pool.getHikariPoolMXBean().getActiveConnections()).isZero();
        assertThat(desk(pool, 2).analytics().report(ADMIN, query())).isEqualTo(plain.analytics().report(ADMIN, query()));
    }

    @Test
    void aReportInsideTheHostsTransactionAndSavepointRunsOnItsConnectionAlone() throws Exception {
        JdbcTicketStore.create(pool);
        try (Connection host = pool.getConnection()) {
            AtomicInteger taken = new AtomicInteger();
            // the host's connection for the caller's thread, never closed by the store; the pool's for the workers
            DataSource joined = handingOut(extra -> {
                if (extra) {
                    taken.incrementAndGet();
                    return pool.getConnection();
                }
                return unclosable(host);
            });
            SupportDesk inHostTransaction = SupportDesk.builder().store(JdbcTicketStore.builder(joined)
                    .schemaMode(SchemaMode.NONE).joinHostTransactions(true).reportConnections(2).build())
                    .clock(clock).build();
            host.setAutoCommit(false);
            Savepoint savepoint = host.setSavepoint();
            // PostgreSQL exports no snapshot from a savepoint: the report must not try
            AnalyticsReport report = inHostTransaction.analytics().report(ADMIN, query());
            assertThat(taken).as("extra connections taken").hasValue(0);
            assertThat(report).isEqualTo(plain.analytics().report(ADMIN, query()));
            host.rollback(savepoint);
            host.rollback();
            host.setAutoCommit(true);
        }
    }

    /** A connection of the pool whose statements counting open tickets fail as a lost connection would. */
    private static Connection failingOpenTickets(Connection target) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("prepareStatement") && ((String) args[0]).contains("open_now = 1")) {
                        throw new SQLException("connection lost", "08006");
                    }
                    return invoke(method, target, args);
                });
    }

    /** The host's connection as the store sees it: closing it leaves it open. */
    private static Connection unclosable(Connection target) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> method.getName().equals("close") ? null : invoke(method, target, args));
    }

    private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Test
    void reportConnectionsOutOfRangeAreRefused() {
        for (int value : List.of(0, -1, 6)) {
            assertThatThrownBy(() -> JdbcTicketStore.builder(pool).reportConnections(value))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("reportConnections");
        }
    }

    private SupportDesk desk(DataSource dataSource, int connections) {
        return SupportDesk.builder().store(JdbcTicketStore.builder(dataSource).reportConnections(connections).build())
                .clock(clock).build();
    }

    /** Work done on a report's worker thread before it takes an extra connection. */
    @FunctionalInterface
    private interface BeforeConnection {
        void run() throws SQLException;
    }

    /** The pool, running {@code before} whenever a report's worker thread asks it for a connection. */
    private DataSource onExtraConnection(BeforeConnection before) {
        return handingOut(extra -> {
            if (extra) {
                before.run();
            }
            return pool.getConnection();
        });
    }

    /** Where a connection comes from, told whether a report's worker thread (an extra connection) asks. */
    @FunctionalInterface
    private interface ConnectionSource {
        Connection get(boolean extra) throws SQLException;
    }

    /** A data source whose connections come from {@code source}; everything else is the pool's. */
    private DataSource handingOut(ConnectionSource source) {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> method.getName().equals("getConnection")
                        ? source.get(Thread.currentThread().getName().startsWith("support-report-"))
                        : invoke(method, pool, args));
    }
}
