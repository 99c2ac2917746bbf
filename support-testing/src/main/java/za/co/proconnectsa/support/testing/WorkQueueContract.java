package za.co.proconnectsa.support.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.queue.Job;
import za.co.proconnectsa.support.queue.JobState;
import za.co.proconnectsa.support.queue.JobWorker;
import za.co.proconnectsa.support.spi.TicketStore;
import za.co.proconnectsa.support.spi.WorkQueue;
import za.co.proconnectsa.support.ticket.AuditAction;
import za.co.proconnectsa.support.ticket.Ticket;
import za.co.proconnectsa.support.ticket.TicketQuery;

/**
 * The behaviour of a store's {@link WorkQueue} and of a {@link JobWorker} on it: one job a key, byte-exact payloads,
 * exclusive leased claims, a done mark that commits with the job's effects or not at all, retries, dead jobs, purging,
 * and disjoint claims under concurrency.
 *
 * <pre>{@code
 * class MyStoreWorkQueueTest extends WorkQueueContract {
 *     @Override
 *     protected TicketStore createStore() {
 *         return MyTicketStore.createEmpty();   // must implement WorkQueue
 *     }
 * }
 * }</pre>
 */
public abstract class WorkQueueContract {

    /** Where {@link #clock} stands at the start of every test. */
    protected static final Instant START = Instant.parse("2026-03-02T08:15:30.123456Z");
    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final String KIND = "test.kind";
    private static final Actor REQUESTER = Actor.requester("prov-17", "Thandi Nkosi");

    /** The time of the queue's calls and of the workers. */
    protected final SettableClock clock = SettableClock.at(START);
    /** The store under test. */
    protected TicketStore store;
    /** The same store as its queue. */
    protected WorkQueue queue;
    private TicketFixtures fixtures;

    /** @return a new, empty store implementing {@link WorkQueue} */
    protected abstract TicketStore createStore();

    /** Makes the store for the next test. */
    @BeforeEach
    protected final void setUpQueue() {
        clock.set(START);
        store = Objects.requireNonNull(createStore(), "createStore() returned null");
        assertThat(store).isInstanceOf(WorkQueue.class);
        queue = (WorkQueue) store;
        fixtures = TicketFixtures.forStore(store, clock);
    }

