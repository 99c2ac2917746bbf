package za.co.proconnectsa.support.sla;

import java.time.Duration;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.hours.BusinessHours;
import za.co.proconnectsa.support.internal.Checks;

/**
 * One promise of an {@link SlaPolicy}: what ({@link #type()}), how much, and how time is counted
 * ({@link #measure()}). Make one with {@link #businessTime}, {@link #calendarTime} or
 * {@link #businessDays}.
 *
 * <p>Time targets use {@link #time()} and leave {@link #businessDays()} at 0; a business-days target
 * uses {@link #businessDays()} and leaves {@link #time()} at zero.
 *
 * @param type         what is promised
 * @param measure      how the time is counted
 * @param time         for {@link Measure#BUSINESS_TIME} and {@link Measure#CALENDAR_TIME}: how long,
 *                     more than zero and at most {@link #MAX_TIME}; zero for
 *                     {@link Measure#BUSINESS_DAYS}
 * @param businessDays for {@link Measure#BUSINESS_DAYS}: how many business days, 1 to
 *                     {@value #MAX_BUSINESS_DAYS}; 0 otherwise
 */
public record SlaTarget(SlaTargetType type, Measure measure, Duration time, int businessDays) {

    /** The longest time target: 366 days. */
    public static final Duration MAX_TIME = Duration.ofDays(366);

    /** The most business days a target may count. */
    public static final int MAX_BUSINESS_DAYS = 366;

    /** How a target counts time. */
    public enum Measure {
        /**
         * Open time of the desk's {@link BusinessHours}: four hours from Friday 16:00 with 08:00-17:00
         * hours is Monday 11:00.
         */
        BUSINESS_TIME,
        /** Time on the wall clock, day and night, weekends and holidays included. */
        CALENDAR_TIME,
        /**
         * "By the end of the Nth business day": the clock is due when business ends (the
         * {@link BusinessHours#endOfBusinessDay last closing}) on the Nth
         * {@link BusinessHours#isBusinessDay business day} after the date on which the clock starts,
         * in the desk's zone. The start date itself never counts, whatever the time: with
         * Monday-Friday 08:00-17:00 hours and one business day, a ticket created on Tuesday at 10:00
         * or at 20:00 is due on Wednesday at 17:00, one created on Friday or Saturday on Monday at
         * 17:00. The promise is turned into the open time from the start to that moment, and is
         * then counted like {@link #BUSINESS_TIME}, so pauses move the due moment by the open time
         * they took.
         */
        BUSINESS_DAYS
    }

    /**
     * Checks that the amount fits the measure.
     *
     * @param type what is promised
     * @param measure how the time is counted
     * @param time for {@link Measure#BUSINESS_TIME} and {@link Measure#CALENDAR_TIME}: how long, more than zero and at most {@link #MAX_TIME}; zero for {@link Measure#BUSINESS_DAYS}
     * @param businessDays for {@link Measure#BUSINESS_DAYS}: how many business days, 1 to {@value #MAX_BUSINESS_DAYS}; 0 otherwise
     * @throws InvalidInputException when a component is null or the amount is out of range
     */
    public SlaTarget {
        Checks.notNull(type, "type");
        Checks.notNull(measure, "measure");
        Checks.notNull(time, "time");
        if (measure == Measure.BUSINESS_DAYS) {
            if (!time.isZero()) {
                throw InvalidInputException.of("time", "must be zero for a business-days target, was " + time);
            }
            Checks.between(businessDays, 1, MAX_BUSINESS_DAYS, "businessDays");
        } else {
            if (businessDays != 0) {
                throw InvalidInputException.of("businessDays", "must be 0 for a time target, was " + businessDays);
            }
            Checks.positive(time, "time");
            if (time.compareTo(MAX_TIME) > 0) {
                throw InvalidInputException.of("time", "must be at most " + MAX_TIME + ", was " + time);
            }
        }
    }

    /**
     * A target counted in the desk's open time, e.g. a first response within 4 business hours.
     *
     * @param type what is promised
     * @param time how much open time, more than zero and at most {@link #MAX_TIME}
     * @return the target
     * @throws InvalidInputException when an argument is null or out of range
     */
    public static SlaTarget businessTime(SlaTargetType type, Duration time) {
        return new SlaTarget(type, Measure.BUSINESS_TIME, time, 0);
    }

    /**
     * A target counted on the wall clock, e.g. a first response within 30 minutes, day or night.
     *
     * @param type what is promised
     * @param time how long, more than zero and at most {@link #MAX_TIME}
     * @return the target
     * @throws InvalidInputException when an argument is null or out of range
     */
    public static SlaTarget calendarTime(SlaTargetType type, Duration time) {
        return new SlaTarget(type, Measure.CALENDAR_TIME, time, 0);
    }

    /**
     * A target due when business ends on a later business day, e.g. resolution by the end of the next
     * business day ({@code businessDays(RESOLUTION, 1)}). See {@link Measure#BUSINESS_DAYS}.
     *
     * @param type what is promised
     * @param days how many business days after the start date, 1 to {@value #MAX_BUSINESS_DAYS}
     * @return the target
     * @throws InvalidInputException when an argument is null or out of range
     */
    public static SlaTarget businessDays(SlaTargetType type, int days) {
        return new SlaTarget(type, Measure.BUSINESS_DAYS, Duration.ZERO, days);
    }

    /** @return whether the target counts the desk's open time (business time or business days) */
    public boolean countsBusinessTime() {
        return measure != Measure.CALENDAR_TIME;
    }

    /** @return the target in words for logs, e.g. {@code "FIRST_RESPONSE within PT4H of business time"} */
    @Override
    public String toString() {
        return switch (measure) {
            case BUSINESS_TIME -> type + " within " + time + " of business time";
            case CALENDAR_TIME -> type + " within " + time + " of calendar time";
            case BUSINESS_DAYS -> type + " by the end of business day " + businessDays;
        };
    }
}
