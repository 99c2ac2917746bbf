package za.co.proconnectsa.support.event;

import java.time.Instant;
import java.util.Optional;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.ticket.AuditAction;
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
        ASSIGNED;

        /**
         * The event an operation publishes, from the first audit event it writes. Stores that keep an
         * {@link za.co.proconnectsa.support.spi.EventOutbox} use it to type their entries, so the outbox
         * carries exactly the events listeners get in process.
         *
         * @param action the operation's first audit action
         * @return the event type
         */
        public static Type of(AuditAction action) {
            return switch (Checks.notNull(action, "action")) {
                case CREATED -> SUBMITTED;
                case DUPLICATE_LINKED -> DUPLICATE_LINKED;
                case REPLIED -> REPLIED;
                case NOTE_ADDED -> NOTE_ADDED;
                case STATUS_CHANGED -> STATUS_CHANGED;
                case ASSIGNED -> ASSIGNED;
            };
        }
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
