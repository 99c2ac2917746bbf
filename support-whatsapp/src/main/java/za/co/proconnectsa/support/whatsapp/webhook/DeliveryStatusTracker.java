package za.co.proconnectsa.support.whatsapp.webhook;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import za.co.proconnectsa.support.ValidationException;
import za.co.proconnectsa.support.util.Checks;

/**
 * The delivery status of the business's outbound messages, per message id, in memory. Each message keeps its
 * highest status in the order of {@link DeliveryStatus} ({@code SENT < DELIVERED < FAILED < READ}), so duplicates
 * and late arrivals change nothing: a DELIVERED that arrives after a READ never downgrades it, and the final state
 * is the same whatever the order of arrival.
 *
 * <p>Bounded: it remembers the {@code capacity} most recently updated or looked-up messages and forgets the
 * oldest beyond that. A status for a forgotten message is recorded afresh. Hosts that need the status durably
 * store it from {@link WebhookHandler#onStatusChange(StatusUpdate)}, which is called only when a status advances.
 *
 * <p>Thread-safe.
 */
public final class DeliveryStatusTracker {

    /** The capacity of {@link #inMemory()}. */
    public static final int DEFAULT_CAPACITY = 100_000;

    private final Map<String, StatusUpdate> latest;

    private DeliveryStatusTracker(int capacity) {
        this.latest = new LinkedHashMap<>(Math.min(capacity, 1024), 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, StatusUpdate> eldest) {
                return size() > capacity;
            }
        };
    }

    /** @return a tracker remembering up to {@value #DEFAULT_CAPACITY} messages */
    public static DeliveryStatusTracker inMemory() {
        return new DeliveryStatusTracker(DEFAULT_CAPACITY);
    }

    /**
     * @param capacity how many messages to remember, at least 1
     * @return a tracker remembering up to {@code capacity} messages
     * @throws ValidationException when the capacity is below 1
     */
    public static DeliveryStatusTracker withCapacity(int capacity) {
        if (capacity < 1) {
            throw ValidationException.of("capacity", "must be at least 1, was " + capacity);
        }
        return new DeliveryStatusTracker(capacity);
    }

    /**
     * Records an update if it advances its message's status.
     *
     * @param update a status update
     * @return {@code true} when the message's status changed; {@code false} for a repeat or a lower status
     * @throws ValidationException when the update is null
     */
    public synchronized boolean apply(StatusUpdate update) {
        Checks.notNull(update, "update");
        StatusUpdate current = latest.get(update.messageId());
        if (current != null && !update.status().supersedes(current.status())) {
            return false;
        }
        latest.put(update.messageId(), update);
        return true;
    }

    /**
     * Looks up a message's current status.
     *
     * @param messageId the id of a message the business sent
     * @return the update that set its current status, if it is remembered
     */
    public synchronized Optional<StatusUpdate> current(String messageId) {
        return Optional.ofNullable(latest.get(messageId));
    }

    /** @return how many messages are remembered */
    public synchronized int size() {
        return latest.size();
    }

    @Override
    public synchronized String toString() {
        return "DeliveryStatusTracker[" + latest.size() + " messages]";
    }
}
