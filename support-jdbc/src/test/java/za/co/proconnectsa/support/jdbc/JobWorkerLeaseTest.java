package za.co.proconnectsa.support.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import za.co.proconnectsa.support.jdbc.testdb.TestDatabases;
import za.co.proconnectsa.support.queue.Job;
import za.co.proconnectsa.support.queue.JobWorker;
import za.co.proconnectsa.support.testing.SettableClock;

/**
 * A worker whose batch outlives its lease: a job that waited behind a slow one and was claimed by another worker
 * meanwhile is left to that worker, not run a second time from the stale claim.
 */
class JobWorkerLeaseTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2-mem", "postgresql", "mariadb"})
    @DisplayName("a job whose lease passed to another worker while it waited in the batch is not run by the first")
    void staleBatchJobSkipped(String database) throws Exception {
        try (HikariDataSource pool = TestDatabases.named(database).freshDatabase()) {
            JdbcTicketStore store = JdbcTicketStore.create(pool);
            SettableClock clock = SettableClock.at(Instant.parse("2026-03-02T08:00:00Z"));
            store.enqueueJob("k", "one", new byte[] {1}, clock.instant());
            store.enqueueJob("k", "two", new byte[] {2}, clock.instant());
            List<String> ranByA = new CopyOnWriteArrayList<>();
            List<Job> claimedByB = new CopyOnWriteArrayList<>();
            JobWorker a = JobWorker.builder(store, store, "k", job -> {
                ranByA.add(job.key());
                if (job.key().equals("one")) {
                    // the first job is slow: the batch's lease runs out and another instance polls meanwhile
                    clock.advance(Duration.ofSeconds(31));
                    Thread b = new Thread(() -> {
                        store.renewJob(job.id(), "A", clock.instant().plus(Duration.ofSeconds(30)));
                        claimedByB.addAll(store.claimJobs("k", "B", 10, Duration.ofSeconds(30), clock.instant()));
                    });
                    b.start();
                    try {
                        b.join();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }).owner("A").batchSize(2).lease(Duration.ofSeconds(30)).clock(clock).build();
            try {
                a.runOnce();
            } finally {
                a.close();
            }
            assertThat(claimedByB).extracting(Job::key).containsExactly("two");
            assertThat(ranByA).as("A must not run a job B holds").containsExactly("one");
        }
    }
}
