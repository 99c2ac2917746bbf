package za.co.proconnectsa.support.queue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import za.co.proconnectsa.support.SupportException;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.internal.PollingLoop;
import za.co.proconnectsa.support.spi.UnitOfWork;
import za.co.proconnectsa.support.spi.WorkQueue;
import za.co.proconnectsa.support.internal.Checks;

/**
 * Runs the jobs of one kind from a {@link WorkQueue}: claims them with a lease, renews the lease while a job runs,
 * and runs each job's {@link JobHandler} in a unit of work that also marks the job done, so a job's effects and its
 * done mark commit together. A failed attempt is rolled back and retried after a doubling pause; after
 * {@link Builder#maxAttempts} attempts, or at once for a {@link InvalidInputException} or an
 * {@link AbandonJobException}, the job is buried as dead for a person to look at ({@link WorkQueue#deadJobs},
 * {@link WorkQueue#retryDeadJob}). Several workers, in one JVM or on several instances, share a queue.
 *
 * <pre>{@code
 * JobWorker worker = JobWorker.builder(store, store, "whatsapp.inbound", job -> apply(job))
 *         .build()
 *         .start();                 // a daemon thread; or worker.runOnce() from your scheduler
 * }</pre>
 */
public final class JobWorker implements AutoCloseable {

    /** Jobs claimed at a time by default. */
    public static final int DEFAULT_BATCH_SIZE = 20;
    /** How long a claim lasts by default; the worker renews it while a job runs. */
    public static final Duration DEFAULT_LEASE = Duration.ofSeconds(30);
    /** The pause between polls of an empty queue by default. */
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(500);
    /** The first pause before a failed job is retried by default; it doubles with every attempt, up to an hour. */
    public static final Duration DEFAULT_RETRY_DELAY = Duration.ofSeconds(5);
    /** Attempts before a job is buried by default. */
    public static final int DEFAULT_MAX_ATTEMPTS = 10;

    private static final Logger LOG = LoggerFactory.getLogger(JobWorker.class);

