package za.co.proconnectsa.support.hours;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import za.co.proconnectsa.support.InvalidInputException;

/**
 * The public holidays of the South African Public Holidays Act (Act 36 of 1994), computed for any
 * year from {@value #FIRST_YEAR}:
 *
 * <ul>
 *   <li>New Year's Day (1 January), Human Rights Day (21 March), Freedom Day (27 April), Workers'
 *       Day (1 May), Youth Day (16 June), National Women's Day (9 August), Heritage Day (24
 *       September), Day of Reconciliation (16 December), Christmas Day (25 December) and Day of
 *       Goodwill (26 December);</li>
 *   <li>Good Friday and Family Day (the Monday after Easter), from the Gregorian Easter date
 *       ({@link #easterSunday(int)}, the anonymous Gregorian algorithm);</li>
 *   <li>the Sunday rule (section 2(1)): when a public holiday falls on a Sunday, the following
 *       Monday is a public holiday. Named like "National Women's Day (observed)". When that
 *       Monday is already a holiday (Christmas Day on a Sunday makes Monday the Day of Goodwill),
 *       no further day is added.</li>
 * </ul>
 *
 * <p>Not included: days the President declares under section 2A (for example election days such
 * as 29 May 2024, or 27 December 2022). Add them with
 * {@code SouthAfricanHolidays.calendar().and(HolidayCalendar.of(LocalDate.of(2024, 5, 29)))}.
 * Dates before {@value #FIRST_YEAR} are never holidays in this calendar.
 *
 * <p>Stateless and thread-safe; {@link #isHoliday(LocalDate)} is O(1) and allocation-free.
 */
public final class SouthAfricanHolidays implements HolidayCalendar {

    /** The first year the Act's holidays applied (the Act came into force in December 1994). */
    public static final int FIRST_YEAR = 1995;

    private static final SouthAfricanHolidays INSTANCE = new SouthAfricanHolidays();

    /** The fixed-date holidays, in calendar order. */
    private static final MonthDay[] FIXED = {
        MonthDay.of(1, 1), MonthDay.of(3, 21), MonthDay.of(4, 27), MonthDay.of(5, 1), MonthDay.of(6, 16),
        MonthDay.of(8, 9), MonthDay.of(9, 24), MonthDay.of(12, 16), MonthDay.of(12, 25), MonthDay.of(12, 26)
    };
    private static final String[] FIXED_NAMES = {
        "New Year's Day", "Human Rights Day", "Freedom Day", "Workers' Day", "Youth Day",
        "National Women's Day", "Heritage Day", "Day of Reconciliation", "Christmas Day", "Day of Goodwill"
    };
    private static final String GOOD_FRIDAY = "Good Friday";
    private static final String FAMILY_DAY = "Family Day";

    private SouthAfricanHolidays() {
    }

    /**
     * The calendar. It is a shared, stateless instance.
     *
     * @return the South African public holiday calendar
     */
    public static SouthAfricanHolidays calendar() {
        return INSTANCE;
    }

    /**
     * Computes Easter Sunday in the Gregorian calendar with the anonymous Gregorian algorithm
     * (Meeus/Jones/Butcher).
     *
     * @param year the year, 1583 or later
     * @return Easter Sunday of that year, for example 2024-03-31
     * @throws InvalidInputException if the year is before 1583 or after {@link java.time.Year#MAX_VALUE}
     */
    public static LocalDate easterSunday(int year) {
        if (year < 1583 || year > java.time.Year.MAX_VALUE) {
            throw InvalidInputException.of("year", "must be between 1583 and " + java.time.Year.MAX_VALUE + ", was " + year);
        }
        int e = easterDayOfYearKey(year);
        return LocalDate.of(year, e / 100, e % 100);
    }

    /** @return Easter Sunday as month * 100 + day, without allocating */
    private static int easterDayOfYearKey(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = ((h + l - 7 * m + 114) % 31) + 1;
        return month * 100 + day;
    }

