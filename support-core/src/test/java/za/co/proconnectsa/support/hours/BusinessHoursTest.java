package za.co.proconnectsa.support.hours;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import za.co.proconnectsa.support.SupportException;
import za.co.proconnectsa.support.InvalidInputException;

class BusinessHoursTest {

    static final ZoneId JHB = ZoneId.of("Africa/Johannesburg");
    static final BusinessHours WEEKDAYS = BusinessHours.weekdays("08:00", "18:00", JHB);
    static final BusinessHours SA = BusinessHours.builder()
            .weekdays(LocalTime.of(8, 0), LocalTime.of(18, 0))
            .holidays(SouthAfricanHolidays.calendar())
            .build();

    /** @return the instant of a Johannesburg wall-clock time such as "2026-03-03T08:00" */
    static Instant sast(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(JHB).toInstant();
    }

    static LocalTime t(String text) {
        return LocalTime.parse(text);
    }

    @Nested
    @DisplayName("isOpen")
    class IsOpen {

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({
            "2026-03-03T07:59:59, false",
            "2026-03-03T08:00, true",
            "2026-03-03T12:00, true",
            "2026-03-03T17:59:59, true",
            "2026-03-03T18:00, false",
            "2026-03-03T23:00, false",
            "2026-03-06T17:30, true",  // Friday
            "2026-03-07T10:00, false", // Saturday
            "2026-03-08T10:00, false", // Sunday
            "2026-03-09T08:00, true",  // Monday
        })
        @DisplayName("intervals are [open, close) on weekdays only")
        void boundaries(String local, boolean open) {
            assertThat(WEEKDAYS.isOpen(sast(local))).isEqualTo(open);
            assertThat(SA.isOpen(sast(local))).isEqualTo(open);
        }

        @Test
        @DisplayName("a fraction of a second before opening is closed, a fraction before closing is open")
        void subSecond() {
            assertThat(WEEKDAYS.isOpen(sast("2026-03-03T08:00").minusNanos(1))).isFalse();
            assertThat(WEEKDAYS.isOpen(sast("2026-03-03T18:00").minusNanos(1))).isTrue();
        }

        @Test
        @DisplayName("holidays close the day: Good Friday and Family Day 2026, and a holiday(date)")
        void holidays() {
            assertThat(SA.isOpen(sast("2026-04-03T10:00"))).isFalse();
            assertThat(SA.isOpen(sast("2026-04-06T10:00"))).isFalse();
            assertThat(SA.isOpen(sast("2026-04-07T10:00"))).isTrue();
            assertThat(WEEKDAYS.isOpen(sast("2026-04-06T10:00"))).isTrue();

            BusinessHours closedOnce = BusinessHours.builder().weekdays(t("08:00"), t("18:00"))
                    .holiday(LocalDate.of(2026, 3, 4)).build();
            assertThat(closedOnce.isOpen(sast("2026-03-04T10:00"))).isFalse();
            assertThat(closedOnce.isOpen(sast("2026-03-05T10:00"))).isTrue();
        }

        @Test
        @DisplayName("a special date replaces the weekly hours, and opens a public holiday")
        void specialDates() {
            BusinessHours hours = BusinessHours.builder()
                    .weekdays(t("08:00"), t("18:00"))
                    .holidays(SouthAfricanHolidays.calendar())
                    .specialDate(LocalDate.of(2026, 12, 24), t("08:00"), t("12:00"))
                    .specialDate(LocalDate.of(2026, 12, 16), t("09:00"), t("12:00"))
                    .specialDate(LocalDate.of(2026, 12, 27), t("10:00"), t("11:00"))
                    .build();
            assertThat(hours.isOpen(sast("2026-12-24T07:59"))).isFalse();
            assertThat(hours.isOpen(sast("2026-12-24T08:00"))).isTrue();
            assertThat(hours.isOpen(sast("2026-12-24T11:59"))).isTrue();
            assertThat(hours.isOpen(sast("2026-12-24T12:00"))).isFalse();
            assertThat(hours.isOpen(sast("2026-12-24T15:00"))).isFalse();
            assertThat(hours.isOpen(sast("2026-12-16T10:00"))).isTrue();  // Day of Reconciliation
            assertThat(hours.isOpen(sast("2026-12-16T13:00"))).isFalse();
            assertThat(hours.isOpen(sast("2026-12-27T10:30"))).isTrue();  // a Sunday
            assertThat(hours.isOpen(sast("2026-12-23T15:00"))).isTrue();
        }

