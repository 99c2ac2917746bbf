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
 * @param firstResponse     median and 90th percentile of the wall time to the first public reply of those answered
 * @param resolution        median and 90th percentile of the wall time to the first resolution of those resolved
 * @param firstResponseBusiness the same in business time, or {@code null} when the query did not ask for business
 *                          time ({@link AnalyticsQuery#businessTime()})
 * @param resolutionBusiness the same in business time, or {@code null} when not asked
 */
public record AgentFigures(String agentId, long assigned, long resolved, long openNow, Duration firstResponseMean,
        Duration resolutionMean, MedianAndP90 firstResponse, MedianAndP90 resolution,
        MedianAndP90 firstResponseBusiness, MedianAndP90 resolutionBusiness) {

    /**
     * Checks the components.
     *
     * @param agentId the assignee
     * @param assigned tickets of the period assigned to them now
     * @param resolved of those, resolved or closed at least once
     * @param openNow every ticket assigned to them that is open now, whenever created: their load
     * @param firstResponseMean mean wall time to the first public reply of those answered (zero when none)
     * @param resolutionMean mean wall time to the first resolution of those resolved (zero when none)
     * @param firstResponse median and 90th percentile of the wall time to the first public reply of those answered
     * @param resolution median and 90th percentile of the wall time to the first resolution of those resolved
     * @param firstResponseBusiness the same in business time, or {@code null} when the query did not ask for business time
     * @param resolutionBusiness the same in business time, or {@code null} when not asked
     */
    public AgentFigures {
        Checks.notNull(agentId, "agentId");
        Checks.notNull(firstResponseMean, "firstResponseMean");
        Checks.notNull(resolutionMean, "resolutionMean");
        Checks.notNull(firstResponse, "firstResponse");
        Checks.notNull(resolution, "resolution");
    }
}
