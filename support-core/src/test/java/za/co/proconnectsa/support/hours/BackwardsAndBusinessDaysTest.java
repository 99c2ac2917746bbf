package za.co.proconnectsa.support.hours;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static za.co.proconnectsa.support.hours.BusinessHoursTest.sast;
import static za.co.proconnectsa.support.hours.BusinessHoursTest.t;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import za.co.proconnectsa.support.InvalidInputException;

/** {@link BusinessHours#minus}, business days and the end of a business day. */
class BackwardsAndBusinessDaysTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    /** Monday to Friday 08:00-17:00 with a lunch break 12:00-13:00, South African public holidays. */
    private static final BusinessHours DESK = BusinessHours.builder()
            .weekdays(t("08:00"), t("12:00")).weekdays(t("13:00"), t("17:00"))
            .holidays(SouthAfricanHolidays.calendar())
            .build();

    private static final BusinessHours LONDON_DESK = BusinessHours.builder().zone(LONDON)
            .weekdays(t("08:00"), t("17:00")).build();

    private static LocalDate d(String text) {
        return LocalDate.parse(text);
    }

    @Nested
    @DisplayName("minus")
    class Minus {

        @ParameterizedTest(name = "{0} minus {1} is {2}")
        @CsvSource({
            "2026-03-10T09:00, PT1H, 2026-03-10T08:00",       // lands on an opening, not on Monday's closing
            "2026-03-10T09:00, PT2H, 2026-03-09T16:00",
            "2026-03-10T13:30, PT1H, 2026-03-10T11:30",       // over the lunch break
            "2026-03-10T13:00, PT1H, 2026-03-10T11:00",       // from a reopening after lunch
            "2026-03-09T09:30, PT2H, 2026-03-06T16:30",       // Monday back to Friday
            "2026-03-08T11:00, PT30M, 2026-03-06T16:30",      // from a closed Sunday
            "2026-04-07T09:00, PT2H, 2026-04-02T16:00",       // Good Friday and Family Day 2026 are closed
            "2026-03-10T09:00, PT16H, 2026-03-06T09:00",      // two whole days of 8 hours
        })
        @DisplayName("walks open time backwards over lunch, weekends and holidays")
        void backwards(String from, String duration, String expected) {
            Instant result = DESK.minus(sast(from), Duration.parse(duration));
            assertThat(result).isEqualTo(sast(expected));
            assertThat(DESK.businessDuration(result, sast(from))).isEqualTo(Duration.parse(duration));
        }

        @Test
        @DisplayName("zero gives from itself, even when closed; fractions of a second are kept")
        void zeroAndFractions() {
            Instant sunday = sast("2026-03-08T11:00");
            assertThat(DESK.minus(sunday, Duration.ZERO)).isEqualTo(sunday);
            Instant half = sast("2026-03-10T08:00").plusMillis(500);
            assertThat(DESK.minus(half, Duration.ofMillis(500))).isEqualTo(sast("2026-03-10T08:00"));
            assertThat(DESK.minus(half, Duration.ofMillis(700))).isEqualTo(sast("2026-03-09T17:00").minusMillis(200));
        }

        @Test
        @DisplayName("London spring forward: the skipped hour counts nothing")
        void londonSpring() {
            BusinessHours sunday = BusinessHours.builder().zone(LONDON).interval(DayOfWeek.SUNDAY, "00:00", "06:00").build();
            Instant close = Instant.parse("2026-03-29T05:00:00Z"); // 06:00 BST
            assertThat(sunday.minus(close, Duration.ofHours(5))).isEqualTo(Instant.parse("2026-03-29T00:00:00Z"));
            assertThat(sunday.minus(close, Duration.ofHours(4))).isEqualTo(Instant.parse("2026-03-29T01:00:00Z"));
            // more than the 5 open hours that day goes back to the Sunday before
            assertThat(sunday.minus(close, Duration.ofHours(6))).isEqualTo(Instant.parse("2026-03-22T05:00:00Z"));
        }

        @Test
        @DisplayName("London fall back: the repeated hour counts twice")
        void londonAutumn() {
            BusinessHours sunday = BusinessHours.builder().zone(LONDON).interval(DayOfWeek.SUNDAY, "00:00", "06:00").build();
            Instant close = Instant.parse("2026-10-25T06:00:00Z"); // 06:00 GMT
            assertThat(sunday.minus(close, Duration.ofHours(7))).isEqualTo(Instant.parse("2026-10-24T23:00:00Z"));
            assertThat(sunday.minus(close, Duration.ofHours(5))).isEqualTo(Instant.parse("2026-10-25T01:00:00Z"));
        }

        @Test
        @DisplayName("a weekday desk in London: Monday after the change back to Friday before it")
        void londonWeekdays() {
            Instant monday = Instant.parse("2026-03-30T08:00:00Z"); // 09:00 BST
            assertThat(LONDON_DESK.minus(monday, Duration.ofHours(2))).isEqualTo(Instant.parse("2026-03-27T16:00:00Z"));
            Instant mondayAfter = Instant.parse("2026-10-26T09:00:00Z"); // 09:00 GMT
            assertThat(LONDON_DESK.minus(mondayAfter, Duration.ofHours(2))).isEqualTo(Instant.parse("2026-10-23T15:00:00Z"));
        }

        @Test
        @DisplayName("a night interval is walked across midnight, and only special dates are jumped to")
        void nightsAndSpecialDates() {
            BusinessHours nights = BusinessHours.builder().interval(DayOfWeek.FRIDAY, "22:00", "02:00").build();
            assertThat(nights.minus(sast("2026-03-09T09:00"), Duration.ofHours(3))).isEqualTo(sast("2026-03-06T23:00"));
            BusinessHours special = BusinessHours.builder()
                    .specialDate(d("2026-12-24"), t("20:00"), t("01:00"))
                    .specialDate(d("2027-06-01"), t("09:00"), t("10:00")).build();
            assertThat(special.minus(sast("2027-06-01T09:30"), Duration.ofHours(1))).isEqualTo(sast("2026-12-25T00:30"));
            assertThat(special.minus(sast("2027-06-01T09:30"), Duration.ofMinutes(330))).isEqualTo(sast("2026-12-24T20:00"));
            assertThatThrownBy(() -> special.minus(sast("2027-06-01T09:30"), Duration.ofHours(6)))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("never open before");
        }

        @Test
        @DisplayName("refuses null, negative durations and schedules never open before")
        void refused() {
            assertThatThrownBy(() -> DESK.minus(null, Duration.ZERO)).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("from");
            assertThatThrownBy(() -> DESK.minus(Instant.EPOCH, Duration.ofHours(-1)))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("negative");
            BusinessHours never = BusinessHours.builder().build();
            assertThatThrownBy(() -> never.minus(Instant.EPOCH, Duration.ofSeconds(1)))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("businessDuration");
        }
    }

    @Nested
    @DisplayName("business days")
    class BusinessDays {

        @ParameterizedTest(name = "{0} plus {1} business days is {2}")
        @CsvSource({
            "2026-03-06, 1, 2026-03-09",  // Friday to Monday
            "2026-03-07, 1, 2026-03-09",  // Saturday to Monday
            "2026-03-09, 5, 2026-03-16",
            "2026-04-02, 1, 2026-04-07",  // over Good Friday and Family Day
            "2026-04-02, 2, 2026-04-08",
            "2026-03-07, 0, 2026-03-07",  // zero: the date itself, business day or not
            "2026-08-07, 1, 2026-08-11",  // Women's Day on a Sunday: Monday 10 August is off
        })
        @DisplayName("count dates on which an interval starts")
        void dates(String from, int days, String expected) {
            assertThat(DESK.plusBusinessDays(d(from), days)).isEqualTo(d(expected));
        }

        @ParameterizedTest(name = "{0} plus {1} business days is {2}")
        @CsvSource({
            "2026-03-06T10:00, 1, 2026-03-09T10:00",     // Friday to Monday, same time
            "2026-03-06T16:30, 1, 2026-03-09T16:30",
            "2026-03-06T18:30, 1, 2026-03-10T08:00",     // past Monday's closing: Tuesday's opening
            "2026-03-07T09:00, 1, 2026-03-09T09:00",     // from Saturday
            "2026-03-09T07:00, 0, 2026-03-09T08:00",     // zero days snaps to the opening
            "2026-03-09T12:30, 1, 2026-03-10T13:00",     // lunch break: after lunch
            "2026-04-02T10:00, 1, 2026-04-07T10:00",     // over the Easter holidays
            "2026-03-09T10:15:30, 2, 2026-03-11T10:15:30",
        })
        @DisplayName("keep the wall-clock time and move to the next opening when closed")
        void instants(String from, int days, String expected) {
            assertThat(DESK.plusBusinessDays(sast(from), days)).isEqualTo(sast(expected));
        }

        @Test
        @DisplayName("London: the same wall-clock time across the March and October changes")
        void london() {
            // Friday 10:00 GMT plus one business day is Monday 10:00 BST: 71 hours later, not 72
            Instant friday = Instant.parse("2026-03-27T10:00:00Z");
            Instant monday = LONDON_DESK.plusBusinessDays(friday, 1);
            assertThat(monday).isEqualTo(Instant.parse("2026-03-30T09:00:00Z"));
            assertThat(Duration.between(friday, monday)).isEqualTo(Duration.ofHours(71));
            Instant fridayAutumn = Instant.parse("2026-10-23T09:00:00Z"); // 10:00 BST
            assertThat(LONDON_DESK.plusBusinessDays(fridayAutumn, 1)).isEqualTo(Instant.parse("2026-10-26T10:00:00Z"));
        }

        @Test
        @DisplayName("London, open every day: a time in the gap is reached at the transition, a repeated time first")
        void londonGapAndOverlap() {
            BusinessHours always = BusinessHours.builder().zone(LONDON).allDay(DayOfWeek.values()).build();
            // Saturday 01:30 GMT; Sunday 01:30 does not exist, the clock jumps from 01:00 GMT to 02:00 BST
            assertThat(always.plusBusinessDays(Instant.parse("2026-03-28T01:30:00Z"), 1))
                    .isEqualTo(Instant.parse("2026-03-29T01:00:00Z"));
            // Saturday 01:30 BST; Sunday 01:30 happens twice, first at BST
            assertThat(always.plusBusinessDays(Instant.parse("2026-10-24T00:30:00Z"), 1))
                    .isEqualTo(Instant.parse("2026-10-25T00:30:00Z"));
            // zero days keeps the second 01:30 (GMT) as it is
            assertThat(always.plusBusinessDays(Instant.parse("2026-10-25T01:30:00Z"), 0))
                    .isEqualTo(Instant.parse("2026-10-25T01:30:00Z"));
        }

        @Test
        @DisplayName("isBusinessDay: weekly intervals not on a holiday, or a special date")
        void isBusinessDay() {
            assertThat(DESK.isBusinessDay(d("2026-03-09"))).isTrue();
            assertThat(DESK.isBusinessDay(d("2026-03-07"))).isFalse();
            assertThat(DESK.isBusinessDay(d("2026-04-03"))).isFalse(); // Good Friday
            BusinessHours open = BusinessHours.builder().weekdays(t("08:00"), t("17:00"))
                    .holidays(SouthAfricanHolidays.calendar())
                    .specialDate(d("2026-04-03"), t("09:00"), t("12:00"))
                    .interval(DayOfWeek.FRIDAY, "22:00", "02:00").build();
            assertThat(open.isBusinessDay(d("2026-04-03"))).isTrue();
            assertThat(open.isBusinessDay(d("2026-03-07"))).isFalse(); // only Friday's night reaches Saturday
        }

        @Test
        @DisplayName("endOfBusinessDay: the last closing of the intervals starting that date")
        void endOfBusinessDay() {
            assertThat(DESK.endOfBusinessDay(d("2026-03-09"))).contains(sast("2026-03-09T17:00"));
            assertThat(DESK.endOfBusinessDay(d("2026-03-08"))).isEmpty();
            assertThat(DESK.endOfBusinessDay(d("2026-04-06"))).isEmpty();
            BusinessHours nights = BusinessHours.builder().interval(DayOfWeek.FRIDAY, "22:00", "02:00")
                    .interval(DayOfWeek.FRIDAY, "08:00", "12:00").build();
            assertThat(nights.endOfBusinessDay(d("2026-03-06"))).contains(sast("2026-03-07T02:00"));
        }

        @Test
        @DisplayName("endOfBusinessDay in London: a closing in the gap is the transition, in the overlap the second time")
        void endOfBusinessDayDst() {
            BusinessHours early = BusinessHours.builder().zone(LONDON).interval(DayOfWeek.SUNDAY, "00:00", "01:30").build();
            assertThat(early.endOfBusinessDay(d("2026-03-29"))).contains(Instant.parse("2026-03-29T01:00:00Z"));
            assertThat(early.endOfBusinessDay(d("2026-10-25"))).contains(Instant.parse("2026-10-25T01:30:00Z"));
            Instant end = early.endOfBusinessDay(d("2026-10-25")).orElseThrow();
            assertThat(early.isOpen(end.minusNanos(1))).isTrue();
            assertThat(early.isOpen(end)).isFalse();
        }

        @Test
        @DisplayName("refuses negative days, null and schedules without business days")
        void refused() {
            assertThatThrownBy(() -> DESK.plusBusinessDays(d("2026-03-09"), -1)).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("days");
            assertThatThrownBy(() -> DESK.plusBusinessDays((Instant) null, 1)).isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> DESK.isBusinessDay(null)).isInstanceOf(InvalidInputException.class);
            BusinessHours never = BusinessHours.builder().build();
            assertThatThrownBy(() -> never.plusBusinessDays(d("2026-03-09"), 1)).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("cannot be reached");
            BusinessHours once = BusinessHours.builder().specialDate(d("2026-12-24"), t("08:00"), t("12:00")).build();
            assertThat(once.plusBusinessDays(d("2026-01-01"), 1)).isEqualTo(d("2026-12-24"));
            assertThatThrownBy(() -> once.plusBusinessDays(d("2026-01-01"), 2)).isInstanceOf(InvalidInputException.class);
        }
    }
}
