package za.co.proconnectsa.support.ticket;

import java.time.Instant;
import za.co.proconnectsa.support.util.Checks;

/**
 * What a host shows after a submission: the ticket number, its status and a confirmation text
 * ready to show as the success message.
 *
 * @param ticketId         the ticket's identity
 * @param ticketNumber     the number the requester quotes
 * @param status           the ticket's status now
 * @param outcome          whether a new ticket was created, the request was linked to an open one, or a retry was recognised
 * @param submittedAt      when the ticket was submitted (the first submission's time on a retry)
 * @param confirmationText the success message, in the desk's locale
 */
public record SubmissionReceipt(
        TicketId ticketId,
        TicketNumber ticketNumber,
        TicketStatus status,
        Outcome outcome,
        Instant submittedAt,
        String confirmationText) {

    /** What happened to the submission. */
    public enum Outcome {
        /** A new ticket was created. */
        CREATED,
        /** The same requester already had an open ticket with the same request; it was linked to that ticket. */
        LINKED_TO_EXISTING,
        /** The idempotency key was seen before; this is the first submission's receipt again. */
        REPLAYED
    }

    /** Checks the components. */
    public SubmissionReceipt {
        Checks.notNull(ticketId, "ticketId");
        Checks.notNull(ticketNumber, "ticketNumber");
        Checks.notNull(status, "status");
        Checks.notNull(outcome, "outcome");
        Checks.notNull(submittedAt, "submittedAt");
        Checks.notNull(confirmationText, "confirmationText");
    }

    /** @return whether this submission created a new ticket */
    public boolean createdNewTicket() {
        return outcome == Outcome.CREATED;
    }
}
