package za.co.proconnectsa.support.whatsapp.inbox;

import java.util.Optional;
import za.co.proconnectsa.support.ticket.Message;
import za.co.proconnectsa.support.util.Checks;
import za.co.proconnectsa.support.whatsapp.cloud.SendOutcome;

/**
 * What became of an agent's reply on a ticket: it is always stored on the ticket; {@link #delivery()} says
 * whether it also reached the customer on WhatsApp.
 *
 * @param message  the reply as stored on the ticket
 * @param delivery whether and how it went out on WhatsApp
 * @param outcome  the Cloud API's answer, or {@code null} for {@link Delivery#NOT_ON_WHATSAPP}
 */
public record TicketReplyResult(Message message, Delivery delivery, SendOutcome outcome) {

    /** Whether and how a reply went out on WhatsApp. */
    public enum Delivery {
        /** Sent as a text: the customer-service window was open. */
        SENT,
        /** The window was closed: the configured approved template (with the ticket number) was sent instead. */
        TEMPLATE_SENT,
        /** The window was closed and no template is configured: not sent; an internal note on the ticket says so. */
        WINDOW_CLOSED,
        /** The Cloud API refused or failed: not sent; an internal note on the ticket says why. */
        FAILED,
        /** The ticket did not come from WhatsApp: stored on the ticket only. */
        NOT_ON_WHATSAPP
    }

    /** Checks the required components. */
    public TicketReplyResult {
        Checks.notNull(message, "message");
        Checks.notNull(delivery, "delivery");
    }

    /** @return the Cloud API's answer, if the reply was sent or tried */
    public Optional<SendOutcome> sendOutcome() {
        return Optional.ofNullable(outcome);
    }
}
