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
 * <p>Status updates reach {@link #onStatusChange} the same way, from the worker, once per stored (message, status),
 * in a unit of work of their own. Unsupported events reach {@link #onUnsupported} on the request thread, before the
 * receiver answers: keep that short.
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
     * A status update of a message the business sent (sent, delivered, read, failed), applied once per message and
     * status, in the order the worker claims them, which need not be the order they happened in: keep the highest
     * status ({@link DeliveryStatus#supersedes}). Called inside the worker's unit of work, so a write through the
     * store commits with the update's done mark; if this throws, the update is tried again later. Does nothing unless
     * overridden.
     *
     * @param update the update
     */
    default void onStatusChange(StatusUpdate update) {
    }

    /**
     * Meta changed, or announced it will change, an approved template's category. Called on the request thread before
     * the receiver answers, not deduplicated (a repeat sets the same category again). Does nothing unless overridden.
     *
     * @param update the change
     */
    default void onTemplateCategoryUpdate(TemplateCategoryUpdate update) {
    }

    /**
     * An event this library does not read. Not deduplicated. Does nothing unless overridden.
     *
     * @param event the event
     */
    default void onUnsupported(UnsupportedEvent event) {
    }
}
