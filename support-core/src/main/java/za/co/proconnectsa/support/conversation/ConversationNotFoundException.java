package za.co.proconnectsa.support.conversation;

import za.co.proconnectsa.support.SupportException;

/** No conversation with this number (or id) is stored. */
public class ConversationNotFoundException extends SupportException {

    private static final long serialVersionUID = 1L;

    /** The conversation number, as {@link #conversationNumber()} returns it. */
    private final String conversationNumber;

    /**
     * @param conversationNumber the number (or id) that was asked for
     */
    public ConversationNotFoundException(String conversationNumber) {
        super("No conversation " + conversationNumber + " was found");
        this.conversationNumber = conversationNumber;
    }

    /** @return the number (or id) that was asked for */
    public String conversationNumber() {
        return conversationNumber;
    }
}
