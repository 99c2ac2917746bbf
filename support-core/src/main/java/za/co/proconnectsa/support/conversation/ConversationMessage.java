package za.co.proconnectsa.support.conversation;

import java.time.Instant;
import java.util.UUID;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.internal.Checks;
import za.co.proconnectsa.support.internal.PhoneMasking;
import za.co.proconnectsa.support.internal.Text;

/**
 * One message of a conversation's transcript.
 *
 * <p>Ids are identifiers and name and body free text, as {@link za.co.proconnectsa.support.TextRules} defines them; every store keeps them
 * exactly.
 *
 * @param id             the channel's message id (a WhatsApp {@code wamid.…}), or a generated one for a message
 *                       that got none; an identifier of 1 to 200 characters, unique in the store
 * @param conversationId the conversation
 * @param contact        the conversation's contact
 * @param author         who wrote it
 * @param authorId       the customer's contact, the agent's id, or the automation's name
 * @param authorName     the name shown next to it, cut to 200 characters
 * @param body           the text, 1 to {@value #MAX_BODY} characters; media are described ("[image] caption")
 * @param at             when it was written
 */
public record ConversationMessage(
        String id,
        UUID conversationId,
        String contact,
        Author author,
        String authorId,
        String authorName,
        String body,
        Instant at) {

    /** The longest body kept, in characters. */
    public static final int MAX_BODY = 10_000;

    /** Who wrote a message. */
    public enum Author {
        /** The contact, inbound. */
        CUSTOMER,
        /** A support agent, outbound. */
        AGENT,
        /** The library's automation (FAQ answer, out-of-hours notice, escalation notice), outbound. */
        AUTOMATED;

        /** @return whether the message went out to the contact */
        public boolean isOutbound() {
            return this != CUSTOMER;
        }
    }

    /**
     * Checks the components.
     *
     * @param id the channel's message id (a WhatsApp {@code wamid.…}), or a generated one for a message that got none; an identifier of 1 to 200 characters, unique in the store
     * @param conversationId the conversation
     * @param contact the conversation's contact
     * @param author who wrote it
     * @param authorId the customer's contact, the agent's id, or the automation's name
     * @param authorName the name shown next to it, cut to 200 characters
     * @param body the text, 1 to {@value #MAX_BODY} characters; media are described ("[image] caption")
     * @param at when it was written
     */
    public ConversationMessage {
        Text.identifier(id, "id");
        Checks.notNull(conversationId, "conversationId");
        if (Text.identifier(contact, "contact").length() > 100) {
            throw InvalidInputException.of("contact", "must be 1 to 100 characters");
        }
        Checks.notNull(author, "author");
        Text.identifier(authorId, "authorId");
        authorName = Text.text(Text.truncate(authorName, 200), "authorName", 200);
        Text.text(body, "body", MAX_BODY);
        Checks.notNull(at, "at");
    }

    /**
     * @return an id for an outbound message the channel gave none (e.g. not sent)
     */
    public static String generatedId() {
        return "local." + UUID.randomUUID();
    }

    /** Leaves the text out and masks the contact, so a message can be logged. */
    @Override
    public String toString() {
        return "ConversationMessage[id=" + id + ", author=" + author + ", contact=" + PhoneMasking.mask(contact)
                + ", at=" + at + ", body=(" + body.length() + " chars)]";
    }
}
