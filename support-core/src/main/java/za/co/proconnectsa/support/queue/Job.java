package za.co.proconnectsa.support.queue;

import java.time.Instant;
import java.util.Arrays;
import za.co.proconnectsa.support.internal.Fingerprints;
import za.co.proconnectsa.support.internal.Checks;
import za.co.proconnectsa.support.internal.Text;

/**
 * One job of a {@link za.co.proconnectsa.support.spi.WorkQueue}: an inbound webhook message to apply, an outbound
 * message to send. Its key is unique within its kind, so a redelivery or a retry of the same cause is the same job.
 *
 * @param id        the queue's id for it
 * @param kind      what sort of job, e.g. {@code whatsapp.inbound}
 * @param key       unique within the kind, e.g. a WhatsApp message id
 * @param payload   the job's data, exactly as enqueued
 * @param state     where it stands
 * @param attempts  how many times it was claimed
 * @param createdAt when it was enqueued
 * @param finishedAt when it was done or buried, or {@code null}
 * @param lastError why the last attempt failed or why it was buried, or {@code null}
 */
public record Job(long id, String kind, String key, byte[] payload, JobState state, int attempts, Instant createdAt,
        Instant finishedAt, String lastError) {

    /** The longest key. */
    public static final int MAX_KEY_LENGTH = 200;
    /** The longest kind. */
    public static final int MAX_KIND_LENGTH = 40;
    /** The longest error text kept; longer texts are cut. */
    public static final int MAX_ERROR_LENGTH = 1000;

    /**
     * A job key for a cause: the cause itself when it is an identifier of at most {@value #MAX_KEY_LENGTH}
     * characters, else a SHA-256 digest of it, so that any cause (an inbound message id and a purpose, a reply id)
     * keys exactly one job.
     *
     * @param cause what the job is for, unique per job of its kind
     * @return the key
     */
    public static String keyOf(String cause) {
        Checks.notNull(cause, "cause");
        if (cause.length() <= MAX_KEY_LENGTH && Text.isIdentifier(cause)) {
            return cause;
        }
        return "sha256:" + Fingerprints.sha256Hex(cause);
    }

    /**
     * Checks the components and copies the payload.
     *
     * @param id the queue's id for it
     * @param kind what sort of job, e.g. {@code whatsapp.inbound}
     * @param key unique within the kind, e.g. a WhatsApp message id
     * @param payload the job's data, exactly as enqueued
     * @param state where it stands
     * @param attempts how many times it was claimed
     * @param createdAt when it was enqueued
     * @param finishedAt when it was done or buried, or {@code null}
     * @param lastError why the last attempt failed or why it was buried, or {@code null}
     */
    public Job {
        Checks.notNull(kind, "kind");
        Checks.notNull(key, "key");
        payload = Checks.notNull(payload, "payload").clone();
        Checks.notNull(state, "state");
        Checks.notNull(createdAt, "createdAt");
    }

    /** @return a copy of the payload */
    @Override
    public byte[] payload() {
        return payload.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Job j && id == j.id && kind.equals(j.kind) && key.equals(j.key)
                && Arrays.equals(payload, j.payload) && state == j.state && attempts == j.attempts
                && createdAt.equals(j.createdAt) && java.util.Objects.equals(finishedAt, j.finishedAt)
                && java.util.Objects.equals(lastError, j.lastError);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(id, kind, key, Arrays.hashCode(payload), state, attempts, createdAt, finishedAt,
                lastError);
    }

    @Override
    public String toString() {
        return "Job[id=" + id + ", kind=" + kind + ", state=" + state + ", attempts=" + attempts + "]";
    }
}
