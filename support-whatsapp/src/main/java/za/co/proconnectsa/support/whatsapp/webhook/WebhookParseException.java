package za.co.proconnectsa.support.whatsapp.webhook;

import za.co.proconnectsa.support.SupportException;

/**
 * A webhook body could not be read: it is not JSON, or a part this library needs is missing or of the wrong kind.
 * The message names the place (a path such as {@code entry[0].changes[0].value.messages[1].id}, or a line and
 * column) and never repeats the body's content, so it is safe to log.
 */
public class WebhookParseException extends SupportException {

    private static final long serialVersionUID = 1L;

    /** The path, as {@link #path()} returns it. */
    private final String path;

    /**
     * Creates the exception.
     *
     * @param path    where in the body the problem is; empty for the body as a whole
     * @param problem what is wrong there
     */
    public WebhookParseException(String path, String problem) {
        super("Unreadable WhatsApp webhook body: " + (path == null || path.isEmpty() ? "" : path + ": ") + problem);
        this.path = path == null ? "" : path;
    }

    /** @return where in the body the problem is, e.g. {@code entry[0].changes[0].value.messages[1].id}; empty for the body as a whole */
    public String path() {
        return path;
    }
}
