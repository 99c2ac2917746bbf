package za.co.proconnectsa.support.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;
import za.co.proconnectsa.support.StoreUnavailableException;
import za.co.proconnectsa.support.SupportDesk;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.jdbc.testdb.TestDatabases;
import za.co.proconnectsa.support.testing.FaultyDataSource;
import za.co.proconnectsa.support.testing.FaultyDataSource.Fault;
import za.co.proconnectsa.support.ticket.NewTicket;
import za.co.proconnectsa.support.ticket.SubmissionReceipt;
import za.co.proconnectsa.support.ticket.SubmissionReceipt.Outcome;

/**
 * 8 threads x 2,500 keyed submissions a database in {@code ./mvnw verify}; the full 8 x 10,000 with
 * {@code -Dsupport.reliability.perThread=10000} (4 to 5 minutes on PostgreSQL and 5.5 to 7 on MariaDB on two cores:
 * in the build it took CI past 25 of its 30 minutes) through {@code TicketService.submit} while the database misbehaves: 5% of
 * connections, statement preparations and executions fail, and 1% of commits succeed but report failure. 20% of the
 * submissions are delivered twice with the same idempotency key: half of those again later by the same caller, half
 * by two threads at the same moment. Callers retry a {@link StoreUnavailableException} with the same key, as the
 * README tells them. Checked afterwards with plain SQL: one ticket a submission, each with its audit entry and its
 * outbox event, no number twice, and every receipt a caller got names its submission's ticket.
 */
@ParameterizedClass(name = "{0}")
@ValueSource(strings = {"postgresql", "mariadb"})
class FaultySubmissionLoadTest {

    private static final int THREADS = 8;
    /** Submissions a thread: 2,500 in the build, 10,000 with {@code -Dsupport.reliability.perThread=10000}. */
    private static final int PER_THREAD = Integer.getInteger("support.reliability.perThread", 2_500);
    /** Of each thread's submissions: delivered twice by the thread itself, and delivered by its partner thread too. */
    private static final int AGAIN_LATER = PER_THREAD / 10;
    private static final int AT_ONCE = PER_THREAD / 10;
    private static final int REQUESTERS = 50;
    private static final int MAX_ATTEMPTS = 60;

    @Parameter
    String database;

