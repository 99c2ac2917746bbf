package za.co.proconnectsa.support.satisfaction;

import java.time.Instant;
import java.util.UUID;
import za.co.proconnectsa.support.internal.Checks;

/**
 * The satisfaction survey of one WhatsApp conversation that closed without becoming a ticket: at most one per
 * conversation. Its id is random, so a reply button carrying it cannot be guessed for another conversation.
 *
 * @param id                 the survey's id (random)
 * @param conversationId     the conversation
 * @param conversationNumber its number, e.g. {@code WA-000042}
 * @param contact            who was asked (the conversation's contact)
 * @param askedAt            when it was asked
 * @param score              the answer from 1 (poor) to 5 (excellent), or {@code null} while unanswered
 * @param comment            the contact's comment, exactly as given, or {@code null}
 * @param answeredAt         when it was answered, or {@code null}
 */
public record ConversationSurvey(UUID id, UUID conversationId, String conversationNumber, String contact,
        Instant askedAt, Integer score, String comment, Instant answeredAt) {

    /**
     * Checks the components.
     *
     * @param id the survey's id (random)
     * @param conversationId the conversation
     * @param conversationNumber its number, e.g. {@code WA-000042}
     * @param contact who was asked (the conversation's contact)
     * @param askedAt when it was asked
     * @param score the answer from 1 (poor) to 5 (excellent), or {@code null} while unanswered
     * @param comment the contact's comment, exactly as given, or {@code null}
     * @param answeredAt when it was answered, or {@code null}
     */
    public ConversationSurvey {
        Checks.notNull(id, "id");
        Checks.notNull(conversationId, "conversationId");
        Checks.notNull(conversationNumber, "conversationNumber");
        Checks.notNull(contact, "contact");
        Checks.notNull(askedAt, "askedAt");
        if (score != null) {
            Checks.between(score, 1, 5, "score");
        }
    }

    /**
     * @param conversationId     the conversation
     * @param conversationNumber its number
     * @param contact            who is asked
     * @param askedAt            when
     * @return an unanswered survey with a new random id
     */
    public static ConversationSurvey asked(UUID conversationId, String conversationNumber, String contact,
            Instant askedAt) {
        return new ConversationSurvey(UUID.randomUUID(), conversationId, conversationNumber, contact, askedAt, null,
                null, null);
    }

    /** @return whether the contact answered */
    public boolean answered() {
        return score != null;
    }
}
