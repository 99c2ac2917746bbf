package za.co.proconnectsa.support.whatsapp.webhook;

/**
 * The host's side of {@link WebhookReceiver}: what to do with the events of a verified webhook.
 *
 * <p>Called on the request thread, before the receiver answers, so keep it short: record the message (for
 * example create or update a ticket) and return. Meta expects an answer within a few seconds.
 *
 * <p>The receiver records a message id as processed <em>before</em> calling {@link #onMessage}, so that concurrent
 * and repeated deliveries are handled once. If {@code onMessage} throws, the message id is reported in
 * {@link WebhookReceipt#failedMessageIds()} and Meta's retries will not bring it back: make the handler's own
 * write durable, or keep the failed ids for a retry of your own.
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
