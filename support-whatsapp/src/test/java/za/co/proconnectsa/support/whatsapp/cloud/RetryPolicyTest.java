package za.co.proconnectsa.support.whatsapp.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import za.co.proconnectsa.support.InvalidInputException;

class RetryPolicyTest {

    @Test
    @DisplayName("defaults: 4 attempts, 500 ms doubling to at most 8 s, jitter on")
    void defaults() {
        RetryPolicy p = RetryPolicy.defaults();
        assertThat(p).isEqualTo(new RetryPolicy(4, Duration.ofMillis(500), Duration.ofSeconds(8), true));
        assertThat(p.ceiling(1)).isEqualTo(Duration.ofMillis(500));
        assertThat(p.ceiling(2)).isEqualTo(Duration.ofSeconds(1));
        assertThat(p.ceiling(3)).isEqualTo(Duration.ofSeconds(2));
        assertThat(p.ceiling(5)).isEqualTo(Duration.ofSeconds(8));
        assertThat(p.ceiling(60)).isEqualTo(Duration.ofSeconds(8));
        assertThat(RetryPolicy.noRetries().maxAttempts()).isEqualTo(1);
        assertThat(p.withMaxAttempts(2).withJitter(false).withBackoff(Duration.ofMillis(1), Duration.ofMillis(2)))
                .isEqualTo(new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(2), false));
    }

    @Test
    @DisplayName("out-of-range values are refused")
    void refused() {
        assertThatThrownBy(() -> RetryPolicy.defaults().withMaxAttempts(0)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> RetryPolicy.defaults().withMaxAttempts(11)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> RetryPolicy.defaults().withBackoff(Duration.ZERO, Duration.ofSeconds(1)))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> RetryPolicy.defaults().withBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> RetryPolicy.defaults().withBackoff(Duration.ofSeconds(1), Duration.ofMinutes(6)))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> RetryPolicy.defaults().ceiling(0)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new RetryPolicy(3, null, null, true)).isInstanceOf(InvalidInputException.class);
    }

    @Property
    void ceilingsDoubleUntilCapped(@ForAll @IntRange(min = 1, max = 5_000) int initialMs,
            @ForAll @IntRange(min = 0, max = 295_000) int extraMs, @ForAll @IntRange(min = 1, max = 1_000) int retry) {
        RetryPolicy p = new RetryPolicy(10, Duration.ofMillis(initialMs), Duration.ofMillis(initialMs + (long) extraMs),
                true);
        Duration c = p.ceiling(retry);
        assertThat(c).isBetween(p.initialBackoff(), p.maxBackoff());
        Duration next = p.ceiling(retry + 1);
        assertThat(next).isGreaterThanOrEqualTo(c);
        assertThat(next.equals(p.maxBackoff()) || next.equals(c.multipliedBy(2))).isTrue();
    }
}
