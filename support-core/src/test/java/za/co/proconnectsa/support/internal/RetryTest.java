package za.co.proconnectsa.support.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import za.co.proconnectsa.support.ConcurrentUpdateException;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.StoreUnavailableException;
import za.co.proconnectsa.support.SupportException;

class RetryTest {

    private static ConcurrentUpdateException conflict() {
        return new ConcurrentUpdateException("PCS-000001", 1, 2);
    }

    @Test
    @DisplayName("a handled failure is retried until an attempt wins; each attempt knows its number")
    void retriesUntilWon() {
        List<Integer> seen = new ArrayList<>();
        List<Integer> retried = new ArrayList<>();
        Retry retry = Retry.builder().handle(ConcurrentUpdateException.class).withMinAttempts(5)
                .onRetry((e, n) -> retried.add(n)).build();
        String result = retry.get(n -> {
            seen.add(n);
            if (n < 3) {
                throw conflict();
            }
            return "won on " + n;
        });
        assertThat(result).isEqualTo("won on 3");
        assertThat(seen).containsExactly(1, 2, 3);
        assertThat(retried).containsExactly(1, 2);
    }

    @Test
    @DisplayName("with no time budget, exactly the minimum attempts are made, then the last failure reaches the caller")
    void minimumOnly() {
        AtomicInteger attempts = new AtomicInteger();
        Retry retry = Retries.conflicts(4, Duration.ZERO).build();
        assertThatThrownBy(() -> retry.get(() -> {
            attempts.incrementAndGet();
            throw conflict();
        })).isInstanceOf(ConcurrentUpdateException.class);
        assertThat(attempts).hasValue(4);
    }

    @Test
    @DisplayName("within the time budget attempts go on past the minimum, then stop once it has passed")
    void budget() {
        AtomicInteger attempts = new AtomicInteger();
        Retry retry = Retry.builder().handle(ConcurrentUpdateException.class).withMinAttempts(1)
                .withMaxDuration(Duration.ofMillis(300)).withBackoff(Duration.ofMillis(10), Duration.ofMillis(10))
                .build();
        long started = System.nanoTime();
        assertThatThrownBy(() -> retry.get(() -> {
            attempts.incrementAndGet();
            throw conflict();
        })).isInstanceOf(ConcurrentUpdateException.class);
        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(attempts.get()).isGreaterThan(3);
        assertThat(tookMillis).isBetween(300L, 5_000L);
    }

    @Test
    @DisplayName("a failure not handled reaches the caller at once, unretried")
    void notHandled() {
        AtomicInteger attempts = new AtomicInteger();
        Retry retry = Retries.conflicts(10, Duration.ofSeconds(10)).build();
        assertThatThrownBy(() -> retry.get(() -> {
            attempts.incrementAndGet();
            throw InvalidInputException.of("subject", "must not be blank");
        })).isInstanceOf(InvalidInputException.class);
        assertThat(attempts).hasValue(1);
    }

    @Test
    @DisplayName("onRetriesExceeded turns the last failure into what the caller gets; subclasses are handled")
    void retriesExceeded() {
        class Changed extends IllegalStateException {
            private static final long serialVersionUID = 1L;
        }
        Retry retry = Retry.builder().handle(IllegalStateException.class).withMinAttempts(2)
                .onRetriesExceeded(e -> new SupportException("kept changing", e)).build();
        assertThatThrownBy(() -> retry.get(() -> {
            throw new Changed();
        })).isInstanceOf(SupportException.class).hasMessage("kept changing").hasCauseInstanceOf(Changed.class);
    }

    @Test
    @DisplayName("the backoff doubles from the delay to the maximum: 2, 4, 8, 16, 32, 64, 64 ms for conflicts")
    void backoff() {
        Retry retry = Retries.conflicts(1, Duration.ZERO).build();
        List<Long> ceilings = new ArrayList<>();
        for (int attempt = 1; attempt <= 7; attempt++) {
            ceilings.add(retry.ceilingNanos(attempt) / 1_000_000);
        }
        assertThat(ceilings).containsExactly(2L, 4L, 8L, 16L, 32L, 64L, 64L);
    }

    @Test
    @DisplayName("an interrupted pause is a typed error and keeps the interrupt")
    void interrupted() {
        Retry retry = Retry.builder().handle(ConcurrentUpdateException.class).withMinAttempts(3)
                .withBackoff(Duration.ofSeconds(5), Duration.ofSeconds(5)).build();
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> retry.get(() -> {
                throw conflict();
            })).isInstanceOf(StoreUnavailableException.class);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    @DisplayName("a failure's own pause replaces the backoff; without jitter the pauses are the ceilings exactly")
    void sleeperAndOverride() {
        List<Duration> pauses = new ArrayList<>();
        Retry retry = Retry.builder().handle(ConcurrentUpdateException.class, IllegalStateException.class)
                .withMinAttempts(4).withBackoff(Duration.ofMillis(100), Duration.ofMillis(150)).withJitter(false)
                .withDelayOverride(e -> e instanceof IllegalStateException ? Duration.ofSeconds(7) : null)
                .withSleeper(pauses::add).build();
        int[] calls = {0};
        String result = retry.get(() -> {
            calls[0]++;
            if (calls[0] == 2) {
                throw new IllegalStateException("asks for 7 s");
            }
            if (calls[0] < 4) {
                throw conflict();
            }
            return "won";
        });
        assertThat(result).isEqualTo("won");
        assertThat(pauses).containsExactly(Duration.ofMillis(100), Duration.ofSeconds(7), Duration.ofMillis(150));
    }

    @Test
    @DisplayName("an interrupted pause is mapped by onInterrupted from the last failure, keeping the interrupt")
    void interruptedMapped() {
        Retry retry = Retry.builder().handle(ConcurrentUpdateException.class).withMinAttempts(3)
                .withSleeper(pause -> {
                    throw new InterruptedException();
                })
                .onInterrupted((failure, e) -> new IllegalStateException("stopped", failure)).build();
        try {
            assertThatThrownBy(() -> retry.get(() -> {
                throw conflict();
            })).isInstanceOf(IllegalStateException.class).hasCauseInstanceOf(ConcurrentUpdateException.class);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    @DisplayName("bad settings are refused")
    void badSettings() {
        assertThatThrownBy(() -> Retry.builder().withMinAttempts(0)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Retry.builder().withMaxDuration(Duration.ofMillis(-1)))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Retry.builder().withBackoff(Duration.ofMillis(10), Duration.ofMillis(5)))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Retry.builder().build()).isInstanceOf(InvalidInputException.class);
    }
}