    /**
     * {@inheritDoc}
     *
     * <p>O(1): a few comparisons and, in March and April, the Easter computation.
     */
    @Override
    public boolean isHoliday(LocalDate date) {
        Calendars.requireDate(date);
        int year = date.getYear();
        if (year < FIRST_YEAR) {
            return false;
        }
        int month = date.getMonthValue();
        int day = date.getDayOfMonth();
        if (fixedIndex(month, day) >= 0) {
            return true;
        }
        if (date.getDayOfWeek() == DayOfWeek.MONDAY && sundayBefore(date) >= 0) {
            return true;
        }
        return (month == 3 || month == 4) && easterIndex(year, month, day) >= 0;
    }

    /**
     * {@inheritDoc}
     *
     * <p>When two holidays fall on the same date (Human Rights Day on Good Friday in 2008, say), the
     * names are joined with " and ".
     */
    @Override
    public Optional<String> holidayName(LocalDate date) {
        Calendars.requireDate(date);
        List<String> names = names(date);
        return names.isEmpty() ? Optional.empty() : Optional.of(String.join(" and ", names));
    }

    /**
     * Lists the public holidays of a year, including Mondays added by the Sunday rule.
     *
     * @param year the year
     * @return each holiday's date and name in date order; empty before {@value #FIRST_YEAR}
     * @throws InvalidInputException if the year is after {@link java.time.Year#MAX_VALUE}
     */
    public SortedMap<LocalDate, String> holidays(int year) {
        if (year > java.time.Year.MAX_VALUE) {
            throw InvalidInputException.of("year", "must be at most " + java.time.Year.MAX_VALUE + ", was " + year);
        }
        TreeMap<LocalDate, String> all = new TreeMap<>();
        if (year >= FIRST_YEAR) {
            LocalDate date = LocalDate.of(year, 1, 1);
            while (date.getYear() == year) {
                if (isHoliday(date)) {
                    all.put(date, String.join(" and ", names(date)));
                }
                date = date.plusDays(1);
            }
        }
        return Collections.unmodifiableSortedMap(all);
    }

    private static List<String> names(LocalDate date) {
        List<String> names = new ArrayList<>(2);
        int year = date.getYear();
        if (year < FIRST_YEAR) {
            return names;
        }
        int month = date.getMonthValue();
        int day = date.getDayOfMonth();
        int fixed = fixedIndex(month, day);
        if (fixed >= 0) {
            names.add(FIXED_NAMES[fixed]);
        }
        if (month == 3 || month == 4) {
            int easter = easterIndex(year, month, day);
            if (easter == 0) {
                names.add(GOOD_FRIDAY);
            } else if (easter == 1) {
                names.add(FAMILY_DAY);
            }
        }
        if (date.getDayOfWeek() == DayOfWeek.MONDAY && names.isEmpty()) {
            int sunday = sundayBefore(date);
            if (sunday >= 0) {
                names.add(FIXED_NAMES[sunday] + " (observed)");
            }
        }
        return names;
    }

    /** @return the index of the fixed holiday on the Sunday before a Monday, or -1 */
    private static int sundayBefore(LocalDate monday) {
        int month = monday.getMonthValue();
        int day = monday.getDayOfMonth();
        if (day > 1) {
            return fixedIndex(month, day - 1);
        }
        // the 1st is a Monday: the Sunday is the last day of the previous month; a fixed holiday
        // on the last day of a month does not exist (31 December is not one), and 1 January's
        // Sunday belongs to the year before
        return -1;
    }

    /** @return 0 for Good Friday, 1 for Family Day, -1 otherwise */
    private static int easterIndex(int year, int month, int day) {
        int key = easterDayOfYearKey(year);
        int easterDayOfYear = dayOfSpring(key / 100, key % 100);
        int thisDay = dayOfSpring(month, day);
        if (thisDay == easterDayOfYear - 2) {
            return 0;
        }
        return thisDay == easterDayOfYear + 1 ? 1 : -1;
    }

    /** @return a day count that is continuous across the end of March */
    private static int dayOfSpring(int month, int day) {
        return month == 3 ? day : 31 + day;
    }

    private static int fixedIndex(int month, int day) {
        for (int i = 0; i < FIXED.length; i++) {
            MonthDay md = FIXED[i];
            if (md.getMonthValue() == month && md.getDayOfMonth() == day) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public String toString() {
        return "South African public holidays";
    }
}
