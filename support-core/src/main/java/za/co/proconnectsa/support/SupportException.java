package za.co.proconnectsa.support;

/**
 * The one root of every exception the ProConnect Support SDK throws.
 *
 * <p>It is unchecked: a host catches it (or a subclass) where it can act, for example to show
 * {@link InvalidInputException#fieldErrors()} next to a form. No other exception type escapes the
 * public API; a failure of an underlying component (a store, a validator) is wrapped in a subclass
 * with the cause attached. Messages are written for a developer, never contain a secret, and are
 * safe to log.
 */
public class SupportException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message.
     *
     * @param message what went wrong, in a sentence a developer can act on
     */
    public SupportException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and the cause it wraps.
     *
     * @param message what went wrong, in a sentence a developer can act on
     * @param cause   the underlying failure
     */
    public SupportException(String message, Throwable cause) {
        super(message, cause);
    }
}
