package za.co.proconnectsa.support.hours;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import za.co.proconnectsa.support.InvalidInputException;

/** The {@link HolidayCalendar} implementations behind its static factories. */
final class Calendars {

    static final HolidayCalendar NONE = new HolidayCalendar() {
        @Override
        public boolean isHoliday(LocalDate date) {
            requireDate(date);
            return false;
        }

        @Override
        public Optional<String> holidayName(LocalDate date) {
            requireDate(date);
            return Optional.empty();
        }

        @Override
        public String toString() {
            return "no holidays";
        }
    };

    private Calendars() {
    }

    static LocalDate requireDate(LocalDate date) {
        if (date == null) {
            throw InvalidInputException.of("date", "must not be null");
        }
        return date;
    }

    static HolidayCalendar dates(Collection<LocalDate> dates) {
        if (dates == null) {
            throw InvalidInputException.of("dates", "must not be null");
        }
        Map<LocalDate, String> named = new HashMap<>();
        int i = 0;
        for (LocalDate d : dates) {
            if (d == null) {
                throw InvalidInputException.of("dates[" + i + "]", "must not be null");
            }
            named.put(d, "Holiday");
            i++;
        }
        return new Named(named);
    }

    static HolidayCalendar named(Map<LocalDate, String> holidays) {
        if (holidays == null) {
            throw InvalidInputException.of("holidays", "must not be null");
        }
        Map<LocalDate, String> copy = new HashMap<>();
        for (Map.Entry<LocalDate, String> e : holidays.entrySet()) {
            if (e.getKey() == null) {
                throw InvalidInputException.of("holidays", "must not contain a null date");
            }
            if (e.getValue() == null || e.getValue().isBlank()) {
                throw InvalidInputException.of("holidays[" + e.getKey() + "]", "must have a name");
            }
            copy.put(e.getKey(), e.getValue().strip());
        }
        return new Named(copy);
    }

    static HolidayCalendar both(HolidayCalendar first, HolidayCalendar second) {
        if (first == NONE) {
            return second;
        }
        if (second == NONE) {
            return first;
        }
        return new Both(first, second);
    }

    /** A fixed set of named dates. */
    private static final class Named implements HolidayCalendar {
        private final Map<LocalDate, String> names;

        Named(Map<LocalDate, String> names) {
            this.names = Map.copyOf(names);
        }

        @Override
        public boolean isHoliday(LocalDate date) {
            return names.containsKey(requireDate(date));
        }

        @Override
        public Optional<String> holidayName(LocalDate date) {
            return Optional.ofNullable(names.get(requireDate(date)));
        }

        @Override
        public String toString() {
            return "holidays " + new TreeMap<>(names).keySet();
        }
    }

    /** Two calendars combined. */
    private static final class Both implements HolidayCalendar {
        private final HolidayCalendar first;
        private final HolidayCalendar second;

        Both(HolidayCalendar first, HolidayCalendar second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public boolean isHoliday(LocalDate date) {
            return first.isHoliday(requireDate(date)) || second.isHoliday(date);
        }

        @Override
        public Optional<String> holidayName(LocalDate date) {
            Optional<String> name = first.holidayName(requireDate(date));
            return name.isPresent() ? name : second.holidayName(date);
        }

        @Override
        public String toString() {
            return first + " and " + second;
        }
    }
}