    @Test
    @DisplayName("a key is one job within its kind; payload bytes read back exactly; the same key in another kind is another job")
    void enqueueOnce() {
        byte[] every = new byte[256];
        for (int i = 0; i < every.length; i++) {
            every[i] = (byte) i;
        }
        assertThat(queue.enqueueJob(KIND, "wamid.A1", every, START)).isTrue();
        assertThat(queue.enqueueJob(KIND, "wamid.A1", "other".getBytes(StandardCharsets.UTF_8), START)).isFalse();
        assertThat(queue.enqueueJob("other.kind", "wamid.A1", new byte[] {1}, START)).isTrue();

        Job job = queue.findJob(KIND, "wamid.A1").orElseThrow();
        assertThat(job.payload()).isEqualTo(every);
        assertThat(job.state()).isEqualTo(JobState.PENDING);
        assertThat(job.attempts()).isZero();
        assertThat(job.createdAt()).isEqualTo(START);
        assertThat(queue.findJob(KIND, "wamid.none")).isEmpty();
        assertThat(queue.pendingJobs(KIND)).isEqualTo(1);
        assertThatThrownBy(() -> queue.enqueueJob(KIND, "", new byte[0], START)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    @DisplayName("claims are exclusive until the lease ends, oldest first; renewing keeps a job from a second claimer")
    void leasedClaims() {
        enqueue("k1");
        enqueue("k2");
        List<Job> first = queue.claimJobs(KIND, "worker-a", 10, LEASE, START);
        assertThat(first).extracting(Job::key).containsExactly("k1", "k2");
        assertThat(first).allSatisfy(j -> assertThat(j.attempts()).isEqualTo(1));
        assertThat(queue.claimJobs(KIND, "worker-b", 10, LEASE, START.plusSeconds(29))).isEmpty();

        assertThat(queue.renewJob(first.get(0).id(), "worker-a", START.plusSeconds(90))).isTrue();
        assertThat(queue.renewJob(first.get(0).id(), "worker-b", START.plusSeconds(90))).isFalse();
        List<Job> second = queue.claimJobs(KIND, "worker-b", 10, LEASE, START.plusSeconds(31));
        assertThat(second).extracting(Job::key).containsExactly("k2");
        assertThat(second.get(0).attempts()).isEqualTo(2);
        assertThat(queue.completeJob(second.get(0).id(), "worker-a", START.plusSeconds(32)))
                .as("the lease moved on to worker-b").isFalse();
    }

    @Test
    @DisplayName("the done mark commits with the job's effects: a unit that fails after its work leaves the job pending and nothing written")
    void doneCommitsWithWork() {
        enqueue("k1");
        Job job = queue.claimJobs(KIND, "worker-a", 1, LEASE, START).get(0);
        Ticket lost = fixtures.newTicket("prov-17", "Lost", "Written, then the process died");
        assertThatThrownBy(() -> store.useTransaction(() -> {
            store.insert(lost, List.of(), null);
            assertThat(queue.completeJob(job.id(), "worker-a", START)).isTrue();
            throw new IllegalStateException("killed before the commit");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(store.findById(lost.id())).isEmpty();
        assertThat(queue.findJob(KIND, "k1").orElseThrow().state()).isEqualTo(JobState.PENDING);

        Ticket kept = fixtures.newTicket("prov-17", "Kept", "Written and marked together");
        List<Job> again = queue.claimJobs(KIND, "worker-b", 1, LEASE, START.plus(LEASE).plusSeconds(1));
        assertThat(again).hasSize(1);
        store.useTransaction(() -> {
            store.insert(kept, List.of(), null);
            assertThat(queue.completeJob(again.get(0).id(), "worker-b", START)).isTrue();
        });
        assertThat(store.findById(kept.id())).isPresent();
        Job done = queue.findJob(KIND, "k1").orElseThrow();
        assertThat(done.state()).isEqualTo(JobState.DONE);
        assertThat(done.finishedAt()).isEqualTo(START);
        assertThat(queue.pendingJobs(KIND)).isZero();
        assertThat(queue.enqueueJob(KIND, "k1", new byte[] {9}, START)).as("a done job still holds its key").isFalse();
    }

    @Test
    @DisplayName("a released job comes back at its retry time with its error; a buried one is dead until retried; retried, it starts over")
    void releaseBuryRetry() {
        enqueue("k1");
        Job job = queue.claimJobs(KIND, "worker-a", 1, LEASE, START).get(0);
        assertThat(queue.releaseJob(job.id(), "worker-a", START.plusSeconds(10), "graph timed out")).isTrue();
        assertThat(queue.claimJobs(KIND, "worker-a", 1, LEASE, START.plusSeconds(9))).isEmpty();
        Job again = queue.claimJobs(KIND, "worker-a", 1, LEASE, START.plusSeconds(10)).get(0);
        assertThat(again.attempts()).isEqualTo(2);
        assertThat(again.lastError()).isEqualTo("graph timed out");

        assertThat(queue.buryJob(again.id(), "worker-a", "x".repeat(5000), START.plusSeconds(11))).isTrue();
        assertThat(queue.claimJobs(KIND, "worker-a", 1, LEASE, START.plusSeconds(100))).isEmpty();
        List<Job> dead = queue.deadJobs(KIND, 0, 10);
        assertThat(dead).hasSize(1);
        assertThat(dead.get(0).state()).isEqualTo(JobState.DEAD);
        assertThat(dead.get(0).lastError()).hasSize(Job.MAX_ERROR_LENGTH);
        assertThat(queue.deadJobs(KIND, dead.get(0).id(), 10)).isEmpty();
        assertThat(queue.pendingJobs(KIND)).isZero();

        assertThat(queue.retryDeadJob(dead.get(0).id())).isTrue();
        assertThat(queue.retryDeadJob(dead.get(0).id())).isFalse();
        Job retried = queue.claimJobs(KIND, "worker-b", 1, LEASE, START.plusSeconds(12)).get(0);
        assertThat(retried.attempts()).isEqualTo(1);
        assertThat(queue.deadJobs(KIND, 0, 10)).isEmpty();
    }

    @Test
    @DisplayName("purging removes done jobs finished before the cutoff and frees their keys; a retention under 7 days is refused")
    void purge() {
        enqueue("old");
        enqueue("new");
        enqueue("waiting");
        for (Job j : queue.claimJobs(KIND, "w", 2, LEASE, START)) {
            queue.completeJob(j.id(), "w", j.key().equals("old") ? START : START.plus(Duration.ofDays(8)));
        }
        assertThat(queue.purgeDoneJobsOlderThan(KIND, Duration.ofDays(7), START.plus(Duration.ofDays(8)))).isEqualTo(1);
        assertThat(queue.findJob(KIND, "old")).isEmpty();
        assertThat(queue.findJob(KIND, "new")).isPresent();
        assertThat(queue.findJob(KIND, "waiting")).isPresent();
        assertThat(queue.enqueueJob(KIND, "old", new byte[] {1}, START)).isTrue();
        assertThatThrownBy(() -> queue.purgeDoneJobsOlderThan(KIND, Duration.ofDays(6), START))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("7 days");
    }

    @Test
    @DisplayName("four workers claiming 200 jobs at once never claim one twice")
    void disjointClaims() throws Exception {
        for (int i = 0; i < 200; i++) {
            enqueue("job-" + i);
        }
        ExecutorService threads = Executors.newFixedThreadPool(4);
        List<String> claimed = Collections.synchronizedList(new ArrayList<>());
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                String owner = "worker-" + w;
                runs.add(threads.submit(() -> {
                    List<Job> got;
                    while (!(got = queue.claimJobs(KIND, owner, 7, LEASE, START)).isEmpty()) {
                        got.forEach(j -> claimed.add(j.key()));
                    }
                }));
            }
            for (Future<?> run : runs) {
                run.get(60, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(claimed).hasSize(200).doesNotHaveDuplicates();
    }

    @Test
    @DisplayName("a worker applies each job once: its effect and done mark commit together, a crash rolls both back, a retry applies it once")
    void workerCrashThenRetry() {
        for (int i = 0; i < 5; i++) {
            enqueue("msg-" + i);
        }
        AtomicInteger crashes = new AtomicInteger();
        JobWorker worker = JobWorker.builder(store, queue, KIND, job -> {
            Ticket t = fixtures.newTicket("prov-17", "From " + job.key(), new String(job.payload(), StandardCharsets.UTF_8));
            store.insert(t, List.of(fixtures.audit(t, REQUESTER, AuditAction.CREATED, null, "NEW")), null);
            if (job.key().equals("msg-2") && crashes.getAndIncrement() == 0) {
                throw new IllegalStateException("the process died after writing the ticket");
            }
        }).clock(clock).retryDelay(Duration.ofSeconds(5)).owner("worker-a").build();
        try {
            assertThat(worker.runOnce()).isEqualTo(4);
            assertThat(tickets()).hasSize(4);
            assertThat(queue.findJob(KIND, "msg-2").orElseThrow().state()).isEqualTo(JobState.PENDING);
            assertThat(worker.runOnce()).as("not before its retry time").isZero();
            clock.advance(Duration.ofSeconds(6));
            assertThat(worker.runOnce()).isEqualTo(1);
            assertThat(worker.runOnce()).isZero();
        } finally {
            worker.close();
        }
        assertThat(tickets()).hasSize(5).extracting(Ticket::subject).doesNotHaveDuplicates();
        assertThat(queue.pendingJobs(KIND)).isZero();
    }

    @Test
    @DisplayName("a worker buries a job whose data is refused or that its handler abandons at once, and one that keeps failing after its attempts")
    void workerBuries() {
        enqueue("bad-data");
        enqueue("always-fails");
        enqueue("harmful-again");
        JobWorker worker = JobWorker.builder(store, queue, KIND, job -> {
            if (job.key().equals("bad-data")) {
                throw InvalidInputException.of("payload", "is not a webhook body");
            }
            if (job.key().equals("harmful-again")) {
                throw new za.co.proconnectsa.support.queue.AbandonJobException("may already have been sent");
            }
            throw new IllegalStateException("the provider is down");
        }).clock(clock).retryDelay(Duration.ofSeconds(1)).maxAttempts(3).build();
        try {
            for (int i = 0; i < 5; i++) {
                worker.runOnce();
                clock.advance(Duration.ofMinutes(1));
            }
        } finally {
            worker.close();
        }
        List<Job> dead = queue.deadJobs(KIND, 0, 10);
        assertThat(dead).extracting(Job::key).containsExactlyInAnyOrder("bad-data", "always-fails", "harmful-again");
        assertThat(queue.findJob(KIND, "harmful-again").orElseThrow().attempts()).isEqualTo(1);
        assertThat(queue.findJob(KIND, "harmful-again").orElseThrow().lastError()).contains("may already have been sent");
        assertThat(queue.findJob(KIND, "bad-data").orElseThrow().attempts()).isEqualTo(1);
        assertThat(queue.findJob(KIND, "bad-data").orElseThrow().lastError()).contains("is not a webhook body");
        assertThat(queue.findJob(KIND, "always-fails").orElseThrow().attempts()).isEqualTo(3);
        assertThat(queue.findJob(KIND, "always-fails").orElseThrow().lastError()).contains("the provider is down");
    }

    private void enqueue(String key) {
        assertThat(queue.enqueueJob(KIND, key, ("payload of " + key).getBytes(StandardCharsets.UTF_8), START)).isTrue();
    }

    private List<Ticket> tickets() {
        return store.query(TicketQuery.builder().limit(100).build()).items();
    }
}
