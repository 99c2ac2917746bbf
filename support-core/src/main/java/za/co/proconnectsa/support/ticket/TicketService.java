package za.co.proconnectsa.support.ticket;

import java.util.List;

import za.co.proconnectsa.support.InvalidInputException;

import za.co.proconnectsa.support.access.Actor;

/**
 * Everything a host does with tickets. Every method checks the caller's rights with the desk's
 * {@link za.co.proconnectsa.support.access.AccessPolicy} first, writes each change in one store
 * transaction with its audit events, and only then notifies listeners.
 *
 * <p>Errors are always {@link za.co.proconnectsa.support.SupportException} subclasses:
 * {@link za.co.proconnectsa.support.InvalidInputException} for bad input,
 * {@link za.co.proconnectsa.support.access.AccessDeniedException} for a forbidden operation,
 * {@link TicketNotFoundException} for an unknown (or someone else's) ticket,
 * {@link InvalidTransitionException} for an illegal status change,
 * {@link za.co.proconnectsa.support.ConcurrentUpdateException} for a stale version and
 * {@link za.co.proconnectsa.support.StoreUnavailableException} when the store fails (worth retrying) and
 * {@link za.co.proconnectsa.support.DataRejectedException} when the store refused a value (not worth
 * retrying). After an exception nothing was written.
 *
 * <p>Text follows {@link za.co.proconnectsa.support.TextRules}: ids (actor, requester, agent, idempotency
 * key, ticket number) are 1 to 200 printable ASCII characters without spaces and compared exactly, case and
 * all; free text (subject, body, reply, names) may hold any Unicode except control characters other than tab
 * and line breaks, and lone surrogates. What is accepted is stored and read back exactly on every store; what
 * is not is refused with a {@code InvalidInputException} naming the field.
 *
 * <p><b>Two sides.</b> Requesters (customers, providers) never receive support's internal fields. They use
 * {@link #submit} (a {@link SubmissionReceipt}), {@link #reply} (their own {@link Message}) and {@link #myTickets},
 * {@link #myTicket}, {@link #resolveMyTicket} and {@link #closeMyTicket}, which return {@link RequesterTicket}s:
 * no assignee, no fingerprint, no version, no internal notes or events. The support team (agents, admins) uses {@link #get}, {@link #queue}, {@link #changeStatus},
 * {@link #assign} and {@link #unassign}, which return full {@link Ticket}s and refuse requesters with
 * {@link za.co.proconnectsa.support.access.AccessDeniedException}.
 *
 * <pre>{@code
 * // a provider portal
 * Page<RequesterTicket> mine = desk.tickets().myTickets(provider, TicketQuery.builder().active().build());
 * RequesterTicketDetails shown = desk.tickets().myTicket(provider, "PCS-000042");
 * // the support dashboard
 * TicketDetails full = desk.tickets().get(agent, "PCS-000042");   // with assignee and internal notes
 * }</pre>
 */
public interface TicketService {

    /**
     * Submits a ticket. A requester submits for themselves; an agent or admin may submit on someone's
     * behalf with {@link NewTicket.Builder#onBehalfOf(String)}.
     *
     * <p>With an idempotency key, a second submission with the same key by the same requester returns
     * the first receipt ({@link SubmissionReceipt.Outcome#REPLAYED}). A submission whose normalised
     * subject and body match one of the same requester's active tickets within the desk's duplicate
     * window is linked to it ({@link SubmissionReceipt.Outcome#LINKED_TO_EXISTING}) instead of opening a
     * second ticket.
     *
     * @param actor  who submits
     * @param ticket what is submitted
     * @return the receipt, with a confirmation text to show as the success message
     */
    SubmissionReceipt submit(Actor actor, NewTicket ticket);

    /**
     * What {@link #submit} would refuse in a ticket, without submitting it: every field the desk's checks (and the
     * host's validator, when one was given) refuse, in the same plain words {@link InvalidInputException} carries.
     * For a form that shows all its messages at once, e.g. beside fields the host checks itself. Access is not
     * checked here; {@code submit} checks it.
     *
     * <pre>{@code
     * List<InvalidInputException.FieldError> problems = desk.tickets().problems(ticket);
     * }</pre>
     *
     * @param ticket what would be submitted
     * @return the refused fields, none when the ticket would be accepted
     */
    List<InvalidInputException.FieldError> problems(NewTicket ticket);

    /**
     * Adds a reply. A requester may reply publicly on their own tickets (a reply on a RESOLVED or
     * PENDING ticket reopens it); agents and admins may reply on any ticket and add internal notes.
     * A closed ticket takes no replies.
     *
     * @param actor        who replies
     * @param ticketNumber the ticket, e.g. {@code PCS-000042}
     * @param reply        the reply
     * @return the stored message
     */
    Message reply(Actor actor, String ticketNumber, Reply reply);

    /**
     * Changes a ticket's status (support only). Agents and admins may make any allowed transition; requesters
     * mark their own tickets with {@link #resolveMyTicket} and {@link #closeMyTicket} instead.
     *
     * @param actor        who changes it
     * @param ticketNumber the ticket
     * @param status       the new status
     * @return the ticket after the change
     * @throws za.co.proconnectsa.support.access.AccessDeniedException when the actor is a requester
     */
    Ticket changeStatus(Actor actor, String ticketNumber, TicketStatus status);

