package za.co.proconnectsa.support.whatsapp.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.testing.SettableClock;

class CustomerServiceWindowTest {

    private static final Instant LAST_INBOUND = Instant.parse("2026-03-02T08:00:00Z");

    private static CustomerServiceWindow at(Duration sinceLastInbound) {
        return CustomerServiceWindow.since(LAST_INBOUND, SettableClock.at(LAST_INBOUND.plus(sinceLastInbound)));
    }

    @Test
    @DisplayName("open for exactly 24 hours after the customer's last message: closed at 24h, open 1 ns before")
    void exactly24Hours() {
        assertThat(at(Duration.ZERO).isOpen()).isTrue();
        assertThat(at(Duration.ofHours(24).minusNanos(1)).isOpen()).isTrue();
        assertThat(at(Duration.ofHours(24)).isOpen()).isFalse();
        assertThat(at(Duration.ofHours(24)).closesAt()).isEqualTo(Instant.parse("2026-03-03T08:00:00Z"));
        assertThat(CustomerServiceWindow.LENGTH).isEqualTo(Duration.ofHours(24));
    }

    @Test
    @DisplayName("remaining counts down to zero and stays there")
    void remaining() {
        assertThat(at(Duration.ofHours(23).plusMinutes(20)).remaining()).isEqualTo(Duration.ofMinutes(40));
        assertThat(at(Duration.ofHours(24)).remaining()).isZero();
        assertThat(at(Duration.ofHours(30)).remaining()).isZero();
    }

    @Test
    @DisplayName("one window follows its clock as time passes")
    void followsTheClock() {
        SettableClock clock = SettableClock.at(LAST_INBOUND);
        CustomerServiceWindow window = CustomerServiceWindow.since(LAST_INBOUND, clock);
        assertThat(window.describe()).isEqualTo("closes in 24 hours");
        clock.advance(Duration.ofHours(23).plusMinutes(20));
        assertThat(window.describe()).isEqualTo("closes in 40 minutes");
        clock.advance(Duration.ofHours(3).plusMinutes(40));
        assertThat(window.isOpen()).isFalse();
        assertThat(window.describe()).isEqualTo("closed 3 hours ago");
    }

    @ParameterizedTest(name = "{0} after the last message: \"{1}\"")
    @CsvSource({
        "PT0S,           closes in 24 hours",
        "PT1M,           closes in 23 hours 59 minutes",
        "PT22H59M,       closes in 1 hour 1 minute",
        "PT23H,          closes in 1 hour",
        "PT23H20M,       closes in 40 minutes",
        "PT23H20M30S,    closes in 39 minutes",
        "PT23H59M,       closes in 1 minute",
        "PT23H59M30S,    closes in less than a minute",
        "PT24H,          closed just now",
        "PT24H0M59S,     closed just now",
        "PT24H1M,        closed 1 minute ago",
        "PT24H59M,       closed 59 minutes ago",
        "PT25H,          closed 1 hour ago",
        "PT27H,          closed 3 hours ago",
        "PT71H59M,       closed 47 hours ago",
        "PT72H,          closed 2 days ago",
        "PT144H,         closed 5 days ago",
    })
    @DisplayName("describe() in English, rounded down")
    void describe(String since, String expected) {
        assertThat(at(Duration.parse(since)).describe()).isEqualTo(expected);
    }

    @Property
    void describeAlwaysSaysOpenOrClosed(@ForAll @LongRange(min = -3_600, max = 3_000_000) long secondsSince) {
        CustomerServiceWindow w = at(Duration.ofSeconds(secondsSince));
        assertThat(w.describe()).startsWith(w.isOpen() ? "closes in " : "closed ");
        assertThat(w.remaining()).isBetween(Duration.ZERO, Duration.ofHours(25));
    }

    @Test
    @DisplayName("null arguments are refused with an InvalidInputException")
    void nulls() {
        assertThatThrownBy(() -> CustomerServiceWindow.since(null)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> CustomerServiceWindow.since(LAST_INBOUND, null))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    @DisplayName("toString shows the state")
    void string() {
        assertThat(at(Duration.ofHours(1)).toString()).isEqualTo(
                "CustomerServiceWindow{lastInboundAt=2026-03-02T08:00:00Z, closesAt=2026-03-03T08:00:00Z, open=true}");
    }
}
