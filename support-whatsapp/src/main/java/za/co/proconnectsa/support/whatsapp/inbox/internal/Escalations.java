package za.co.proconnectsa.support.whatsapp.inbox.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import za.co.proconnectsa.support.SupportDesk;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.access.Role;
import za.co.proconnectsa.support.conversation.Conversation;
import za.co.proconnectsa.support.conversation.ConversationMessage.Author;
import za.co.proconnectsa.support.conversation.ConversationMessage;
import za.co.proconnectsa.support.conversation.ConversationStatus;
import za.co.proconnectsa.support.routing.Channel;
import za.co.proconnectsa.support.routing.RoutingDecision;
import za.co.proconnectsa.support.routing.RoutingPolicy;
import za.co.proconnectsa.support.routing.SupportRequest;
import za.co.proconnectsa.support.spi.ConversationInsert;
import za.co.proconnectsa.support.spi.IdempotencyKey;
import za.co.proconnectsa.support.spi.TicketStore;
import za.co.proconnectsa.support.ticket.Category;
import za.co.proconnectsa.support.ticket.Message;
import za.co.proconnectsa.support.ticket.NewTicket;
import za.co.proconnectsa.support.ticket.OriginChannel;
import za.co.proconnectsa.support.ticket.Priority;
import za.co.proconnectsa.support.ticket.SubmissionReceipt;
import za.co.proconnectsa.support.ticket.Ticket;
import za.co.proconnectsa.support.ticket.TicketNotFoundException;
import za.co.proconnectsa.support.internal.PhoneMasking;
import za.co.proconnectsa.support.whatsapp.ReferenceCode;
import za.co.proconnectsa.support.whatsapp.automation.ResponseTemplates;
import za.co.proconnectsa.support.whatsapp.cloud.SendOutcome;
import za.co.proconnectsa.support.whatsapp.inbox.EscalationResult;
import za.co.proconnectsa.support.whatsapp.inbox.InboundResult;
import za.co.proconnectsa.support.whatsapp.inbox.WhatsAppInbox;
import za.co.proconnectsa.support.whatsapp.webhook.InboundMessage;

/**
 * Conversations becoming tickets: by the escalation rules, by an agent, or by a message naming the contact's own
 * ticket. Each ticket is filed once per conversation, whatever is delivered twice or raced, and the customer is
 * told its number.
 */
public final class Escalations {

    // hosts set one log level for the whole inbox
    private static final Logger LOG = LoggerFactory.getLogger(WhatsAppInbox.class);

    private final SupportDesk desk;
    private final TicketStore tickets;
    private final RoutingPolicy policy;
    private final ConversationLog conversations;
    private final OutboundMessages outbound;
    private final TicketWriter writer;
    private final Transcripts transcripts;
    private final ResponseTemplates templates;

    /**
     * @param desk          the desk tickets are filed on
     * @param tickets       the desk's store, read for tickets the desk's service does not hand out
     * @param policy        the rules that make a conversation a ticket, or {@code null} for agents only
     * @param conversations conversation state
     * @param outbound      sends the ticket number to the customer
     * @param writer        writes the customer's messages and notes on tickets
     * @param transcripts   the ticket's subject and description
     * @param templates     the texts sent
     */
    public Escalations(SupportDesk desk, TicketStore tickets, RoutingPolicy policy, ConversationLog conversations, OutboundMessages outbound,
            TicketWriter writer, Transcripts transcripts, ResponseTemplates templates) {
        this.desk = desk;
        this.tickets = tickets;
        this.policy = policy;
        this.conversations = conversations;
        this.outbound = outbound;
        this.writer = writer;
        this.transcripts = transcripts;
        this.templates = templates;
    }

    /**
     * Escalates when the escalation rules route the message to a ticket.
     *
     * @param body the message's words
     * @return the escalation, or empty when the rules keep it a chat (or there are no rules)
     */
    public Optional<EscalationResult> byRule(Contact contact, Conversation conversation, InboundMessage message,
            String body) {
        if (policy == null) {
            return Optional.empty();
        }
        RoutingDecision decision = policy.route(SupportRequest.builder()
                .requester(contact.requesterId(), Role.REQUESTER)
                .text(body)
                // a screenshot or a document is a case file; a sticker or a voice note is chat
                .attachments(message.type() == InboundMessage.Type.IMAGE || message.type() == InboundMessage.Type.VIDEO
                        || message.type() == InboundMessage.Type.DOCUMENT)
                .origin(OriginChannel.WHATSAPP)
                .build(), conversations.now(), desk.businessHours(), null);
        if (decision.channel() != Channel.TICKET) {
            return Optional.empty();
        }
        LOG.info("WhatsApp conversation {} escalated by rule {}", conversation.number(), decision.ruleName());
        return Optional.of(escalate(conversation, contact.actor(), contact, decision.suggestedCategory(),
                decision.suggestedPriority(), body));
    }

