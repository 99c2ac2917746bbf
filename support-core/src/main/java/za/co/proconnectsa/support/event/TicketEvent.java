package za.co.proconnectsa.support.event;

import java.time.Instant;
import java.util.Optional;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.sla.SlaTargetType;
import za.co.proconnectsa.support.ticket.AuditAction;
import za.co.proconnectsa.support.ticket.Message;
import za.co.proconnectsa.support.ticket.Ticket;
import za.co.proconnectsa.support.internal.Checks;

/**
 * Something happened to a ticket and was stored. Delivered to every {@link TicketListener} after the
 * store's transaction, so a listener never sees a change that was rolled back.
 *
 * @param type    what happened
 * @param ticket  the ticket after the change
 * @param actor   who did it
 * @param at      when
 * @param message the message added, for {@link Type#REPLIED} and {@link Type#NOTE_ADDED}; else {@code null}
 * @param slaTarget the SLA target, for {@link Type#SLA_WARNING}, {@link Type#SLA_BREACHED} and
 *                  {@link Type#SLA_FULFILLED}; else {@code null}
 */
public record TicketEvent(Type type, Ticket ticket, Actor actor, Instant at, Message message, SlaTargetType slaTarget) {

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
        ASSIGNED,
        /**
         * An SLA target of the ticket reached its warning share ({@link TicketEvent#slaTarget()} says which). Sent
         * only while the desk is open, unless the target counts calendar time.
         */
        SLA_WARNING,
        /** An SLA target of the ticket was missed ({@link TicketEvent#slaTarget()} says which); once per target run. */
        SLA_BREACHED,
        /** An SLA target of the ticket was fulfilled, in time or late ({@link TicketEvent#slaTarget()} says which). */
        SLA_FULFILLED,
        /**
         * A data-subject request touched the ticket: an export of its requester's data, or a correction, erasure or
         * anonymisation that rewrote personal data in it. After anything but an export, copies of the ticket a host
         * keeps elsewhere (a CRM, a search index) should be read again, or erased.
         */
        DATA_SUBJECT_REQUEST,
        /** The requester answered the satisfaction survey (the audit event's {@code after} is the score). */
        SATISFACTION_RATED;

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
                case SLA_WARNING -> SLA_WARNING;
                case SLA_BREACHED -> SLA_BREACHED;
                case SLA_FULFILLED -> SLA_FULFILLED;
                case DATA_SUBJECT_REQUEST -> DATA_SUBJECT_REQUEST;
                case SATISFACTION_RATED -> SATISFACTION_RATED;
            };
        }
    }

    /**
     * An event that is not about an SLA target.
     *
     * @param type    what happened
     * @param ticket  the ticket after the change
     * @param actor   who did it
     * @param at      when
     * @param message the message added, or {@code null}
     */
    public TicketEvent(Type type, Ticket ticket, Actor actor, Instant at, Message message) {
        this(type, ticket, actor, at, message, null);
    }

    /**
     * Checks the required components.
     *
     * @param type what happened
     * @param ticket the ticket after the change
     * @param actor who did it
     * @param at when
     * @param message the message added, for {@link Type#REPLIED} and {@link Type#NOTE_ADDED}; else {@code null}
     * @param slaTarget the SLA target, for {@link Type#SLA_WARNING}, {@link Type#SLA_BREACHED} and {@link Type#SLA_FULFILLED}; else {@code null}
     */
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
