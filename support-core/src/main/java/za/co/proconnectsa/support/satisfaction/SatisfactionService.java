package za.co.proconnectsa.support.satisfaction;

import java.util.Optional;
import za.co.proconnectsa.support.access.Actor;

/**
 * Answers to satisfaction surveys ({@link za.co.proconnectsa.support.SupportDesk#satisfaction()}). A survey is asked
 * by the desk when a ticket is resolved (at most one per ticket, and at most one per requester within the desk's
 * survey interval); an answer is taken once, recorded on the survey and as a
 * {@link za.co.proconnectsa.support.ticket.AuditAction#SATISFACTION_RATED} audit event of the ticket, in one unit.
 */
public interface SatisfactionService {

    /**
     * Records a signed-in requester's answer on their own ticket.
     *
     * @param actor        the requester (support staff are refused: the answer is the requester's)
     * @param ticketNumber their ticket
     * @param score        1 (poor) to 5 (excellent)
     * @param comment      a comment, or {@code null}; stored exactly as given, up to
     *                     {@value SatisfactionSurvey#MAX_COMMENT_LENGTH} characters
     * @return the answered survey
     * @throws za.co.proconnectsa.support.InvalidInputException       for a score outside 1 to 5 or a bad comment
     * @throws za.co.proconnectsa.support.ticket.TicketNotFoundException for a ticket that is not theirs
     * @throws SurveyUnavailableException                           when no survey was asked or it was answered
     */
    SatisfactionSurvey answer(Actor actor, String ticketNumber, int score, String comment);

    /**
     * Records an answer given through the signed link of the survey's notification, for a requester who is not
     * signed in: the link's token stands for the requester.
     *
     * @param token   the {@code t} parameter of the link, as received
     * @param score   1 (poor) to 5 (excellent)
     * @param comment a comment, or {@code null}
     * @return the answered survey
     * @throws SurveyUnavailableException for a token this desk did not sign, or a survey already answered
     */
    SatisfactionSurvey answerWithLink(String token, int score, String comment);

    /**
     * The survey a signed link stands for, read without taking an answer: a page opened from the link can say at
     * once that the survey was answered already, or that the link is not valid, instead of after the requester has
     * filled in the form.
     *
     * @param token the {@code t} parameter of the link, as received
     * @return the survey, answered or not
     * @throws SurveyUnavailableException for a token this desk did not sign
     *                                    ({@link SurveyUnavailableException.Reason#INVALID_LINK}), or a ticket on
     *                                    which no survey was asked
     * @throws za.co.proconnectsa.support.ticket.TicketNotFoundException when the ticket is no longer held
     */
    SatisfactionSurvey surveyForLink(String token);

    /**
     * @param actor        support staff, or the ticket's requester
     * @param ticketNumber the ticket
     * @return its survey, if one was asked
     */
    Optional<SatisfactionSurvey> survey(Actor actor, String ticketNumber);
}