        @Test
        @DisplayName("an interval crossing midnight belongs to the day it starts on")
        void crossesMidnight() {
            BusinessHours night = BusinessHours.builder().interval(DayOfWeek.FRIDAY, t("22:00"), t("02:00")).build();
            assertThat(night.isOpen(sast("2026-03-06T21:59"))).isFalse();
            assertThat(night.isOpen(sast("2026-03-06T22:00"))).isTrue();
            assertThat(night.isOpen(sast("2026-03-06T23:59:59"))).isTrue();
            assertThat(night.isOpen(sast("2026-03-07T00:00"))).isTrue();
            assertThat(night.isOpen(sast("2026-03-07T01:00"))).isTrue();  // Saturday 01:00
            assertThat(night.isOpen(sast("2026-03-07T02:00"))).isFalse();
            assertThat(night.isOpen(sast("2026-03-07T22:30"))).isFalse(); // Saturday night
            assertThat(night.isOpen(sast("2026-03-06T01:00"))).isFalse(); // Friday early: Thursday has no night

            // a holiday on the Friday cancels the night, a holiday on the Saturday does not
            BusinessHours withHolidays = BusinessHours.builder().interval(DayOfWeek.FRIDAY, t("22:00"), t("02:00"))
                    .holidays(SouthAfricanHolidays.calendar()).holiday(LocalDate.of(2026, 3, 7)).build();
            assertThat(withHolidays.isOpen(sast("2026-04-04T01:00"))).isFalse(); // after Good Friday
            assertThat(withHolidays.isOpen(sast("2026-03-07T01:00"))).isTrue();
        }

        @Test
        @DisplayName("an interval ending at 00:00 runs to midnight")
        void untilMidnight() {
            BusinessHours evening = BusinessHours.builder().interval(DayOfWeek.MONDAY, "18:00", "24:00")
                    .interval(DayOfWeek.TUESDAY, t("18:00"), LocalTime.MIDNIGHT).build();
            assertThat(evening.isOpen(sast("2026-03-02T23:59:59"))).isTrue();
            assertThat(evening.isOpen(sast("2026-03-03T00:00"))).isFalse();
            assertThat(evening.isOpen(sast("2026-03-03T23:00"))).isTrue();
            assertThat(evening.describe()).isEqualTo("Mon-Tue 6pm-12am");
        }

        @Test
        @DisplayName("overlapping and touching intervals of a day are merged")
        void merged() {
            BusinessHours hours = BusinessHours.builder()
                    .interval(DayOfWeek.MONDAY, t("08:00"), t("12:00"))
                    .interval(DayOfWeek.MONDAY, t("11:00"), t("14:00"))
                    .interval(DayOfWeek.MONDAY, t("14:00"), t("17:00"))
                    .interval(DayOfWeek.MONDAY, t("09:00"), t("10:00"))
                    .build();
            assertThat(hours.describe()).isEqualTo("Mon 8am-5pm");
            assertThat(hours.isOpen(sast("2026-03-02T14:00"))).isTrue();
            assertThat(hours.nextClosing(sast("2026-03-02T08:00"))).contains(sast("2026-03-02T17:00"));
        }

        @Test
        @DisplayName("any instant is answered, however far away")
        void extremes() {
            for (BusinessHours h : new BusinessHours[] {WEEKDAYS, SA, BusinessHours.always()}) {
                assertThat(h.isOpen(Instant.MIN)).isFalse();
                assertThat(h.isOpen(Instant.MAX)).isFalse();
                assertThat(h.isOpen(Instant.EPOCH)).isEqualTo(h != WEEKDAYS && h != SA);
            }
            assertThat(WEEKDAYS.nextOpening(Instant.MAX)).isEmpty();
            assertThat(WEEKDAYS.nextOpening(Instant.MIN)).isPresent();
        }
    }

    @Nested
    @DisplayName("nextOpening and nextClosing")
    class NextOpeningClosing {