    /**
     * An agent makes the conversation a ticket, about the customer's latest message.
     *
     * @throws InvalidInputException when the conversation is closed or already a ticket
     */
    public EscalationResult byAgent(Actor agent, Conversation conversation, Category category) {
        if (conversation.status() == ConversationStatus.CLOSED) {
            throw InvalidInputException.of("conversation", conversation.number() + " is closed; escalate an active conversation");
        }
        if (conversation.ticketId() != null) {
            String ticket = tickets.findById(conversation.ticketId()).map(t -> t.number().text())
                    .orElse(conversation.ticketId().toString());
            throw InvalidInputException.of("conversation", conversation.number() + " is already ticket " + ticket);
        }
        return escalate(conversation, agent, Contact.of(conversation), category, Priority.NORMAL, null);
    }

    /**
     * A message naming the contact's own open ticket: it becomes their reply on that ticket, and their chat joins the
     * ticket (an open chat was about it) or a new one on the ticket starts (an escalated or no chat).
     *
     * @param active the contact's active conversation, not yet on this ticket, if any
     */
    public InboundResult join(Contact contact, Optional<Conversation> active, ConversationMessage record, Ticket ticket,
            InboundMessage message) {
        // the ticket first, as for any message on a ticket: a failure after it repeats the reply rather than lose it
        String text = message.text() == null ? record.body() : ReferenceCode.remove(message.text()).strip();
        writer.customerReply(contact, ticket, text.isEmpty() ? record.body() : text);
        Conversation conversation;
        if (active.isPresent() && active.get().status() == ConversationStatus.OPEN) {
            // the chat so far was about this ticket: join it
            conversation = conversations.joinIfOpen(conversations.append(active.get(), record, contact), ticket.id());
        } else {
            if (active.isPresent()) {
                conversations.close(active.get());
            }
            ConversationInsert inserted = conversations.startOnTicket(contact, record, ticket.id());
            if (inserted instanceof ConversationInsert.ActiveExists other) {
                // another message of the contact started a conversation meanwhile: record this one there
                conversation = conversations.joinIfOpen(conversations.append(other.conversation(), record, contact),
                        ticket.id());
            } else {
                conversation = inserted.conversation();
            }
        }
        LOG.info("WhatsApp message of {} joined ticket {} through its reference code", PhoneMasking.mask(contact.id()),
                ticket.number());
        OutboundMessages.Sent out = tellTicketNumber(conversation, contact, ticket, ResponseTemplates.JOINED_TICKET,
                "joined-ticket", record.id() + ":joined-ticket",
                "The customer was not told on WhatsApp that their message reached this ticket: ");
        return new InboundResult(InboundResult.Outcome.JOINED_TICKET, out.conversation(), ticket.number(), null,
                out.outcome());
    }

    /** Files the conversation as a ticket; {@code trigger} is the message that decided it, or null for an agent's. */
    private EscalationResult escalate(Conversation conversation, Actor actor, Contact contact, Category category,
            Priority priority, String trigger) {
        IdempotencyKey key = new IdempotencyKey(contact.requesterId(), "whatsapp-escalation:" + conversation.id());
        Optional<Ticket> earlier = tickets.findByIdempotencyKey(key);
        if (earlier.isPresent()) {
            // escalated before, then interrupted (a redelivery): finish joining, never open a second ticket
            return link(conversation, contact, earlier.get(), replayed(earlier.get(), conversation), null);
        }
        List<ConversationMessage> snapshot = conversations.messages(conversation);
        // an agent's escalation is about the customer's latest message
        String about = trigger != null ? trigger : snapshot.stream().filter(m -> m.author() == Author.CUSTOMER)
                .map(ConversationMessage::body).reduce((first, last) -> last).orElse(conversation.number().text());
        NewTicket.Builder ticket = NewTicket.builder()
                .subject(Transcripts.subject(about))
                .body(transcripts.ticketBody(conversation, contact, snapshot))
                .category(category == null ? Category.GENERAL : category)
                .priority(priority == null ? Priority.NORMAL : priority)
                .origin(OriginChannel.WHATSAPP)
                .tag("whatsapp")
                .idempotencyKey(key.key());
        if (!actor.id().equals(contact.requesterId())) {
            ticket.onBehalfOf(contact.requesterId());
        }
        SubmissionReceipt receipt;
        try {
            receipt = desk.tickets().submit(actor, ticket.build());
        } catch (InvalidInputException e) {
            // another message of the same conversation escalated it a moment ago, from another transcript
            Optional<Ticket> raced = tickets.findByIdempotencyKey(key);
            if (raced.isEmpty()) {
                throw e;
            }
            return link(conversation, contact, raced.get(), replayed(raced.get(), conversation), null);
        }
        Ticket created = tickets.findById(receipt.ticketId())
                .orElseThrow(() -> new TicketNotFoundException(receipt.ticketNumber().text()));
        return link(conversation, contact, created, receipt,
                snapshot.stream().map(ConversationMessage::id).collect(Collectors.toSet()));
    }

