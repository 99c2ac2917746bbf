package za.co.proconnectsa.support.ticket;

import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.internal.Text;

/**
 * The number people quote for a ticket, such as {@code PCS-000042}. Numbers come from a sequence
 * in the store that never repeats, so a number is never reused, even after a failed submission.
 *
 * @param sequence the store's sequence value; also the stable order of the queue
 * @param text     the formatted number shown to people, an identifier ({@link za.co.proconnectsa.support.TextRules})
 */
public record TicketNumber(long sequence, String text) {

    /**
     * @param sequence a positive sequence value
     * @param text     the formatted number, not blank
     */
    public TicketNumber {
        if (sequence <= 0) {
            throw InvalidInputException.of("ticketNumber.sequence", "must be positive, was " + sequence);
        }
        Text.identifier(text, "ticketNumber.text");
    }

    @Override
    public String toString() {
        return text;
    }
}
