package za.co.proconnectsa.support.analytics;

import java.time.Duration;
import za.co.proconnectsa.support.internal.Checks;

/**
 * A set of durations summed up: how many, their mean and percentiles. Percentiles are continuous (SQL's
 * {@code percentile_cont}): the value at rank {@code p * (count - 1)} of the sorted durations, interpolated linearly
 * between its neighbours. Every figure is rounded to the microsecond; all are zero when {@code count} is 0.
 *
 * @param count how many durations
 * @param mean  their mean
 * @param p50   the median
 * @param p90   the 90th percentile
 * @param p95   the 95th percentile
 * @param p99   the 99th percentile
 */
public record DurationFigures(long count, Duration mean, Duration p50, Duration p90, Duration p95, Duration p99) {

    /** No durations: count 0, every figure zero. */
    public static final DurationFigures NONE = new DurationFigures(0, Duration.ZERO, Duration.ZERO, Duration.ZERO,
            Duration.ZERO, Duration.ZERO);

    /**
     * Checks that nothing is missing.
     *
     * @param count how many durations
     * @param mean their mean
     * @param p50 the median
     * @param p90 the 90th percentile
     * @param p95 the 95th percentile
     * @param p99 the 99th percentile
     */
    public DurationFigures {
        if (count < 0) {
            throw za.co.proconnectsa.support.InvalidInputException.of("count", "must not be negative");
        }
        Checks.notNull(mean, "mean");
        Checks.notNull(p50, "p50");
        Checks.notNull(p90, "p90");
        Checks.notNull(p95, "p95");
        Checks.notNull(p99, "p99");
    }
}
