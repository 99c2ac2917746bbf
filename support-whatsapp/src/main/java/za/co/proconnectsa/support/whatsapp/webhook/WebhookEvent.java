package za.co.proconnectsa.support.whatsapp.webhook;

/**
 * One thing a webhook body reports. A body may batch many; {@link WhatsAppWebhook#parse(byte[])} returns them in
 * the order they appear.
 *
 * <ul>
 *   <li>{@link InboundMessage}: a WhatsApp user wrote to the business;</li>
 *   <li>{@link StatusUpdate}: a message the business sent was sent, delivered, read or failed;</li>
 *   <li>{@link TemplateCategoryUpdate}: Meta changed (or will change) an approved template's category;</li>
 *   <li>{@link UnsupportedEvent}: anything else (another webhook field, a message or status type this library
 *       does not read), kept so that a host can count or log it.</li>
 * </ul>
 */
public sealed interface WebhookEvent permits InboundMessage, StatusUpdate, TemplateCategoryUpdate,
        UnsupportedEvent {
}
