package za.co.proconnectsa.support.hours;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import za.co.proconnectsa.support.InvalidInputException;

/** Laws every schedule obeys, on random instants and durations. */
class BusinessHoursPropertiesTest {

    private static LocalTime t(String text) {
        return LocalTime.parse(text);
    }

    private static final BusinessHours[] SCHEDULES = {
        BusinessHours.weekdays("08:00", "18:00", ZoneId.of("Africa/Johannesburg")),
        BusinessHours.builder().weekdays(t("08:00"), t("18:00")).interval(DayOfWeek.SATURDAY, t("09:00"), t("13:00"))
                .holidays(SouthAfricanHolidays.calendar()).specialDate(LocalDate.of(2026, 12, 24), t("08:00"), t("12:00"))
                .build(),
        BusinessHours.builder().zone(ZoneId.of("Europe/London"))
                .interval(DayOfWeek.SUNDAY, t("00:00"), t("06:00"))
                .interval(DayOfWeek.THURSDAY, t("22:00"), t("01:30"))
                .interval(DayOfWeek.SATURDAY, t("23:30"), t("00:30"))
                .interval(DayOfWeek.FRIDAY, t("01:15:30"), t("02:45"))
                .weekdays(t("09:00"), t("12:00")).weekdays(t("13:00"), t("17:30"))
                .build(),
        BusinessHours.builder().zone(ZoneId.of("America/New_York"))
                .allDay(DayOfWeek.SUNDAY)
                .interval(DayOfWeek.MONDAY, t("02:30"), t("03:30"))
                .interval(DayOfWeek.TUESDAY, t("23:00"), t("23:00:01"))
                .holiday(LocalDate.of(2030, 1, 6))
                .build(),
        BusinessHours.builder().zone(ZoneOffset.ofHoursMinutes(5, 45)).allDay(DayOfWeek.values())
                .holidays(SouthAfricanHolidays.calendar()).build(),
        BusinessHours.builder().zone(ZoneId.of("Australia/Lord_Howe")) // a half-hour daylight-saving shift
                .interval(DayOfWeek.SUNDAY, t("01:00"), t("03:00")).interval(DayOfWeek.WEDNESDAY, t("20:00"), t("02:00"))
                .build(),
        BusinessHours.always(),
    };

    @Provide
    Arbitrary<BusinessHours> schedules() {
        return Arbitraries.of(SCHEDULES);
    }

    @Provide
    Arbitrary<Instant> instants() {
        // 1995 to 2105, with fractions of a second
        Arbitrary<Long> seconds = Arbitraries.longs().between(788_918_400L, 4_260_211_200L);
        Arbitrary<Integer> nanos = Arbitraries.oneOf(Arbitraries.just(0), Arbitraries.integers().between(0, 999_999_999));
        return Combinators.combine(seconds, nanos).as(Instant::ofEpochSecond);
    }

    @Provide
    Arbitrary<Instant> anyInstant() {
        Arbitrary<Long> seconds = Arbitraries.oneOf(
                Arbitraries.longs().between(Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond()),
                Arbitraries.of(Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond(), 0L, -1L));
        return Combinators.combine(seconds, Arbitraries.integers().between(0, 999_999_999)).as(Instant::ofEpochSecond);
    }

    @Provide
    Arbitrary<Duration> durations() {
        Arbitrary<Long> seconds = Arbitraries.oneOf(
                Arbitraries.longs().between(0, 3_600),
                Arbitraries.longs().between(0, 400 * 3_600L));
        Arbitrary<Integer> nanos = Arbitraries.oneOf(Arbitraries.just(0), Arbitraries.integers().between(0, 999_999_999));
        return Combinators.combine(seconds, nanos).as(Duration::ofSeconds);
    }

    @Property(tries = 1500)
    void plusThenBusinessDurationGivesTheDurationBack(@ForAll("schedules") BusinessHours hours,
            @ForAll("instants") Instant from, @ForAll("durations") Duration d) {
        Instant end = hours.plus(from, d);
        assertThat(end).isAfterOrEqualTo(from);
        assertThat(hours.businessDuration(from, end)).isEqualTo(d);
        if (!d.isZero()) {
            // the earliest such instant: just before it, less open time has passed
            assertThat(hours.isOpen(end.minusNanos(1))).isTrue();
        }
    }

    @Property(tries = 1000)
    void businessDurationRoundTripsInsideOpenTime(@ForAll("schedules") BusinessHours hours,
            @ForAll("instants") Instant from, @ForAll("durations") Duration span) {
        Instant to = from.plus(span);
        if (hours.isOpen(to.minusNanos(1))) {
            assertThat(hours.plus(from, hours.businessDuration(from, to))).isEqualTo(to);
        }
    }

