package za.co.proconnectsa.support.hours;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import za.co.proconnectsa.support.InvalidInputException;

/**
 * Which dates are holidays: support is closed all day on a holiday (unless {@link BusinessHours}
 * has a special date for it).
 *
 * <p>Implementations must be thread-safe and give stable answers: {@link BusinessHours} remembers
 * the answers it has read (a block of dates at a time) and never asks again for the same date. To
 * change the holidays, build a new {@link BusinessHours}.
 *
 * <p>Ready calendars: {@link #none()}, {@link #of(LocalDate...)}, {@link #named(Map)} and
 * {@link SouthAfricanHolidays#calendar()}; combine them with {@link #and(HolidayCalendar)}, for
 * example {@code SouthAfricanHolidays.calendar().and(HolidayCalendar.of(LocalDate.of(2026, 12, 24)))}.
 */
@FunctionalInterface
public interface HolidayCalendar {

    /**
     * Tells whether a date is a holiday.
     *
     * @param date the date, in the support team's zone
     * @return whether support is closed all day on that date
     * @throws InvalidInputException if {@code date} is null
     */
    boolean isHoliday(LocalDate date);

    /**
     * Names the holiday on a date. The default names every holiday "Holiday".
     *
     * @param date the date, in the support team's zone
     * @return the holiday's name, or empty if the date is not a holiday
     * @throws InvalidInputException if {@code date} is null
     */
    default Optional<String> holidayName(LocalDate date) {
        return isHoliday(date) ? Optional.of("Holiday") : Optional.empty();
    }

    /**
     * Combines this calendar with another: a date is a holiday if either calendar says so. Its name
     * is this calendar's name if this calendar has the holiday, else the other's.
     *
     * @param other the other calendar
     * @return the combined calendar
     * @throws InvalidInputException if {@code other} is null
     */
    default HolidayCalendar and(HolidayCalendar other) {
        if (other == null) {
            throw InvalidInputException.of("other", "must not be null");
        }
        return Calendars.both(this, other);
    }

    /**
     * A calendar without holidays.
     *
     * @return the calendar
     */
    static HolidayCalendar none() {
        return Calendars.NONE;
    }

    /**
     * A calendar of the given dates, each named "Holiday".
     *
     * @param dates the holidays
     * @return the calendar
     * @throws InvalidInputException if the array or a date is null
     */
    static HolidayCalendar of(LocalDate... dates) {
        if (dates == null) {
            throw InvalidInputException.of("dates", "must not be null");
        }
        return of(java.util.Arrays.asList(dates));
    }

    /**
     * A calendar of the given dates, each named "Holiday".
     *
     * @param dates the holidays
     * @return the calendar
     * @throws InvalidInputException if the collection or a date is null
     */
    static HolidayCalendar of(Collection<LocalDate> dates) {
        return Calendars.dates(dates);
    }

    /**
     * A calendar of named dates, for example company days or a one-off public holiday declared for
     * an election.
     *
     * @param holidays each holiday's date and name
     * @return the calendar
     * @throws InvalidInputException if the map, a date or a name is null, or a name is blank
     */
    static HolidayCalendar named(Map<LocalDate, String> holidays) {
        return Calendars.named(holidays);
    }
}
