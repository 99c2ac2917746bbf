package za.co.proconnectsa.support.whatsapp.webhook;

/**
 * The host's side of {@link WebhookReceiver}: what to do with the events of a verified webhook.
 *
 * <p>Messages reach {@link #onMessage} from an {@link InboundMessageWorker}, off the request thread: the receiver
 * only stores them and answers. The worker calls it inside one unit of work of the store that also marks the message
 * done, so whatever the handler writes through that store commits with the mark, or, when it throws, is rolled back
 * and the message is tried again later. A handler must therefore tolerate seeing a message again after a failed
 * attempt ({@link za.co.proconnectsa.support.whatsapp.inbox.WhatsAppInbox} does).
 *
 * <p>Status updates and unsupported events reach {@link #onStatusChange} and {@link #onUnsupported} on the request
 * thread, before the receiver answers: keep those short.
 */
@FunctionalInterface
public interface WebhookHandler {

    /**
     * A message a WhatsApp user sent, the first time it is delivered.
     *
     * @param message the message
     */
    void onMessage(InboundMessage message);

    /**
     * A status update that advanced an outbound message's status (never a repeat, never a downgrade). The tracker
     * has already recorded it, so if this throws (the receiver logs it) a retry will not call it again. Does nothing
     * unless overridden.
     *
     * @param update the update
     */
    default void onStatusChange(StatusUpdate update) {
    }

    /**
     * An event this library does not read. Not deduplicated. Does nothing unless overridden.
     *
     * @param event the event
     */
    default void onUnsupported(UnsupportedEvent event) {
    }
}
