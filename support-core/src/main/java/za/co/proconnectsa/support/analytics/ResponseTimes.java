package za.co.proconnectsa.support.analytics;

import java.util.Optional;
import za.co.proconnectsa.support.internal.Checks;

/**
 * One kind of duration (first response, next response or resolution) in wall time and, when the query asked for it,
 * in business time.
 *
 * @param wall     calendar time between the two moments
 * @param business open time of the desk's business hours between them, or {@code null} when not asked for
 */
public record ResponseTimes(DurationFigures wall, DurationFigures business) {

    /**
     * Checks that wall time is there.
     *
     * @param wall calendar time between the two moments
     * @param business open time of the desk's business hours between them, or {@code null} when not asked for
     */
    public ResponseTimes {
        Checks.notNull(wall, "wall");
    }

    /** @return the business-time figures, when the query asked for them */
    public Optional<DurationFigures> businessTime() {
        return Optional.ofNullable(business);
    }
}
