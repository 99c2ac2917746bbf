package za.co.proconnectsa.support.ticket;

import java.util.UUID;
import za.co.proconnectsa.support.internal.Checks;

/**
 * The internal, never-changing identity of a ticket. Hosts show {@link TicketNumber} to people and
 * may keep this id in their own tables.
 *
 * @param value the UUID
 */
public record TicketId(UUID value) {

    /** @param value the UUID, not null */
    public TicketId {
        Checks.notNull(value, "value");
    }

    /** @return a new random id */
    public static TicketId random() {
        return new TicketId(UUID.randomUUID());
    }

    /**
     * Parses the text form of an id.
     *
     * @param text a UUID in its usual text form
     * @return the id
     * @throws za.co.proconnectsa.support.InvalidInputException when the text is not a UUID
     */
    public static TicketId parse(String text) {
        try {
            return new TicketId(UUID.fromString(Checks.notNull(text, "text")));
        } catch (IllegalArgumentException e) {
            throw za.co.proconnectsa.support.InvalidInputException.of("ticketId", "is not a valid ticket id");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