    @Test
    @DisplayName("80,000 keyed submissions, 20% twice, 5% of calls failing and 1% of commits lying: one ticket each, with audit and outbox, every receipt right")
    void submissionsUnderFaults() throws Exception {
        try (HikariDataSource pool = TestDatabases.named(database).freshDatabase()) {
            FaultyDataSource faulty = FaultyDataSource.builder(pool).seed(20261207L)
                    .failing(Fault.CONNECTION, 0.05)
                    .failing(Fault.PREPARE, 0.05)
                    .failing(Fault.EXECUTE, 0.05)
                    .failing(Fault.COMMIT_THEN_FAIL, 0.01)
                    .build();
            faulty.setEnabled(false); // the schema is created without faults
            SupportDesk desk = SupportDesk.builder().store(JdbcTicketStore.create(faulty)).build();
            faulty.setEnabled(true);

            Map<String, List<SubmissionReceipt>> receipts = new ConcurrentHashMap<>();
            AtomicLong retries = new AtomicLong();
            List<List<Integer>> plans = plans();
            List<CyclicBarrier> pairs = new ArrayList<>();
            for (int p = 0; p < THREADS / 2; p++) {
                pairs.add(new CyclicBarrier(2));
            }
            long start = System.nanoTime();
            ExecutorService threads = Executors.newFixedThreadPool(THREADS);
            try {
                List<Future<?>> runs = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    List<Integer> plan = plans.get(t);
                    CyclicBarrier partner = pairs.get(t / 2);
                    runs.add(threads.submit(() -> {
                        for (int delivery : plan) {
                            int submission = delivery < 0 ? -delivery - 1 : delivery;
                            if (delivery < 0) {
                                partner.await(1, TimeUnit.MINUTES); // both threads of the pair deliver it at once
                            }
                            SubmissionReceipt receipt = submitRetrying(desk, submission, retries);
                            receipts.computeIfAbsent(key(submission), k -> Collections.synchronizedList(new ArrayList<>()))
                                    .add(receipt);
                        }
                        return null;
                    }));
                }
                for (Future<?> run : runs) {
                    run.get(20, TimeUnit.MINUTES);
                }
            } finally {
                threads.shutdownNow();
            }
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            faulty.setEnabled(false);
            int deliveries = plans.stream().mapToInt(List::size).sum();
            System.out.printf("FaultySubmissionLoadTest %s: %,d submissions, %,d deliveries in %,d ms (%,.0f/s);"
                            + " %,d retries; injected: %d of %,d connections, %d of %,d preparations, %d of %,d executions,"
                            + " %d of %,d commits%n",
                    database, THREADS * PER_THREAD, deliveries, millis, deliveries * 1000.0 / millis, retries.get(),
                    faulty.injected(Fault.CONNECTION), faulty.calls(Fault.CONNECTION),
                    faulty.injected(Fault.PREPARE), faulty.calls(Fault.PREPARE),
                    faulty.injected(Fault.EXECUTE), faulty.calls(Fault.EXECUTE),
                    faulty.injected(Fault.COMMIT_THEN_FAIL), faulty.calls(Fault.COMMIT_THEN_FAIL));

            assertThat(faulty.injected(Fault.COMMIT_THEN_FAIL)).as("commits that succeeded but reported failure")
                    .isGreaterThan(100);
            assertThat(faulty.injected(Fault.EXECUTE)).as("failed executions").isGreaterThan(1000);
            assertThat(receipts).as("a receipt for every submission").hasSize(THREADS * PER_THREAD);
            assertThat(receipts.values().stream().mapToInt(List::size).sum()).as("a receipt for every delivery")
                    .isEqualTo(deliveries);
            checkWithPlainSql(pool, receipts);
        }
    }

    /**
     * @return per thread, the submissions it delivers in order: its own ones (some twice) and, marked negative
     *         ({@code -n - 1}), those it delivers at the same moment as its partner thread, in the same order as
     *         the partner
     */
    private static List<List<Integer>> plans() {
        Random random = new Random(20261207L);
        List<List<Integer>> shared = new ArrayList<>();
        for (int p = 0; p < THREADS / 2; p++) {
            List<Integer> both = new ArrayList<>();
            for (int t = 2 * p; t < 2 * p + 2; t++) {
                for (int i = 0; i < AT_ONCE; i++) {
                    both.add(t * PER_THREAD + i);
                }
            }
            Collections.shuffle(both, random);
            shared.add(both);
        }
        List<List<Integer>> plans = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            List<Integer> own = new ArrayList<>();
            for (int i = AT_ONCE; i < PER_THREAD; i++) {
                own.add(t * PER_THREAD + i);
            }
            for (int i = AT_ONCE; i < AT_ONCE + AGAIN_LATER; i++) {
                own.add(t * PER_THREAD + i); // its second delivery, somewhere in the shuffled order
            }
            Collections.shuffle(own, random);
            List<Integer> both = shared.get(t / 2);
            List<Integer> plan = new ArrayList<>(own.size() + both.size());
            int step = (own.size() + both.size()) / both.size();
            int next = 0;
            for (int i = 0; i < own.size(); i++) {
                plan.add(own.get(i));
                if ((i + 1) % (step - 1) == 0 && next < both.size()) {
                    plan.add(-both.get(next++) - 1);
                }
            }
            while (next < both.size()) {
                plan.add(-both.get(next++) - 1);
            }
            plans.add(plan);
        }
        return plans;
    }

    private static String key(int submission) {
        return "submission-" + submission;
    }

    private static String requester(int submission) {
        return "provider-" + (submission % REQUESTERS);
    }

    private static String subject(int submission) {
        return "Payout " + submission + " not received";
    }

    /** As the README tells a caller: a {@link StoreUnavailableException} is retried with the same idempotency key. */
    private static SubmissionReceipt submitRetrying(SupportDesk desk, int submission, AtomicLong retries) {
        NewTicket ticket = NewTicket.builder().subject(subject(submission))
                .body("The payout for job " + submission + " has not reached my account.")
                .idempotencyKey(key(submission)).build();
        Actor requester = Actor.requester(requester(submission), "Provider " + (submission % REQUESTERS));
        for (int attempt = 1; ; attempt++) {
            try {
                return desk.tickets().submit(requester, ticket);
            } catch (StoreUnavailableException e) {
                if (attempt == MAX_ATTEMPTS) {
                    throw e;
                }
                retries.incrementAndGet();
            }
        }
    }

    private static void checkWithPlainSql(DataSource db, Map<String, List<SubmissionReceipt>> receipts)
            throws SQLException {
        int submissions = THREADS * PER_THREAD;
        assertThat(count(db, "SELECT COUNT(*) FROM support_tickets")).as("tickets").isEqualTo(submissions);
        assertThat(count(db, "SELECT COUNT(DISTINCT number) FROM support_tickets")).as("distinct numbers")
                .isEqualTo(submissions);
        assertThat(count(db, "SELECT COUNT(*) FROM support_idempotency_keys")).as("keys").isEqualTo(submissions);
        assertThat(count(db, "SELECT COUNT(DISTINCT ticket_id) FROM support_idempotency_keys"))
                .as("tickets named by the keys").isEqualTo(submissions);
        assertThat(count(db, "SELECT COUNT(*) FROM support_tickets t WHERE (SELECT COUNT(*) FROM support_audit_events a"
                + " WHERE a.ticket_id = t.id AND a.action = 'CREATED') <> 1")).as("tickets without exactly one CREATED audit entry")
                .isZero();
        assertThat(count(db, "SELECT COUNT(*) FROM support_audit_events")).as("audit entries").isEqualTo(submissions);
        assertThat(count(db, "SELECT COUNT(*) FROM support_tickets t WHERE (SELECT COUNT(*) FROM support_outbox o"
                + " WHERE o.ticket_id = t.id AND o.event_type = 'SUBMITTED') <> 1"))
                .as("tickets without exactly one SUBMITTED outbox event").isZero();
        assertThat(count(db, "SELECT COUNT(*) FROM support_outbox")).as("outbox events").isEqualTo(submissions);

        Map<String, String[]> byKey = new HashMap<>();
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT k.scope, k.idem_key, t.id, t.number, t.subject, t.requester_id"
                     + " FROM support_idempotency_keys k JOIN support_tickets t ON t.id = k.ticket_id")) {
            while (rs.next()) {
                byKey.put(rs.getString(2), new String[] {rs.getString(1), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6)});
            }
        }
        int wrong = 0;
        int created = 0;
        List<String> examples = new ArrayList<>();
        for (int submission = 0; submission < submissions; submission++) {
            String key = key(submission);
            String[] row = byKey.get(key);
            assertThat(row).as("the ticket of %s", key).isNotNull();
            assertThat(row[3]).as("subject of %s", key).isEqualTo(subject(submission));
            assertThat(row[4]).as("requester of %s", key).isEqualTo(requester(submission));
            int createdHere = 0;
            for (SubmissionReceipt receipt : receipts.get(key)) {
                if (receipt.outcome() == Outcome.CREATED) {
                    createdHere++;
                }
                if (!receipt.ticketId().value().toString().equals(row[1])
                        || !receipt.ticketNumber().text().equals(row[2])
                        || receipt.outcome() == Outcome.LINKED_TO_EXISTING || createdHere > 1) {
                    wrong++;
                    if (examples.size() < 5) {
                        examples.add(key + ": " + receipt + " vs " + String.join(",", row));
                    }
                }
            }
            created += createdHere;
        }
        assertThat(examples).as("receipts that disagree with their ticket (%d)", wrong).isEmpty();
        assertThat(created).as("receipts saying CREATED: fewer than submissions by the lying commits")
                .isLessThan(submissions).isGreaterThan(submissions - submissions / 20);
    }

    private static long count(DataSource db, String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
