package za.co.proconnectsa.support.analytics;

import java.time.Duration;
import za.co.proconnectsa.support.internal.Checks;

/**
 * The median and the 90th percentile of one agent's spans (continuous percentiles, as SQL's {@code percentile_cont}),
 * to the microsecond.
 *
 * @param count how many spans
 * @param p50   the median; zero when none
 * @param p90   the 90th percentile; zero when none
 */
public record MedianAndP90(long count, Duration p50, Duration p90) {

    /** No spans. */
    public static final MedianAndP90 NONE = new MedianAndP90(0, Duration.ZERO, Duration.ZERO);

    /**
     * Checks the components.
     *
     * @param count how many spans
     * @param p50 the median; zero when none
     * @param p90 the 90th percentile; zero when none
     */
    public MedianAndP90 {
        Checks.notNull(p50, "p50");
        Checks.notNull(p90, "p90");
    }
}
