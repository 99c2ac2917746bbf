package za.co.proconnectsa.support.internal;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
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
 * <p>An attempt that ends in a result the caller must not retry (a permanent refusal) returns it, or throws an
 * exception not handled; a failure that names its own pause (an HTTP {@code Retry-After}) gives it through
 * {@link Builder#withDelayOverride}.
 *
 * <p>Immutable and thread-safe; each {@link #get} call has its own attempts and clock.
 */
public final class Retry {

    /** Waits between two attempts: {@link Thread#sleep} by default, a recording one in tests. */
    @FunctionalInterface
    public interface Sleeper {
        /**
         * @param pause how long
         * @throws InterruptedException when the thread is interrupted; the retry then stops
         */
        void sleep(Duration pause) throws InterruptedException;
    }

    private final List<Class<? extends RuntimeException>> handled;
    private final int minAttempts;
    private final long maxDurationNanos;
    private final long delayNanos;
    private final long maxDelayNanos;
    private final boolean jitter;
    private final BiConsumer<RuntimeException, Integer> onRetry;
    private final Function<RuntimeException, RuntimeException> onRetriesExceeded;
    private final Function<RuntimeException, Duration> delayOverride;
    private final BiFunction<RuntimeException, InterruptedException, RuntimeException> onInterrupted;
    private final Sleeper sleeper;

    private Retry(Builder b) {
        this.handled = List.copyOf(b.handled);
        this.minAttempts = b.minAttempts;
        this.maxDurationNanos = b.maxDuration.toNanos();
        this.delayNanos = b.delay.toNanos();
        this.maxDelayNanos = b.maxDelay.toNanos();
        this.jitter = b.jitter;
        this.onRetry = b.onRetry;
        this.onRetriesExceeded = b.onRetriesExceeded;
        this.delayOverride = b.delayOverride;
        this.onInterrupted = b.onInterrupted;
        this.sleeper = b.sleeper;
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
     * @throws StoreUnavailableException when the thread is interrupted during a pause (its flag is set again), or
     *                                    what {@code onInterrupted} maps the last failure to
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
                if (n >= minAttempts && System.nanoTime() - started >= maxDurationNanos) {
                    throw onRetriesExceeded.apply(e);
                }
                onRetry.accept(e, n);
                pause(e, n);
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

    private void pause(RuntimeException failure, int attempt) {
        Duration asked = delayOverride.apply(failure);
        long nanos;
        if (asked != null) {
            nanos = asked.toNanos();
        } else {
            long ceiling = ceilingNanos(attempt);
            nanos = jitter && ceiling > 0 ? ThreadLocalRandom.current().nextLong(ceiling + 1) : ceiling;
        }
        try {
            sleeper.sleep(Duration.ofNanos(nanos));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw onInterrupted.apply(failure, e);
        }
    }

    private static void threadSleep(Duration pause) throws InterruptedException {
        long nanos = pause.toNanos();
        Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
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
        private Function<RuntimeException, Duration> delayOverride = e -> null;
        private BiFunction<RuntimeException, InterruptedException, RuntimeException> onInterrupted =
                (failure, e) -> new StoreUnavailableException("Interrupted while waiting to retry", e);
        private Sleeper sleeper = Retry::threadSleep;

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
            return withJitter(true);
        }

        /**
         * @param enabled whether to pause a random time up to the backoff (full jitter) or the backoff exactly
         * @return this builder
         */
        public Builder withJitter(boolean enabled) {
            this.jitter = enabled;
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

        /**
         * @param asked the pause a failure asks for itself (an HTTP {@code Retry-After}), or null to take the
         *              backoff's
         * @return this builder
         */
        public Builder withDelayOverride(Function<RuntimeException, Duration> asked) {
            this.delayOverride = Checks.notNull(asked, "delayOverride");
            return this;
        }

        /**
         * @param value how to wait between attempts ({@link Thread#sleep} by default)
         * @return this builder
         */
        public Builder withSleeper(Sleeper value) {
            this.sleeper = Checks.notNull(value, "sleeper");
            return this;
        }

        /**
         * @param mapper turns the last handled failure and the interruption into what the caller gets when the
         *               thread is interrupted during a pause (by default a {@link StoreUnavailableException}); the
         *               interrupt flag is set again either way
         * @return this builder
         */
        public Builder onInterrupted(BiFunction<RuntimeException, InterruptedException, RuntimeException> mapper) {
            this.onInterrupted = Checks.notNull(mapper, "onInterrupted");
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
