package za.co.proconnectsa.support.hours;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import za.co.proconnectsa.support.InvalidInputException;

class SouthAfricanHolidaysTest {

    private static final SouthAfricanHolidays SA = SouthAfricanHolidays.calendar();

    private static LocalDate d(String text) {
        return LocalDate.parse(text);
    }

    @ParameterizedTest(name = "Easter {0} is {1}")
    @CsvSource({
        "2024, 2024-03-31", "2025, 2025-04-20", "2026, 2026-04-05", "2027, 2027-03-28", "2000, 2000-04-23",
        "2008, 2008-03-23", "2019, 2019-04-21", "2038, 2038-04-25", "2285, 2285-03-22", "1818, 1818-03-22",
        "1961, 1961-04-02", "2011, 2011-04-24",
    })
    @DisplayName("Easter Sunday by the anonymous Gregorian algorithm")
    void easter(int year, String date) {
        assertThat(SouthAfricanHolidays.easterSunday(year)).isEqualTo(d(date));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "2024-03-29, Good Friday", "2024-04-01, Family Day",
        "2025-04-18, Good Friday", "2025-04-21, Family Day",
        "2026-04-03, Good Friday", "2026-04-06, Family Day",
        "2026-01-01, New Year's Day", "2026-03-21, Human Rights Day", "2026-04-27, Freedom Day",
        "2026-05-01, Workers' Day", "2026-06-16, Youth Day", "2026-08-09, National Women's Day",
        "2026-09-24, Heritage Day", "2026-12-16, Day of Reconciliation", "2026-12-25, Christmas Day",
        "2026-12-26, Day of Goodwill",
        "2023-01-02, New Year's Day (observed)",
        "2026-08-10, National Women's Day (observed)",
        "2027-03-22, Human Rights Day (observed)",
        "2025-04-28, Freedom Day (observed)",
        "2021-12-27, Day of Goodwill (observed)",
        "2008-03-21, Human Rights Day and Good Friday",
    })
    @DisplayName("public holidays and their names")
    void holidays(String date, String name) {
        assertThat(SA.isHoliday(d(date))).isTrue();
        assertThat(SA.holidayName(d(date))).contains(name);
    }

    @ParameterizedTest(name = "{0} is a working day")
    @CsvSource({
        "2026-04-05", // Easter Sunday is not a public holiday
        "2026-04-02", "2026-04-07", "2026-12-24", "2026-12-31",
        "2026-03-23", // Human Rights Day on a Saturday does not move
        "2022-12-27", // declared by the President in 2022, not by the Act
        "1994-04-27", // before the Act
        "2026-08-11",
    })
    @DisplayName("ordinary days")
    void notHolidays(String date) {
        assertThat(SA.isHoliday(d(date))).isFalse();
        assertThat(SA.holidayName(d(date))).isEmpty();
    }

    @Test
    @DisplayName("the holidays of 2026: twelve, plus Monday 10 August for Women's Day on a Sunday")
    void year2026() {
        SortedMap<LocalDate, String> all = SA.holidays(2026);
        assertThat(all).hasSize(13);
        assertThat(all.firstKey()).isEqualTo(d("2026-01-01"));
        assertThat(all.lastKey()).isEqualTo(d("2026-12-26"));
        assertThat(all).containsEntry(d("2026-08-10"), "National Women's Day (observed)");
        assertThat(SA.holidays(1990)).isEmpty();
    }

    @Test
    @DisplayName("isHoliday agrees with the yearly list, and every Sunday holiday gives a Monday")
    void consistent() {
        for (int year = 1995; year <= 2100; year++) {
            SortedMap<LocalDate, String> all = SA.holidays(year);
            for (LocalDate date = LocalDate.of(year, 1, 1); date.getYear() == year; date = date.plusDays(1)) {
                assertThat(SA.isHoliday(date)).as(date.toString()).isEqualTo(all.containsKey(date));
                if (all.containsKey(date) && date.getDayOfWeek() == DayOfWeek.SUNDAY) {
                    assertThat(SA.isHoliday(date.plusDays(1))).as(date + " + 1").isTrue();
                }
            }
            assertThat(all).hasSizeBetween(12, 15);
        }
    }

    @Test
    @DisplayName("calendars combine")
    void combine() {
        HolidayCalendar company = HolidayCalendar.named(Map.of(d("2026-12-24"), "Christmas Eve"));
        HolidayCalendar both = SA.and(company).and(HolidayCalendar.of(d("2026-12-31")));
        assertThat(both.isHoliday(d("2026-12-24"))).isTrue();
        assertThat(both.holidayName(d("2026-12-24"))).contains("Christmas Eve");
        assertThat(both.holidayName(d("2026-12-25"))).contains("Christmas Day");
        assertThat(both.holidayName(d("2026-12-31"))).contains("Holiday");
        assertThat(both.isHoliday(d("2026-12-30"))).isFalse();
        assertThat(HolidayCalendar.none().isHoliday(d("2026-12-25"))).isFalse();
        assertThat(HolidayCalendar.none().and(SA)).isSameAs(SA);

        HolidayCalendar election = HolidayCalendar.of(d("2024-05-29"));
        BusinessHours hours = BusinessHours.builder().weekdays(java.time.LocalTime.of(8, 0), java.time.LocalTime.of(18, 0))
                .holidays(SA).holidays(election).build();
        assertThat(hours.holidays().isHoliday(d("2024-05-29"))).isTrue();
        assertThat(hours.isOpen(d("2024-05-29").atTime(10, 0).atZone(BusinessHours.DEFAULT_ZONE).toInstant())).isFalse();
        assertThat(hours.isOpen(d("2024-05-30").atTime(10, 0).atZone(BusinessHours.DEFAULT_ZONE).toInstant())).isTrue();
    }

    @Test
    @DisplayName("nulls and impossible years are refused with the field's name")
    void refused() {
        assertThatThrownBy(() -> SA.isHoliday(null)).isInstanceOf(InvalidInputException.class).hasMessageContaining("date");
        assertThatThrownBy(() -> SA.holidayName(null)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> SA.and(null)).isInstanceOf(InvalidInputException.class).hasMessageContaining("other");
        assertThatThrownBy(() -> HolidayCalendar.of((LocalDate[]) null)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> HolidayCalendar.of(d("2026-01-01"), null)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("dates[1]");
        assertThatThrownBy(() -> HolidayCalendar.named(Map.of(d("2026-01-01"), " ")))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> SouthAfricanHolidays.easterSunday(1200)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("year");
        assertThat(SA.isHoliday(LocalDate.MAX)).isFalse();
        assertThat(SA.isHoliday(LocalDate.MIN)).isFalse();
    }
}
