package za.co.proconnectsa.support.whatsapp.inbox;

import za.co.proconnectsa.support.conversation.MessageDelivery;

/**
 * Watches the inbox's sender for metrics: how each queued text ended, and each send tried again. Registered with
 * {@link WhatsAppInbox.Builder#sendObserver(SendObserver)}. Called on the sender's thread, inside the unit of work
 * that records the outcome (an outcome whose unit then fails is sent again and counted again): keep it fast. An
 * exception thrown by an observer is logged and changes nothing.
 */
public interface SendObserver {

    /**
     * A queued text reached its end.
     *
     * @param outcome {@link MessageDelivery.State#SENT} (Meta took it), {@link MessageDelivery.State#FAILED} (refused,
     *                not sent) or {@link MessageDelivery.State#UNKNOWN} (it may or may not have reached the customer)
     */
    void finished(MessageDelivery.State outcome);

    /** A send that surely did not happen (a rate limit, the Cloud API unreachable) will be tried again. */
    default void willRetry() {
    }
}
