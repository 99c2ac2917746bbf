package za.co.proconnectsa.support.access;

import za.co.proconnectsa.support.ticket.Ticket;

/**
 * Who may do what. The desk asks its policy before every operation (submitting, reading, replying, changing
 * status, assigning, reading the queue, analytics, data-subject requests, the WhatsApp inbox's agent actions), and
 * an operation the policy refuses fails with {@link AccessDeniedException} before anything is read or written.
 *
 * <p>{@link #standard()} is the policy every desk uses unless the host sets another with
 * {@link za.co.proconnectsa.support.SupportDesk.Builder#accessPolicy(AccessPolicy)}: requesters act on their own
 * tickets, agents and admins on every ticket, internal notes are for the support team, and only admins manage
 * agents and data subjects (the full table is on {@link StandardAccessPolicy}). A host brings its own rules by
 * implementing {@link #permits}, usually on top of the standard policy:
 *
 * <pre>{@code
 * AccessPolicy noRequesterResolves = (actor, permission, ticket) ->
 *         !(actor.role() == Role.REQUESTER && permission == Permission.RESOLVE)
 *                 && AccessPolicy.standard().permits(actor, permission, ticket);
 * SupportDesk desk = SupportDesk.builder()
 *         .store(InMemoryTicketStore.create())
 *         .accessPolicy(noRequesterResolves)
 *         .build();
 * }</pre>
 *
 * <p>Whatever the policy, an actor asking for a ticket the policy does not let them see
 * ({@link Permission#VIEW_TICKET}) is told it does not exist
 * ({@link za.co.proconnectsa.support.ticket.TicketNotFoundException}), never that it is forbidden, so ticket numbers
 * cannot be probed. Implementations must be thread-safe and quick: they are called on every operation, sometimes
 * once per ticket of a list.
 */
@FunctionalInterface
public interface AccessPolicy {

    /**
     * The standard policy: requesters on their own tickets, the support team on every ticket, admins alone on
     * agents and data subjects.
     *
     * @return the standard policy, shared and immutable
     */
    static StandardAccessPolicy standard() {
        return StandardAccessPolicy.INSTANCE;
    }

    /**
     * Decides one operation.
     *
     * @param actor      who acts, never null
     * @param permission what they want to do, never null
     * @param ticket     the ticket it concerns, or {@code null} for operations on no ticket (submitting, the queue,
     *                   analytics) or before the ticket is read
     * @return whether it is allowed
     */
    boolean permits(Actor actor, Permission permission, Ticket ticket);

    /**
     * Throws unless the operation is allowed; the desk calls this before each operation.
     *
     * @param actor      who acts
     * @param permission what they want to do
     * @param ticket     the ticket it concerns, or {@code null}
     * @throws AccessDeniedException when {@link #permits} says no
     */
    default void check(Actor actor, Permission permission, Ticket ticket) {
        if (!permits(actor, permission, ticket)) {
            throw new AccessDeniedException(actor.role(), permission, "the desk's access policy does not allow it");
        }
    }
}