    @Property(tries = 1000)
    void businessDurationIsAdditive(@ForAll("schedules") BusinessHours hours, @ForAll("instants") Instant a,
            @ForAll("durations") Duration ab, @ForAll("durations") Duration bc) {
        Instant b = a.plus(ab);
        Instant c = b.plus(bc);
        Duration whole = hours.businessDuration(a, c);
        assertThat(whole).isEqualTo(hours.businessDuration(a, b).plus(hours.businessDuration(b, c)));
        assertThat(whole).isLessThanOrEqualTo(Duration.between(a, c));
    }

    @Property(tries = 1500)
    void minusIsTheInverseOfPlusOnOpenInstants(@ForAll("schedules") BusinessHours hours,
            @ForAll("instants") Instant from, @ForAll("durations") Duration d) {
        if (hours.isOpen(from)) {
            assertThat(hours.minus(hours.plus(from, d), d)).isEqualTo(from);
        }
    }

    @Property(tries = 1500)
    void minusThenBusinessDurationGivesTheDurationBack(@ForAll("schedules") BusinessHours hours,
            @ForAll("instants") Instant to, @ForAll("durations") Duration d) {
        Instant start = hours.minus(to, d);
        assertThat(start).isBeforeOrEqualTo(to);
        assertThat(hours.businessDuration(start, to)).isEqualTo(d);
        if (!d.isZero()) {
            // the latest such instant: just after it, less open time is left
            assertThat(hours.isOpen(start)).isTrue();
        }
        if (hours.isOpen(to.minusNanos(1))) {
            assertThat(hours.plus(start, d)).isEqualTo(to);
        }
    }

    @Property(tries = 1000)
    void plusBusinessDaysLandsOpenOnOrAfterTheCountedDate(@ForAll("schedules") BusinessHours hours,
            @ForAll("instants") Instant from, @ForAll @IntRange(min = 0, max = 30) int days) {
        LocalDate date = hours.plusBusinessDays(from.atZone(hours.zone()).toLocalDate(), days);
        Instant result = hours.plusBusinessDays(from, days);
        assertThat(hours.isOpen(result)).isTrue();
        assertThat(result).isAfterOrEqualTo(from);
        assertThat(result.atZone(hours.zone()).toLocalDate()).isAfterOrEqualTo(date);
        if (days > 0) {
            assertThat(hours.isBusinessDay(date)).isTrue();
            assertThat(hours.plusBusinessDays(date, 0)).isEqualTo(date);
            // open up to the end (the next date's hours may start right then, so it need not close)
            assertThat(hours.endOfBusinessDay(date)).hasValueSatisfying(end -> {
                assertThat(hours.isOpen(end.minusNanos(1))).isTrue();
                assertThat(end).isAfter(date.atStartOfDay(hours.zone()).toInstant());
            });
        }
    }

    @Property(tries = 1500)
    void openingsAndClosingsAgreeWithIsOpen(@ForAll("schedules") BusinessHours hours, @ForAll("instants") Instant at) {
        boolean open = hours.isOpen(at);
        Optional<Instant> opening = hours.nextOpening(at);
        Optional<Instant> closing = hours.nextClosing(at);
        opening.ifPresent(o -> {
            assertThat(o).isAfter(at);
            assertThat(hours.isOpen(o)).isTrue();
            assertThat(hours.isOpen(o.minusNanos(1))).isFalse();
            if (!open) {
                assertThat(hours.businessDuration(at, o)).isZero();
            }
        });
        closing.ifPresent(c -> {
            assertThat(c).isAfter(at);
            assertThat(hours.isOpen(c)).isFalse();
            assertThat(hours.isOpen(c.minusNanos(1))).isTrue();
            if (open) {
                assertThat(hours.businessDuration(at, c)).isEqualTo(Duration.between(at, c));
            }
        });
        if (open && opening.isPresent()) {
            assertThat(closing).isPresent();
            assertThat(closing.get()).isBefore(opening.get());
        }
        if (!open && opening.isPresent() && closing.isPresent()) {
            assertThat(closing.get()).isAfter(opening.get());
        }
    }

    @Property(tries = 3000)
    void isOpenNeverThrows(@ForAll("schedules") BusinessHours hours, @ForAll("anyInstant") Instant at) {
        hours.isOpen(at);
        hours.nextOpening(at);
        hours.nextClosing(at);
    }

    @Property(tries = 200)
    void aScheduleThatNeverOpensRefusesPlus(@ForAll("instants") Instant from, @ForAll("durations") Duration d) {
        BusinessHours closed = BusinessHours.builder().zone(ZoneId.of("Europe/London")).build();
        if (d.isZero()) {
            assertThat(closed.plus(from, d)).isEqualTo(from);
        } else {
            assertThatThrownBy(() -> closed.plus(from, d)).isInstanceOf(InvalidInputException.class);
        }
        if (d.isZero()) {
            assertThat(closed.minus(from, d)).isEqualTo(from);
        } else {
            assertThatThrownBy(() -> closed.minus(from, d)).isInstanceOf(InvalidInputException.class);
        }
        assertThat(closed.isOpen(from)).isFalse();
        assertThat(closed.businessDuration(from, from.plus(d))).isZero();
    }
}
