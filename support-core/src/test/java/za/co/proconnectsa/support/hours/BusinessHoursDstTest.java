package za.co.proconnectsa.support.hours;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Wall-clock intervals across daylight-saving changes in London and New York. */
class BusinessHoursDstTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static BusinessHours sunday(ZoneId zone, String from, String to) {
        return BusinessHours.builder().zone(zone).interval(DayOfWeek.SUNDAY, from, to).build();
    }

    private static Instant utc(String text) {
        return Instant.parse(text);
    }

    @ParameterizedTest(name = "{0} {1}: 00:00-06:00 is {2}h")
    @CsvSource({
        "Europe/London, 2026-03-29, 5",    // spring forward, 01:00 -> 02:00
        "Europe/London, 2026-10-25, 7",    // fall back, 02:00 -> 01:00
        "America/New_York, 2026-03-08, 5", // spring forward, 02:00 -> 03:00
        "America/New_York, 2026-11-01, 7", // fall back, 02:00 -> 01:00
        "Europe/London, 2026-03-22, 6",
        "America/New_York, 2026-11-08, 6",
    })
    @DisplayName("an interval spanning the change counts the real time the clock shows it")
    void dayOfChange(String zoneName, String date, int hours) {
        ZoneId zone = ZoneId.of(zoneName);
        BusinessHours h = sunday(zone, "00:00", "06:00");
        LocalDate day = LocalDate.parse(date);
        Instant dayStart = day.atStartOfDay(zone).toInstant();
        Instant dayEnd = day.plusDays(1).atStartOfDay(zone).toInstant();

        assertThat(h.businessDuration(dayStart.minus(Duration.ofHours(12)), dayEnd)).isEqualTo(Duration.ofHours(hours));
        assertThat(h.nextOpening(dayStart.minus(Duration.ofHours(12)))).contains(dayStart);
        Instant closing = day.atTime(6, 0).atZone(zone).toInstant();
        assertThat(h.nextClosing(dayStart)).contains(closing);
        assertThat(h.plus(dayStart, Duration.ofHours(hours))).isEqualTo(closing);
        assertThat(h.isOpen(closing.minusNanos(1))).isTrue();
        assertThat(h.isOpen(closing)).isFalse();
    }

    @Test
    @DisplayName("London spring forward: open through the gap, the skipped hour counts nothing")
    void londonSpring() {
        BusinessHours h = sunday(LONDON, "00:00", "06:00");
        assertThat(h.isOpen(utc("2026-03-29T00:59:59Z"))).isTrue();  // 00:59:59 GMT
        assertThat(h.isOpen(utc("2026-03-29T01:00:00Z"))).isTrue();  // 02:00 BST
        assertThat(h.isOpen(utc("2026-03-29T04:59:59Z"))).isTrue();  // 05:59:59 BST
        assertThat(h.isOpen(utc("2026-03-29T05:00:00Z"))).isFalse(); // 06:00 BST
        assertThat(h.plus(utc("2026-03-29T00:00:00Z"), Duration.ofHours(2))).isEqualTo(utc("2026-03-29T02:00:00Z"));
    }

    @Test
    @DisplayName("London fall back: the repeated hour is open twice")
    void londonAutumn() {
        BusinessHours h = sunday(LONDON, "00:00", "06:00");
        Instant opening = utc("2026-10-24T23:00:00Z"); // 00:00 BST
        assertThat(h.nextOpening(utc("2026-10-24T12:00:00Z"))).contains(opening);
        assertThat(h.isOpen(utc("2026-10-25T00:30:00Z"))).isTrue();  // 01:30 BST
        assertThat(h.isOpen(utc("2026-10-25T01:30:00Z"))).isTrue();  // 01:30 GMT
        assertThat(h.nextClosing(opening)).contains(utc("2026-10-25T06:00:00Z"));
        assertThat(h.plus(opening, Duration.ofHours(2))).isEqualTo(utc("2026-10-25T01:00:00Z")); // 01:00 GMT
    }

    @Test
    @DisplayName("an interval ending inside the repeated hour is open during both passes")
    void endsInOverlap() {
        BusinessHours h = sunday(LONDON, "00:00", "01:30");
        assertThat(h.nextClosing(utc("2026-10-24T23:00:00Z"))).contains(utc("2026-10-25T00:30:00Z")); // 01:30 BST
        assertThat(h.isOpen(utc("2026-10-25T00:45:00Z"))).isFalse(); // 01:45 BST
        assertThat(h.nextOpening(utc("2026-10-25T00:45:00Z"))).contains(utc("2026-10-25T01:00:00Z")); // 01:00 GMT
        assertThat(h.nextClosing(utc("2026-10-25T00:45:00Z"))).contains(utc("2026-10-25T01:30:00Z")); // 01:30 GMT
        assertThat(h.businessDuration(utc("2026-10-24T00:00:00Z"), utc("2026-10-26T00:00:00Z")))
                .isEqualTo(Duration.ofHours(2));
    }

    @Test
    @DisplayName("an interval starting inside the New York gap opens when the clock jumps past its start")
    void startsInGap() {
        BusinessHours h = sunday(NEW_YORK, "02:30", "05:00");
        Instant jump = utc("2026-03-08T07:00:00Z"); // 02:00 EST becomes 03:00 EDT
        assertThat(h.isOpen(jump.minusSeconds(1))).isFalse();
        assertThat(h.isOpen(jump)).isTrue();
        assertThat(h.nextOpening(utc("2026-03-08T05:00:00Z"))).contains(jump);
        assertThat(h.nextClosing(jump)).contains(utc("2026-03-08T09:00:00Z")); // 05:00 EDT
        assertThat(h.businessDuration(utc("2026-03-08T00:00:00Z"), utc("2026-03-09T00:00:00Z")))
                .isEqualTo(Duration.ofHours(2));
    }

    @Test
    @DisplayName("a Saturday night shift over the London spring change is an hour short")
    void nightShift() {
        BusinessHours h = BusinessHours.builder().zone(LONDON)
                .interval(DayOfWeek.SATURDAY, LocalTime.of(22, 0), LocalTime.of(6, 0)).build();
        Instant start = utc("2026-03-28T22:00:00Z"); // 22:00 GMT
        assertThat(h.nextClosing(start)).contains(utc("2026-03-29T05:00:00Z")); // 06:00 BST
        assertThat(h.businessDuration(start, utc("2026-03-30T00:00:00Z"))).isEqualTo(Duration.ofHours(7));
        assertThat(h.businessDuration(utc("2026-10-24T20:00:00Z"), utc("2026-10-26T00:00:00Z")))
                .isEqualTo(Duration.ofHours(9));
    }

    @Test
    @DisplayName("weekday hours keep their wall-clock times on both sides of the New York changes")
    void newYorkWeekdays() {
        BusinessHours h = BusinessHours.weekdays("09:00", "17:00", NEW_YORK);
        assertThat(h.isOpen(utc("2026-03-06T14:00:00Z"))).isTrue();  // Fri 09:00 EST
        assertThat(h.isOpen(utc("2026-03-09T13:00:00Z"))).isTrue();  // Mon 09:00 EDT
        assertThat(h.isOpen(utc("2026-03-09T12:59:59Z"))).isFalse();
        assertThat(h.nextOpening(utc("2026-03-06T22:00:00Z"))).contains(utc("2026-03-09T13:00:00Z"));
        assertThat(h.nextOpening(utc("2026-10-30T22:00:00Z"))).contains(utc("2026-11-02T14:00:00Z"));
        assertThat(h.businessDuration(utc("2026-03-06T00:00:00Z"), utc("2026-03-10T00:00:00Z")))
                .isEqualTo(Duration.ofHours(16));
        assertThat(h.plus(utc("2026-03-06T21:00:00Z"), Duration.ofHours(2))).isEqualTo(utc("2026-03-09T14:00:00Z"));
    }
}
