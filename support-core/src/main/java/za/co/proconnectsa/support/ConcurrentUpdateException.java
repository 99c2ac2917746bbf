package za.co.proconnectsa.support;

/**
 * Someone else changed the ticket since it was read (optimistic locking). Nothing was written.
 * Read the ticket again and decide whether the change still applies.
 */
public class ConcurrentUpdateException extends SupportException {

    private static final long serialVersionUID = 1L;

    /** The ticket number, as {@link #ticketNumber()} returns it. */
    private final String ticketNumber;
    /** The expected version, as {@link #expectedVersion()} returns it. */
    private final long expectedVersion;
    /** The actual version, as {@link #actualVersion()} returns it. */
    private final long actualVersion;

    /**
     * Creates the exception.
     *
     * @param ticketNumber    the ticket that changed
     * @param expectedVersion the version the caller read
     * @param actualVersion   the version now stored
     */
    public ConcurrentUpdateException(String ticketNumber, long expectedVersion, long actualVersion) {
        super("Ticket " + ticketNumber + " was changed by someone else (expected version " + expectedVersion
                + ", found " + actualVersion + "); reload it and try again");
        this.ticketNumber = ticketNumber;
        this.expectedVersion = expectedVersion;
        this.actualVersion = actualVersion;
    }

    /** @return the ticket that changed */
    public String ticketNumber() {
        return ticketNumber;
    }

    /** @return the version the caller read */
    public long expectedVersion() {
        return expectedVersion;
    }

    /** @return the version now stored */
    public long actualVersion() {
        return actualVersion;
    }
}
