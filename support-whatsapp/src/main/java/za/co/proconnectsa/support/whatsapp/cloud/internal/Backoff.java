package za.co.proconnectsa.support.whatsapp.cloud.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Reads the {@code Retry-After} header; the pauses themselves are {@code internal.Retry}'s. */
public final class Backoff {

    private Backoff() {
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
