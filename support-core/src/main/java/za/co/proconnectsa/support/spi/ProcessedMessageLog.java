package za.co.proconnectsa.support.spi;

import java.time.Duration;
import java.time.Instant;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.internal.Checks;

/**
 * Remembers which inbound message ids (e.g. WhatsApp webhook message ids) were already handled, so that
 * an at-least-once delivery is ingested once. The in-memory and JDBC ticket stores implement it; the
 * JDBC store remembers durably, across restarts and instances.
 *
 * <p>The log grows with every message; purge it on a schedule, keeping at least {@link #MIN_RETENTION} (Meta
 * delivers a webhook again for up to 7 days, and an id forgotten sooner would be ingested twice):
 *
 * <pre>{@code
 * // e.g. once a day, from the host's scheduler
 * int removed = store.purgeProcessedOlderThan(Duration.ofDays(8), clock.instant());
 * }</pre>
 */
public interface ProcessedMessageLog {

    /** The shortest retention {@link #purgeProcessedOlderThan} accepts: Meta redelivers webhooks for 7 days. */
    Duration MIN_RETENTION = Duration.ofDays(7);

    /**
     * Records a message id if it is new. Atomic: of several concurrent calls with one id, exactly one
     * returns {@code true}.
     *
     * @param messageId the provider's message id, an identifier
     *                  ({@link za.co.proconnectsa.support.TextRules}: 1 to 200 printable ASCII characters
     *                  without spaces), compared exactly
     * @param at        when it was handled
     * @return {@code true} the first time an id is seen, {@code false} for every repeat
     */
    boolean firstSeen(String messageId, Instant at);

    /**
     * Forgets a message id, so that the provider's next delivery of it is handled again. Called when
     * handling the message failed after {@link #firstSeen} recorded it: a failed message must not be lost.
     *
     * @param messageId the provider's message id
     */
    void forget(String messageId);

    /**
     * Removes the ids handled before {@code cutoff}: a repeat of one of them would be handled again. Prefer
     * {@link #purgeProcessedOlderThan}, which refuses to keep less than {@link #MIN_RETENTION}.
     *
     * @param cutoff ids recorded strictly before it are removed
     * @return how many were removed
     */
    int purgeProcessedBefore(Instant cutoff);

    /**
     * Removes the ids handled more than {@code retention} before {@code now}.
     *
     * @param retention how long to remember an id, at least {@link #MIN_RETENTION}
     * @param now       the current time
     * @return how many were removed
     * @throws InvalidInputException when {@code retention} is shorter than {@link #MIN_RETENTION}
     */
    default int purgeProcessedOlderThan(Duration retention, Instant now) {
        Checks.notNull(retention, "retention");
        Checks.notNull(now, "now");
        if (retention.compareTo(MIN_RETENTION) < 0) {
            throw InvalidInputException.of("retention", "must be at least " + MIN_RETENTION.toDays()
                    + " days (Meta delivers a webhook again for up to 7 days), was " + retention);
        }
        return purgeProcessedBefore(now.minus(retention));
    }
}
