package za.co.proconnectsa.support.whatsapp.inbox.internal;

import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import za.co.proconnectsa.support.conversation.Conversation;
import za.co.proconnectsa.support.conversation.DeliveryPricing;
import za.co.proconnectsa.support.conversation.MessageDelivery;
import za.co.proconnectsa.support.spi.TicketStore;
import za.co.proconnectsa.support.whatsapp.inbox.WhatsAppInbox;
import za.co.proconnectsa.support.whatsapp.webhook.DeliveryError;
import za.co.proconnectsa.support.whatsapp.webhook.DeliveryStatus;
import za.co.proconnectsa.support.whatsapp.webhook.StatusUpdate;

/**
 * WhatsApp's status reports applied to the deliveries of the messages the inbox sent: each report moves its
 * message's line up ({@code SENT < DELIVERED < FAILED < READ}) and never back, keeps the report's pricing with it, and
 * a failure of a message on a ticket's conversation is noted on the ticket once.
 */
public final class DeliveryReports {

    // hosts set one log level for the whole inbox
    private static final Logger LOG = LoggerFactory.getLogger(WhatsAppInbox.class);

    private final ConversationLog conversations;
    private final TicketWriter writer;
    private final TicketStore tickets;

    /**
     * @param conversations the conversations and their deliveries
     * @param writer        notes on tickets
     * @param tickets       the desk's store, for the number of a conversation's ticket
     */
    public DeliveryReports(ConversationLog conversations, TicketWriter writer, TicketStore tickets) {
        this.conversations = conversations;
        this.writer = writer;
        this.tickets = tickets;
    }

    /** @param update a status report, applied once per stored report */
    public void apply(StatusUpdate update) {
        MessageDelivery.State state = stateOf(update.status());
        String detail = update.errors().isEmpty() ? null
                : update.errors().stream().map(DeliveryReports::describe).collect(Collectors.joining("; "));
        Optional<MessageDelivery> after = conversations.advanceDelivery(update.messageId(), state, detail,
                update.timestamp());
        if (after.isPresent() && update.pricing() != null) {
            // kept from every report (sent, delivered, read carry the same pricing), in the report's unit of work
            conversations.recordPricing(update.messageId(), new DeliveryPricing(update.pricing().model(),
                    update.pricing().category(), update.pricing().type()));
        }
        if (after.isEmpty()) {
            LOG.debug("A {} status for a WhatsApp message this inbox did not send ({}) was ignored", update.status(),
                    update.messageId());
            return;
        }
        // each report is applied once, and FAILED is reported once per message: this is the first time it failed
        if (state == MessageDelivery.State.FAILED && after.get().state() == MessageDelivery.State.FAILED) {
            noteFailure(after.get());
        }
    }

    private void noteFailure(MessageDelivery failed) {
        conversations.findMessage(failed.messageId())
                .flatMap(line -> conversations.find(line.conversationId()))
                .map(Conversation::ticketId)
                .flatMap(tickets::findById)
                .ifPresent(ticket -> writer.note(ticket.number().text(), "WhatsApp could not deliver a message to the customer"
                        + (failed.detail() == null ? "" : " (" + failed.detail() + ")")
                        + "; check the customer's chat before repeating it."));
    }

    private static MessageDelivery.State stateOf(DeliveryStatus status) {
        return switch (status) {
            case SENT -> MessageDelivery.State.SENT;
            case DELIVERED -> MessageDelivery.State.DELIVERED;
            case FAILED -> MessageDelivery.State.FAILED;
            case READ -> MessageDelivery.State.READ;
        };
    }

    private static String describe(DeliveryError error) {
        return "error " + error.code() + ": " + error.title();
    }
}
