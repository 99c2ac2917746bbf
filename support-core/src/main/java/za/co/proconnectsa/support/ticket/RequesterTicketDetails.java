package za.co.proconnectsa.support.ticket;

import java.util.List;
import za.co.proconnectsa.support.internal.Checks;

/**
 * A ticket with its conversation and history as its requester sees it: public replies and public events only,
 * nothing support keeps to itself. {@link TicketService#myTicket} returns it; support reads
 * {@link TicketDetails} and may show the requester's side with {@link #of(TicketDetails)}.
 *
 * @param ticket   the ticket
 * @param messages public replies, oldest first
 * @param history  public events, oldest first
 */
public record RequesterTicketDetails(RequesterTicket ticket, List<RequesterMessage> messages,
        List<RequesterAuditEvent> history) {

    /**
     * Checks the components and copies the lists.
     *
     * @param ticket the ticket
     * @param messages public replies, oldest first
     * @param history public events, oldest first
     */
    public RequesterTicketDetails {
        Checks.notNull(ticket, "ticket");
        messages = List.copyOf(Checks.notNull(messages, "messages"));
        history = List.copyOf(Checks.notNull(history, "history"));
    }

    /**
     * @param details a ticket as support sees it
     * @return what its requester sees: internal notes and internal events left out
     */
    public static RequesterTicketDetails of(TicketDetails details) {
        Checks.notNull(details, "details");
        return new RequesterTicketDetails(RequesterTicket.of(details.ticket()),
                details.messages().stream().filter(m -> m.visibility() == Visibility.PUBLIC)
                        .map(RequesterMessage::of).toList(),
                details.history().stream().filter(e -> e.visibility() == Visibility.PUBLIC)
                        .map(RequesterAuditEvent::of).toList());
    }
}
