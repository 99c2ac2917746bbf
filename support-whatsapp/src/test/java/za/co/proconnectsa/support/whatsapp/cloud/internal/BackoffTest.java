package za.co.proconnectsa.support.whatsapp.cloud.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import za.co.proconnectsa.support.testing.SettableClock;
import za.co.proconnectsa.support.whatsapp.cloud.RetryPolicy;

class BackoffTest {

    @Property
    void fullJitterStaysWithinTheCeiling(@ForAll @IntRange(min = 1, max = 12) int retry) {
        RetryPolicy p = RetryPolicy.defaults();
        assertThat(Backoff.delay(p, retry)).isBetween(Duration.ZERO, p.ceiling(retry));
    }

    @Test
    @DisplayName("without jitter the wait is the ceiling; with jitter the waits vary")
    void jitter() {
        RetryPolicy exact = RetryPolicy.defaults().withJitter(false);
        assertThat(Backoff.delay(exact, 3)).isEqualTo(Duration.ofSeconds(2));
        RetryPolicy jittered = RetryPolicy.defaults();
        assertThat(java.util.stream.IntStream.range(0, 50).mapToObj(i -> Backoff.delay(jittered, 5)).distinct().count())
                .isGreaterThan(1);
    }

    @Test
    @DisplayName("Retry-After: seconds, an HTTP date (past dates wait zero), nonsense ignored")
    void retryAfter() {
        SettableClock clock = SettableClock.at(Instant.parse("2015-10-21T07:28:00Z"));
        assertThat(Backoff.retryAfter("2", clock)).isEqualTo(Duration.ofSeconds(2));
        assertThat(Backoff.retryAfter(" 0 ", clock)).isZero();
        assertThat(Backoff.retryAfter("Wed, 21 Oct 2015 07:28:05 GMT", clock)).isEqualTo(Duration.ofSeconds(5));
        assertThat(Backoff.retryAfter("Wed, 21 Oct 2015 07:27:00 GMT", clock)).isZero();
        assertThat(Backoff.retryAfter("soon", clock)).isNull();
        assertThat(Backoff.retryAfter("", clock)).isNull();
        assertThat(Backoff.retryAfter(null, clock)).isNull();
        assertThat(Backoff.retryAfter("99999999999999", clock)).isGreaterThan(Duration.ofDays(365));
    }
}
