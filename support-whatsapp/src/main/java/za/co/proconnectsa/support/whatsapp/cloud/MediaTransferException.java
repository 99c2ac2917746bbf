package za.co.proconnectsa.support.whatsapp.cloud;

import za.co.proconnectsa.support.SupportException;

/**
 * A media download or upload through the Cloud API did not succeed. {@link #retryable()} says whether trying again
 * later may help (a rate limit, Graph down, no connection, an expired token) or not (the media id is unknown or
 * expired after Meta's 7 days, the file is over the size limit). The message never holds the access token nor the
 * signed download address.
 */
public class MediaTransferException extends SupportException {

    private static final long serialVersionUID = 1L;

    /** Why a transfer failed. */
    public enum Reason {
        /** The media id is unknown or expired: not retryable. */
        NOT_FOUND,
        /** The file is larger than allowed: not retryable. */
        TOO_LARGE,
        /** Graph refused the request for another reason (a 4xx answer): not retryable. */
        REFUSED,
        /** A rate limit, a 5xx answer, an expired token or a broken connection: retryable. */
        UNAVAILABLE
    }

    /** The reason, as {@link #reason()} returns it. */
    private final Reason reason;
    /** The http status, as {@link #httpStatus()} returns it. */
    private final int httpStatus;

    /**
     * @param reason     why
     * @param httpStatus the HTTP status Graph answered, or 0 when none
     * @param message    what happened, without secrets
     */
    public MediaTransferException(Reason reason, int httpStatus, String message) {
        super(message);
        this.reason = reason;
        this.httpStatus = httpStatus;
    }

    /** @return why it failed */
    public Reason reason() {
        return reason;
    }

    /** @return the HTTP status Graph answered, or 0 when none came */
    public int httpStatus() {
        return httpStatus;
    }

    /** @return whether trying again later may succeed */
    public boolean retryable() {
        return reason == Reason.UNAVAILABLE;
    }
}
