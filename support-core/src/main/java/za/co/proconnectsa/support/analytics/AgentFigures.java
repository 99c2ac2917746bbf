package za.co.proconnectsa.support.analytics;

import java.time.Duration;
import za.co.proconnectsa.support.internal.Checks;

/**
 * One agent's figures for the period's tickets, and their load now.
 *
 * @param agentId           the assignee
 * @param assigned          tickets of the period assigned to them now
 * @param resolved          of those, resolved or closed at least once
 * @param openNow           every ticket assigned to them that is open now, whenever created: their load
 * @param firstResponseMean mean wall time to the first public reply of those answered (zero when none)
 * @param resolutionMean    mean wall time to the first resolution of those resolved (zero when none)
 */
public record AgentFigures(String agentId, long assigned, long resolved, long openNow, Duration firstResponseMean,
        Duration resolutionMean) {

    /**
     * Checks the components.
     *
     * @param agentId the assignee
     * @param assigned tickets of the period assigned to them now
     * @param resolved of those, resolved or closed at least once
     * @param openNow every ticket assigned to them that is open now, whenever created: their load
     * @param firstResponseMean mean wall time to the first public reply of those answered (zero when none)
     * @param resolutionMean mean wall time to the first resolution of those resolved (zero when none)
     */
    public AgentFigures {
        Checks.notNull(agentId, "agentId");
        Checks.notNull(firstResponseMean, "firstResponseMean");
        Checks.notNull(resolutionMean, "resolutionMean");
    }
}
