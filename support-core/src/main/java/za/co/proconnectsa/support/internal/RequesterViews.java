package za.co.proconnectsa.support.internal;

import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.ticket.Page;
import za.co.proconnectsa.support.ticket.RequesterTicket;
import za.co.proconnectsa.support.ticket.Ticket;
import za.co.proconnectsa.support.ticket.TicketQuery;

/** What the ticket service needs to answer a requester without handing out support's fields. */
final class RequesterViews {

    private RequesterViews() {
    }

    /**
     * The query of "my tickets": the actor's own tickets. Filters on the assignee are refused, because a list
     * that shrinks with them would tell the requester who works their tickets.
     */
    static TicketQuery ownQuery(TicketQuery query, Actor actor) {
        if (query.assigneeId().isPresent() || query.unassignedOnly()) {
            throw InvalidInputException.of("query", "must not filter by assignee: the assignee is not part of a "
                    + "requester's view (support lists by assignee with queue)");
        }
        return query.toBuilder().requester(actor.id()).build();
    }

    static Page<RequesterTicket> page(Page<Ticket> page) {
        return new Page<>(page.items().stream().map(RequesterTicket::of).toList(), page.nextCursor());
    }
}
