package za.co.proconnectsa.support.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SettableClockTest {

    private static final Instant START = Instant.parse("2026-03-02T08:15:30.123456789Z");

    @Test
    @DisplayName("stands still at its start, in UTC, until set or advanced")
    void setAndAdvance() {
        SettableClock clock = SettableClock.startingAt("2026-03-02T08:15:30.123456789Z");
        assertThat(clock.instant()).isEqualTo(START).isEqualTo(clock.instant());
        assertThat(clock.millis()).isEqualTo(START.toEpochMilli());
        assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);

        assertThat(clock.advance(Duration.ofMinutes(5))).isEqualTo(START.plusSeconds(300));
        assertThat(clock.instant()).isEqualTo(START.plusSeconds(300));
        clock.advance(Duration.ofNanos(-1));
        assertThat(clock.instant()).isEqualTo(START.plusSeconds(300).minusNanos(1));
        clock.set(START.minusSeconds(60));
        assertThat(clock.instant()).isEqualTo(START.minusSeconds(60));
    }

    @Test
    @DisplayName("a clock made by withZone has the new zone and shares the time both ways")
    void withZoneSharesTime() {
        SettableClock utc = SettableClock.at(START);
        SettableClock joburg = utc.withZone(ZoneId.of("Africa/Johannesburg"));
        assertThat(joburg.getZone()).isEqualTo(ZoneId.of("Africa/Johannesburg"));
        assertThat(utc.getZone()).isEqualTo(ZoneOffset.UTC);

        utc.advance(Duration.ofHours(1));
        assertThat(joburg.instant()).isEqualTo(START.plusSeconds(3600));
        joburg.set(START);
        assertThat(utc.instant()).isEqualTo(START);
    }

    @Test
    @DisplayName("advances from 8 threads at once all add up")
    void concurrentAdvance() throws InterruptedException {
        SettableClock clock = SettableClock.at(START);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int t = 0; t < 8; t++) {
                pool.execute(() -> {
                    for (int i = 0; i < 1_000; i++) {
                        clock.advance(Duration.ofMillis(1));
                    }
                });
            }
        } finally {
            pool.shutdown();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(clock.instant()).isEqualTo(START.plusSeconds(8));
    }
}
