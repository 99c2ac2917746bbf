package za.co.proconnectsa.support.whatsapp.webhook;

import java.util.List;
import za.co.proconnectsa.support.whatsapp.webhook.internal.WebhookParser;

/**
 * Reads the body of a WhatsApp Cloud API webhook ({@code object: whatsapp_business_account}).
 *
 * <p>Tolerant where Meta changes things: unknown properties are ignored, message and status types it does not
 * read and webhook fields other than {@code messages} become {@link UnsupportedEvent}s, and one body may batch
 * many entries and changes. Strict where it matters: a part it reads must have the documented kind (an id must be
 * a string, a timestamp a string of epoch seconds), and anything else is a {@link WebhookParseException}, never
 * another exception. Duplicate keys, trailing content and nesting deeper than {@value WebhookParser#MAX_DEPTH}
 * levels are refused.
 *
 * <p>Verify the signature before parsing ({@link WebhookSignatureVerifier}); {@link WebhookReceiver} does both.
 * Thread-safe.
 */
public final class WhatsAppWebhook {

    private WhatsAppWebhook() {
    }

    /**
     * Reads a webhook body.
     *
     * @param body the raw request body (UTF-8 JSON)
     * @return the events in the order they appear; empty when the body reports none
     * @throws WebhookParseException when the body is null, not JSON, or a part this library reads is malformed
     */
    public static List<WebhookEvent> parse(byte[] body) {
        return WebhookParser.parse(body);
    }
}