        @Test
        @DisplayName("over a weekend")
        void weekend() {
            assertThat(WEEKDAYS.nextOpening(sast("2026-03-06T18:30"))).contains(sast("2026-03-09T08:00"));
            assertThat(WEEKDAYS.nextOpening(sast("2026-03-07T10:00"))).contains(sast("2026-03-09T08:00"));
            assertThat(WEEKDAYS.nextOpening(sast("2026-03-06T18:00"))).contains(sast("2026-03-09T08:00"));
            assertThat(WEEKDAYS.nextClosing(sast("2026-03-07T10:00"))).contains(sast("2026-03-09T18:00"));
            assertThat(WEEKDAYS.nextOpening(sast("2026-03-03T07:00"))).contains(sast("2026-03-03T08:00"));
        }

        @Test
        @DisplayName("over Easter: from Thursday 2 April 2026 19:00 to Tuesday 7 April 08:00")
        void easter() {
            Instant thursdayEvening = sast("2026-04-02T19:00");
            assertThat(SA.nextOpening(thursdayEvening)).contains(sast("2026-04-07T08:00"));
            assertThat(SA.nextClosing(thursdayEvening)).contains(sast("2026-04-07T18:00"));
            assertThat(SA.nextClosing(sast("2026-04-02T10:00"))).contains(sast("2026-04-02T18:00"));
            assertThat(SA.nextOpening(sast("2026-04-02T10:00"))).contains(sast("2026-04-07T08:00"));
        }

        @Test
        @DisplayName("when open: nextOpening is the opening after the current stretch closes, even exactly at opening time")
        void whenOpen() {
            assertThat(WEEKDAYS.nextOpening(sast("2026-03-03T10:00"))).contains(sast("2026-03-04T08:00"));
            assertThat(WEEKDAYS.nextOpening(sast("2026-03-03T08:00"))).contains(sast("2026-03-04T08:00"));
            assertThat(WEEKDAYS.nextOpening(sast("2026-03-06T10:00"))).contains(sast("2026-03-09T08:00"));
            assertThat(WEEKDAYS.nextClosing(sast("2026-03-03T08:00"))).contains(sast("2026-03-03T18:00"));
            // exactly at closing time support is closed: the next closing is the next day's
            assertThat(WEEKDAYS.nextClosing(sast("2026-03-03T18:00"))).contains(sast("2026-03-04T18:00"));
        }

        @Test
        @DisplayName("adjacent intervals across midnight are one stretch")
        void adjacent() {
            BusinessHours hours = BusinessHours.builder()
                    .interval(DayOfWeek.FRIDAY, t("22:00"), t("00:00"))
                    .interval(DayOfWeek.SATURDAY, t("00:00"), t("06:00"))
                    .build();
            assertThat(hours.nextClosing(sast("2026-03-06T23:00"))).contains(sast("2026-03-07T06:00"));
            assertThat(hours.nextOpening(sast("2026-03-06T23:00"))).contains(sast("2026-03-13T22:00"));
            assertThat(hours.nextOpening(sast("2026-03-07T03:00"))).contains(sast("2026-03-13T22:00"));
            assertThat(hours.businessDuration(sast("2026-03-06T00:00"), sast("2026-03-08T00:00")))
                    .isEqualTo(Duration.ofHours(8));
        }

        @Test
        @DisplayName("a schedule without intervals never opens; an always-open one never closes")
        void neverAndAlways() {
            BusinessHours closed = BusinessHours.builder().build();
            Instant now = sast("2026-03-03T10:00");
            assertThat(closed.isOpen(now)).isFalse();
            assertThat(closed.nextOpening(now)).isEmpty();
            assertThat(closed.nextClosing(now)).isEmpty();
            assertThat(closed.businessDuration(now, now.plus(Duration.ofDays(30)))).isZero();

            BusinessHours always = BusinessHours.always();
            assertThat(always.isOpen(now)).isTrue();
            assertThat(always.nextOpening(now)).isEmpty();
            assertThat(always.nextClosing(now)).isEmpty();
            assertThat(always.zone()).isEqualTo(BusinessHours.DEFAULT_ZONE);
            assertThat(always.businessDuration(now, now.plus(Duration.ofDays(30)))).isEqualTo(Duration.ofDays(30));

            BusinessHours holidaysOnly = BusinessHours.builder().allDay(DayOfWeek.values())
                    .holidays(SouthAfricanHolidays.calendar()).build();
            assertThat(holidaysOnly.nextClosing(now)).contains(sast("2026-03-21T00:00"));
            assertThat(holidaysOnly.nextOpening(now)).contains(sast("2026-03-22T00:00"));
        }

