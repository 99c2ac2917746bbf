package za.co.proconnectsa.support.whatsapp.webhook;

import java.util.List;
import za.co.proconnectsa.support.util.Checks;

/**
 * What {@link WebhookReceiver} did with one webhook request, and the HTTP status to answer with.
 *
 * @param outcome          accepted, or why the request was refused
 * @param accepted         inbound messages handed to {@link WebhookHandler#onMessage} for the first time
 * @param duplicates       inbound messages already processed (a retry or a concurrent duplicate)
 * @param statusesApplied  status updates that advanced a message's status
 * @param statusesIgnored  status updates that were repeats or lower than the known status
 * @param unsupported      events this library does not read
 * @param failedMessageIds ids of first-seen messages whose handler threw (they will not be delivered again)
 */
public record WebhookReceipt(
        Outcome outcome,
        int accepted,
        int duplicates,
        int statusesApplied,
        int statusesIgnored,
        int unsupported,
        List<String> failedMessageIds) {

    /** Whether the request was accepted and, if not, why not. */
    public enum Outcome {
        /** Verified and read; answer 200 so that Meta does not retry. */
        ACCEPTED(200),
        /** The body exceeded the size limit; it was neither hashed nor parsed. */
        TOO_LARGE(413),
        /** The signature header was missing, malformed or wrong. */
        BAD_SIGNATURE(403),
        /**
         * Correctly signed but not readable ({@link WebhookParseException}). Answering 400 lets Meta retry for
         * days, so a fixed version of the library, deployed meanwhile, still receives the events.
         */
        MALFORMED(400),
        /** The body could not be read from the request stream. */
        UNREADABLE(400),
        /**
         * The handler failed on at least one new message ({@link #failedMessageIds()}); those ids were forgotten,
         * so answering 500 makes Meta deliver the body again and they are handled then. Messages of the body
         * that were handled count as duplicates on the redelivery.
         */
        HANDLER_FAILED(500);

        private final int httpStatus;

        Outcome(int httpStatus) {
            this.httpStatus = httpStatus;
        }

        /** @return the HTTP status to answer with */
        public int httpStatus() {
            return httpStatus;
        }
    }

    /** Checks the outcome and copies the list. */
    public WebhookReceipt {
        Checks.notNull(outcome, "outcome");
        failedMessageIds = List.copyOf(failedMessageIds);
    }

    /**
     * @param outcome why the request was refused
     * @return a receipt with nothing processed
     */
    static WebhookReceipt refused(Outcome outcome) {
        return new WebhookReceipt(outcome, 0, 0, 0, 0, 0, List.of());
    }

    /** @return the HTTP status to answer Meta with */
    public int httpStatus() {
        return outcome.httpStatus();
    }

    /** @return whether the request was accepted */
    public boolean isAccepted() {
        return outcome == Outcome.ACCEPTED;
    }
}
