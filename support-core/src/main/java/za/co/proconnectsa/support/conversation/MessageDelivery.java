package za.co.proconnectsa.support.conversation;

import java.time.Instant;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.internal.Checks;
import za.co.proconnectsa.support.internal.Text;

/**
 * What became of a message the desk sent on a channel (an agent's reply, an automated text): queued, then sent,
 * delivered, read or failed, or unknown when the channel did not answer the send. It belongs to one outbound line
 * of a conversation's transcript ({@link ConversationMessage#id()}).
 *
 * <p>Once a message is sent its state only moves up the ranks of {@link State} as the channel reports on it, so
 * reports that arrive late, twice or out of order never move it back: {@code SENT < DELIVERED < FAILED < READ}.
 *
 * @param messageId         the transcript line ({@link ConversationMessage#id()})
 * @param state             how far it got
 * @param providerMessageId the channel's id for the sent message (a WhatsApp {@code wamid.…}), or {@code null}
 *                          until it is sent, and for messages never sent or whose send went unanswered
 * @param detail            why it failed or is unknown, in words, cut to {@value #MAX_DETAIL} characters; or
 *                          {@code null}
 * @param at                when the state was last set
 */
public record MessageDelivery(String messageId, State state, String providerMessageId, String detail, Instant at) {

    /** The longest {@link #detail()} kept. */
    public static final int MAX_DETAIL = 500;

    /** How far a sent message got. */
    public enum State {
        /** Waiting in the send queue; the desk's send worker will try it once the change that queued it committed. */
        QUEUED(0),
        /**
         * The send went out and no answer came back (a timeout, a lost connection): it may or may not have reached
         * the customer, and it is not sent again, so that it is never sent twice. A person decides.
         */
        UNKNOWN(0),
        /** The channel accepted it. */
        SENT(1),
        /** It reached the customer's device. */
        DELIVERED(2),
        /** It was refused, or could not be delivered; {@link #detail()} says why. */
        FAILED(3),
        /** The customer opened it (only when they share read receipts). */
        READ(4);

        private final int rank;

        State(int rank) {
            this.rank = rank;
        }

        /** @return the rank the channel's reports advance by: a report replaces only a lower-ranked state */
        public int rank() {
            return rank;
        }

        /**
         * @param current the state a message is in now
         * @return whether this state replaces {@code current} when the channel reports it
         */
        public boolean supersedes(State current) {
            return rank > current.rank;
        }
    }

    /**
     * Checks and trims the components.
     *
     * @param messageId the transcript line ({@link ConversationMessage#id()})
     * @param state how far it got
     * @param providerMessageId the channel's id for the sent message (a WhatsApp {@code wamid.…}), or {@code null} until it is sent, and for messages never sent or whose send went unanswered
     * @param detail why it failed or is unknown, in words, cut to {@value #MAX_DETAIL} characters; or {@code null}
     * @param at when the state was last set
     * @throws InvalidInputException when an id is not an identifier, or the state or time is missing
     */
    public MessageDelivery {
        Text.identifier(messageId, "messageId");
        Checks.notNull(state, "state");
        Text.optionalIdentifier(providerMessageId, "providerMessageId");
        detail = detail == null ? null : Text.text(Text.truncate(detail, MAX_DETAIL), "detail", MAX_DETAIL);
        Checks.notNull(at, "at");
    }

    /**
     * @param messageId the transcript line
     * @param at        when it was queued
     * @return a delivery waiting in the send queue
     */
    public static MessageDelivery queued(String messageId, Instant at) {
        return new MessageDelivery(messageId, State.QUEUED, null, null, at);
    }
}
