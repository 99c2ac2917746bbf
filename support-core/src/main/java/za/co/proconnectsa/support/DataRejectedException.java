package za.co.proconnectsa.support;

/**
 * The store refused a value as data: a database answered with a data exception (SQLState class 22, for example
 * a value too long or a character it cannot keep) or an integrity violation (class 23) that the store does not
 * handle itself. The operation had no effect, and it would fail the same way if retried unchanged, so, unlike
 * {@link StoreUnavailableException}, it is not a reason to retry.
 *
 * <p>Input checked by the library ({@link za.co.proconnectsa.support.TextRules}) never causes it on the stores
 * the library ships; it points to a schema that differs from the shipped one, or to a host's own store.
 */
public class DataRejectedException extends SupportException {

    private static final long serialVersionUID = 1L;

    /** The sql state, as {@link #sqlState()} returns it. */
    private final String sqlState;

    /**
     * Creates the exception.
     *
     * @param message  what the store was doing and what the database said, without the refused value
     * @param sqlState the database's SQLState, or {@code null} when it gave none
     * @param cause    the underlying failure
     */
    public DataRejectedException(String message, String sqlState, Throwable cause) {
        super(message, cause);
        this.sqlState = sqlState;
    }

    /** @return the database's five-character SQLState, or {@code null} when it gave none */
    public String sqlState() {
        return sqlState;
    }
}
