package za.co.proconnectsa.support.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import za.co.proconnectsa.support.StoreUnavailableException;
import za.co.proconnectsa.support.InvalidInputException;

class ConflictRetryTest {

    @Test
    @DisplayName("with no time budget, exactly the minimum attempts are allowed")
    void minimumOnly() {
        ConflictRetry retry = ConflictRetry.start(4, Duration.ZERO);
        int again = 0;
        while (retry.again()) {
            again++;
        }
        assertThat(again).isEqualTo(3);
        assertThat(retry.attempts()).isEqualTo(4);
        assertThat(retry.again()).isFalse();
    }

    @Test
    @DisplayName("within the time budget, attempts go on past the minimum, then stop once it has passed")
    void budget() {
        ConflictRetry retry = ConflictRetry.start(1, Duration.ofMillis(300));
        long started = System.nanoTime();
        while (retry.again()) {
            // each pause is at most 64 ms, so the budget is spent after several attempts
        }
        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(retry.attempts()).isGreaterThan(1);
        assertThat(elapsedMillis).isGreaterThanOrEqualTo(300);
    }

    @Test
    @DisplayName("an interrupted pause is a typed error and keeps the interrupt")
    void interrupted() {
        ConflictRetry retry = ConflictRetry.start(3, Duration.ZERO);
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(retry::again).isInstanceOf(StoreUnavailableException.class)
                    .hasMessageContaining("Interrupted");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    @DisplayName("bad arguments are refused")
    void badArguments() {
        assertThatThrownBy(() -> ConflictRetry.start(0, Duration.ZERO)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("minAttempts");
        assertThatThrownBy(() -> ConflictRetry.start(1, Duration.ofMillis(-1))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("budget");
        assertThatThrownBy(() -> ConflictRetry.start(1, null)).isInstanceOf(InvalidInputException.class);
    }
}
