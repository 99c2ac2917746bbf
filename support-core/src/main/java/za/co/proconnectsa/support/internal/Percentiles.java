package za.co.proconnectsa.support.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import za.co.proconnectsa.support.analytics.DurationFigures;
import za.co.proconnectsa.support.spi.AnalyticsStore.SpanStats;

/** Continuous percentiles as SQL's {@code percentile_cont} computes them, and their rounding to microseconds. */
public final class Percentiles {

    private Percentiles() {
    }

    /**
     * @param sorted values in ascending order
     * @param p      the fraction, 0 to 1
     * @return the value at rank {@code p * (n - 1)}, interpolated linearly; 0 when there are none
     */
    public static double cont(long[] sorted, int n, double p) {
        if (n == 0) {
            return 0;
        }
        double rank = p * (n - 1);
        int lo = (int) Math.floor(rank);
        int hi = (int) Math.ceil(rank);
        double first = sorted[lo];
        double second = sorted[hi];
        // the same formula as PostgreSQL's, so both round alike
        return first + (second - first) * (rank - lo);
    }

    /**
     * @param micros spans in microseconds, in any order; sorted in place
     * @param n      how many of them count
     * @return their count, sum and percentiles
     */
    public static SpanStats stats(long[] micros, int n) {
        Arrays.sort(micros, 0, n);
        long sum = 0;
        for (int i = 0; i < n; i++) {
            sum += micros[i];
        }
        return new SpanStats(n, sum, cont(micros, n, 0.5), cont(micros, n, 0.9), cont(micros, n, 0.95),
                cont(micros, n, 0.99));
    }

    /**
     * @param stats a store's figures
     * @return them as durations rounded to the microsecond (half up)
     */
    public static DurationFigures figures(SpanStats stats) {
        if (stats.count() == 0) {
            return DurationFigures.NONE;
        }
        return new DurationFigures(stats.count(), mean(stats.sumMicros(), stats.count()), duration(stats.p50()),
                duration(stats.p90()), duration(stats.p95()), duration(stats.p99()));
    }

    /**
     * @param sumMicros a total in microseconds
     * @param count     how many
     * @return the mean, rounded half up to the microsecond; zero when count is 0
     */
    public static Duration mean(long sumMicros, long count) {
        if (count == 0) {
            return Duration.ZERO;
        }
        long micros = BigDecimal.valueOf(sumMicros).divide(BigDecimal.valueOf(count), 0, RoundingMode.HALF_UP)
                .longValueExact();
        return Duration.of(micros, ChronoUnit.MICROS);
    }

    /**
     * @param value microseconds, as a percentile gives them
     * @return the duration, rounded half up to the microsecond
     */
    public static Duration duration(double value) {
        return Duration.of(Math.round(value), ChronoUnit.MICROS);
    }

    /**
     * @param from a start
     * @param to   an end
     * @return the microseconds between them
     */
    public static long between(java.time.Instant from, java.time.Instant to) {
        return ChronoUnit.MICROS.between(from, to);
    }
}
