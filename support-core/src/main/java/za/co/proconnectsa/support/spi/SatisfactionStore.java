package za.co.proconnectsa.support.spi;

import java.time.Instant;
import java.util.Optional;
import za.co.proconnectsa.support.satisfaction.SatisfactionSurvey;
import za.co.proconnectsa.support.ticket.TicketId;

/**
 * Where a store keeps satisfaction surveys. The in-memory and JDBC stores implement it; a host's store proves it with
 * {@code SatisfactionContract} from {@code support-testing}.
 *
 * <p>Rules every store keeps: at most one survey per ticket, even when two units open one at once; an answer is
 * recorded once; texts read back exactly; calls join the unit of work running on the thread.
 */
public interface SatisfactionStore {

    /**
     * Stores a new unanswered survey, unless the ticket has one.
     *
     * @param survey the survey
     * @return {@code true} when stored, {@code false} when the ticket had one already
     */
    boolean openSurvey(SatisfactionSurvey survey);

    /**
     * @param ticketId the ticket
     * @return its survey
     */
    Optional<SatisfactionSurvey> findSurvey(TicketId ticketId);

    /**
     * @param requesterId a requester
     * @return when they were last asked, on any ticket
     */
    Optional<Instant> lastSurveyAsked(String requesterId);

    /**
     * Records the answer of an unanswered survey.
     *
     * @param ticketId the ticket
     * @param score    1 to 5
     * @param comment  the comment, or {@code null}
     * @param at       when
     * @return whether it was recorded ({@code false}: no survey, or answered already)
     */
    boolean recordAnswer(TicketId ticketId, int score, String comment, Instant at);
}
