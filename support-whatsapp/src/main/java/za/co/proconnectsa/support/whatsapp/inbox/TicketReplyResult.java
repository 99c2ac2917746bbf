package za.co.proconnectsa.support.whatsapp.inbox;

import java.util.Optional;
import za.co.proconnectsa.support.ticket.Message;
import za.co.proconnectsa.support.internal.Checks;
import za.co.proconnectsa.support.whatsapp.cloud.SendOutcome;

/**
 * What became of an agent's reply on a ticket: it is always stored on the ticket; {@link #delivery()} says
 * whether it was also queued for the customer on WhatsApp, and {@link #transcriptMessageId()} names the line whose
 * {@link za.co.proconnectsa.support.conversation.MessageDelivery} follows it from there.
 *
 * @param message             the reply as stored on the ticket
 * @param delivery            whether and how it was queued on WhatsApp
 * @param transcriptMessageId the WhatsApp transcript line that records it, or {@code null} when nothing was queued
 * @param refusal             why nothing was queued ({@code RequiresTemplate} when the window was closed,
 *                            {@code Failed} when the contact has no phone number), or {@code null}
 */
public record TicketReplyResult(Message message, ReplyDelivery delivery, String transcriptMessageId,
        SendOutcome refusal) {

    /**
     * Checks the required components.
     *
     * @param message the reply as stored on the ticket
     * @param delivery whether and how it was queued on WhatsApp
     * @param transcriptMessageId the WhatsApp transcript line that records it, or {@code null} when nothing was queued
     * @param refusal why nothing was queued ({@code RequiresTemplate} when the window was closed, {@code Failed} when the contact has no phone number), or {@code null}
     */
    public TicketReplyResult {
        Checks.notNull(message, "message");
        Checks.notNull(delivery, "delivery");
    }

    /** @return the transcript line whose delivery follows the reply, when it was queued */
    public Optional<String> transcriptLine() {
        return Optional.ofNullable(transcriptMessageId);
    }
}
