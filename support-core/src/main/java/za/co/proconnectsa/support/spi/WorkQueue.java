package za.co.proconnectsa.support.spi;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import za.co.proconnectsa.support.queue.Job;

/**
 * The store's durable job queue: inbound WhatsApp messages are stored here the moment their webhook arrives and
 * applied later by a worker; outbound messages are written here in the transaction of their cause and sent later.
 * The in-memory and JDBC stores implement it; a host's store proves it with {@code WorkQueueContract} from
 * {@code support-testing}.
 *
 * <p>Rules every store keeps:
 * <ul>
 *   <li>A job's key is unique within its kind, for as long as the job is kept (done jobs too, until purged): a
 *       second {@link #enqueueJob} with the same kind and key stores nothing, so a redelivered webhook or a retried
 *       cause is one job.</li>
 *   <li>A claim is exclusive until its lease runs out; {@link #renewJob} extends it. Several application instances
 *       share one queue (the JDBC store claims with {@code FOR UPDATE SKIP LOCKED}).</li>
 *   <li>{@link #completeJob} is called inside the unit of work that applied the job, so the done mark commits with the
 *       job's effects, or neither does. It succeeds only for the worker that still holds the claim; the worker then
 *       rolls its unit back, so a job whose lease ran out is applied by one worker only.</li>
 *   <li>Payloads read back byte for byte.</li>
 * </ul>
 */
public interface WorkQueue {

    /**
     * Stores a new pending job, unless one with this kind and key is already kept.
     *
     * @param kind    what sort of job, 1 to {@value Job#MAX_KIND_LENGTH} characters
     * @param key     unique within the kind, 1 to {@value Job#MAX_KEY_LENGTH} characters
     * @param payload the job's data
     * @param at      when it was enqueued; it may be claimed from then on
     * @return {@code true} when stored, {@code false} when the key was already kept
     */
    boolean enqueueJob(String kind, String key, byte[] payload, Instant at);

    /**
     * Stores a new pending job about a record, unless one with this kind and key is already kept. The record is what
     * the job would change or tell someone about (a WhatsApp send: the transcript line that records it): an erasure
     * of the person the record belongs to, or a retention purge of the record, finds the job by it and empties it
     * ({@link DataSubjectStore#emptyJobs}), so that no worker sends their words later. A store that keeps no such
     * reference stores the job as {@link #enqueueJob(String, String, byte[], Instant)} does; the in-memory and JDBC
     * stores keep it.
     *
     * @param kind    what sort of job, 1 to {@value Job#MAX_KIND_LENGTH} characters
     * @param key     unique within the kind, 1 to {@value Job#MAX_KEY_LENGTH} characters
     * @param payload the job's data
     * @param at      when it was enqueued; it may be claimed from then on
     * @param about   the record it is about, 1 to {@value Job#MAX_KEY_LENGTH} characters, or {@code null}
     * @return {@code true} when stored, {@code false} when the key was already kept
     */
    default boolean enqueueJob(String kind, String key, byte[] payload, Instant at, String about) {
        return enqueueJob(kind, key, payload, at);
    }

    /**
     * Claims up to {@code max} pending jobs of a kind that nobody holds and whose retry time has come, oldest
     * first, for {@code lease}. Each claimed job's attempts go up by one.
     *
     * @param kind  the kind
     * @param owner the claimer, unique per worker, 1 to 100 characters
     * @param max   at most this many, 1 to 1000
     * @param lease how long the claim lasts
     * @param now   the claimer's time
     * @return the claimed jobs, oldest first
     */
    List<Job> claimJobs(String kind, String owner, int max, Duration lease, Instant now);

    /**
     * @param jobId the job
     * @param owner the claimer
     * @param until the new end of the lease
     * @return whether the owner still held the job
     */
    boolean renewJob(long jobId, String owner, Instant until);

    /**
     * Marks a claimed job done; call it inside the unit of work that applied the job.
     *
     * @param jobId the job
     * @param owner the claimer
     * @param at    when it was done
     * @return whether the owner still held the job (when not, roll the unit back: another worker has it)
     */
    boolean completeJob(long jobId, String owner, Instant at);

    /**
     * Gives a claimed job back after a failed attempt, to be claimed again from {@code retryAt}.
     *
     * @param jobId   the job
     * @param owner   the claimer
     * @param retryAt when it may be claimed again
     * @param error   why the attempt failed, without secrets (cut to {@value Job#MAX_ERROR_LENGTH} characters)
     * @return whether the owner still held the job
     */
    boolean releaseJob(long jobId, String owner, Instant retryAt, String error);

    /**
     * Gives up on a claimed job: it becomes {@link za.co.proconnectsa.support.queue.JobState#DEAD} until a person
     * retries it.
     *
     * @param jobId  the job
     * @param owner  the claimer
     * @param reason why, without secrets (cut to {@value Job#MAX_ERROR_LENGTH} characters)
     * @param at     when
     * @return whether the owner still held the job
     */
    boolean buryJob(long jobId, String owner, String reason, Instant at);

    /**
     * @param kind the kind
     * @param key  the key
     * @return the job kept under them, in whatever state
     */
    Optional<Job> findJob(String kind, String key);

    /**
     * @param kind    the kind
     * @param afterId list jobs after this id (0 for the first page)
     * @param limit   at most this many, 1 to 1000
     * @return dead jobs of the kind, by id
     */
    List<Job> deadJobs(String kind, long afterId, int limit);

    /**
     * Lists the jobs of a kind in every state, a page at a time: pass {@code 0} first, then the last
     * {@link Job#id()} of the previous page. Done jobs are listed until purged.
     *
     * @param kind    the kind
     * @param afterId list jobs after this id (0 for the first page)
     * @param limit   at most this many, 1 to 1000
     * @return the jobs of the kind, by id
     */
    List<Job> jobs(String kind, long afterId, int limit);

    /**
     * Puts a dead job back to pending, with its attempts reset, claimable at once.
     *
     * @param jobId the job
     * @return whether it was dead
     */
    boolean retryDeadJob(long jobId);

    /**
     * @param kind the kind
     * @return how many jobs of the kind are pending (waiting or claimed): a health figure
     */
    long pendingJobs(String kind);

    /**
     * Removes done jobs of a kind finished before a time. Their keys are free again afterwards, so keep them as long
     * as the same key may come back: Meta redelivers a webhook for up to 7 days.
     *
     * @param kind   the kind
     * @param before finished before this
     * @return how many were removed
     */
    int purgeDoneJobs(String kind, Instant before);

    /**
     * Purges done jobs older than a retention of at least 7 days.
     *
     * @param kind      the kind
     * @param retention how long done jobs are kept, at least 7 days
     * @param now       the time now
     * @return how many were removed
     * @throws za.co.proconnectsa.support.InvalidInputException when the retention is shorter than 7 days
     */
    default int purgeDoneJobsOlderThan(String kind, Duration retention, Instant now) {
        za.co.proconnectsa.support.internal.Checks.notNull(retention, "retention");
        if (retention.compareTo(Duration.ofDays(7)) < 0) {
            throw za.co.proconnectsa.support.InvalidInputException.of("retention",
                    "must be at least 7 days: Meta redelivers a webhook for up to 7 days, was " + retention);
        }
        return purgeDoneJobs(kind, za.co.proconnectsa.support.internal.Checks.notNull(now, "now").minus(retention));
    }
}
