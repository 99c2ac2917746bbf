package za.co.proconnectsa.support.conversation;

import java.time.Instant;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.internal.Checks;
import za.co.proconnectsa.support.internal.Text;

/**
 * Who a chat contact is on the channel: since WhatsApp introduced usernames, a person is a phone number (which a
 * user with a username may not share), a business-scoped user id ({@code US.13491208655302741918}, stable for one
 * business, though WhatsApp may replace it) and an optional username. Conversations are held under one
 * {@link #contact()} key for good, whichever of these later messages carry, so a person keeps one conversation and one
 * requester when their phone number disappears from the webhooks or their user id changes.
 *
 * @param contact     the key conversations are held under ({@link Conversation#contact()}): the phone number or
 *                    the user id the person first wrote with; 1 to 100 characters
 * @param phoneNumber the phone number in international form, digits only, or {@code null} when not shared
 * @param userId      the current business-scoped user id, or {@code null} before the channel sent one
 * @param username    the username, or {@code null}; at most 100 characters, kept exactly
 * @param updatedAt   when this was last learnt
 */
public record ContactIdentity(String contact, String phoneNumber, String userId, String username, Instant updatedAt) {

    /** The longest key, phone number, user id or username kept. */
    public static final int MAX_LENGTH = 100;

    /**
     * Checks the values.
     *
     * @param contact the key conversations are held under ({@link Conversation#contact()}): the phone number or the user id the person first wrote with; 1 to 100 characters
     * @param phoneNumber the phone number in international form, digits only, or {@code null} when not shared
     * @param userId the current business-scoped user id, or {@code null} before the channel sent one
     * @param username the username, or {@code null}; at most 100 characters, kept exactly
     * @param updatedAt when this was last learnt
     * @throws InvalidInputException when the key is missing, a value is too long or not an identifier, or neither a
     *                             phone number nor a user id is known
     */
    public ContactIdentity {
        check(Text.identifier(contact, "contact"), "contact");
        if (phoneNumber != null && !phoneNumber.matches("[1-9][0-9]{6,14}")) {
            throw InvalidInputException.of("phoneNumber", "must be 7 to 15 digits in international form");
        }
        if (userId != null) {
            check(Text.identifier(userId, "userId"), "userId");
        }
        if (username != null) {
            check(Text.text(username, "username", MAX_LENGTH), "username");
        }
        if (phoneNumber == null && userId == null) {
            throw InvalidInputException.of("contact", "needs a phone number or a user id");
        }
        Checks.notNull(updatedAt, "updatedAt");
    }

    private static void check(String value, String field) {
        if (value.length() > MAX_LENGTH) {
            throw InvalidInputException.of(field, "must be at most " + MAX_LENGTH + " characters");
        }
    }

    /** @return where a message to this person goes: the phone number when known, else the current user id */
    public String sendTo() {
        return phoneNumber != null ? phoneNumber : userId;
    }
}
