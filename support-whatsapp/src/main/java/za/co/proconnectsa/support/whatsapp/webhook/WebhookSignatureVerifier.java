package za.co.proconnectsa.support.whatsapp.webhook;

import java.nio.charset.StandardCharsets;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.whatsapp.webhook.internal.HmacSha256Verifier;

/**
 * Checks the {@value #HEADER} header Meta puts on every webhook POST: {@code sha256=} followed by the hex
 * HMAC-SHA256 of the <strong>raw request body bytes</strong>, keyed with the app secret.
 *
 * <p>Verify the bytes exactly as received, before any parsing: Meta's bodies escape non-ASCII characters
 * ({@code \u00e4}) and slashes ({@code \/}), so a body parsed and written again has different bytes and fails.
 *
 * <p>Implementations never throw: a missing or malformed header, or a null body, is simply invalid. Being a
 * functional interface, a host can substitute its own check (for example during a secret rotation, accepting
 * either of two secrets).
 */
@FunctionalInterface
public interface WebhookSignatureVerifier {

    /** The name of the header that carries the signature. */
    String HEADER = "X-Hub-Signature-256";

    /**
     * @param rawBody         the request body exactly as received; null is invalid
     * @param signatureHeader the value of the {@value #HEADER} header; null is invalid
     * @return whether the header is {@code sha256=} plus 64 hex digits (either case) matching the body's
     *         HMAC-SHA256; compared in constant time
     */
    boolean isValid(byte[] rawBody, String signatureHeader);

    /**
     * Creates the standard verifier. The key is prepared once; the verifier is thread-safe and its
     * {@code toString()} never shows the secret.
     *
     * @param appSecret the Meta app's secret (App Dashboard, App settings, Basic)
     * @return the verifier
     * @throws InvalidInputException when the secret is null or blank
     */
    static WebhookSignatureVerifier create(String appSecret) {
        if (appSecret == null || appSecret.isBlank()) {
            throw InvalidInputException.of("appSecret", "must not be blank");
        }
        return new HmacSha256Verifier(appSecret.getBytes(StandardCharsets.UTF_8));
    }
}
