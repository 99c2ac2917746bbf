package za.co.proconnectsa.support.internal;

import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import za.co.proconnectsa.support.ConcurrentUpdateException;
import za.co.proconnectsa.support.internal.ConflictRetry;

/** Runs a change that commutes with others again, on a reloaded ticket, when it lost an optimistic-locking race. */
public final class Retries {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultTicketService.class);

    /**
     * A conflict is retried at least this many times, and after that until the retry budget has passed, so that a
     * busy ticket on a slow database does not fail a writer that merely lost a run of races.
     */
    private static final int MIN_ATTEMPTS = 16;

    private Retries() {
    }

    /**
     * @param what    what is changed, for the log
     * @param budget  how long to keep retrying after the first 16 attempts
     * @param attempt one attempt, a unit of work that reloads what it changes
     * @param <T>     its result type
     * @return the result of the attempt that won
     * @throws ConcurrentUpdateException when the budget is spent
     */
    public static <T> T onConflict(String what, Duration budget, Supplier<T> attempt) {
        ConflictRetry retries = ConflictRetry.start(MIN_ATTEMPTS, budget);
        while (true) {
            try {
                return attempt.get();
            } catch (ConcurrentUpdateException e) {
                if (!retries.again()) {
                    throw e;
                }
                LOG.debug("Lost a version race on {}, attempt {}", what, retries.attempts());
            }
        }
    }
}
