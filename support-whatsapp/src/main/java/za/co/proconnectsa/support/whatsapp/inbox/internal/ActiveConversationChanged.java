package za.co.proconnectsa.support.whatsapp.inbox.internal;

/**
 * Thrown when the contact's active conversation changed under a message that had not yet caused anything (another
 * conversation was started, or this one closed): the message is handled again from the start.
 */
public final class ActiveConversationChanged extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Creates the signal; no message or stack trace, it never leaves the inbox. */
    public ActiveConversationChanged() {
        super(null, null, false, false);
    }
}
