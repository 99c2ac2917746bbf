package za.co.proconnectsa.support.whatsapp.inbox.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import za.co.proconnectsa.support.SupportDesk;
import za.co.proconnectsa.support.ValidationException;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.conversation.Conversation;
import za.co.proconnectsa.support.conversation.ConversationStatus;
import za.co.proconnectsa.support.spi.TicketStore;
import za.co.proconnectsa.support.ticket.Message;
import za.co.proconnectsa.support.ticket.Reply;
import za.co.proconnectsa.support.ticket.Ticket;
import za.co.proconnectsa.support.ticket.TicketNotFoundException;
import za.co.proconnectsa.support.util.Checks;
import za.co.proconnectsa.support.util.Text;
import za.co.proconnectsa.support.whatsapp.automation.ResponseTemplates;
import za.co.proconnectsa.support.whatsapp.cloud.SendOutcome;
import za.co.proconnectsa.support.whatsapp.cloud.WhatsAppCloudClient;
import za.co.proconnectsa.support.whatsapp.inbox.TicketReplyResult;

/**
 * Agents' answers to customers: in a chat, or on a ticket that came from WhatsApp, window-aware (a text inside the
 * 24-hour window, else the approved template if one is configured), with an internal note on the ticket whenever an
 * answer did not reach the customer.
 */
public final class AgentReplies {

    private final SupportDesk desk;
    private final TicketStore tickets;
    private final ConversationLog conversations;
    private final OutboundMessages outbound;
    private final TicketWriter writer;
    private final ResponseTemplates templates;
    private final String windowClosedTemplate;
    private final String windowClosedLanguage;

    /**
     * @param desk                 the desk the tickets are on
     * @param tickets              the desk's store, read for tickets the desk's service does not hand out
     * @param conversations        conversation state
     * @param outbound             sends the answers
     * @param writer               writes the notes
     * @param templates            the agents' quick responses
     * @param windowClosedTemplate the approved template sent when the window is closed, or {@code null}
     * @param windowClosedLanguage its language, or {@code null}
     */
    public AgentReplies(SupportDesk desk, TicketStore tickets, ConversationLog conversations, OutboundMessages outbound, TicketWriter writer,
            ResponseTemplates templates, String windowClosedTemplate, String windowClosedLanguage) {
        this.desk = desk;
        this.tickets = tickets;
        this.conversations = conversations;
        this.outbound = outbound;
        this.writer = writer;
        this.templates = templates;
        this.windowClosedTemplate = windowClosedTemplate;
        this.windowClosedLanguage = windowClosedLanguage;
    }

    /**
     * An agent answers in a conversation: on an escalated one as a reply on its ticket, else as a text when the
     * window is open.
     *
     * @throws ValidationException when the text is blank or too long (nothing is sent)
     */
    public SendOutcome inConversation(Actor agent, Conversation c, String text) {
        checkText(text);
        if (c.status() == ConversationStatus.ESCALATED && c.ticketId() != null) {
            Ticket ticket = tickets.findById(c.ticketId()).orElseThrow(() -> new TicketNotFoundException(c.ticketId().toString()));
            TicketReplyResult result = onTicket(agent, ticket.number().text(), text);
            return result.outcome() != null ? result.outcome() : OutboundMessages.noNumber();
        }
        return outbound.fromAgent(c, agent, text).outcome();
    }

    /**
     * @return the quick response's text, its {@code {name}} and {@code {ticket}} filled from the conversation
     * @throws ValidationException when the template is unknown or a value is missing
     */
    public String quickResponse(Conversation c, String templateName, Map<String, ?> values) {
        Map<String, Object> all = new HashMap<>(Checks.notNull(values, "values"));
        // {name} and {ticket} come from the conversation, whatever the caller passed
        all.put("name", Contact.of(c).name());
        c.ticket().flatMap(tickets::findById).ifPresent(t -> all.put("ticket", t.number().text()));
        return templates.render(templateName, all);
    }

    /**
     * An agent replies on a ticket; when the ticket came from WhatsApp and the agent is support staff the reply also
     * goes to the customer there.
     *
     * @throws ValidationException when the text is blank or too long (nothing is stored or sent)
     */
    public TicketReplyResult onTicket(Actor agent, String ticketNumber, String text) {
        checkText(text);
        Message message = desk.tickets().reply(agent, ticketNumber, Reply.publicReply(text));
        Optional<Conversation> found = conversations.findByTicket(message.ticketId());
        if (found.isEmpty() || !agent.role().isSupport()) {
            return new TicketReplyResult(message, TicketReplyResult.Delivery.NOT_ON_WHATSAPP, null);
        }
        Conversation c = found.get();
        SendOutcome outcome = outbound.fromAgent(c, agent, text).outcome();
        String number = ticketNumber.strip();
        if (outcome instanceof SendOutcome.Sent) {
            return new TicketReplyResult(message, TicketReplyResult.Delivery.SENT, outcome);
        }
        if (outcome instanceof SendOutcome.RequiresTemplate closed) {
            return windowClosed(message, c, number, closed);
        }
        writer.note(number, OutboundMessages.outcomeUnknown(outcome)
                ? "This reply may or may not have reached WhatsApp (" + OutboundMessages.describe(outcome)
                        + "); it was not sent again, so check the customer's chat before repeating it."
                : "This reply was not delivered on WhatsApp: " + OutboundMessages.describe(outcome) + ".");
        return new TicketReplyResult(message, TicketReplyResult.Delivery.FAILED, outcome);
    }

    private TicketReplyResult windowClosed(Message message, Conversation c, String ticketNumber,
            SendOutcome.RequiresTemplate closed) {
        if (windowClosedTemplate == null) {
            writer.note(ticketNumber, "This reply was not sent on WhatsApp: " + OutboundMessages.describe(closed)
                    + ". Only an approved template can reach the customer now.");
            return new TicketReplyResult(message, TicketReplyResult.Delivery.WINDOW_CLOSED, closed);
        }
        SendOutcome outcome = outbound.template(c, windowClosedTemplate, windowClosedLanguage, ticketNumber).outcome();
        if (outcome instanceof SendOutcome.Sent) {
            return new TicketReplyResult(message, TicketReplyResult.Delivery.TEMPLATE_SENT, outcome);
        }
        writer.note(ticketNumber, "This reply was not sent on WhatsApp: " + OutboundMessages.describe(closed)
                + ", and the template " + windowClosedTemplate + " failed: " + OutboundMessages.describe(outcome) + ".");
        return new TicketReplyResult(message, TicketReplyResult.Delivery.FAILED, outcome);
    }

    private static void checkText(String text) {
        if (text == null || text.isBlank() || text.length() > WhatsAppCloudClient.MAX_TEXT_BODY) {
            throw ValidationException.of("text", "must be 1 to " + WhatsAppCloudClient.MAX_TEXT_BODY + " characters");
        }
        Text.text(text, "text", WhatsAppCloudClient.MAX_TEXT_BODY);
    }
}
