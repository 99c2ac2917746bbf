package za.co.proconnectsa.support.ticket;

import java.time.Instant;
import za.co.proconnectsa.support.internal.Checks;

/**
 * What a host shows after a submission: the ticket number, its status and a confirmation text
 * ready to show as the success message.
 *
 * @param ticketId         the ticket's identity
 * @param ticketNumber     the number the requester quotes
 * @param status           the ticket's status now
 * @param outcome          whether a new ticket was created, the request was linked to an open one, or a retry was recognised
 * @param submittedAt      when the ticket was submitted (the first submission's time on a retry)
 * @param confirmationText the success message, in the desk's locale; with SLA policies it says when the first
 *                         reply is due ("We will reply by Tue 10 Mar at 10:00.")
 * @param firstResponseDue when the first response is due under the desk's SLA policies, or {@code null} when the
 *                         desk has none, or its policy sets no first-response target
 */
public record SubmissionReceipt(
        TicketId ticketId,
        TicketNumber ticketNumber,
        TicketStatus status,
        Outcome outcome,
        Instant submittedAt,
        String confirmationText,
        Instant firstResponseDue) {

    /** What happened to the submission. */
    public enum Outcome {
        /** A new ticket was created. */
        CREATED,
        /** The same requester already had an open ticket with the same request; it was linked to that ticket. */
        LINKED_TO_EXISTING,
        /** The idempotency key was seen before; this is the first submission's receipt again. */
        REPLAYED
    }

    /**
     * A receipt without an expected first response.
     *
     * @param ticketId         the ticket's identity
     * @param ticketNumber     the number the requester quotes
     * @param status           the ticket's status now
     * @param outcome          what happened to the submission
     * @param submittedAt      when the ticket was submitted
     * @param confirmationText the success message
     */
    public SubmissionReceipt(TicketId ticketId, TicketNumber ticketNumber, TicketStatus status, Outcome outcome,
            Instant submittedAt, String confirmationText) {
        this(ticketId, ticketNumber, status, outcome, submittedAt, confirmationText, null);
    }

    /**
     * Checks the components.
     *
     * @param ticketId the ticket's identity
     * @param ticketNumber the number the requester quotes
     * @param status the ticket's status now
     * @param outcome whether a new ticket was created, the request was linked to an open one, or a retry was recognised
     * @param submittedAt when the ticket was submitted (the first submission's time on a retry)
     * @param confirmationText the success message, in the desk's locale; with SLA policies it says when the first reply is due ("We will reply by Tue 10 Mar at 10:00.")
     * @param firstResponseDue when the first response is due under the desk's SLA policies, or {@code null} when the desk has none, or its policy sets no first-response target
     */
    public SubmissionReceipt {
        Checks.notNull(ticketId, "ticketId");
        Checks.notNull(ticketNumber, "ticketNumber");
        Checks.notNull(status, "status");
        Checks.notNull(outcome, "outcome");
        Checks.notNull(submittedAt, "submittedAt");
        Checks.notNull(confirmationText, "confirmationText");
    }

    /** @return when the first response is due under the desk's SLA policies, if they set a target */
    public java.util.Optional<Instant> expectedFirstResponse() {
        return java.util.Optional.ofNullable(firstResponseDue);
    }

    /** @return whether this submission created a new ticket */
    public boolean createdNewTicket() {
        return outcome == Outcome.CREATED;
    }
}
