package za.co.proconnectsa.support.hours;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DescribeTest {

    private static final ZoneId JHB = ZoneId.of("Africa/Johannesburg");

    private static LocalTime t(String text) {
        return LocalTime.parse(text);
    }

    @Test
    @DisplayName("weekdays 08:00-18:00 read Mon-Fri 8am-6pm")
    void weekdays() {
        assertThat(BusinessHours.weekdays("08:00", "18:00", JHB).describe()).isEqualTo("Mon-Fri 8am-6pm");
        assertThat(BusinessHours.weekdays("08:30", "17:00", JHB).describe()).isEqualTo("Mon-Fri 8:30am-5pm");
        assertThat(BusinessHours.weekdays("00:00", "12:00", JHB).describe()).isEqualTo("Mon-Fri 12am-12pm");
        assertThat(BusinessHours.weekdays("12:00", "23:45", JHB).describe()).isEqualTo("Mon-Fri 12pm-11:45pm");
        assertThat(BusinessHours.weekdays("07:05", "13:00", JHB).describe()).isEqualTo("Mon-Fri 7:05am-1pm");
    }

    @Test
    @DisplayName("extra days are added as groups in order of their first day, whatever the builder order")
    void extraDays() {
        BusinessHours a = BusinessHours.builder()
                .interval(DayOfWeek.SATURDAY, t("09:00"), t("13:00"))
                .weekdays(t("08:00"), t("18:00"))
                .build();
        BusinessHours b = BusinessHours.builder()
                .weekdays(t("08:00"), t("18:00"))
                .interval(DayOfWeek.SATURDAY, t("09:00"), t("13:00"))
                .build();
        assertThat(a.describe()).isEqualTo("Mon-Fri 8am-6pm, Sat 9am-1pm");
        assertThat(b.describe()).isEqualTo(a.describe());
    }

    @Test
    @DisplayName("days with equal hours are grouped, consecutive ones as ranges")
    void grouped() {
        BusinessHours hours = BusinessHours.builder()
                .days(EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY),
                        t("08:00"), t("17:00"))
                .interval(DayOfWeek.THURSDAY, t("08:00"), t("13:00"))
                .build();
        assertThat(hours.describe()).isEqualTo("Mon-Wed, Fri 8am-5pm; Thu 8am-1pm");

        BusinessHours sparse = BusinessHours.builder()
                .days(EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.SUNDAY), t("10:00"), t("14:00"))
                .build();
        assertThat(sparse.describe()).isEqualTo("Mon, Wed, Sun 10am-2pm");
    }

    @Test
    @DisplayName("several intervals in a day are joined")
    void severalIntervals() {
        BusinessHours split = BusinessHours.builder()
                .weekdays(t("08:00"), t("12:00"))
                .weekdays(t("13:00"), t("17:00"))
                .build();
        assertThat(split.describe()).isEqualTo("Mon-Fri 8am-12pm, 1pm-5pm");

        BusinessHours withSaturday = BusinessHours.builder()
                .weekdays(t("13:00"), t("17:00"))
                .weekdays(t("08:00"), t("12:00"))
                .interval(DayOfWeek.SATURDAY, t("09:00"), t("13:00"))
                .build();
        assertThat(withSaturday.describe()).isEqualTo("Mon-Fri 8am-12pm, 1pm-5pm; Sat 9am-1pm");
    }

    @Test
    @DisplayName("nights, whole days and no hours at all")
    void specialShapes() {
        assertThat(BusinessHours.builder().interval(DayOfWeek.FRIDAY, t("22:00"), t("02:00")).build().describe())
                .isEqualTo("Fri 10pm-2am");
        assertThat(BusinessHours.always().describe()).isEqualTo("Mon-Sun 24 hours");
        assertThat(BusinessHours.builder().build().describe()).isEqualTo("Closed");
        assertThat(BusinessHours.builder().specialDate(LocalDate.of(2026, 12, 24), t("08:00"), t("12:00"))
                .build().describe()).isEqualTo("Closed");
        assertThat(BusinessHours.builder().allDay(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY)
                .weekdays(t("08:00"), t("18:00")).build().describe()).isEqualTo("Mon-Fri 8am-6pm, Sat-Sun 24 hours");
    }

    @Test
    @DisplayName("English for every locale; the same text every time")
    void englishOnly() {
        BusinessHours hours = BusinessHours.weekdays("08:00", "18:00", JHB);
        assertThat(hours.describe(Locale.FRENCH)).isEqualTo("Mon-Fri 8am-6pm");
        assertThat(hours.describe(new Locale("af", "ZA"))).isEqualTo(hours.describe());
        assertThat(hours.describe()).isSameAs(hours.describe());
    }
}
