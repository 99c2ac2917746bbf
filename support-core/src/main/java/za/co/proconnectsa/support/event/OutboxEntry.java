package za.co.proconnectsa.support.event;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.sla.SlaTargetType;
import za.co.proconnectsa.support.ticket.AuditEvent;
import za.co.proconnectsa.support.ticket.Message;
import za.co.proconnectsa.support.ticket.TicketId;
import za.co.proconnectsa.support.internal.Checks;

/**
 * A {@link TicketEvent} written to the store's outbox in the same transaction as the change, waiting to be
 * delivered by an {@link OutboxRelay}. It names the ticket and message rather than copying them; the relay
 * reads them when it delivers.
 *
 * @param id        the entry's position in the outbox: entries are claimed in this order
 * @param type      what happened
 * @param ticketId  the ticket it happened to
 * @param actor     who did it
 * @param at        when
 * @param messageId the message the change added, for REPLIED and NOTE_ADDED; otherwise {@code null}
 * @param attempts  how many times the entry was claimed, this claim included (1 on the first delivery)
 * @param slaTarget the SLA target of an SLA event; otherwise {@code null}
 */
public record OutboxEntry(long id, TicketEvent.Type type, TicketId ticketId, Actor actor, Instant at, UUID messageId,
        int attempts, SlaTargetType slaTarget) {

    /**
     * Checks the components.
     *
     * @param id the entry's position in the outbox: entries are claimed in this order
     * @param type what happened
     * @param ticketId the ticket it happened to
     * @param actor who did it
     * @param at when
     * @param messageId the message the change added, for REPLIED and NOTE_ADDED; otherwise {@code null}
     * @param attempts how many times the entry was claimed, this claim included (1 on the first delivery)
     * @param slaTarget the SLA target of an SLA event; otherwise {@code null}
     */
    public OutboxEntry {
        if (id <= 0) {
            throw InvalidInputException.of("id", "must be positive, was " + id);
        }
        Checks.notNull(type, "type");
        Checks.notNull(ticketId, "ticketId");
        Checks.notNull(actor, "actor");
        Checks.notNull(at, "at");
        if (attempts < 0) {
            throw InvalidInputException.of("attempts", "must not be negative, was " + attempts);
        }
    }

    /**
     * What a store writes for one insert or update: the event of the write's first audit event that is not about an
     * SLA target, with the first message it added, then one event for each SLA audit event (a reply that fulfils a
     * response target announces the reply and the fulfilment). Every operation of the ticket service writes audit
     * events; a write without any (a store test, a migration) announces nothing.
     *
     * @param events      the audit events of the write
     * @param newMessages the messages of the write
     * @return the entries to write, without ids, in order
     */
    public static List<Pending> pending(List<AuditEvent> events, List<Message> newMessages) {
        if (events == null || events.isEmpty()) {
            return List.of();
        }
        List<Pending> out = new java.util.ArrayList<>();
        UUID message = newMessages == null || newMessages.isEmpty() ? null : newMessages.get(0).id();
        events.stream().filter(e -> !e.action().isSla()).findFirst().ifPresent(first -> out.add(new Pending(
                TicketEvent.Type.of(first.action()), first.ticketId(), first.actor(), first.at(), message, null)));
        for (AuditEvent e : events) {
            if (e.action().isSla()) {
                out.add(new Pending(TicketEvent.Type.of(e.action()), e.ticketId(), e.actor(), e.at(), null,
                        SlaTargetType.valueOf(e.after())));
            }
        }
        return out;
    }

    /**
     * An entry before the store gave it an id.
     *
     * @param type      what happened
     * @param ticketId  the ticket
     * @param actor     who did it
     * @param at        when
     * @param messageId the message added, or {@code null}
     * @param slaTarget the SLA target of an SLA event, or {@code null}
     */
    public record Pending(TicketEvent.Type type, TicketId ticketId, Actor actor, Instant at, UUID messageId,
            SlaTargetType slaTarget) {
        /**
         * Checks the components.
         *
         * @param type what happened
         * @param ticketId the ticket
         * @param actor who did it
         * @param at when
         * @param messageId the message added, or {@code null}
         * @param slaTarget the SLA target of an SLA event, or {@code null}
         */
        public Pending {
            Checks.notNull(type, "type");
            Checks.notNull(ticketId, "ticketId");
            Checks.notNull(actor, "actor");
            Checks.notNull(at, "at");
        }

        /**
         * @param id       the store's id for it
         * @param attempts how often it was claimed
         * @return the entry
         */
        public OutboxEntry withId(long id, int attempts) {
            return new OutboxEntry(id, type, ticketId, actor, at, messageId, attempts, slaTarget);
        }
    }
}
