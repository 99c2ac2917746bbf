package za.co.proconnectsa.support.satisfaction;

import java.time.Instant;
import java.util.Optional;
import za.co.proconnectsa.support.ticket.TicketId;
import za.co.proconnectsa.support.internal.Checks;

/**
 * The satisfaction survey of one ticket: at most one per ticket.
 *
 * @param ticketId     the ticket
 * @param ticketNumber its number
 * @param requesterId  who was asked
 * @param askedAt      when it was asked
 * @param score        the answer from 1 (poor) to 5 (excellent), or {@code null} while unanswered
 * @param comment      the requester's comment, exactly as given, or {@code null}
 * @param answeredAt   when it was answered, or {@code null}
 */
public record SatisfactionSurvey(TicketId ticketId, String ticketNumber, String requesterId, Instant askedAt,
        Integer score, String comment, Instant answeredAt) {

    /** The longest comment, in characters. */
    public static final int MAX_COMMENT_LENGTH = 2000;

    /**
     * Checks the components.
     *
     * @param ticketId the ticket
     * @param ticketNumber its number
     * @param requesterId who was asked
     * @param askedAt when it was asked
     * @param score the answer from 1 (poor) to 5 (excellent), or {@code null} while unanswered
     * @param comment the requester's comment, exactly as given, or {@code null}
     * @param answeredAt when it was answered, or {@code null}
     */
    public SatisfactionSurvey {
        Checks.notNull(ticketId, "ticketId");
        Checks.notNull(ticketNumber, "ticketNumber");
        Checks.notNull(requesterId, "requesterId");
        Checks.notNull(askedAt, "askedAt");
        if (score != null) {
            Checks.between(score, 1, 5, "score");
        }
    }

    /**
     * @param ticketId     the ticket
     * @param ticketNumber its number
     * @param requesterId  who is asked
     * @param askedAt      when
     * @return an unanswered survey
     */
    public static SatisfactionSurvey asked(TicketId ticketId, String ticketNumber, String requesterId, Instant askedAt) {
        return new SatisfactionSurvey(ticketId, ticketNumber, requesterId, askedAt, null, null, null);
    }

    /** @return the score, once answered */
    public Optional<Integer> answer() {
        return Optional.ofNullable(score);
    }

    /** @return whether the requester answered */
    public boolean answered() {
        return score != null;
    }
}
