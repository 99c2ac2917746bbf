package za.co.proconnectsa.support.analytics;

import java.time.Duration;
import za.co.proconnectsa.support.internal.Checks;

/**
 * Open tickets of one age band, aged at the period's end.
 *
 * @param atLeast the band's lower bound: tickets at least this old
 * @param under   the band's upper bound: tickets younger than this, or {@code null} for the last band
 * @param tickets how many open tickets
 */
public record AgeBucket(Duration atLeast, Duration under, long tickets) {

    /**
     * Checks the bound.
     *
     * @param atLeast the band's lower bound: tickets at least this old
     * @param under the band's upper bound: tickets younger than this, or {@code null} for the last band
     * @param tickets how many open tickets
     */
    public AgeBucket {
        Checks.notNull(atLeast, "atLeast");
    }

    /** @return a label such as {@code 1d-3d} (at least 1 day, under 3) or {@code 30d+} */
    public String label() {
        return under == null ? atLeast.toDays() + "d+" : atLeast.toDays() + "d-" + under.toDays() + "d";
    }
}
