package za.co.proconnectsa.support.assignment;

import java.util.List;
import java.util.Optional;
import za.co.proconnectsa.support.access.Actor;

/**
 * The agent roster and automatic assignment of a desk ({@code desk.assignment()}). Every method checks the caller's
 * rights with the desk's {@link za.co.proconnectsa.support.access.AccessPolicy} first.
 *
 * <pre>{@code
 * desk.assignment().saveAgent(admin, Agent.builder("agent-7", "Sipho").capacity(5).build());
 * desk.assignment().setPresence(sipho, "agent-7", Presence.AWAY);           // back with AVAILABLE
 * AssignmentResult result = desk.assignment().assignNew(sipho, "PCS-000042");
 * }</pre>
 *
 * <p><b>The claim.</b> Each assignment is one unit of work of the store: it locks the roster entries of the
 * AVAILABLE agents (in id order, so units never wait on each other in a circle), counts their open tickets in the
 * store, lets the {@link AssignmentStrategy} choose among those below their capacity, and writes the assignee only
 * if the ticket is still unassigned and unchanged since it was read, with the same audit event
 * ({@link za.co.proconnectsa.support.ticket.AuditAction#ASSIGNED}, internal) and ticket event as an assignment by
 * hand. Two instances on one database therefore never assign one ticket twice, and never give an agent more open
 * tickets than their capacity. Assignments by hand ({@link za.co.proconnectsa.support.ticket.TicketService#assign})
 * are not limited by capacity, and a requester reopening a resolved ticket may put an agent over it; both count
 * towards the agent's load.
 *
 * <p><b>The backlog.</b> Unassigned tickets that are not RESOLVED or CLOSED wait in the backlog. When the desk
 * assigns on submit ({@link za.co.proconnectsa.support.SupportDesk.Builder#autoAssign(boolean)}), room freeing up
 * gives the backlog out, oldest first: an assigned ticket resolved or closed, an agent made AVAILABLE, an agent
 * saved (added, or given more capacity or categories). Other changes free room too (an unassign, a reassignment, a
 * window of {@link AssignmentStrategy#atMostPerAgent} moving on), and a crash can come between a change and the
 * hand-out that follows it: call {@link #drainBacklog} on a schedule (every minute, say) to cover those.
 */
public interface AssignmentService {

    /** The actor named in the audit trail of assignments the desk makes on its own. */
    Actor AUTOMATIC = Actor.agent("auto-assignment", "Automatic assignment");

    /**
     * Adds an agent to the roster, or replaces the one with the same id (admins only). An AVAILABLE agent saved on a
     * desk that assigns on submit is given backlog tickets at once, up to their room.
     *
     * @param actor an admin
     * @param agent the agent
     * @return the agent as stored
     * @throws za.co.proconnectsa.support.access.AccessDeniedException when the actor is not an admin
     */
    Agent saveAgent(Actor actor, Agent agent);

    /**
     * Changes an agent's presence: an agent may change their own, an admin anyone's. Away and offline agents keep
     * their tickets and get no new ones; an agent made AVAILABLE on a desk that assigns on submit is given backlog
     * tickets at once, up to their room.
     *
     * @param actor    the agent themselves, or an admin
     * @param agentId  the agent's id
     * @param presence the new presence
     * @return the agent after the change
     * @throws AgentNotFoundException when no agent has this id
     * @throws za.co.proconnectsa.support.access.AccessDeniedException when the actor may not change it
     */
    Agent setPresence(Actor actor, String agentId, Presence presence);

    /**
     * @param actor   an agent or admin
     * @param agentId an agent's id
     * @return the agent, if on the roster
     */
    Optional<Agent> agent(Actor actor, String agentId);

    /**
     * @param actor an agent or admin
     * @return every agent on the roster, ordered by id
     */
    List<Agent> agents(Actor actor);

    /**
     * Assigns an unassigned ticket with the desk's strategy (agents and admins). For a ticket that came in some way
     * other than {@code submit} on a desk that assigns on submit, or for a desk that does not assign on its own.
     *
     * @param actor        who asks; named in the ticket's audit trail
     * @param ticketNumber the ticket, e.g. {@code PCS-000042}
     * @return what happened
     * @throws za.co.proconnectsa.support.ticket.TicketNotFoundException when there is no such ticket
     */
    AssignmentResult assignNew(Actor actor, String ticketNumber);

    /**
     * Gives out the backlog, oldest first, until it is empty or no AVAILABLE agent has room (agents and admins). A
     * ticket that no agent with room may take (no one handles its category, say) is passed over and keeps its place.
     *
     * @param actor who asks; the assignments are audited as {@link #AUTOMATIC}
     * @return how many tickets were assigned
     */
    int drainBacklog(Actor actor);

    /** @return the strategy this desk assigns with */
    AssignmentStrategy strategy();

    /** @return whether the desk assigns new tickets on submit and gives out the backlog when room frees */
    boolean assignsOnSubmit();
}
