package za.co.proconnectsa.support.whatsapp.automation;

import za.co.proconnectsa.support.InvalidInputException;

/**
 * What the {@link AutoResponder} decided for one inbound message: send an {@link Answer}, or stay
 * {@link Silent} and say why.
 */
public sealed interface AutoReply permits AutoReply.Answer, AutoReply.Silent {

    /** Why an answer is sent. */
    enum Kind {
        /** An FAQ entry matched. */
        FAQ,
        /** Support is closed; the text gives the hours and the next opening. */
        OUT_OF_HOURS
    }

    /** Why nothing is sent. */
    enum Reason {
        /** No FAQ entry matched and support is open (or out-of-hours replies are off): an agent answers. */
        NO_MATCH,
        /** The contact already got the most automated replies allowed in the window. */
        LIMIT_REACHED,
        /** The message looks automated (an away message, an auto-reply): answering could start a loop. */
        AUTOMATED_MESSAGE,
        /** The message came from one of the business's own numbers. */
        OWN_NUMBER,
        /** The contact already got the out-of-hours notice for this closed period. */
        ALREADY_NOTIFIED
    }

    /**
     * Send this text.
     *
     * @param kind   why
     * @param source the FAQ entry's id, or {@code "out-of-hours"}
     * @param text   the text to send
     */
    record Answer(Kind kind, String source, String text) implements AutoReply {
        /**
         * Checks the components.
         *
         * @param kind why
         * @param source the FAQ entry's id, or {@code "out-of-hours"}
         * @param text the text to send
         */
        public Answer {
            if (kind == null || source == null || text == null || text.isBlank()) {
                throw InvalidInputException.of("answer", "needs a kind, a source and a text");
            }
        }
    }

    /**
     * Send nothing.
     *
     * @param reason why
     * @param detail the reason in words, for logs and tests
     */
    record Silent(Reason reason, String detail) implements AutoReply {
        /**
         * Checks the components.
         *
         * @param reason why
         * @param detail the reason in words, for logs and tests
         */
        public Silent {
            if (reason == null || detail == null) {
                throw InvalidInputException.of("silent", "needs a reason and a detail");
            }
        }
    }
}
