package za.co.proconnectsa.support.internal;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import za.co.proconnectsa.support.StoreUnavailableException;

/**
 * The retry budget of one change that lost an optimistic-locking race
 * ({@link za.co.proconnectsa.support.ConcurrentUpdateException}) and is safe to apply again to the reloaded
 * record. It allows at least {@code minAttempts} attempts, and after that more until {@code budget} has passed
 * since it was started, so that a writer on a busy record of a slow database is not failed for losing a run of
 * races. Attempts are spaced by a pause with full jitter whose ceiling doubles from 2 ms to 64 ms, so writers that
 * collided do not collide again in lock step.
 *
 * <pre>{@code
 * ConflictRetry retry = ConflictRetry.start(16, Duration.ofSeconds(10));
 * while (true) {
 *     try {
 *         return store.update(change.apply(store.find(id)));
 *     } catch (ConcurrentUpdateException e) {
 *         if (!retry.again()) {
 *             throw e;
 *         }
 *     }
 * }
 * }</pre>
 *
 * <p>Not thread-safe: one instance serves one change on one thread.
 */
public final class ConflictRetry {

    /** The longest pause between two attempts. */
    public static final Duration MAX_PAUSE = Duration.ofMillis(64);

    private final int minAttempts;
    private final long budgetNanos;
    private final long started;
    private int attempts = 1;

    private ConflictRetry(int minAttempts, Duration budget) {
        this.minAttempts = minAttempts;
        this.budgetNanos = budget.toNanos();
        this.started = System.nanoTime();
    }

    /**
     * Starts the budget of one change, whose first attempt is under way.
     *
     * @param minAttempts attempts allowed whatever the time, at least 1
     * @param budget      how long after the start further attempts are allowed; not negative
     * @return the budget
     * @throws za.co.proconnectsa.support.InvalidInputException for a bad argument
     */
    public static ConflictRetry start(int minAttempts, Duration budget) {
        if (minAttempts < 1) {
            throw za.co.proconnectsa.support.InvalidInputException.of("minAttempts", "must be at least 1, was " + minAttempts);
        }
        return new ConflictRetry(minAttempts, Checks.notNegative(budget, "budget"));
    }

    /**
     * Called after an attempt lost a race: decides whether another attempt is allowed and, if so, pauses before it.
     *
     * @return {@code true} when the caller should reload and try again, {@code false} when the budget is spent
     * @throws StoreUnavailableException when the thread is interrupted during the pause (its flag is set again)
     */
    public boolean again() {
        if (attempts >= minAttempts && System.nanoTime() - started > budgetNanos) {
            return false;
        }
        long ceiling = Math.min(MAX_PAUSE.toMillis(), 1L << Math.min(attempts, 6));
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(ceiling + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("Interrupted while retrying a concurrent change", e);
        }
        attempts++;
        return true;
    }

    /** @return the attempts made or under way so far, from 1 */
    public int attempts() {
        return attempts;
    }
}
