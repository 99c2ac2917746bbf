package za.co.proconnectsa.support;

/**
 * The ticket store failed (a lost connection, a failed statement, a bug in a host's store). The
 * operation that was running had no effect (stores write each operation in one transaction), unless the
 * failure came while committing: a connection lost while the database answered a commit leaves the work
 * stored or not, and the caller cannot tell which. Retrying later is safe; give submissions an
 * idempotency key, kept across retries, so that the retry of a stored submission returns its first
 * receipt instead of making a second ticket.
 */
public class StoreUnavailableException extends SupportException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what the store was doing
     * @param cause   the underlying failure
     */
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