        @Test
        @DisplayName("only special dates: the search jumps to them")
        void onlySpecialDates() {
            BusinessHours hours = BusinessHours.builder()
                    .specialDate(LocalDate.of(2031, 6, 1), t("09:00"), t("10:00"))
                    .specialDate(LocalDate.of(2031, 6, 1), t("22:00"), t("01:00"))
                    .build();
            Instant now = sast("2026-03-03T10:00");
            assertThat(hours.nextOpening(now)).contains(sast("2031-06-01T09:00"));
            assertThat(hours.nextClosing(sast("2031-06-01T12:00"))).contains(sast("2031-06-02T01:00"));
            assertThat(hours.nextOpening(sast("2031-06-01T23:00"))).isEmpty();
            assertThat(hours.plus(now, Duration.ofHours(2))).isEqualTo(sast("2031-06-01T23:00"));
        }
    }

    @Nested
    @DisplayName("businessDuration and plus")
    class DurationAndPlus {

        @Test
        @DisplayName("open time between two instants")
        void businessDuration() {
            assertThat(WEEKDAYS.businessDuration(sast("2026-03-02T08:00"), sast("2026-03-06T18:00")))
                    .isEqualTo(Duration.ofHours(50));
            assertThat(WEEKDAYS.businessDuration(sast("2026-03-06T17:00"), sast("2026-03-09T09:00")))
                    .isEqualTo(Duration.ofHours(2));
            assertThat(SA.businessDuration(sast("2026-04-02T17:00"), sast("2026-04-07T09:00")))
                    .isEqualTo(Duration.ofHours(2));
            assertThat(WEEKDAYS.businessDuration(sast("2026-03-03T10:00"), sast("2026-03-03T10:00"))).isZero();
            assertThat(WEEKDAYS.businessDuration(sast("2026-03-03T11:00"), sast("2026-03-03T10:00"))).isZero();
            assertThat(WEEKDAYS.businessDuration(sast("2026-03-03T10:00").plusNanos(250),
                    sast("2026-03-03T10:00:01").plusNanos(100))).isEqualTo(Duration.ofNanos(999_999_850));
        }

        @Test
        @DisplayName("plus counts open time only, and ends at a closing time rather than the next opening")
        void plus() {
            assertThat(WEEKDAYS.plus(sast("2026-03-06T17:00"), Duration.ofHours(2))).isEqualTo(sast("2026-03-09T09:00"));
            assertThat(WEEKDAYS.plus(sast("2026-03-06T17:00"), Duration.ofHours(1))).isEqualTo(sast("2026-03-06T18:00"));
            assertThat(WEEKDAYS.plus(sast("2026-03-07T10:00"), Duration.ofMinutes(1))).isEqualTo(sast("2026-03-09T08:01"));
            assertThat(WEEKDAYS.plus(sast("2026-03-07T10:00"), Duration.ZERO)).isEqualTo(sast("2026-03-07T10:00"));
            assertThat(SA.plus(sast("2026-04-02T17:00"), Duration.ofHours(4))).isEqualTo(sast("2026-04-07T11:00"));
            // a two-day SLA of 20 business hours from Thursday before Easter
            assertThat(SA.plus(sast("2026-04-02T09:00"), Duration.ofHours(20))).isEqualTo(sast("2026-04-08T09:00"));
        }

        @Test
        @DisplayName("plus(from, businessDuration(from, to)) == to when to is in open time")
        void roundTrip() {
            Instant from = sast("2026-03-27T16:12:30").plusNanos(123);
            for (String to : new String[] {"2026-03-27T17:00", "2026-03-30T08:00:01", "2026-04-07T12:34:56",
                "2026-12-24T10:00"}) {
                Instant end = sast(to).plusNanos(7);
                assertThat(SA.plus(from, SA.businessDuration(from, end))).isEqualTo(end);
            }
        }

