package za.co.proconnectsa.support.event;

import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.internal.Checks;

/**
 * An outbox entry that is no longer delivered: its listeners failed on every attempt the relay allowed, or this
 * version of the library could not read it (a parked entry). It stays in the store until the host retries or
 * deletes it ({@link za.co.proconnectsa.support.spi.EventOutbox#retryDeadLetter},
 * {@link za.co.proconnectsa.support.spi.EventOutbox#deleteDeadLetter}).
 *
 * <p>Type and ticket are kept as the stored text, since a parked entry may not name a type or a ticket this
 * version knows; {@link #eventType()} reads the type when it can.
 *
 * @param id         the entry's id in the outbox
 * @param type       the event type as stored, e.g. {@code "REPLIED"}
 * @param ticketId   the ticket's id as stored
 * @param occurredAt when the event happened
 * @param attempts   how many times it was claimed before it died
 * @param reason     why it died: the last error (exception type and message, secrets removed) or why it could
 *                   not be read
 * @param diedAt     when it died
 */
public record DeadLetter(long id, String type, String ticketId, Instant occurredAt, int attempts, String reason,
        Instant diedAt) {

    /** The longest {@link #reason()} a store keeps; longer reasons are cut to it. */
    public static final int MAX_REASON_LENGTH = 1000;

    /**
     * Checks the components.
     *
     * @param id the entry's id in the outbox
     * @param type the event type as stored, e.g. {@code "REPLIED"}
     * @param ticketId the ticket's id as stored
     * @param occurredAt when the event happened
     * @param attempts how many times it was claimed before it died
     * @param reason why it died: the last error (exception type and message, secrets removed) or why it could not be read
     * @param diedAt when it died
     */
    public DeadLetter {
        if (id <= 0) {
            throw InvalidInputException.of("id", "must be positive, was " + id);
        }
        Checks.notNull(type, "type");
        Checks.notNull(ticketId, "ticketId");
        Checks.notNull(occurredAt, "occurredAt");
        if (attempts < 0) {
            throw InvalidInputException.of("attempts", "must not be negative, was " + attempts);
        }
        Checks.notNull(reason, "reason");
        Checks.notNull(diedAt, "diedAt");
    }

    /** @return the event type, when this version knows it; empty for an entry parked for its unknown type */
    public Optional<TicketEvent.Type> eventType() {
        return Arrays.stream(TicketEvent.Type.values()).filter(t -> t.name().equals(type)).findFirst();
    }
}