    /**
     * Changes a ticket's status only if it is still at the version the caller saw (support only).
     *
     * @param actor           who changes it
     * @param ticketNumber    the ticket
     * @param status          the new status
     * @param expectedVersion the {@link Ticket#version()} the caller read
     * @return the ticket after the change
     * @throws za.co.proconnectsa.support.access.AccessDeniedException when the actor is a requester
     */
    Ticket changeStatus(Actor actor, String ticketNumber, TicketStatus status, long expectedVersion);

    /**
     * Assigns a ticket to an agent (agents and admins only).
     *
     * @param actor        who assigns
     * @param ticketNumber the ticket
     * @param agentId      the host's id of the agent
     * @return the ticket after the change
     */
    Ticket assign(Actor actor, String ticketNumber, String agentId);

    /**
     * Removes a ticket's assignee (agents and admins only).
     *
     * @param actor        who unassigns
     * @param ticketNumber the ticket
     * @return the ticket after the change
     */
    Ticket unassign(Actor actor, String ticketNumber);

    /**
     * Marks one of the actor's own tickets RESOLVED ("my problem is solved"). A later reply by the requester
     * reopens it.
     *
     * @param actor        who asked for help on the ticket
     * @param ticketNumber the ticket, e.g. {@code PCS-000042}
     * @return the ticket after the change, as its requester sees it
     * @throws TicketNotFoundException   when there is no such ticket or the actor did not request it
     * @throws InvalidTransitionException when the ticket cannot be resolved from its status (e.g. CLOSED)
     */
    RequesterTicket resolveMyTicket(Actor actor, String ticketNumber);

    /**
     * Closes one of the actor's own tickets for good: a closed ticket takes no more replies.
     *
     * @param actor        who asked for help on the ticket
     * @param ticketNumber the ticket, e.g. {@code PCS-000042}
     * @return the ticket after the change, as its requester sees it
     * @throws TicketNotFoundException   when there is no such ticket or the actor did not request it
     * @throws InvalidTransitionException when the ticket cannot be closed from its status
     */
    RequesterTicket closeMyTicket(Actor actor, String ticketNumber);

    /**
     * Reads a ticket with its whole conversation and history (support only): the full {@link Ticket} with its
     * assignee, internal notes and internal events. Requesters read their tickets with {@link #myTicket}.
     *
     * @param actor        an agent or admin
     * @param ticketNumber the ticket
     * @return the ticket with everything on it
     * @throws za.co.proconnectsa.support.access.AccessDeniedException when the actor is a requester
     */
    TicketDetails get(Actor actor, String ticketNumber);

    /**
     * Reads one of the actor's own tickets as its requester sees it: public replies and public events only, no
     * assignee, no internal field. This is the ticket page of a customer or provider portal.
     *
     * @param actor        who asked for help on the ticket
     * @param ticketNumber the ticket, e.g. {@code PCS-000042}
     * @return the ticket as its requester sees it
     * @throws TicketNotFoundException when there is no such ticket or the actor did not request it (someone
     *                                 else's ticket looks exactly like a missing one, for agents too)
     */
    RequesterTicketDetails myTicket(Actor actor, String ticketNumber);

    /**
     * Lists the tickets the actor requested, as their requester sees them.
     *
     * @param actor who asks
     * @param query filters and paging; a requester filter in it is replaced by the actor
     * @return one page
     * @throws za.co.proconnectsa.support.InvalidInputException when the query filters by assignee, which
     *                                                        requesters do not see
     */
    Page<RequesterTicket> myTickets(Actor actor, TicketQuery query);

    /**
     * The agent queue: every ticket matching the query (agents and admins only).
     *
     * @param actor who asks
     * @param query filters, order and paging
     * @return one page
     */
    Page<Ticket> queue(Actor actor, TicketQuery query);

    /**
     * What changed in the queue since a cursor, for a dashboard that refreshes itself: each ticket changed since
     * then, once, as it is now, in the order the changes committed (agents and admins only). Keep the returned
     * cursor and ask again with it; a change that commits after a cursor was handed out is never skipped.
     *
     * <pre>{@code
     * ChangeCursor cursor = desk.tickets().latestChange(agent);       // when the page is first drawn
     * TicketChanges changes = desk.tickets().changesSince(agent, cursor, 100);
     * changes.tickets().forEach(row -> redraw(row));
     * cursor = changes.cursor();                                      // and poll again with it
     * }</pre>
     *
     * @param actor  who asks
     * @param cursor where the last poll ended ({@link ChangeCursor#start()} for every ticket)
     * @param limit  at most this many tickets, 1 to 1000
     * @return the changed tickets and the cursor to poll from next
     */
    TicketChanges changesSince(Actor actor, ChangeCursor cursor, int limit);

    /**
     * @param actor who asks (agents and admins only)
     * @return the cursor after the latest committed change: polling from it returns only later changes
     */
    ChangeCursor latestChange(Actor actor);
}