        @Test
        @DisplayName("plus refuses a negative duration and a schedule that never opens")
        void refused() {
            Instant now = sast("2026-03-03T10:00");
            assertThatThrownBy(() -> WEEKDAYS.plus(now, Duration.ofMinutes(-1)))
                    .isInstanceOf(InvalidInputException.class)
                    .satisfies(e -> assertThat(((InvalidInputException) e).fieldErrors().get(0).field())
                            .isEqualTo("businessDuration"));
            assertThatThrownBy(() -> BusinessHours.builder().build().plus(now, Duration.ofHours(1)))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("never open");
            BusinessHours once = BusinessHours.builder().specialDate(LocalDate.of(2026, 3, 4), t("09:00"), t("10:00")).build();
            assertThat(once.plus(now, Duration.ofHours(1))).isEqualTo(sast("2026-03-04T10:00"));
            assertThatThrownBy(() -> once.plus(now, Duration.ofMinutes(61))).isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> WEEKDAYS.plus(now, Duration.ofDays(1_000_000)))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("within");
            assertThatThrownBy(() -> WEEKDAYS.businessDuration(now, Instant.MAX))
                    .isInstanceOf(InvalidInputException.class);
        }
    }

    @Nested
    @DisplayName("validation")
    class Validation {

        private String field(Runnable r) {
            try {
                r.run();
            } catch (InvalidInputException e) {
                return e.fieldErrors().get(0).field();
            }
            throw new AssertionError("no InvalidInputException");
        }

        @Test
        @DisplayName("bad times, equal times and nulls are refused with the field's name")
        void refused() {
            assertThat(field(() -> BusinessHours.weekdays("", "18:00", JHB))).isEqualTo("open");
            assertThat(field(() -> BusinessHours.weekdays("  ", "18:00", JHB))).isEqualTo("open");
            assertThat(field(() -> BusinessHours.weekdays(null, "18:00", JHB))).isEqualTo("open");
            assertThat(field(() -> BusinessHours.weekdays("8am", "18:00", JHB))).isEqualTo("open");
            assertThat(field(() -> BusinessHours.weekdays("08:00", "25:00", JHB))).isEqualTo("close");
            assertThat(field(() -> BusinessHours.weekdays("08:00", "08:00", JHB))).isEqualTo("to");
            assertThat(field(() -> BusinessHours.weekdays("08:00", "18:00", null))).isEqualTo("zone");
            assertThat(field(() -> BusinessHours.builder().interval(null, t("08:00"), t("09:00")))).isEqualTo("day");
            assertThat(field(() -> BusinessHours.builder().interval(DayOfWeek.MONDAY, null, t("09:00")))).isEqualTo("from");
            assertThat(field(() -> BusinessHours.builder().interval(DayOfWeek.MONDAY, t("08:00"), null))).isEqualTo("to");
            assertThat(field(() -> BusinessHours.builder().interval(DayOfWeek.MONDAY, "08:00", "x"))).isEqualTo("to");
            assertThat(field(() -> BusinessHours.builder()
                    .interval(DayOfWeek.MONDAY, t("08:00:00.5"), t("09:00")))).isEqualTo("from");
            assertThat(field(() -> BusinessHours.builder().days(null, t("08:00"), t("09:00")))).isEqualTo("days");
            assertThat(field(() -> BusinessHours.builder().days(Set.of(), t("08:00"), t("09:00")))).isEqualTo("days");
            assertThat(field(() -> BusinessHours.builder().zone(null))).isEqualTo("zone");
            assertThat(field(() -> BusinessHours.builder().holidays(null))).isEqualTo("holidays");
            assertThat(field(() -> BusinessHours.builder().holiday(null))).isEqualTo("holiday");
            assertThat(field(() -> BusinessHours.builder().allDay((DayOfWeek) null))).isEqualTo("days");
            assertThat(field(() -> BusinessHours.builder().specialDate(null, t("08:00"), t("09:00")))).isEqualTo("date");
            assertThat(field(() -> BusinessHours.builder().specialDate(LocalDate.of(2026, 1, 1), t("08:00"), t("08:00"))))
                    .isEqualTo("to");
            assertThat(field(() -> BusinessHours.builder().holiday(LocalDate.of(2026, 1, 1))
                    .specialDate(LocalDate.of(2026, 1, 1), t("08:00"), t("09:00")).build())).isEqualTo("holiday");
            assertThat(field(() -> WEEKDAYS.isOpen(null))).isEqualTo("at");
            assertThat(field(() -> WEEKDAYS.nextOpening(null))).isEqualTo("from");
            assertThat(field(() -> WEEKDAYS.nextClosing(null))).isEqualTo("from");
            assertThat(field(() -> WEEKDAYS.businessDuration(null, Instant.EPOCH))).isEqualTo("from");
            assertThat(field(() -> WEEKDAYS.businessDuration(Instant.EPOCH, null))).isEqualTo("to");
            assertThat(field(() -> WEEKDAYS.plus(null, Duration.ZERO))).isEqualTo("from");
            assertThat(field(() -> WEEKDAYS.plus(Instant.EPOCH, null))).isEqualTo("businessDuration");
            assertThat(field(() -> WEEKDAYS.describe(null))).isEqualTo("locale");
        }

        @Test
        @DisplayName("times may have seconds, and 24:00 closes at midnight")
        void accepted() {
            BusinessHours hours = BusinessHours.weekdays(" 08:00:30 ", "24:00", JHB);
            assertThat(hours.isOpen(sast("2026-03-03T08:00:29"))).isFalse();
            assertThat(hours.isOpen(sast("2026-03-03T08:00:30"))).isTrue();
            assertThat(hours.isOpen(sast("2026-03-03T23:59:59"))).isTrue();
            assertThat(hours.describe()).isEqualTo("Mon-Fri 8:00:30am-12am");
            BusinessHours days = BusinessHours.builder().days(EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY),
                    t("09:00"), t("13:00")).build();
            assertThat(days.describe()).isEqualTo("Sat-Sun 9am-1pm");
        }

        @Test
        @DisplayName("a failing holiday calendar surfaces as a SupportException with its cause")
        void failingCalendar() {
            AtomicInteger calls = new AtomicInteger();
            HolidayCalendar broken = date -> {
                calls.incrementAndGet();
                throw new IllegalStateException("database down");
            };
            BusinessHours hours = BusinessHours.builder().weekdays(t("08:00"), t("18:00")).holidays(broken).build();
            assertThatThrownBy(() -> hours.isOpen(sast("2026-03-03T10:00")))
                    .isInstanceOf(SupportException.class)
                    .hasCauseInstanceOf(IllegalStateException.class);
            assertThat(calls).hasValue(1);
            assertThat(hours.isOpen(sast("2026-03-03T07:00"))).isFalse(); // no calendar call needed when closed
        }

        @Test
        @DisplayName("the calendar is read once per date, then cached")
        void calendarCached() {
            AtomicInteger calls = new AtomicInteger();
            HolidayCalendar counting = date -> {
                calls.incrementAndGet();
                return date.equals(LocalDate.of(2026, 3, 4));
            };
            BusinessHours hours = BusinessHours.builder().weekdays(t("08:00"), t("18:00")).holidays(counting).build();
            for (int i = 0; i < 1000; i++) {
                assertThat(hours.isOpen(sast("2026-03-04T10:00"))).isFalse();
                assertThat(hours.isOpen(sast("2026-03-05T10:00"))).isTrue();
            }
            assertThat(calls.get()).isLessThanOrEqualTo(512);
        }

        @Test
        @DisplayName("a builder can be reused; what it built does not change")
        void immutable() {
            BusinessHours.Builder builder = BusinessHours.builder().weekdays(t("08:00"), t("18:00"));
            BusinessHours first = builder.build();
            builder.interval(DayOfWeek.SATURDAY, t("09:00"), t("13:00")).zone(ZoneId.of("UTC"));
            BusinessHours second = builder.build();
            assertThat(first.describe()).isEqualTo("Mon-Fri 8am-6pm");
            assertThat(first.zone()).isEqualTo(BusinessHours.DEFAULT_ZONE);
            assertThat(second.describe()).isEqualTo("Mon-Fri 8am-6pm, Sat 9am-1pm");
            assertThat(second.zone()).isEqualTo(ZoneId.of("UTC"));
            assertThat(first.toString()).contains("Mon-Fri 8am-6pm").contains("Africa/Johannesburg");
        }
    }
}
