package za.co.proconnectsa.support.whatsapp.cloud;

import java.util.Set;

/**
 * What a host (and the client's retry loop) should do about a {@link ProviderError}.
 *
 * <p>The classification follows Meta's Graph API and Cloud API error code references. The {@code code}
 * decides first; codes not in the table fall back to the HTTP status.
 *
 * <table>
 * <caption>Classification</caption>
 * <tr><th>Class</th><th>Codes</th><th>Meaning</th></tr>
 * <tr><td>{@link #RETRYABLE}</td><td>1 API Unknown, 2 API Service, 4 API Too Many Calls, 17 API User Too Many
 * Calls, 341 Application limit reached, 80007 WABA rate limit, 130429 throughput rate limit hit, 131000
 * Something went wrong, 131016 Service unavailable, 131056 (business, consumer) pair rate limit hit, 131057
 * Account in maintenance mode, 133004 Server temporarily unavailable; and the client's own
 * {@link ProviderError#CODE_TIMEOUT}, {@link ProviderError#CODE_NETWORK},
 * {@link ProviderError#CODE_INTERRUPTED}</td><td>temporary: retried with exponential backoff and jitter</td></tr>
 * <tr><td>{@link #NEEDS_TEMPLATE}</td><td>131047 Re-engagement message</td><td>more than 24 hours since the
 * customer's last message: send an approved template instead</td></tr>
 * <tr><td>{@link #PERMANENT}</td><td>0, 190 access token expired or invalid; 3, 10, 200-299 permissions;
 * 33, 100, 131008, 131009 bad or missing parameters; 131021 recipient is the sender; 131026 message
 * undeliverable (no WhatsApp account, old app, terms not accepted); 131031 account locked; 131042 payment
 * issue; 131045 certificate; 131048 spam rate limit (a quality problem, not a pause); 131049, 131050
 * marketing limits and opt-out; 131051 unsupported type; 132000 template parameter count mismatch; 132001
 * template does not exist; 132005, 132007, 132012, 132015, 132016, 132018 other template problems; 133000,
 * 133010 phone number registration; 368 policy block; 130472 experiment; and the client's own
 * {@link ProviderError#CODE_OUTCOME_UNKNOWN} (sent, not answered: perhaps accepted, so never sent again blindly)
 * </td><td>the same request will fail again, or must not be sent again: fix the input, the token or the account,
 * or wait for the status webhook</td></tr>
 * <tr><td colspan="3">Any other code: HTTP 408, 429 and 5xx are {@link #RETRYABLE}; everything else,
 * including a malformed error body ({@link ProviderError#CODE_UNREADABLE}) on a 4xx, is
 * {@link #PERMANENT}.</td></tr>
 * </table>
 */
public enum ErrorClass {
    /** Temporary: the same request may succeed after a pause. */
    RETRYABLE,
    /** The customer-service window is closed: only an approved template can be sent. */
    NEEDS_TEMPLATE,
    /** The same request will fail again. */
    PERMANENT;

    private static final Set<Integer> RETRYABLE_CODES = Set.of(1, 2, 4, 17, 341, 80007, 130429, 131000, 131016,
            131056, 131057, 133004, ProviderError.CODE_TIMEOUT, ProviderError.CODE_NETWORK,
            ProviderError.CODE_INTERRUPTED);

    private static final Set<Integer> PERMANENT_CODES = Set.of(0, 3, 10, 33, 100, 190, 368, 130472, 131008,
            131009, 131021, 131026, 131031, 131042, 131045, 131048, 131049, 131050, 131051, 132000, 132001, 132005,
            132007, 132012, 132015, 132016, 132018, 133000, 133010);

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
        if (PERMANENT_CODES.contains(code) || (code >= 200 && code <= 299)) {
            return PERMANENT;
        }
        if (httpStatus == 408 || httpStatus == 429 || (httpStatus >= 500 && httpStatus <= 599)) {
            return RETRYABLE;
        }
        return PERMANENT;
    }
}
