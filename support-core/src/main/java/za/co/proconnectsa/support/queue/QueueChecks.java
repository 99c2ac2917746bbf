package za.co.proconnectsa.support.queue;

import java.time.Duration;
import java.time.Instant;
import za.co.proconnectsa.support.ValidationException;
import za.co.proconnectsa.support.util.Checks;

/** The argument checks every {@link za.co.proconnectsa.support.spi.WorkQueue} applies, for stores that implement it. */
public final class QueueChecks {

    private QueueChecks() {
    }

    /**
     * @param kind a kind
     * @param key  a key
     */
    public static void kindAndKey(String kind, String key) {
        if (kind == null || kind.isEmpty() || kind.length() > Job.MAX_KIND_LENGTH) {
            throw ValidationException.of("kind", "must be 1 to " + Job.MAX_KIND_LENGTH + " characters");
        }
        if (key == null || key.isEmpty() || key.length() > Job.MAX_KEY_LENGTH) {
            throw ValidationException.of("key", "must be 1 to " + Job.MAX_KEY_LENGTH + " characters");
        }
    }

    /**
     * @param kind  a kind
     * @param owner the claimer
     * @param max   how many
     * @param lease how long
     * @param now   when
     */
    public static void claim(String kind, String owner, int max, Duration lease, Instant now) {
        Checks.notNull(kind, "kind");
        if (owner == null || owner.isBlank() || owner.length() > 100) {
            throw ValidationException.of("owner", "must be 1 to 100 characters");
        }
        if (max < 1 || max > 1000) {
            throw ValidationException.of("max", "must be 1 to 1000, was " + max);
        }
        if (lease == null || lease.isNegative() || lease.isZero()) {
            throw ValidationException.of("lease", "must be positive");
        }
        Checks.notNull(now, "now");
    }

    /** @param limit a page size */
    public static void limit(int limit) {
        if (limit < 1 || limit > 1000) {
            throw ValidationException.of("limit", "must be 1 to 1000, was " + limit);
        }
    }

    /**
     * @param text an error text, or null
     * @return it, cut to {@link Job#MAX_ERROR_LENGTH} characters without splitting a surrogate pair
     */
    public static String cut(String text) {
        if (text == null || text.length() <= Job.MAX_ERROR_LENGTH) {
            return text;
        }
        int end = Job.MAX_ERROR_LENGTH;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end);
    }
}
