package za.co.proconnectsa.support.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;
import za.co.proconnectsa.support.StoreUnavailableException;
import za.co.proconnectsa.support.SupportDesk;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.event.OutboxRelay;
import za.co.proconnectsa.support.event.TicketEvent;
import za.co.proconnectsa.support.jdbc.testdb.KillableDatabase;
import za.co.proconnectsa.support.ticket.NewTicket;
import za.co.proconnectsa.support.ticket.SubmissionReceipt;

/**
 * The database server stopped hard in the middle of a load (PostgreSQL: an immediate shutdown; MariaDB: the process
 * killed) and started again on the same data directory, while 4 callers submit keyed tickets (retrying as the README
 * says) and an outbox relay delivers their events. Afterwards: every acknowledged submission is there, every
 * submission has exactly one ticket with its audit entry, key and outbox event, nothing is half-written, and the
 * relay delivered every event, a second time only for the entries it had in hand when the server died.
 */
@ParameterizedClass(name = "{0}")
@ValueSource(strings = {"postgresql", "mariadb"})
class CrashRestartTest {

    private static final int WRITERS = 4;
    private static final int PER_WRITER = 400;
    private static final int RELAY_BATCH = 10;

    @Parameter
    String database;

    @Test
    @DisplayName("a hard stop mid-load and a restart on the same data: acknowledged submissions kept, none half-written, every event relayed")
    void hardStopMidLoad() throws Exception {
        try (KillableDatabase server = KillableDatabase.start(database)) {
            HikariDataSource pool = server.pool(8);
            JdbcTicketStore store = JdbcTicketStore.create(pool);
            SupportDesk desk = SupportDesk.builder().store(store).build();
            List<TicketEvent> relayed = java.util.Collections.synchronizedList(new ArrayList<>());
            Map<String, SubmissionReceipt> acknowledged = new ConcurrentHashMap<>();
            AtomicLong failures = new AtomicLong();
            long downMillis;
            OutboxRelay relay = OutboxRelay.builder(store).owner("relay").batchSize(RELAY_BATCH)
                    .lease(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(20)).retryDelay(Duration.ofMillis(100))
                    .maxAttempts(1000).listener(relayed::add).build().start();
            try {
                ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
                try {
                    List<Future<?>> runs = new ArrayList<>();
                    for (int w = 0; w < WRITERS; w++) {
                        int writer = w;
                        runs.add(writers.submit(() -> {
                            for (int i = 0; i < PER_WRITER; i++) {
                                int submission = writer * PER_WRITER + i;
                                acknowledged.put(key(submission), submitRetrying(desk, submission, failures));
                            }
                            return null;
                        }));
                    }
                    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
                    while (acknowledged.size() < WRITERS * PER_WRITER / 4 && System.nanoTime() < deadline) {
                        Thread.sleep(5);
                    }
                    int before = acknowledged.size();
                    long stop = System.nanoTime();
                    server.kill();
                    Thread.sleep(500); // the callers meet a dead server for a while
                    server.restart();
                    downMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stop);
                    System.out.printf("CrashRestartTest %s: killed after %d acknowledged submissions, back after %d ms%n",
                            database, before, downMillis);
                    assertThat(before).as("submissions acknowledged before the stop").isLessThan(WRITERS * PER_WRITER);
                    for (Future<?> run : runs) {
                        run.get(5, TimeUnit.MINUTES);
                    }
                } finally {
                    writers.shutdownNow();
                }
                long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
                while (count(pool, "SELECT COUNT(*) FROM support_outbox") > 0 && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
            } finally {
                relay.close();
            }

            int submissions = WRITERS * PER_WRITER;
            assertThat(failures.get()).as("calls that met the stopped server").isPositive();
            assertThat(acknowledged).hasSize(submissions);
            assertThat(count(pool, "SELECT COUNT(*) FROM support_tickets")).as("tickets").isEqualTo(submissions);
            assertThat(count(pool, "SELECT COUNT(DISTINCT number) FROM support_tickets")).isEqualTo(submissions);
            assertThat(count(pool, "SELECT COUNT(*) FROM support_tickets t WHERE NOT EXISTS (SELECT 1 FROM"
                    + " support_idempotency_keys k WHERE k.ticket_id = t.id)")).as("tickets without their key").isZero();
            assertThat(count(pool, "SELECT COUNT(*) FROM support_tickets t WHERE (SELECT COUNT(*) FROM support_audit_events a"
                    + " WHERE a.ticket_id = t.id AND a.action = 'CREATED') <> 1")).as("tickets without one CREATED audit entry")
                    .isZero();
            assertThat(count(pool, "SELECT COUNT(*) FROM support_audit_events")).isEqualTo(submissions);
            assertThat(count(pool, "SELECT COUNT(*) FROM support_outbox")).as("outbox entries left").isZero();
            Map<String, String> numberByKey = new HashMap<>();
            try (Connection c = pool.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT k.idem_key, t.number FROM support_idempotency_keys k JOIN support_tickets t ON t.id = k.ticket_id")) {
                while (rs.next()) {
                    numberByKey.put(rs.getString(1), rs.getString(2));
                }
            }
            for (Map.Entry<String, SubmissionReceipt> ack : acknowledged.entrySet()) {
                assertThat(numberByKey.get(ack.getKey())).as("the ticket of acknowledged %s", ack.getKey())
                        .isEqualTo(ack.getValue().ticketNumber().text());
            }
            Map<String, Long> deliveries = relayed.stream().filter(e -> e.type() == TicketEvent.Type.SUBMITTED)
                    .collect(Collectors.groupingBy(e -> e.ticket().number().text(), Collectors.counting()));
            long twice = deliveries.values().stream().filter(n -> n > 1).count();
            System.out.printf("CrashRestartTest %s: %d submissions, %d failed calls retried, %d events relayed, %d twice%n",
                    database, submissions, failures.get(), relayed.size(), twice);
            assertThat(deliveries.keySet()).as("every ticket's event relayed").containsExactlyInAnyOrderElementsOf(
                    numberByKey.values());
            assertThat(twice).as("events relayed again: only those in the relay's hands when the server died")
                    .isLessThanOrEqualTo(RELAY_BATCH);
            assertThat(deliveries.values()).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(2));
        }
    }

    private static String key(int submission) {
        return "crash-" + submission;
    }

    /** As the README tells a caller: a {@link StoreUnavailableException} is retried with the same idempotency key. */
    private static SubmissionReceipt submitRetrying(SupportDesk desk, int submission, AtomicLong failures)
            throws InterruptedException {
        NewTicket ticket = NewTicket.builder().subject("Quote " + submission + " not sent")
                .body("The quote for job " + submission + " never reached the client.")
                .idempotencyKey(key(submission)).build();
        Actor requester = Actor.requester("provider-" + submission % 20, "Provider " + submission % 20);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (true) {
            try {
                return desk.tickets().submit(requester, ticket);
            } catch (StoreUnavailableException e) {
                failures.incrementAndGet();
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(20);
            }
        }
    }

    private static long count(DataSource db, String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
