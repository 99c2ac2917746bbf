package za.co.proconnectsa.support.whatsapp.cloud.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import za.co.proconnectsa.support.testing.SettableClock;

class BackoffTest {

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
