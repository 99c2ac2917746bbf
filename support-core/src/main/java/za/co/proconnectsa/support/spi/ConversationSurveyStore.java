package za.co.proconnectsa.support.spi;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import za.co.proconnectsa.support.satisfaction.ConversationSurvey;

/**
 * Where a store keeps the satisfaction surveys of WhatsApp conversations closed without a ticket. The in-memory and
 * JDBC stores implement it; a host's store proves it with {@code ConversationSurveyContract} from
 * {@code support-testing}.
 *
 * <p>Rules every store keeps: at most one survey per conversation, even when two units open one at once; an answer
 * is recorded once; comments read back exactly; calls join the unit of work running on the thread.
 */
public interface ConversationSurveyStore {

    /**
     * Stores a new unanswered survey, unless the conversation has one.
     *
     * @param survey the survey
     * @return {@code true} when stored, {@code false} when the conversation had one already
     */
    boolean openConversationSurvey(ConversationSurvey survey);

    /**
     * @param surveyId a survey's id
     * @return the survey
     */
    Optional<ConversationSurvey> findConversationSurvey(UUID surveyId);

    /**
     * @param conversationId a conversation
     * @return its survey
     */
    Optional<ConversationSurvey> findConversationSurveyOf(UUID conversationId);

    /**
     * @param contact a WhatsApp contact
     * @return when they were last asked about a conversation
     */
    Optional<Instant> lastConversationSurveyAsked(String contact);

    /**
     * Records the answer of an unanswered survey.
     *
     * @param surveyId the survey
     * @param score    1 to 5
     * @param comment  the comment, or {@code null}
     * @param at       when
     * @return whether it was recorded ({@code false}: no such survey, or answered already)
     */
    boolean recordConversationAnswer(UUID surveyId, int score, String comment, Instant at);

    /**
     * The answers given to the surveys of conversations asked in a period, for the analytics' WhatsApp CSAT.
     *
     * @param from the period's first instant
     * @param to   its end (exclusive)
     * @return the answers, the sum of their scores and those scoring 4 or 5
     */
    AnalyticsStore.SatisfactionCounts conversationSatisfactionCounts(Instant from, Instant to);
}
