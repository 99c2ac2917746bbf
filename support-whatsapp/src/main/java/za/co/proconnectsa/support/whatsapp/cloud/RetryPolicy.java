package za.co.proconnectsa.support.whatsapp.cloud;

import java.time.Duration;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.internal.Checks;

/**
 * How often and how patiently the client retries a {@link ErrorClass#RETRYABLE} failure.
 *
 * <p>Before retry {@code n} (1 for the first retry) the client waits a random time between zero and
 * {@link #ceiling(int) ceiling(n)} = {@code min(maxBackoff, initialBackoff * 2^(n-1))} ("full jitter"), or
 * exactly the ceiling when jitter is off. A {@code Retry-After} header on the response replaces that
 * wait; when it asks for more than {@code maxBackoff} the client does not wait and returns
 * {@link SendOutcome.Failed} with {@code retryable} true, so the host can schedule the retry itself.
 *
 * @param maxAttempts    attempts in total, including the first: 1 (no retries) to 10
 * @param initialBackoff the ceiling of the first wait, positive
 * @param maxBackoff     the largest wait, at least {@code initialBackoff}, at most 5 minutes
 * @param jitter         whether waits are randomised (recommended: spreads retries of many senders)
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, boolean jitter) {

    /** The most attempts a policy may make. */
    public static final int MAX_ATTEMPTS = 10;
    private static final Duration LONGEST_BACKOFF = Duration.ofMinutes(5);

    /**
     * Creates a policy.
     *
     * @param maxAttempts    attempts in total, 1 to {@value #MAX_ATTEMPTS}
     * @param initialBackoff the first wait's ceiling, positive
     * @param maxBackoff     the largest wait, from {@code initialBackoff} to 5 minutes
     * @param jitter         whether waits are randomised
     * @throws InvalidInputException when a value is out of range
     */
    public RetryPolicy {
        Checks.notNull(initialBackoff, "initialBackoff");
        Checks.notNull(maxBackoff, "maxBackoff");
        if (maxAttempts < 1 || maxAttempts > MAX_ATTEMPTS) {
            throw InvalidInputException.of("maxAttempts",
                    "must be between 1 and " + MAX_ATTEMPTS + ", was " + maxAttempts);
        }
        if (initialBackoff.isNegative() || initialBackoff.isZero()) {
            throw InvalidInputException.of("initialBackoff", "must be positive, was " + initialBackoff);
        }
        if (maxBackoff.compareTo(initialBackoff) < 0 || maxBackoff.compareTo(LONGEST_BACKOFF) > 0) {
            throw InvalidInputException.of("maxBackoff",
                    "must be between initialBackoff and " + LONGEST_BACKOFF + ", was " + maxBackoff);
        }
    }

    /** @return 4 attempts, waits from 500 ms doubling up to 8 s, with jitter */
    public static RetryPolicy defaults() {
        return new RetryPolicy(4, Duration.ofMillis(500), Duration.ofSeconds(8), true);
    }

    /** @return a single attempt: every failure is returned at once */
    public static RetryPolicy noRetries() {
        return new RetryPolicy(1, Duration.ofMillis(500), Duration.ofSeconds(8), true);
    }

    /**
     * @param attempts attempts in total, 1 to {@value #MAX_ATTEMPTS}
     * @return this policy with that many attempts
     */
    public RetryPolicy withMaxAttempts(int attempts) {
        return new RetryPolicy(attempts, initialBackoff, maxBackoff, jitter);
    }

    /**
     * @param initial the first wait's ceiling
     * @param max     the largest wait
     * @return this policy with those waits
     */
    public RetryPolicy withBackoff(Duration initial, Duration max) {
        return new RetryPolicy(maxAttempts, initial, max, jitter);
    }

    /**
     * @param enabled whether waits are randomised
     * @return this policy with jitter on or off
     */
    public RetryPolicy withJitter(boolean enabled) {
        return new RetryPolicy(maxAttempts, initialBackoff, maxBackoff, enabled);
    }

    /**
     * The longest wait before a retry: {@code min(maxBackoff, initialBackoff * 2^(retry-1))}.
     *
     * @param retry the retry's number, 1 for the first retry (the second attempt)
     * @return the ceiling of the wait
     * @throws InvalidInputException when {@code retry} is below 1
     */
    public Duration ceiling(int retry) {
        if (retry < 1) {
            throw InvalidInputException.of("retry", "must be at least 1, was " + retry);
        }
        Duration ceiling = initialBackoff;
        for (int i = 1; i < retry && ceiling.compareTo(maxBackoff) < 0; i++) {
            ceiling = ceiling.multipliedBy(2);
        }
        return ceiling.compareTo(maxBackoff) > 0 ? maxBackoff : ceiling;
    }
}
