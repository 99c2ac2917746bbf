package za.co.proconnectsa.support.whatsapp.inbox;

import za.co.proconnectsa.support.conversation.MessageDelivery;

/**
 * What the inbox did with an agent's answer on WhatsApp when the agent sent it. An answer is never sent on the
 * agent's thread: it is queued, and the send worker delivers it; what became of it afterwards (sent, delivered,
 * read, failed, unknown) is its {@link MessageDelivery}, which {@link WhatsAppInbox#delivery} and
 * {@link ConversationDetails#delivery} show.
 */
public enum ReplyDelivery {
    /** Queued as a text: the customer-service window was open. */
    QUEUED,
    /** The window was closed: the configured approved template (with the ticket number) was queued instead. */
    TEMPLATE_QUEUED,
    /** The window was closed and no template is configured: nothing was queued; a note on the ticket says so. */
    WINDOW_CLOSED,
    /** The contact cannot be written to (no phone number): nothing was queued. */
    FAILED,
    /** The ticket did not come from WhatsApp: stored on the ticket only. */
    NOT_ON_WHATSAPP;

    /** @return whether a message was queued, so that a {@link MessageDelivery} will follow it */
    public boolean isQueued() {
        return this == QUEUED || this == TEMPLATE_QUEUED;
    }
}
