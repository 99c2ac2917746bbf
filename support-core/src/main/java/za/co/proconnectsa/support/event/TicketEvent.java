package za.co.proconnectsa.support.event;

import java.time.Instant;
import java.util.Optional;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.ticket.Message;
import za.co.proconnectsa.support.ticket.Ticket;
import za.co.proconnectsa.support.util.Checks;

/**
 * Something happened to a ticket and was stored. Delivered to every {@link TicketListener} after the
 * store's transaction, so a listener never sees a change that was rolled back.
 *
 * @param type    what happened
 * @param ticket  the ticket after the change
 * @param actor   who did it
 * @param at      when
 * @param message the message added, for {@link Type#REPLIED} and {@link Type#NOTE_ADDED}; else {@code null}
 */
public record TicketEvent(Type type, Ticket ticket, Actor actor, Instant at, Message message) {

    /** What happened. */
    public enum Type {
        /** A new ticket was submitted. */
        SUBMITTED,
        /** A repeated submission was linked to an open ticket. */
        DUPLICATE_LINKED,
        /** A public reply was added. */
        REPLIED,
        /** An internal note was added; never forward it to the requester. */
        NOTE_ADDED,
        /** The status changed. */
        STATUS_CHANGED,
        /** The assignee changed. */
        ASSIGNED
    }

    /** Checks the required components. */
    public TicketEvent {
        Checks.notNull(type, "type");
        Checks.notNull(ticket, "ticket");
        Checks.notNull(actor, "actor");
        Checks.notNull(at, "at");
    }

    /** @return the message added, if the event added one */
    public Optional<Message> addedMessage() {
        return Optional.ofNullable(message);
    }
}
