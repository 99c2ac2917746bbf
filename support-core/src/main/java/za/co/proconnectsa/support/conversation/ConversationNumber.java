package za.co.proconnectsa.support.conversation;

import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.ticket.TicketNumber;
import za.co.proconnectsa.support.ticket.TicketNumberFormat;
import za.co.proconnectsa.support.internal.Text;

/**
 * The number people and agents quote for a conversation, such as {@code WA-000042}, from a store sequence
 * of its own that never repeats.
 *
 * @param sequence the store's sequence value; also the stable order of conversation lists
 * @param text     the formatted number
 */
public record ConversationNumber(long sequence, String text) {

    /** The default format, {@code WA-000042}. */
    public static final TicketNumberFormat DEFAULT_FORMAT = new TicketNumberFormat("WA", 6);

    /**
     * @param sequence a positive sequence value
     * @param text     the formatted number, not blank
     */
    public ConversationNumber {
        if (sequence <= 0) {
            throw InvalidInputException.of("conversationNumber.sequence", "must be positive, was " + sequence);
        }
        Text.identifier(text, "conversationNumber.text");
    }

    /**
     * @param format   how numbers look, e.g. {@link #DEFAULT_FORMAT}
     * @param sequence a positive sequence value from the store
     * @return the number
     */
    public static ConversationNumber format(TicketNumberFormat format, long sequence) {
        TicketNumber n = format.format(sequence);
        return new ConversationNumber(n.sequence(), n.text());
    }

    @Override
    public String toString() {
        return text;
    }
}
