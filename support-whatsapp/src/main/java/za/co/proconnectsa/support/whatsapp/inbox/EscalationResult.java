package za.co.proconnectsa.support.whatsapp.inbox;

import java.util.Optional;
import za.co.proconnectsa.support.conversation.Conversation;
import za.co.proconnectsa.support.ticket.SubmissionReceipt;
import za.co.proconnectsa.support.internal.Checks;
import za.co.proconnectsa.support.whatsapp.cloud.SendOutcome;

/**
 * A conversation that became a ticket.
 *
 * @param conversation the conversation, ESCALATED and joined to the ticket
 * @param receipt      the ticket's receipt: CREATED, or LINKED_TO_EXISTING when the contact already had the same
 *                     request open, or REPLAYED when this conversation was escalated before
 * @param sent         what became of the message telling the customer the ticket number; {@code null} when the
 *                     conversation was already joined to the ticket and the customer already told, or when the
 *                     message was queued for {@link WhatsAppInbox#sendWorker()} (the store keeps a job queue)
 */
public record EscalationResult(Conversation conversation, SubmissionReceipt receipt, SendOutcome sent) {

    /**
     * Checks the components.
     *
     * @param conversation the conversation, ESCALATED and joined to the ticket
     * @param receipt the ticket's receipt: CREATED, or LINKED_TO_EXISTING when the contact already had the same request open, or REPLAYED when this conversation was escalated before
     * @param sent what became of the message telling the customer the ticket number; {@code null} when the conversation was already joined to the ticket and the customer already told, or when the message was queued for {@link WhatsAppInbox#sendWorker()} (the store keeps a job queue)
     */
    public EscalationResult {
        Checks.notNull(conversation, "conversation");
        Checks.notNull(receipt, "receipt");
    }

    /** @return what became of the ticket-number message, if one was sent now */
    public Optional<SendOutcome> notice() {
        return Optional.ofNullable(sent);
    }
}
