package za.co.proconnectsa.support.sla;

/** Where one target's clock stands at the moment a {@link SlaStatus} was computed. */
public enum SlaState {
    /**
     * The clock has not started: no agent reply yet for {@link SlaTargetType#PERIODIC_UPDATE}, or no
     * unanswered requester message after an agent reply for {@link SlaTargetType#NEXT_RESPONSE}.
     */
    NOT_STARTED,
    /** The clock runs and the target is not due yet. */
    ACTIVE,
    /**
     * The clock stands still, before the target was due: the ticket is in a pausing status of the
     * policy, or resolved or closed (a response that never came is not due while nobody works on the
     * ticket; reopening it resumes the clock).
     */
    PAUSED,
    /** Fulfilled at or before the due moment. */
    FULFILLED,
    /** Fulfilled, but after the due moment. */
    FULFILLED_LATE,
    /**
     * Not fulfilled and past the due moment. A breach stays a breach: pausing or resolving the ticket
     * afterwards does not undo it, and fulfilling it later makes it {@link #FULFILLED_LATE}.
     */
    BREACHED;

    /** @return whether the target was fulfilled, in time or late */
    public boolean isFulfilled() {
        return this == FULFILLED || this == FULFILLED_LATE;
    }

    /** @return whether the target was missed: {@link #BREACHED} or {@link #FULFILLED_LATE} */
    public boolean isMissed() {
        return this == BREACHED || this == FULFILLED_LATE;
    }
}
