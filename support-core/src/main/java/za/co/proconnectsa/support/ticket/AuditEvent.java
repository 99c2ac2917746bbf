package za.co.proconnectsa.support.ticket;

import java.time.Instant;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.internal.Checks;
import za.co.proconnectsa.support.internal.Text;

/**
 * One change to a ticket: who, what, when, before and after. Every operation of
 * {@link TicketService} that changes a ticket writes at least one, in the same transaction.
 *
 * @param ticketId   the ticket that changed
 * @param actor      who changed it
 * @param action     what changed
 * @param before     the value before, or {@code null}; free text ({@link za.co.proconnectsa.support.TextRules})
 * @param after      the value after, or {@code null}; free text ({@link za.co.proconnectsa.support.TextRules})
 * @param visibility whether requesters see the event in their history
 * @param at         when it happened
 */
public record AuditEvent(
        TicketId ticketId,
        Actor actor,
        AuditAction action,
        String before,
        String after,
        Visibility visibility,
        Instant at) {

    /**
     * Checks the required components, and that the values hold only characters every store keeps.
     *
     * @param ticketId the ticket that changed
     * @param actor who changed it
     * @param action what changed
     * @param before the value before, or {@code null}; free text ({@link za.co.proconnectsa.support.TextRules})
     * @param after the value after, or {@code null}; free text ({@link za.co.proconnectsa.support.TextRules})
     * @param visibility whether requesters see the event in their history
     * @param at when it happened
     * @throws za.co.proconnectsa.support.InvalidInputException when a component is missing or refused
     */
    public AuditEvent {
        Checks.notNull(ticketId, "ticketId");
        Checks.notNull(actor, "actor");
        Checks.notNull(action, "action");
        Checks.notNull(visibility, "visibility");
        Checks.notNull(at, "at");
        Text.optionalText(before, "before", Integer.MAX_VALUE);
        Text.optionalText(after, "after", Integer.MAX_VALUE);
    }
}
