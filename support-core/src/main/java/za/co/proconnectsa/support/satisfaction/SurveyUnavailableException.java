package za.co.proconnectsa.support.satisfaction;

import za.co.proconnectsa.support.SupportException;

/**
 * A survey answer that cannot be taken: no survey was asked on the ticket, it was already answered, or the answer
 * link is not one this desk signed. Show the requester {@link #getMessage()}; it names no secret.
 */
public class SurveyUnavailableException extends SupportException {

    private static final long serialVersionUID = 1L;

    /** Why the answer was refused. */
    public enum Reason {
        /** No survey was asked on this ticket. */
        NOT_ASKED,
        /** The survey was answered already: one answer per ticket. */
        ALREADY_ANSWERED,
        /** The link was not signed by this desk, or was changed. */
        INVALID_LINK
    }

    /** The reason, as {@link #reason()} returns it. */
    private final Reason reason;

    /**
     * @param reason  why
     * @param message a sentence for the requester
     */
    public SurveyUnavailableException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    /** @return why the answer was refused */
    public Reason reason() {
        return reason;
    }
}
