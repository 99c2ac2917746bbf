package za.co.proconnectsa.support.ticket;

import java.util.List;
import za.co.proconnectsa.support.internal.Checks;

/**
 * A ticket with its whole conversation and history, as the support team sees it: the full {@link Ticket},
 * internal notes and internal events included. Requesters get {@link RequesterTicketDetails} instead
 * ({@link TicketService#myTicket}).
 *
 * @param ticket   the ticket
 * @param messages replies and notes, oldest first
 * @param history  audit events, oldest first
 */
public record TicketDetails(Ticket ticket, List<Message> messages, List<AuditEvent> history) {

    /**
     * Checks the components and copies the lists.
     *
     * @param ticket the ticket
     * @param messages replies and notes, oldest first
     * @param history audit events, oldest first
     */
    public TicketDetails {
        Checks.notNull(ticket, "ticket");
        messages = List.copyOf(messages);
        history = List.copyOf(history);
    }
}
