package za.co.proconnectsa.support.privacy;

import za.co.proconnectsa.support.internal.PhoneMasking;
import java.time.Instant;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.internal.Checks;
import za.co.proconnectsa.support.internal.Text;

/**
 * One line of the marketing-consent ledger. The ledger is append-only: the latest line of a contact is in force.
 *
 * @param contact    the contact's WhatsApp id (digits), an identifier of at most 100 characters
 * @param choice     opt-in or opt-out
 * @param source     where it was given, e.g. {@code "web signup form"} or {@code "WhatsApp: STOP"}, 1 to 200 characters
 * @param recordedBy who recorded it
 * @param at         when
 */
public record ConsentEntry(String contact, ConsentChoice choice, String source, Actor recordedBy, Instant at) {

    /**
     * @param contact the contact's WhatsApp id (digits), an identifier of at most 100 characters
     * @param choice opt-in or opt-out
     * @param source where it was given, e.g. {@code "web signup form"} or {@code "WhatsApp: STOP"}, 1 to 200 characters
     * @param recordedBy who recorded it
     * @param at when
     * @throws za.co.proconnectsa.support.InvalidInputException when a component is missing or refused
     */
    public ConsentEntry {
        if (Text.identifier(contact, "contact").length() > 100) {
            throw za.co.proconnectsa.support.InvalidInputException.of("contact", "must be 1 to 100 characters");
        }
        Checks.notNull(choice, "choice");
        Text.text(source, "source", 200);
        Checks.notNull(recordedBy, "recordedBy");
        Checks.notNull(at, "at");
    }

    /** The choice, its source and when, with the contact masked. */
    @Override
    public String toString() {
        return "ConsentEntry[contact=" + PhoneMasking.maskIfPhone(contact) + ", " + choice + ", source=" + source
                + ", by=" + (recordedBy == null ? null : recordedBy.id()) + ", at=" + at + "]";
    }
}
