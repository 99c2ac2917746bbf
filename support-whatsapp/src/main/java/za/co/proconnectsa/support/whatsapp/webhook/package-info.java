/**
 * Receiving WhatsApp Cloud API webhooks: the subscription handshake ({@link
 * za.co.proconnectsa.support.whatsapp.webhook.WebhookHandshake}), the {@code X-Hub-Signature-256} check ({@link
 * za.co.proconnectsa.support.whatsapp.webhook.WebhookSignatureVerifier}), a tolerant parser ({@link
 * za.co.proconnectsa.support.whatsapp.webhook.WhatsAppWebhook}) and an idempotent receiver that ties them together
 * ({@link za.co.proconnectsa.support.whatsapp.webhook.WebhookReceiver}).
 *
 * <p>Meta delivers webhooks at least once, in no particular order, and retries a failed delivery for days. The
 * receiver therefore stores each inbound message and each status update once, keyed by its id, in the store's job
 * queue, and an {@link za.co.proconnectsa.support.whatsapp.webhook.InboundMessageWorker} applies each once, in one
 * unit of work with its done mark; a status only ever moves a message's delivery up
 * ({@link za.co.proconnectsa.support.whatsapp.webhook.DeliveryStatus}).
 */
package za.co.proconnectsa.support.whatsapp.webhook;
