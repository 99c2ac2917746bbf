package za.co.proconnectsa.support.whatsapp.webhook;

import za.co.proconnectsa.support.internal.Checks;

/**
 * What {@link WebhookReceiver} did with one webhook request, and the HTTP status to answer with.
 *
 * @param outcome         accepted, or why the request was refused
 * @param accepted        inbound messages stored for the first time, to be applied by an {@link InboundMessageWorker}
 * @param duplicates      inbound messages already stored (a retry or a concurrent duplicate)
 * @param statusesApplied status updates stored for the first time, to be applied by an {@link InboundMessageWorker}
 * @param statusesIgnored status updates already stored (Meta's repeats)
 * @param unsupported     events this library does not read, and events refused for holding text no store keeps
 */
public record WebhookReceipt(
        Outcome outcome,
        int accepted,
        int duplicates,
        int statusesApplied,
        int statusesIgnored,
        int unsupported) {

    /** Whether the request was accepted and, if not, why not. */
    public enum Outcome {
        /** Verified, read and its messages stored; answer 200 so that Meta does not retry. */
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
        UNREADABLE(400);

        private final int httpStatus;

        Outcome(int httpStatus) {
            this.httpStatus = httpStatus;
        }

        /** @return the HTTP status to answer with */
        public int httpStatus() {
            return httpStatus;
        }
    }

    /**
     * Checks the outcome.
     *
     * @param outcome accepted, or why the request was refused
     * @param accepted inbound messages stored for the first time, to be applied by an {@link InboundMessageWorker}
     * @param duplicates inbound messages already stored (a retry or a concurrent duplicate)
     * @param statusesApplied status updates stored for the first time, to be applied by an {@link InboundMessageWorker}
     * @param statusesIgnored status updates already stored (Meta's repeats)
     * @param unsupported events this library does not read, and events refused for holding text no store keeps
     */
    public WebhookReceipt {
        Checks.notNull(outcome, "outcome");
    }

    /**
     * @param outcome why the request was refused
     * @return a receipt with nothing processed
     */
    static WebhookReceipt refused(Outcome outcome) {
        return new WebhookReceipt(outcome, 0, 0, 0, 0, 0);
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
