package za.co.proconnectsa.support.ticket;

/** What an {@link AuditEvent} records. */
public enum AuditAction {
    /** The ticket was submitted; {@code after} is its status. */
    CREATED,
    /** A public reply was added; {@code after} is the message id. */
    REPLIED,
    /** An internal note was added; {@code after} is the message id. */
    NOTE_ADDED,
    /** The status changed; {@code before} and {@code after} are statuses. */
    STATUS_CHANGED,
    /** The assignee changed; {@code before} and {@code after} are agent ids (or null). */
    ASSIGNED,
    /** The same requester submitted the same request again and it was linked here; {@code after} is the channel. */
    DUPLICATE_LINKED,
    /** An SLA target reached its warning share; {@code after} is the target's type. */
    SLA_WARNING,
    /** An SLA target was missed; {@code after} is the target's type. */
    SLA_BREACHED,
    /** An SLA target was fulfilled (by an agent's public reply, or by resolving); {@code after} is its type. */
    SLA_FULFILLED,
    /**
     * A data-subject request touched the ticket (an export, correction, erasure or anonymisation of its requester's
     * data, on an admin's request); {@code after} is the request's kind, e.g. {@code ERASE}. Internal.
     */
    DATA_SUBJECT_REQUEST,
    /** The requester answered the ticket's satisfaction survey; {@code after} is the score, 1 to 5. */
    SATISFACTION_RATED;

    /** @return whether this records an SLA event, which the outbox announces on its own */
    public boolean isSla() {
        return this == SLA_WARNING || this == SLA_BREACHED || this == SLA_FULFILLED;
    }
}
