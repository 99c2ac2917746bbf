package za.co.proconnectsa.support.assignment;

import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.internal.Checks;

/**
 * An agent with the open tickets they hold, as an {@link AssignmentStrategy} sees them while it chooses.
 *
 * @param agent       the agent as on the roster
 * @param openTickets the tickets assigned to them whose status is neither RESOLVED nor CLOSED
 */
public record AgentWorkload(Agent agent, int openTickets) {

    /**
     * Checks the components.
     *
     * @param agent the agent as on the roster
     * @param openTickets the tickets assigned to them whose status is neither RESOLVED nor CLOSED
     */
    public AgentWorkload {
        Checks.notNull(agent, "agent");
        if (openTickets < 0) {
            throw InvalidInputException.of("openTickets", "must not be negative, was " + openTickets);
        }
    }

    /** @return the agent's id */
    public String agentId() {
        return agent.id();
    }

    /** @return how many more open tickets automatic assignment may give them; 0 when full or over */
    public int room() {
        return Math.max(0, agent.capacity() - openTickets);
    }

    /** @return the share of their capacity in use, 0.0 to 1.0 (1.0 for an agent of capacity 0) */
    public double utilisation() {
        return agent.capacity() == 0 ? 1.0 : Math.min(1.0, (double) openTickets / agent.capacity());
    }
}
