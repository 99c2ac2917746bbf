package za.co.proconnectsa.support;

/**
 * The ticket store failed (a lost connection, a failed statement, a bug in a host's store). The
 * operation that was running had no effect: stores write each operation in one transaction.
 * Retrying later is safe; use an idempotency key on submissions to make retries exact.
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
