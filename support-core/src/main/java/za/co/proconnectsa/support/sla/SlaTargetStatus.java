package za.co.proconnectsa.support.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import za.co.proconnectsa.support.internal.Checks;

/**
 * Where one target of a ticket's policy stands: its {@link SlaState}, when it is due, when it
 * warns, and how much of it is used. Part of a {@link SlaStatus}.
 *
 * <p>{@link SlaTargetType#NEXT_RESPONSE} and {@link SlaTargetType#PERIODIC_UPDATE} run once for every
 * exchange; this is the latest run, and {@link #earlierMisses()} counts the earlier runs that were
 * fulfilled late.
 *
 * <p>Times are counted the way the target counts them ({@link SlaTarget#measure()}): open time of the
 * desk's business hours, or wall-clock time.
 *
 * @param target        the target, as the policy in force at the status's moment has it
 * @param state         where the clock stands
 * @param startedAt     when the clock started (the ticket's creation, or the message or reply that
 *                      started this run); null when {@link SlaState#NOT_STARTED}
 * @param dueAt         when the target is (or was) due; null when not started, or when the desk never
 *                      opens again. While {@link SlaState#PAUSED}: where it would fall if the clock
 *                      resumed at the status's moment, so it moves later as the pause goes on. Once
 *                      fulfilled in time: where it would have fallen
 * @param warningAt     when the target warns (see {@link SlaPolicy#warningShare()}); null when
 *                      {@code dueAt} is
 * @param fulfilledAt   when the agent reply came or the ticket was resolved; null unless fulfilled
 * @param elapsed       the time counted so far, up to fulfilment if fulfilled
 * @param remaining     the time left before the due moment (negative: how far past it); when not
 *                      started, the whole target as it would be if it started at the status's moment
 * @param dueSoon       whether the clock is {@link SlaState#ACTIVE} and its warning moment has come
 * @param earlierMisses how many earlier runs of this target on the ticket were fulfilled late
 */
public record SlaTargetStatus(
        SlaTarget target,
        SlaState state,
        Instant startedAt,
        Instant dueAt,
        Instant warningAt,
        Instant fulfilledAt,
        Duration elapsed,
        Duration remaining,
        boolean dueSoon,
        int earlierMisses) {

    /**
     * Checks the required components.
     *
     * @param target the target, as the policy in force at the status's moment has it
     * @param state where the clock stands
     * @param startedAt when the clock started (the ticket's creation, or the message or reply that started this run); null when {@link SlaState#NOT_STARTED}
     * @param dueAt when the target is (or was) due; null when not started, or when the desk never opens again. While {@link SlaState#PAUSED}: where it would fall if the clock resumed at the status's moment, so it moves later as the pause goes on. Once fulfilled in time: where it would have fallen
     * @param warningAt when the target warns (see {@link SlaPolicy#warningShare()}); null when {@code dueAt} is
     * @param fulfilledAt when the agent reply came or the ticket was resolved; null unless fulfilled
     * @param elapsed the time counted so far, up to fulfilment if fulfilled
     * @param remaining the time left before the due moment (negative: how far past it); when not started, the whole target as it would be if it started at the status's moment
     * @param dueSoon whether the clock is {@link SlaState#ACTIVE} and its warning moment has come
     * @param earlierMisses how many earlier runs of this target on the ticket were fulfilled late
     */
    public SlaTargetStatus {
        Checks.notNull(target, "target");
        Checks.notNull(state, "state");
        Checks.notNull(elapsed, "elapsed");
        Checks.notNull(remaining, "remaining");
    }

    /** @return the target's type */
    public SlaTargetType type() {
        return target.type();
    }

    /** @return when the target is due, if its clock has started and the desk opens again */
    public Optional<Instant> due() {
        return Optional.ofNullable(dueAt);
    }

    /** @return when the target warns, if it has a due moment */
    public Optional<Instant> warning() {
        return Optional.ofNullable(warningAt);
    }

    /** @return when the target was fulfilled, if it was */
    public Optional<Instant> fulfilled() {
        return Optional.ofNullable(fulfilledAt);
    }
}
