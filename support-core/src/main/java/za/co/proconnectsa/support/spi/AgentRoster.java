package za.co.proconnectsa.support.spi;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import za.co.proconnectsa.support.assignment.Agent;
import za.co.proconnectsa.support.assignment.AgentWorkload;
import za.co.proconnectsa.support.assignment.Presence;

/**
 * Where the agents of automatic assignment live, and the locks that make an assignment an atomic claim. The
 * in-memory and JDBC ticket stores implement it; a host's store proves itself with {@code AgentRosterContract} and
 * {@code AssignmentContract} from {@code support-testing}.
 *
 * <p>Rules every store keeps, besides those of {@link TicketStore}:
 * <ul>
 *   <li>An agent's id and name read back exactly ({@link String#equals}); ids that differ in case are two agents.</li>
 *   <li>{@link #lockAvailableAgents()} and {@link #lockRotation(String)}, called inside a unit of work, hold what they
 *       read until the unit ends: another unit calling them waits. The ticket service makes every automatic
 *       assignment inside such a unit, so decisions on an agent's load are taken one at a time.</li>
 *   <li>Loads are counted by the store (in the database, with an index), never by reading tickets one by one.</li>
 * </ul>
 */
public interface AgentRoster extends UnitOfWork {

    /**
     * Adds an agent, or replaces every field of the stored agent with the same id.
     *
     * @param agent the agent
     */
    void saveAgent(Agent agent);

    /**
     * @param agentId an agent's id
     * @return the agent, if stored
     */
    Optional<Agent> findAgent(String agentId);

    /** @return every stored agent, each once, in no particular order */
    List<Agent> agents();

    /**
     * Changes one agent's presence and nothing else.
     *
     * @param agentId  the agent's id
     * @param presence the new presence
     * @return the agent after the change, or empty when no agent has this id (then nothing was written)
     */
    Optional<Agent> changePresence(String agentId, Presence presence);

    /**
     * Reads every {@link Presence#AVAILABLE} agent with the open tickets assigned to them (status neither RESOLVED
     * nor CLOSED) and, inside a unit of work, locks their roster entries until the unit ends. Entries are locked in
     * one fixed order, so two units never wait on each other in a circle; the counts are read after the locks are
     * held, so they include every assignment committed by a unit that held them before.
     *
     * @return the available agents with their loads, in no particular order
     */
    List<AgentWorkload> lockAvailableAgents();

    /**
     * Counts the assignments to each agent at or after a time: the {@code ASSIGNED} audit events whose new value is
     * the agent's id.
     *
     * @param agentIds agents' ids
     * @param since    the start of the window
     * @return a count for each agent that has one; agents without are left out
     */
    Map<String, Integer> assignmentsSince(Collection<String> agentIds, Instant since);

    /**
     * Reads a rotation's position (the agent it chose last) and, inside a unit of work, holds it until the unit ends:
     * another unit reading the same rotation waits.
     *
     * @param rotation the rotation's name, an identifier of at most 40 characters
     * @return the agent chosen last, or empty for a rotation that never chose
     */
    Optional<String> lockRotation(String rotation);

    /**
     * Sets a rotation's position, creating the rotation when it is new.
     *
     * @param rotation the rotation's name
     * @param agentId  the agent it chose
     */
    void moveRotation(String rotation, String agentId);
}
