package za.co.proconnectsa.support.ticket;

/** Who may read a message or an audit event. */
public enum Visibility {
    /** The requester and support. */
    PUBLIC,
    /** Support only (internal notes). Never shown to a requester. */
    INTERNAL
}
