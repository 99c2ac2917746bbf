package za.co.proconnectsa.support.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import za.co.proconnectsa.support.hours.BusinessHours;
import za.co.proconnectsa.support.hours.SouthAfricanHolidays;

/** Desks, policies and wall-clock helpers shared by the SLA tests. */
final class SlaFixtures {

    static final ZoneId JHB = ZoneId.of("Africa/Johannesburg");
    static final ZoneId LONDON = ZoneId.of("Europe/London");

    /** Monday to Friday 08:00-17:00 with lunch 12:00-13:00 (8 open hours a day), South African public holidays. */
    static final BusinessHours DESK = BusinessHours.builder()
            .weekdays(LocalTime.of(8, 0), LocalTime.of(12, 0))
            .weekdays(LocalTime.of(13, 0), LocalTime.of(17, 0))
            .holidays(SouthAfricanHolidays.calendar())
            .build();

    /** Monday to Friday 09:00-17:00 in London. */
    static final BusinessHours LONDON_DESK = BusinessHours.weekdays("09:00", "17:00", LONDON);

    private SlaFixtures() {
    }

    static Instant sast(String local) {
        return LocalDateTime.parse(local).atZone(JHB).toInstant();
    }

    static Duration h(double hours) {
        return Duration.ofSeconds(Math.round(hours * 3600));
    }

    static SlaPolicy policy(SlaTarget... targets) {
        SlaPolicy.Builder b = SlaPolicy.builder("Test");
        for (SlaTarget t : targets) {
            b.target(t);
        }
        return b.build();
    }

    static SlaTarget business(SlaTargetType type, double hours) {
        return SlaTarget.businessTime(type, h(hours));
    }
}
