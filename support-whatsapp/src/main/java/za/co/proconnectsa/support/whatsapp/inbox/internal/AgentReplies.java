package za.co.proconnectsa.support.whatsapp.inbox.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import za.co.proconnectsa.support.SupportDesk;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.conversation.Conversation;
import za.co.proconnectsa.support.conversation.ConversationStatus;
import za.co.proconnectsa.support.spi.TicketStore;
import za.co.proconnectsa.support.ticket.Message;
import za.co.proconnectsa.support.ticket.Reply;
import za.co.proconnectsa.support.ticket.Ticket;
import za.co.proconnectsa.support.ticket.TicketNotFoundException;
import za.co.proconnectsa.support.internal.Checks;
import za.co.proconnectsa.support.internal.Text;
import za.co.proconnectsa.support.whatsapp.automation.ResponseTemplates;
import za.co.proconnectsa.support.whatsapp.cloud.SendOutcome;
import za.co.proconnectsa.support.whatsapp.cloud.WhatsAppCloudClient;
import za.co.proconnectsa.support.whatsapp.inbox.ConversationReplyResult;
import za.co.proconnectsa.support.whatsapp.inbox.ReplyDelivery;
import za.co.proconnectsa.support.whatsapp.inbox.TicketReplyResult;

/**
 * Agents' answers to customers: in a chat, or on a ticket that came from WhatsApp, window-aware (a text inside the
 * 24-hour window, else the approved template if one is configured). Answers are queued, never sent on the agent's
 * thread; an internal note on the ticket says when an answer could not be queued, and the send queue notes one that
 * could not be delivered.
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
     * An agent answers in a conversation: on an escalated one as a reply on its ticket, else as a text queued when the
     * window is open.
     *
     * @throws InvalidInputException when the text is blank or too long (nothing is stored or queued)
     */
    public ConversationReplyResult inConversation(Actor agent, Conversation c, String text) {
        checkText(text);
        if (c.status() == ConversationStatus.ESCALATED && c.ticketId() != null) {
            Ticket ticket = tickets.findById(c.ticketId()).orElseThrow(() -> new TicketNotFoundException(c.ticketId().toString()));
            TicketReplyResult result = onTicket(agent, ticket.number().text(), text);
            return new ConversationReplyResult(result.delivery(), result.transcriptMessageId(), result.refusal());
        }
        if (!OutboundMessages.canSendTo(c.contact())) {
            return new ConversationReplyResult(ReplyDelivery.FAILED, null, OutboundMessages.noNumber());
        }
        Optional<SendOutcome.RequiresTemplate> closed = outbound.windowClosed(c);
        if (closed.isPresent()) {
            return new ConversationReplyResult(ReplyDelivery.WINDOW_CLOSED, null, closed.get());
        }
        String cause = "agent-reply:" + UUID.randomUUID();
        OutboundMessages.Sent out = tickets.inTransaction(() -> outbound.fromAgent(c, agent, text, cause, null));
        return new ConversationReplyResult(ReplyDelivery.QUEUED, out.lineId(), null);
    }

    /**
     * @return the quick response's text, its {@code {name}} and {@code {ticket}} filled from the conversation
     * @throws InvalidInputException when the template is unknown or a value is missing
     */
    public String quickResponse(Conversation c, String templateName, Map<String, ?> values) {
        Map<String, Object> all = new HashMap<>(Checks.notNull(values, "values"));
        // {name} and {ticket} come from the conversation, whatever the caller passed
        all.put("name", Contact.of(c).name());
        c.ticket().flatMap(tickets::findById).ifPresent(t -> all.put("ticket", t.number().text()));
        return templates.render(templateName, all);
    }

    /**
     * An agent replies on a ticket; when the ticket came from WhatsApp and the agent is support staff the reply is
     * also queued for the customer there, in the same unit of work: the reply, its send (keyed by the reply) and any
     * note commit together or not at all.
     *
     * @throws InvalidInputException when the text is blank or too long (nothing is stored or queued)
     */
    public TicketReplyResult onTicket(Actor agent, String ticketNumber, String text) {
        checkText(text);
        return tickets.inTransaction(() -> {
            Message message = desk.tickets().reply(agent, ticketNumber, Reply.publicReply(text));
            Optional<Conversation> found = conversations.findByTicket(message.ticketId());
            if (found.isEmpty() || !agent.role().isSupport()) {
                return new TicketReplyResult(message, ReplyDelivery.NOT_ON_WHATSAPP, null, null);
            }
            Conversation c = found.get();
            String number = ticketNumber.strip();
            if (!OutboundMessages.canSendTo(c.contact())) {
                SendOutcome refusal = OutboundMessages.noNumber();
                writer.note(number, "This reply was not sent on WhatsApp: " + OutboundMessages.describe(refusal) + ".");
                return new TicketReplyResult(message, ReplyDelivery.FAILED, null, refusal);
            }
            Optional<SendOutcome.RequiresTemplate> closed = outbound.windowClosed(c);
            if (closed.isEmpty()) {
                OutboundMessages.Sent out = outbound.fromAgent(c, agent, text, "ticket-reply:" + message.id(), number);
                return new TicketReplyResult(message, ReplyDelivery.QUEUED, out.lineId(), null);
            }
            if (windowClosedTemplate == null) {
                writer.note(number, "This reply was not sent on WhatsApp: " + OutboundMessages.describe(closed.get())
                        + ". Only an approved template can reach the customer now.");
                return new TicketReplyResult(message, ReplyDelivery.WINDOW_CLOSED, null, closed.get());
            }
            OutboundMessages.Sent out = outbound.template(c, windowClosedTemplate, windowClosedLanguage, number,
                    "ticket-reply-template:" + message.id(), number);
            return new TicketReplyResult(message, ReplyDelivery.TEMPLATE_QUEUED, out.lineId(), null);
        });
    }

    private static void checkText(String text) {
        if (text == null || text.isBlank() || text.length() > WhatsAppCloudClient.MAX_TEXT_BODY) {
            throw InvalidInputException.of("text", "must be 1 to " + WhatsAppCloudClient.MAX_TEXT_BODY + " characters");
        }
        Text.text(text, "text", WhatsAppCloudClient.MAX_TEXT_BODY);
    }
}
