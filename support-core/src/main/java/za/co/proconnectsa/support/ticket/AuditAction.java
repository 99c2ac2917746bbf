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
    DUPLICATE_LINKED
}
