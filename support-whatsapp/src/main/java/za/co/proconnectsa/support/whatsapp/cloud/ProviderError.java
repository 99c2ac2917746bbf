package za.co.proconnectsa.support.whatsapp.cloud;

import java.time.Duration;
import za.co.proconnectsa.support.internal.Checks;

/**
 * An error reported by the Graph API, parsed from its error JSON
 * ({@code {"error":{"message","type","code","error_subcode","error_data":{"details"},"fbtrace_id"}}}), or one
 * the client met itself (a timeout, a network failure, an unreadable body), which carry negative codes.
 *
 * <p>Texts come from the provider as sent, except that the access token, should it ever appear, is
 * replaced by {@code [redacted]}; absent texts are empty strings, an absent subcode is 0. Every field is
 * safe to log.
 *
 * @param httpStatus the HTTP status, 0 when no response arrived
 * @param code       the Graph error {@code code}, or a negative {@code CODE_*} constant of this class
 * @param subcode    the Graph {@code error_subcode}, 0 when absent (Meta no longer sends it from v16.0 on)
 * @param type       the Graph error {@code type}, e.g. {@code OAuthException}
 * @param message    the error {@code message}, e.g. {@code (#130429) Rate limit hit}
 * @param traceId    the {@code fbtrace_id} to quote to Meta support
 * @param details    {@code error_data.details}: Meta's explanation of the cause
 */
public record ProviderError(int httpStatus, int code, int subcode, String type, String message, String traceId,
        String details) {

    /** The response was not a Graph error (or not the expected success) JSON. */
    public static final int CODE_UNREADABLE = -1;
    /** The connection could not be made in time: the request never left, so sending again is safe. */
    public static final int CODE_TIMEOUT = -2;
    /** The connection failed or broke before a response arrived. */
    public static final int CODE_NETWORK = -3;
    /** The sending thread was interrupted while sending or waiting to retry. */
    public static final int CODE_INTERRUPTED = -4;
    /**
     * The request was sent but no answer came (a response timeout, a connection broken mid-exchange): Meta may have
     * accepted the message. The Cloud API takes no idempotency key, so the client never sends such a request again
     * by itself; the message's status webhook (sent, delivered, read or failed) tells what became of it.
     */
    public static final int CODE_OUTCOME_UNKNOWN = -5;
    /**
     * Nothing was sent because the sender refused it before calling the API (no phone number or user id to send to,
     * no marketing consent): {@link ErrorClass#PERMANENT}, never retried.
     */
    public static final int CODE_NOT_SENT = -6;

    /**
     * Creates an error.
     *
     * @param httpStatus the HTTP status, 0 when no response arrived
     * @param code       the error code
     * @param subcode    the subcode, 0 when absent
     * @param type       the error type, empty when absent
     * @param message    the message, empty when absent
     * @param traceId    the trace id, empty when absent
     * @param details    the details, empty when absent
     */
    public ProviderError {
        Checks.notNull(type, "type");
        Checks.notNull(message, "message");
        Checks.notNull(traceId, "traceId");
        Checks.notNull(details, "details");
    }

    /**
     * @param timeout the request timeout that passed
     * @return the error for a request that got no answer in time
     */
    public static ProviderError timeout(Duration timeout) {
        return new ProviderError(0, CODE_TIMEOUT, 0, "Timeout",
                "No response from the WhatsApp Cloud API within " + timeout.toMillis() + " ms", "", "");
    }

    /**
     * @param what why no answer came, e.g. "no response within 10000 ms"
     * @return the error for a request that was sent but not answered: perhaps accepted, never sent again
     */
    public static ProviderError outcomeUnknown(String what) {
        return new ProviderError(0, CODE_OUTCOME_UNKNOWN, 0, "OutcomeUnknown", "No answer from the WhatsApp Cloud API"
                + " after the request was sent (" + what + "); the message may have been accepted, so it is not sent"
                + " again: its status webhook tells", "", "");
    }

    /**
     * @param what a short, secret-free description of the failure, e.g. {@code ConnectException}
     * @return the error for a connection that failed
     */
    public static ProviderError network(String what) {
        return new ProviderError(0, CODE_NETWORK, 0, "Network",
                "Could not reach the WhatsApp Cloud API: " + what, "", "");
    }

    /** @return the error for a send abandoned because the thread was interrupted */
    public static ProviderError interrupted() {
        return new ProviderError(0, CODE_INTERRUPTED, 0, "Interrupted",
                "The send was interrupted before the WhatsApp Cloud API confirmed it", "", "");
    }

    /**
     * @param httpStatus the HTTP status of the response
     * @param why        a secret-free description of what was wrong with the body
     * @return the error for a response whose body could not be read
     */
    public static ProviderError unreadable(int httpStatus, String why) {
        return new ProviderError(httpStatus, CODE_UNREADABLE, 0, "", why, "", "");
    }

    /**
     * @param why a secret-free reason, e.g. "the contact has not opted in to marketing messages"
     * @return the error for a message the sender refused to send, with nothing sent
     */
    public static ProviderError notSent(String why) {
        return new ProviderError(0, CODE_NOT_SENT, 0, "NotSent", why, "", "");
    }

    /** @return how to treat this error, by the table of {@link ErrorClass} */
    public ErrorClass errorClass() {
        return ErrorClass.classify(httpStatus, code);
    }

    /** @return whether the client produced this error itself (no Graph error JSON was read) */
    public boolean isLocal() {
        return code < 0;
    }

    /** @return one line for logs: status, code, type, message, details and trace id */
    public String summary() {
        StringBuilder s = new StringBuilder();
        s.append(httpStatus == 0 ? "no response" : "HTTP " + httpStatus).append(", code ").append(code);
        if (subcode != 0) {
            s.append('/').append(subcode);
        }
        if (!type.isEmpty()) {
            s.append(" (").append(type).append(')');
        }
        if (!message.isEmpty()) {
            s.append(": ").append(message);
        }
        if (!details.isEmpty()) {
            s.append(" - ").append(details);
        }
        if (!traceId.isEmpty()) {
            s.append(" [fbtrace_id ").append(traceId).append(']');
        }
        return s.toString();
    }

    /** The {@link #summary()} with any phone number in the provider's words masked, and the trace id. */
    @Override
    public String toString() {
        return "ProviderError[" + za.co.proconnectsa.support.whatsapp.cloud.internal.LogText.maskNumbers(summary())
                + (traceId.isEmpty() ? "" : ", trace " + traceId) + "]";
    }
}
