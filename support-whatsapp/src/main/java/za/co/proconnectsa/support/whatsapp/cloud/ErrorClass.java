package za.co.proconnectsa.support.whatsapp.cloud;

import java.util.Set;

/**
 * What a host (and the client's retry loop, and the inbox's send queue) should do about a {@link ProviderError}:
 * retry later, send an approved template instead, give up on this message, or fix the integration's configuration.
 *
 * <p>The classification follows Meta's Cloud API error-code reference (developers.facebook.com, WhatsApp Business
 * Platform, "Error codes"), which asks integrations to act on the {@code code} and the {@code error_data} details and
 * never on the title: the title (the {@code message}, e.g. {@code (#130429) Rate limit hit}) is never read here, so a
 * changed or translated title changes nothing. The {@code code} decides first; codes not in the table fall back to
 * the HTTP status.
 *
 * <table>
 * <caption>Classification</caption>
 * <tr><th>Class</th><th>Codes</th><th>Meaning</th></tr>
 * <tr><td>{@link #RETRYABLE}</td><td>1 API Unknown, 2 API Service, 4 API Too Many Calls, 17 API User Too Many
 * Calls, 341 Application limit reached, 80007 WABA rate limit, 130429 throughput rate limit hit, 131000
 * Something went wrong, 131016 Service unavailable, 131056 (business, consumer) pair rate limit hit, 131057
 * Account in maintenance mode, 133004 Server temporarily unavailable; and the client's own
 * {@link ProviderError#CODE_TIMEOUT}, {@link ProviderError#CODE_NETWORK},
 * {@link ProviderError#CODE_INTERRUPTED}</td><td>retry later: temporary, retried with exponential backoff and
 * jitter</td></tr>
 * <tr><td>{@link #NEEDS_TEMPLATE}</td><td>131047 Re-engagement message</td><td>retry with a template: more than 24
 * hours since the customer's last message, only an approved template can be sent</td></tr>
 * <tr><td>{@link #PERMANENT}</td><td>100 invalid parameter, 131008 required parameter missing, 131009 parameter
 * value not valid, 131021 recipient is the sender, 131026 message undeliverable (no WhatsApp account, old app,
 * terms not accepted), 131048 spam rate limit (a quality problem, not a pause), 131049 not delivered to keep
 * ecosystem engagement healthy (Meta: do not retry soon; a new message may be tried after a day or more), 131050
 * the user stopped marketing messages, 131051 unsupported message type, 131052 media download error, 131053 media
 * upload error, 131062 business-scoped user id not supported for this message, 132000 template parameter count
 * mismatch, 132005 translated text too long, 132007 template format policy, 132012 template parameter format,
 * 132015 template paused, 132016 template disabled, 132018 template parameter problem, 130472 user in an
 * experiment; and the client's own {@link ProviderError#CODE_NOT_SENT} (refused before sending) and
 * {@link ProviderError#CODE_OUTCOME_UNKNOWN} (sent, not answered: perhaps
 * accepted, so never sent again blindly)</td><td>this message will fail again (its data or its recipient is the
 * problem): never retried, noted for a person</td></tr>
 * <tr><td>{@link #CONFIGURATION}</td><td>0 and 190 access token expired or invalid; 3 capability, 10 permission
 * denied, 200-299 permissions; 33 business phone number deleted; 131031 account locked; 131042 payment issue;
 * 131045 certificate; 132001 template does not exist (name or language not approved); 133000 incomplete
 * deregistration; 133010 phone number not registered; 368 account blocked for policy violations</td><td>the
 * integration is misconfigured (token, permissions, phone number, template name, account): every message fails
 * until an administrator fixes it; never retried</td></tr>
 * <tr><td colspan="3">Any other code: HTTP 408, 429 and 5xx are {@link #RETRYABLE}; everything else,
 * including a malformed error body ({@link ProviderError#CODE_UNREADABLE}) on a 4xx, is
 * {@link #PERMANENT}.</td></tr>
 * </table>
 */
public enum ErrorClass {
    /** Retry later: temporary, the same request may succeed after a pause. */
    RETRYABLE,
    /** Retry with a template: the customer-service window is closed, only an approved template can be sent. */
    NEEDS_TEMPLATE,
    /** The same request will fail again: its data or its recipient is the problem. Never retried. */
    PERMANENT,
    /**
     * The integration is misconfigured (access token, permissions, phone number registration, template name, the
     * account): every message fails until an administrator fixes it. Never retried.
     */
    CONFIGURATION;

    private static final Set<Integer> RETRYABLE_CODES = Set.of(1, 2, 4, 17, 341, 80007, 130429, 131000, 131016,
            131056, 131057, 133004, ProviderError.CODE_TIMEOUT, ProviderError.CODE_NETWORK,
            ProviderError.CODE_INTERRUPTED);

    private static final Set<Integer> PERMANENT_CODES = Set.of(100, 130472, 131008, 131009, 131021, 131026,
            131048, 131049, 131050, 131051, 131052, 131053, 131062, 132000, 132005, 132007, 132012, 132015, 132016,
            132018);

    private static final Set<Integer> CONFIGURATION_CODES = Set.of(0, 3, 10, 33, 190, 368, 131031, 131042, 131045,
            132001, 133000, 133010);

    private static final int NEEDS_TEMPLATE_CODE = 131047;

    /**
     * Classifies an error by the table above.
     *
     * @param httpStatus the HTTP status of the response, 0 when there was none
     * @param code       the Graph error code (or one of the client's negative codes)
     * @return the class
     */
    public static ErrorClass classify(int httpStatus, int code) {
        if (code == NEEDS_TEMPLATE_CODE) {
            return NEEDS_TEMPLATE;
        }
        if (RETRYABLE_CODES.contains(code)) {
            return RETRYABLE;
        }
        if (CONFIGURATION_CODES.contains(code) || (code >= 200 && code <= 299)) {
            return CONFIGURATION;
        }
        if (PERMANENT_CODES.contains(code)) {
            return PERMANENT;
        }
        if (httpStatus == 408 || httpStatus == 429 || (httpStatus >= 500 && httpStatus <= 599)) {
            return RETRYABLE;
        }
        return PERMANENT;
    }

    /** @return whether a later attempt at the same request may succeed: only {@link #RETRYABLE} */
    public boolean retryable() {
        return this == RETRYABLE;
    }
}
