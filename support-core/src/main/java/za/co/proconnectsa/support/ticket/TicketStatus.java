package za.co.proconnectsa.support.ticket;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Where a ticket is in its life. The allowed transitions are fixed here, so no host code can move
 * a ticket into a state the queue or SLA clock does not expect.
 *
 * <pre>
 * NEW      -&gt; OPEN, PENDING, ON_HOLD, RESOLVED, CLOSED
 * OPEN     -&gt; PENDING, ON_HOLD, RESOLVED, CLOSED
 * PENDING  -&gt; OPEN, ON_HOLD, RESOLVED, CLOSED       (waiting on the requester)
 * ON_HOLD  -&gt; OPEN, PENDING, RESOLVED, CLOSED       (waiting on a third party)
 * RESOLVED -&gt; OPEN, CLOSED                          (a requester's reply reopens it)
 * CLOSED   -&gt; (none; a closed ticket is final)
 * </pre>
 */
public enum TicketStatus {
    /** Submitted, nobody has worked on it yet. */
    NEW,
    /** Being worked on by support. */
    OPEN,
    /** Waiting on the requester. */
    PENDING,
    /** Waiting on someone outside the support team. */
    ON_HOLD,
    /** Support believes it is solved; the requester can still reopen it by replying. */
    RESOLVED,
    /** Final. */
    CLOSED;

    private Set<TicketStatus> next;

    static {
        NEW.next = EnumSet.of(OPEN, PENDING, ON_HOLD, RESOLVED, CLOSED);
        OPEN.next = EnumSet.of(PENDING, ON_HOLD, RESOLVED, CLOSED);
        PENDING.next = EnumSet.of(OPEN, ON_HOLD, RESOLVED, CLOSED);
        ON_HOLD.next = EnumSet.of(OPEN, PENDING, RESOLVED, CLOSED);
        RESOLVED.next = EnumSet.of(OPEN, CLOSED);
        CLOSED.next = EnumSet.noneOf(TicketStatus.class);
    }

    /**
     * @param target the status to move to
     * @return whether this status may move to {@code target}
     */
    public boolean canTransitionTo(TicketStatus target) {
        return next.contains(target);
    }

    /** @return the statuses this one may move to */
    public Set<TicketStatus> allowedTransitions() {
        return Collections.unmodifiableSet(next);
    }

    /** @return whether the ticket still needs work (neither resolved nor closed) */
    public boolean isActive() {
        return this != RESOLVED && this != CLOSED;
    }
}
