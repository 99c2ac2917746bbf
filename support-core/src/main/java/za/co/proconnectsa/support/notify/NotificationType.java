package za.co.proconnectsa.support.notify;

/** What a {@link Notification} tells the requester. */
public enum NotificationType {
    /** Their ticket was received, with its number. */
    TICKET_RECEIVED,
    /** Support replied publicly on their ticket (internal notes never cause one). */
    AGENT_REPLIED,
    /** Their ticket was resolved. */
    TICKET_RESOLVED,
    /** "How did we do?": the satisfaction survey of a resolved ticket, with its signed answer link. */
    SATISFACTION_SURVEY
}
