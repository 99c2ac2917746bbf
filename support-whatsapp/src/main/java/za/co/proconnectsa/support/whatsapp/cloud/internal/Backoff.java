package za.co.proconnectsa.support.whatsapp.cloud.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.ThreadLocalRandom;
import za.co.proconnectsa.support.whatsapp.cloud.RetryPolicy;

/** Waits between attempts: exponential backoff with full jitter, and the {@code Retry-After} header. */
public final class Backoff {

    private Backoff() {
    }

    /**
     * @param policy the retry policy
     * @param retry  the retry's number, 1 for the first retry
     * @return a random wait in {@code [0, policy.ceiling(retry)]} with jitter, else exactly the ceiling
     */
    public static Duration delay(RetryPolicy policy, int retry) {
        Duration ceiling = policy.ceiling(retry);
        if (!policy.jitter()) {
            return ceiling;
        }
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceiling.toMillis() + 1));
    }

    /**
     * Reads a {@code Retry-After} header: delay-seconds ({@code 2}) or an HTTP date.
     *
     * @param value the header's value, or null
     * @param clock the clock, for an HTTP date
     * @return the wait it asks for (zero for a date in the past), or null when absent or unreadable
     */
    public static Duration retryAfter(String value, Clock clock) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.chars().allMatch(Character::isDigit)) {
            if (v.length() > 9) {
                return Duration.ofSeconds(999_999_999L);
            }
            return Duration.ofSeconds(Long.parseLong(v));
        }
        try {
            ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration wait = Duration.between(clock.instant(), at.toInstant());
            return wait.isNegative() ? Duration.ZERO : wait;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
