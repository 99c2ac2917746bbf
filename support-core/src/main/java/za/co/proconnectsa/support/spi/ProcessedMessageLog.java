package za.co.proconnectsa.support.spi;

import java.time.Instant;

/**
 * Remembers which inbound message ids (e.g. WhatsApp webhook message ids) were already handled, so that
 * an at-least-once delivery is ingested once. The in-memory and JDBC ticket stores implement it; the
 * JDBC store remembers durably, across restarts and instances.
 */
public interface ProcessedMessageLog {

    /**
     * Records a message id if it is new. Atomic: of several concurrent calls with one id, exactly one
     * returns {@code true}.
     *
     * @param messageId the provider's message id, an identifier
     *                  ({@link za.co.proconnectsa.support.util.Text}: 1 to 200 printable ASCII characters
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
}