    private static SubmissionReceipt replayed(Ticket t, Conversation conversation) {
        return new SubmissionReceipt(t.id(), t.number(), t.status(), SubmissionReceipt.Outcome.REPLAYED, t.createdAt(),
                "Ticket " + t.number() + " was already opened for " + conversation.number() + ".");
    }

    /**
     * Joins the conversation to the ticket, unless it already is, and puts on the ticket, as the customer's replies,
     * the customer messages its description does not hold. The join is written at the version the transcript was
     * read at, so exactly the messages recorded before it are looked at here; every later message sees the
     * conversation ESCALATED and goes to the ticket on its own.
     *
     * @param described the ids of the messages in the ticket's description, or {@code null} when not known (a
     *                  redelivery or a race): then the description itself is searched for each message's line
     */
    private EscalationResult link(Conversation conversation, Contact contact, Ticket ticket, SubmissionReceipt receipt,
            Set<String> described) {
        // only the read and the escalating write are retried; what follows runs once, on the write that won
        Joined joined = ConversationLog.retries().build().get(() -> {
            Conversation current = conversations.reread(conversation);
            if (ticket.id().equals(current.ticketId()) || current.status() != ConversationStatus.OPEN) {
                return new Joined(current, null, null);
            }
            List<ConversationMessage> transcript = conversations.messages(current);
            return new Joined(current, conversations.escalateAsRead(current, ticket.id()), transcript);
        });
        Conversation current = joined.current();
        if (joined.escalated() == null) {
            if (!ticket.id().equals(current.ticketId())) {
                writer.note(ticket.number().text(), "Conversation " + current.number() + " was " + current.status()
                        + " before this ticket could join it; its later messages stay in the conversation.");
            }
            // otherwise whoever joined it put the rest on the ticket and told the customer the number
            return new EscalationResult(current, receipt, null);
        }
        Conversation escalated = joined.escalated();
        for (ConversationMessage m : missingFromTicket(ticket, joined.transcript(), described)) {
            writer.customerReply(contact, ticket, m.body());
        }
        OutboundMessages.Sent out = tellTicketNumber(escalated, contact, ticket, ResponseTemplates.ESCALATED,
                "escalated", "escalated:" + escalated.id(),
                "The ticket number could not be sent to the customer on WhatsApp: ");
        return new EscalationResult(out.conversation(), receipt, out.outcome());
    }

    /** The conversation as last read and, when this ticket joined it, the escalated conversation and its transcript. */
    private record Joined(Conversation current, Conversation escalated, List<ConversationMessage> transcript) {
    }

    /** The customer's messages of the transcript that are neither in the ticket's description nor already replies. */
    private List<ConversationMessage> missingFromTicket(Ticket ticket, List<ConversationMessage> transcript,
            Set<String> described) {
        List<ConversationMessage> customer = transcript.stream().filter(m -> m.author() == Author.CUSTOMER).toList();
        if (described != null) {
            return customer.stream().filter(m -> !described.contains(m.id())).toList();
        }
        List<String> replies = tickets.messages(ticket.id()).stream().map(Message::body).toList();
        int firstDescribed = -1;
        for (int i = 0; i < customer.size() && firstDescribed < 0; i++) {
            if (transcripts.describes(ticket, customer.get(i))) {
                firstDescribed = i;
            }
        }
        List<ConversationMessage> missing = new ArrayList<>();
        // messages older than the first one described were cut from a long description: they are in the conversation
        for (int i = Math.max(firstDescribed, 0); i < customer.size(); i++) {
            ConversationMessage m = customer.get(i);
            if (!transcripts.describes(ticket, m) && !replies.contains(m.body())) {
                missing.add(m);
            }
        }
        return missing;
    }

    /**
     * Sends the customer one of the texts that carry the ticket number; when it cannot be sent, a note on the ticket
     * tells the agents, starting with {@code unsentNote}.
     */
    private OutboundMessages.Sent tellTicketNumber(Conversation conversation, Contact contact, Ticket ticket,
            String template, String source, String cause, String unsentNote) {
        Map<String, Object> values = Map.of("name", contact.name(), "ticket", ticket.number().text());
        OutboundMessages.Sent out = outbound.automated(conversation, templates.render(template, values), source, cause,
                ticket.number().text(), unsentNote);
        // a queued text (no outcome yet) is noted by the send queue if it cannot be delivered
        if (out.outcome() != null && !(out.outcome() instanceof SendOutcome.Sent)) {
            writer.note(ticket.number().text(), unsentNote + OutboundMessages.describe(out.outcome()) + ".");
        }
        return out;
    }
}
