package za.co.proconnectsa.support.analytics;

import java.time.Duration;
import java.util.List;

/**
 * The tickets created before the period's end (and matching the filters) that are open now (NEW, OPEN, PENDING or
 * ON_HOLD), by age at the period's end.
 *
 * @param open   how many
 * @param ageing by age: under 1 day, 1 to 3 days, 3 to 7, 7 to 30, 30 and more
 */
public record Backlog(long open, List<AgeBucket> ageing) {

    /** The bands' upper bounds; the last band has none. */
    public static final List<Duration> BOUNDS = List.of(Duration.ofDays(1), Duration.ofDays(3), Duration.ofDays(7),
            Duration.ofDays(30));

    /**
     * Copies the bands.
     *
     * @param open how many
     * @param ageing by age: under 1 day, 1 to 3 days, 3 to 7, 7 to 30, 30 and more
     */
    public Backlog {
        ageing = List.copyOf(ageing);
    }
}
