package za.co.proconnectsa.support.internal;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import za.co.proconnectsa.support.ConcurrentUpdateException;
import za.co.proconnectsa.support.event.DeskObserver;

/**
 * Runs a change that commutes with others again, on a reloaded record, when it lost an optimistic-locking race, and
 * tells the desk's observers of each retry. One per desk; {@link #conflicts} gives the same policy to code that has no
 * desk (the WhatsApp conversation log).
 */
public final class Retries {

    private static final Logger LOG = LoggerFactory.getLogger(Retries.class);

    /**
     * A conflict is retried at least this many times, and after that until the retry budget has passed, so that a
     * busy ticket on a slow database does not fail a writer that merely lost a run of races.
     */
    private static final int MIN_ATTEMPTS = 16;

    /** The longest pause between two attempts. */
    public static final Duration MAX_PAUSE = Duration.ofMillis(64);

    private final Duration budget;
    private final List<DeskObserver> observers;

    /**
     * @param budget    how long to keep retrying after the first 16 attempts
     * @param observers told of each retry
     */
    public Retries(Duration budget, List<DeskObserver> observers) {
        this.budget = Checks.notNull(budget, "budget");
        this.observers = List.copyOf(observers);
    }

    /**
     * The retry of a change that lost an optimistic-locking race: {@link ConcurrentUpdateException} is retried at
     * least {@code minAttempts} times and then until {@code budget} has passed, with pauses of full jitter whose
     * ceiling doubles from 2 ms to {@link #MAX_PAUSE}.
     *
     * @param minAttempts attempts allowed whatever the time
     * @param budget      how long after the first attempt more are allowed
     * @return a builder to add more failures or listeners to
     */
    public static Retry.Builder conflicts(int minAttempts, Duration budget) {
        return Retry.builder().handle(ConcurrentUpdateException.class)
                .withMinAttempts(minAttempts).withMaxDuration(budget)
                .withBackoff(Duration.ofMillis(2), MAX_PAUSE).withJitter();
    }

    /**
     * @param operation what kind of change it is, for the observers: {@code "reply"}, {@code "note"},
     *                  {@code "status"}, {@code "assignment"}, {@code "submission"} or {@code "answer"} (a
     *                  satisfaction answer)
     * @param what      which ticket is changed, for the log
     * @param attempt   one attempt, a unit of work that reloads what it changes
     * @param <T>       its result type
     * @return the result of the attempt that won
     * @throws ConcurrentUpdateException when the budget is spent
     */
    public <T> T onConflict(String operation, String what, Supplier<T> attempt) {
        return conflicts(MIN_ATTEMPTS, budget).onRetry((e, n) -> {
            LOG.debug("Lost a version race on {}, attempt {}", what, n);
            Observers.tell(observers, o -> o.conflictRetried(operation));
        }).build().get(attempt);
    }
}
