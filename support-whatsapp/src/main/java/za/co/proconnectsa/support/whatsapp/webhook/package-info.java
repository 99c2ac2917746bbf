/**
 * Receiving WhatsApp Cloud API webhooks: the subscription handshake ({@link
 * za.co.proconnectsa.support.whatsapp.webhook.WebhookHandshake}), the {@code X-Hub-Signature-256} check ({@link
 * za.co.proconnectsa.support.whatsapp.webhook.WebhookSignatureVerifier}), a tolerant parser ({@link
 * za.co.proconnectsa.support.whatsapp.webhook.WhatsAppWebhook}) and an idempotent receiver that ties them together
 * ({@link za.co.proconnectsa.support.whatsapp.webhook.WebhookReceiver}).
 *
 * <p>Meta delivers webhooks at least once, in no particular order, and retries a failed delivery for days. The
 * receiver therefore hands each inbound message to the host once (remembered through
 * {@link za.co.proconnectsa.support.spi.ProcessedMessageLog}), and keeps the delivery status of outbound messages
 * monotonic ({@link za.co.proconnectsa.support.whatsapp.webhook.DeliveryStatusTracker}).
 */
package za.co.proconnectsa.support.whatsapp.webhook;
