package za.co.proconnectsa.support.whatsapp.webhook;

/**
 * The host's side of {@link WebhookReceiver}: what to do with the events of a verified webhook.
 *
 * <p>Called on the request thread, before the receiver answers, so keep it short: record the message (for
 * example create or update a ticket) and return. Meta expects an answer within a few seconds.
 *
 * <p>The receiver records a message id as processed <em>before</em> calling {@link #onMessage}, so that concurrent
 * and repeated deliveries are handled once. If {@code onMessage} throws, the receiver forgets the id again, reports
 * it in {@link WebhookReceipt#failedMessageIds()} and answers 500, so Meta delivers the body again and the message
 * is handled then: a handler must therefore tolerate seeing a message it partly handled before
 * ({@link za.co.proconnectsa.support.whatsapp.inbox.WhatsAppInbox} does).
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
