package za.co.proconnectsa.support.conversation;

/** Where a conversation stands. */
public enum ConversationStatus {
    /** Chatting: the contact's new messages join it and the auto-responder may answer. */
    OPEN,
    /** Joined to a ticket: the contact's new messages become replies on the ticket. */
    ESCALATED,
    /** Finished: the contact's next message starts a new conversation. */
    CLOSED;

    /** @return whether new messages of the contact join this conversation (OPEN or ESCALATED) */
    public boolean isActive() {
        return this != CLOSED;
    }
}
