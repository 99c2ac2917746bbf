package za.co.proconnectsa.support.queue;

import java.time.Duration;
import java.time.Instant;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.internal.Checks;
import za.co.proconnectsa.support.internal.Text;

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
            throw InvalidInputException.of("kind", "must be 1 to " + Job.MAX_KIND_LENGTH + " characters");
        }
        if (key == null || key.isEmpty() || key.length() > Job.MAX_KEY_LENGTH) {
            throw InvalidInputException.of("key", "must be 1 to " + Job.MAX_KEY_LENGTH + " characters");
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
            throw InvalidInputException.of("owner", "must be 1 to 100 characters");
        }
        Checks.between(max, 1, 1000, "max");
        Checks.positive(lease, "lease");
        Checks.notNull(now, "now");
    }

    /** @param limit a page size */
    public static void limit(int limit) {
        Checks.between(limit, 1, 1000, "limit");
    }

    /**
     * @param about the record a job is about, or null
     * @throws InvalidInputException when it is empty or longer than {@link Job#MAX_KEY_LENGTH} characters
     */
    public static void about(String about) {
        if (about != null && (about.isEmpty() || about.length() > Job.MAX_KEY_LENGTH)) {
            throw InvalidInputException.of("about", "must be 1 to " + Job.MAX_KEY_LENGTH + " characters");
        }
    }

    /**
     * @param text an error text, or null
     * @return it, cut to {@link Job#MAX_ERROR_LENGTH} characters without splitting a surrogate pair
     */
    public static String cut(String text) {
        return Text.truncate(text, Job.MAX_ERROR_LENGTH);
    }
}