    /** Thrown inside a job's unit when its claim was lost to another worker: the unit rolls back. */
    private static final class ClaimLost extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ClaimLost() {
            super(null, null, false, false);
        }
    }

    private final UnitOfWork units;
    private final WorkQueue queue;
    private final String kind;
    private final JobHandler handler;
    private final String owner;
    private final int batchSize;
    private final Duration lease;
    private final Duration pollInterval;
    private final Duration retryDelay;
    private final int maxAttempts;
    private final Clock clock;
    private final ScheduledExecutorService heartbeat;
    private final PollingLoop loop;

    private JobWorker(Builder b) {
        this.units = b.units;
        this.queue = b.queue;
        this.kind = b.kind;
        this.handler = b.handler;
        this.owner = b.owner;
        this.batchSize = b.batchSize;
        this.lease = b.lease;
        this.pollInterval = b.pollInterval;
        this.retryDelay = b.retryDelay;
        this.maxAttempts = b.maxAttempts;
        this.clock = b.clock;
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "job-heartbeat-" + owner);
            t.setDaemon(true);
            return t;
        });
        this.loop = new PollingLoop("job-worker-" + owner, pollInterval, this::runOnce, batchSize, LOG);
    }

    /**
     * @param units   the store's unit of work (the in-memory or JDBC ticket store)
     * @param queue   the store's job queue (the same store)
     * @param kind    the kind of job this worker runs
     * @param handler what to do with each job
     * @return a builder
     */
    public static Builder builder(UnitOfWork units, WorkQueue queue, String kind, JobHandler handler) {
        return new Builder(Checks.notNull(units, "units"), Checks.notNull(queue, "queue"), kind,
                Checks.notNull(handler, "handler"));
    }

    /**
     * Claims one batch and runs it.
     *
     * @return how many jobs were done
     * @throws za.co.proconnectsa.support.StoreUnavailableException when the queue cannot be read (nothing is lost:
     *                                                              claimed jobs come back when their lease ends)
     */
    public int runOnce() {
        Instant claimedAt = clock.instant();
        List<Job> batch = queue.claimJobs(kind, owner, batchSize, lease, claimedAt);
        int done = 0;
        for (Job job : batch) {
            if (run(job, claimedAt)) {
                done++;
            }
        }
        return done;
    }

    private boolean run(Job job, Instant claimedAt) {
        // the batch shares one lease: a job that waited behind slow ones may have gone to another worker meanwhile;
        // within the first third of the lease the claim surely still holds, and asking the store again is waste
        boolean fresh = clock.instant().isBefore(claimedAt.plus(lease.dividedBy(3)));
        if (!fresh && !queue.renewJob(job.id(), owner, clock.instant().plus(lease))) {
            LOG.debug("Job {} of kind {} was claimed by another worker before {} reached it", job.id(), kind, owner);
            return false;
        }
        long every = Math.max(1, lease.toMillis() / 3);
        ScheduledFuture<?> renewing = heartbeat.scheduleAtFixedRate(() -> renew(job), every, every, TimeUnit.MILLISECONDS);
        try {
            units.useTransaction(() -> {
                handler.handle(job);
                if (!queue.completeJob(job.id(), owner, clock.instant())) {
                    throw new ClaimLost();
                }
            });
            return true;
        } catch (ClaimLost lost) {
            LOG.warn("Job {} of kind {} was claimed by another worker while {} ran it; its work was rolled back",
                    job.id(), kind, owner);
            return false;
        } catch (InvalidInputException bad) {
            bury(job, "refused: " + bad.getMessage());
            return false;
        } catch (AbandonJobException abandoned) {
            bury(job, "abandoned: " + abandoned.getMessage());
            return false;
        } catch (Exception | LinkageError | AssertionError failure) {
            String error = failure.getClass().getName() + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
            if (job.attempts() >= maxAttempts) {
                bury(job, "gave up after " + job.attempts() + " attempts: " + error);
            } else {
                Instant retryAt = clock.instant().plus(PollingLoop.backoff(retryDelay, job.attempts()));
                LOG.warn("Job {} of kind {} failed (attempt {} of {}); retrying from {}", job.id(), kind,
                        job.attempts(), maxAttempts, retryAt, failure);
                release(job, retryAt, error);
            }
            return false;
        } finally {
            renewing.cancel(false);
        }
    }

    private void renew(Job job) {
        try {
            queue.renewJob(job.id(), owner, clock.instant().plus(lease));
        } catch (RuntimeException e) {
            LOG.debug("Could not renew the claim of job {}", job.id(), e);
        }
    }

    private void bury(Job job, String reason) {
        LOG.error("Job {} of kind {} is dead: {}", job.id(), kind, reason);
        try {
            queue.buryJob(job.id(), owner, reason, clock.instant());
        } catch (RuntimeException e) {
            LOG.warn("Could not bury job {}; it is claimed again when its lease ends", job.id(), e);
        }
    }

    private void release(Job job, Instant retryAt, String error) {
        try {
            queue.releaseJob(job.id(), owner, retryAt, error);
        } catch (RuntimeException e) {
            LOG.warn("Could not release job {}; it is claimed again when its lease ends", job.id(), e);
        }
    }

    /**
     * Starts a daemon thread that runs {@link #runOnce()} until {@link #close()}: again at once after a full batch,
     * otherwise after the poll interval. A store failure is logged and tried again after the poll interval.
     *
     * @return this worker
     * @throws SupportException when already started or closed
     */
    public JobWorker start() {
        loop.start();
        return this;
    }

    /** Wakes a started worker to poll at once, e.g. right after a job was enqueued. */
    public void wakeUp() {
        loop.wakeUp();
    }

    /** Stops the thread, if started, after the job it is running; waits up to 10 seconds for it. */
    @Override
    public void close() {
        loop.close();
        heartbeat.shutdownNow();
    }

    /** @return the name this worker claims under */
    public String owner() {
        return owner;
    }

    @Override
    public String toString() {
        return "JobWorker[kind=" + kind + ", owner=" + owner + ", batchSize=" + batchSize + ", lease=" + lease + "]";
    }

    /** Configures a {@link JobWorker}. */
    public static final class Builder {
        private final UnitOfWork units;
        private final WorkQueue queue;
        private final String kind;
        private final JobHandler handler;
        private String owner = "worker-" + UUID.randomUUID().toString().substring(0, 8);
        private int batchSize = DEFAULT_BATCH_SIZE;
        private Duration lease = DEFAULT_LEASE;
        private Duration pollInterval = DEFAULT_POLL_INTERVAL;
        private Duration retryDelay = DEFAULT_RETRY_DELAY;
        private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
        private Clock clock = Clock.systemUTC();

        private Builder(UnitOfWork units, WorkQueue queue, String kind, JobHandler handler) {
            QueueChecks.kindAndKey(kind, "-");
            this.units = units;
            this.queue = queue;
            this.kind = kind;
            this.handler = handler;
        }

        /**
         * @param value the name this worker claims under, 1 to 100 characters, unique among the workers of a queue
         *              (a random "worker-xxxxxxxx" by default)
         * @return this builder
         */
        public Builder owner(String value) {
            if (value == null || value.isBlank() || value.length() > 100) {
                throw InvalidInputException.of("owner", "must be 1 to 100 characters");
            }
            this.owner = value;
            return this;
        }

        /**
         * @param value jobs claimed at a time, 1 to 1000
         * @return this builder
         */
        public Builder batchSize(int value) {
            Checks.between(value, 1, 1000, "batchSize");
            this.batchSize = value;
            return this;
        }

        /**
         * @param value how long a claim lasts; renewed every third of it while a job runs
         * @return this builder
         */
        public Builder lease(Duration value) {
            this.lease = Checks.positive(value, "lease");
            return this;
        }

        /**
         * @param value the pause between polls of an empty queue
         * @return this builder
         */
        public Builder pollInterval(Duration value) {
            this.pollInterval = Checks.positive(value, "pollInterval");
            return this;
        }

        /**
         * @param value the first pause before a failed job is retried; it doubles per attempt
         * @return this builder
         */
        public Builder retryDelay(Duration value) {
            this.retryDelay = Checks.positive(value, "retryDelay");
            return this;
        }

        /**
         * @param value attempts before a failing job is buried, 1 to 1000
         * @return this builder
         */
        public Builder maxAttempts(int value) {
            Checks.between(value, 1, 1000, "maxAttempts");
            this.maxAttempts = value;
            return this;
        }

        /**
         * @param value the time source
         * @return this builder
         */
        public Builder clock(Clock value) {
            this.clock = Checks.notNull(value, "clock");
            return this;
        }

        /** @return the worker, not yet started */
        public JobWorker build() {
            return new JobWorker(this);
        }
    }
}
