package za.co.proconnectsa.support.ticket;

/** How urgent a ticket is, lowest first. */
public enum Priority {
    /** Can wait. */
    LOW,
    /** The default. */
    NORMAL,
    /** Blocks the requester's work. */
    HIGH,
    /** Blocks many people or money is at stake. */
    URGENT
}
