package za.co.proconnectsa.support.assignment;

import za.co.proconnectsa.support.SupportException;

/** No agent with this id is on the roster: add the agent with {@link AssignmentService#saveAgent} first. */
public class AgentNotFoundException extends SupportException {

    private static final long serialVersionUID = 1L;

    /** The agent id, as {@link #agentId()} returns it. */
    private final String agentId;

    /**
     * @param agentId the id that was asked for
     */
    public AgentNotFoundException(String agentId) {
        super("No agent " + agentId + " is on the roster");
        this.agentId = agentId;
    }

    /** @return the id that was asked for */
    public String agentId() {
        return agentId;
    }
}
