package za.co.proconnectsa.support.portal.analytics;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.analytics.AnalyticsQuery;

/**
 * The period the analytics page shows: whole local days in the desk's zone, from {@code first} to {@code last}
 * inclusive. Whole days make the page, its charts and its CSV download ask for exactly the same query.
 *
 * @param first the first day
 * @param last  the last day (inclusive)
 * @param zone  the zone the days are counted in
 */
public record AnalyticsPeriod(LocalDate first, LocalDate last, ZoneId zone) {

    /** The lengths the period picker offers, in days. */
    public static final List<Integer> PRESETS = List.of(7, 30, 90, 365);

    /** The length shown when none is picked. */
    public static final int DEFAULT_DAYS = 30;

    /**
     * Reads the picker's fields: explicit days win over a preset length ending today.
     *
     * @param days  a preset length, or null
     * @param from  the first day, or null
     * @param to    the last day, or null for today
     * @param clock the desk's clock
     * @param zone  the desk's zone
     * @return the period
     * @throws InvalidInputException when the days are in the wrong order, too far apart or the length is not offered
     */
    public static AnalyticsPeriod of(Integer days, LocalDate from, LocalDate to, Clock clock, ZoneId zone) {
        LocalDate last = to != null ? to : LocalDate.now(clock.withZone(zone));
        LocalDate first;
        if (from != null) {
            first = from;
        } else {
            int length = days == null ? DEFAULT_DAYS : days;
            if (!PRESETS.contains(length)) {
                throw new InvalidInputException(List.of(new InvalidInputException.FieldError("days",
                        "must be one of " + PRESETS)));
            }
            first = last.minusDays(length - 1L);
        }
        if (first.isAfter(last)) {
            throw new InvalidInputException(List.of(new InvalidInputException.FieldError("from",
                    "must be on or before the last day")));
        }
        if (ChronoUnit.DAYS.between(first, last) >= AnalyticsQuery.MAX_DAYS) {
            throw new InvalidInputException(List.of(new InvalidInputException.FieldError("from",
                    "must be at most " + AnalyticsQuery.MAX_DAYS + " days before the last day")));
        }
        return new AnalyticsPeriod(first, last, zone);
    }

    /** @return the number of days in the period */
    public long days() {
        return ChronoUnit.DAYS.between(first, last) + 1;
    }

    /** @return the desk's query for these days, with business time and the common issues */
    public AnalyticsQuery query() {
        return AnalyticsQuery.builder(first.atStartOfDay(zone).toInstant(),
                        last.plusDays(1).atStartOfDay(zone).toInstant())
                .zone(zone)
                .businessTime(true)
                .build();
    }
}
