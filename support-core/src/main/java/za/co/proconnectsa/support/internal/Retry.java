package za.co.proconnectsa.support.internal;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.StoreUnavailableException;

/**
 * The library's one retry helper, for changes that lost a race (an optimistic-locking conflict, an active
 * conversation that changed under a write) and are safe to run again on what they read afresh. Its vocabulary is
 * failsafe's {@code RetryPolicy}: {@code handle} the failures to retry, {@code withBackoff} and {@code withJitter}
 * for the pauses, {@code withMaxDuration}, {@code onRetry} and {@code onRetriesExceeded}. One difference:
 * {@link Builder#withMinAttempts(int)} allows that many attempts whatever the time, and {@code withMaxDuration} more
 * after them until it has passed since the first attempt, so a writer on a busy record of a slow database is not
 * failed for losing a run of races.
 *
 * <pre>{@code
 * Retry retry = Retry.builder().handle(ConcurrentUpdateException.class)
 *         .withMinAttempts(16).withMaxDuration(Duration.ofSeconds(10))
 *         .withBackoff(Duration.ofMillis(2), Duration.ofMillis(64)).withJitter()
 *         .build();
 * Ticket saved = retry.get(() -> store.update(change.apply(store.find(id))));
 * }</pre>
 *
 * <p>Immutable and thread-safe; each {@link #get} call has its own attempts and clock.
 */
public final class Retry {

    private final List<Class<? extends RuntimeException>> handled;
    private final int minAttempts;
    private final long maxDurationNanos;
    private final long delayNanos;
    private final long maxDelayNanos;
    private final boolean jitter;
    private final BiConsumer<RuntimeException, Integer> onRetry;
    private final Function<RuntimeException, RuntimeException> onRetriesExceeded;

    private Retry(Builder b) {
        this.handled = List.copyOf(b.handled);
        this.minAttempts = b.minAttempts;
        this.maxDurationNanos = b.maxDuration.toNanos();
        this.delayNanos = b.delay.toNanos();
        this.maxDelayNanos = b.maxDelay.toNanos();
        this.jitter = b.jitter;
        this.onRetry = b.onRetry;
        this.onRetriesExceeded = b.onRetriesExceeded;
    }

    /** @return a builder that handles nothing until {@link Builder#handle} is called */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @param attempt one attempt, which reads afresh what it changes
     * @param <T>     its result type
     * @return the result of the first attempt that did not fail with a handled exception
     * @throws RuntimeException           an exception not handled, at once; a handled one once the attempts are
     *                                    spent, as {@code onRetriesExceeded} maps it
     * @throws StoreUnavailableException when the thread is interrupted during a pause (its flag is set again)
     */
    public <T> T get(Supplier<T> attempt) {
        Objects.requireNonNull(attempt, "attempt");
        return get(n -> attempt.get());
    }

    /**
     * Like {@link #get(Supplier)}, telling each attempt its number, from 1 (the first may use what the caller
     * already read, the later ones read again).
     *
     * @param attempt one attempt, given its number
     * @param <T>     its result type
     * @return the result of the first attempt that did not fail with a handled exception
     */
    public <T> T get(IntFunction<T> attempt) {
        long started = System.nanoTime();
        for (int n = 1; ; n++) {
            try {
                return attempt.apply(n);
            } catch (RuntimeException e) {
                if (!handles(e)) {
                    throw e;
                }
                if (n >= minAttempts && System.nanoTime() - started > maxDurationNanos) {
                    throw onRetriesExceeded.apply(e);
                }
                onRetry.accept(e, n);
                pause(n);
            }
        }
    }

    /**
     * @param attempt the number of the attempt that failed, from 1
     * @return the longest pause after it: the delay doubled per attempt, at most the maximum delay
     */
    long ceilingNanos(int attempt) {
        long ceiling = delayNanos;
        for (int i = 1; i < attempt && ceiling < maxDelayNanos; i++) {
            ceiling *= 2;
        }
        return Math.min(ceiling, maxDelayNanos);
    }

    private boolean handles(RuntimeException e) {
        return handled.stream().anyMatch(type -> type.isInstance(e));
    }

    private void pause(int attempt) {
        long ceiling = ceilingNanos(attempt);
        long nanos = jitter && ceiling > 0 ? ThreadLocalRandom.current().nextLong(ceiling + 1) : ceiling;
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("Interrupted while waiting to retry", e);
        }
    }

    /** Configures a {@link Retry}. */
    public static final class Builder {
        private final java.util.ArrayList<Class<? extends RuntimeException>> handled = new java.util.ArrayList<>();
        private int minAttempts = 1;
        private Duration maxDuration = Duration.ZERO;
        private Duration delay = Duration.ZERO;
        private Duration maxDelay = Duration.ZERO;
        private boolean jitter;
        private BiConsumer<RuntimeException, Integer> onRetry = (e, n) -> { };
        private Function<RuntimeException, RuntimeException> onRetriesExceeded = e -> e;

        private Builder() {
        }

        /**
         * @param types the failures to retry (and their subclasses); any other goes to the caller at once
         * @return this builder
         */
        @SafeVarargs
        public final Builder handle(Class<? extends RuntimeException>... types) {
            for (Class<? extends RuntimeException> type : types) {
                handled.add(Checks.notNull(type, "handle"));
            }
            return this;
        }

        /**
         * @param value attempts allowed whatever the time, at least 1 (1 by default)
         * @return this builder
         */
        public Builder withMinAttempts(int value) {
            if (value < 1) {
                throw InvalidInputException.of("minAttempts", "must be at least 1, was " + value);
            }
            this.minAttempts = value;
            return this;
        }

        /**
         * @param value how long after the first attempt further attempts are allowed once the minimum is made
         *              (zero by default: the minimum only)
         * @return this builder
         */
        public Builder withMaxDuration(Duration value) {
            this.maxDuration = Checks.notNegative(value, "maxDuration");
            return this;
        }

        /**
         * @param initial  the pause after the first failed attempt
         * @param maxDelay the longest pause; each failed attempt doubles it up to this
         * @return this builder
         */
        public Builder withBackoff(Duration initial, Duration maxDelay) {
            this.delay = Checks.notNegative(initial, "delay");
            this.maxDelay = Checks.notNegative(maxDelay, "maxDelay");
            if (maxDelay.compareTo(initial) < 0) {
                throw InvalidInputException.of("maxDelay", "must not be shorter than the delay");
            }
            return this;
        }

        /**
         * Pauses a random time between zero and the backoff (full jitter), so writers that collided do not collide
         * again in lock step.
         *
         * @return this builder
         */
        public Builder withJitter() {
            this.jitter = true;
            return this;
        }

        /**
         * @param listener told of each handled failure that will be retried, with the failed attempt's number
         * @return this builder
         */
        public Builder onRetry(BiConsumer<RuntimeException, Integer> listener) {
            this.onRetry = Checks.notNull(listener, "onRetry");
            return this;
        }

        /**
         * @param mapper turns the last handled failure into what the caller gets (by default the failure itself)
         * @return this builder
         */
        public Builder onRetriesExceeded(Function<RuntimeException, RuntimeException> mapper) {
            this.onRetriesExceeded = Checks.notNull(mapper, "onRetriesExceeded");
            return this;
        }

        /** @return the retry, immutable */
        public Retry build() {
            if (handled.isEmpty()) {
                throw InvalidInputException.of("handle", "name at least one failure to retry");
            }
            return new Retry(this);
        }
    }
}
