package za.co.proconnectsa.support.ticket;

import za.co.proconnectsa.support.access.Actor;

/**
 * Everything a host does with tickets. Every method checks the caller's rights with the desk's
 * {@link za.co.proconnectsa.support.access.AccessPolicy} first, writes each change in one store
 * transaction with its audit events, and only then notifies listeners.
 *
 * <p>Errors are always {@link za.co.proconnectsa.support.SupportException} subclasses:
 * {@link za.co.proconnectsa.support.ValidationException} for bad input,
 * {@link za.co.proconnectsa.support.access.AccessDeniedException} for a forbidden operation,
 * {@link TicketNotFoundException} for an unknown (or someone else's) ticket,
 * {@link InvalidTransitionException} for an illegal status change,
 * {@link za.co.proconnectsa.support.ConcurrentModificationException} for a stale version and
 * {@link za.co.proconnectsa.support.StoreUnavailableException} when the store fails (worth retrying) and
 * {@link za.co.proconnectsa.support.DataRejectedException} when the store refused a value (not worth
 * retrying). After an exception nothing was written.
 *
 * <p>Text follows {@link za.co.proconnectsa.support.util.Text}: ids (actor, requester, agent, idempotency
 * key, ticket number) are 1 to 200 printable ASCII characters without spaces and compared exactly, case and
 * all; free text (subject, body, reply, names) may hold any Unicode except control characters other than tab
 * and line breaks, and lone surrogates. What is accepted is stored and read back exactly on every store; what
 * is not is refused with a {@code ValidationException} naming the field.
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
     * Changes a ticket's status. Agents and admins may make any allowed transition; a requester may
     * only mark their own ticket RESOLVED or CLOSED.
     *
     * @param actor        who changes it
     * @param ticketNumber the ticket
     * @param status       the new status
     * @return the ticket after the change
     */
    Ticket changeStatus(Actor actor, String ticketNumber, TicketStatus status);

    /**
     * Changes a ticket's status only if it is still at the version the caller saw.
     *
     * @param actor           who changes it
     * @param ticketNumber    the ticket
     * @param status          the new status
     * @param expectedVersion the {@link Ticket#version()} the caller read
     * @return the ticket after the change
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
     * Reads a ticket with its conversation and history. A requester sees only their own tickets and
     * only public messages and events; support sees everything.
     *
     * @param actor        who reads
     * @param ticketNumber the ticket
     * @return the ticket as the actor may see it
     */
    TicketDetails get(Actor actor, String ticketNumber);

    /**
     * Lists the tickets the actor requested.
     *
     * @param actor who asks
     * @param query filters and paging; a requester filter in it is replaced by the actor
     * @return one page
     */
    Page<Ticket> myTickets(Actor actor, TicketQuery query);

    /**
     * The agent queue: every ticket matching the query (agents and admins only).
     *
     * @param actor who asks
     * @param query filters, order and paging
     * @return one page
     */
    Page<Ticket> queue(Actor actor, TicketQuery query);
}
