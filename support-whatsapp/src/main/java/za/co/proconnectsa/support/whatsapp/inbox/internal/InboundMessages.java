package za.co.proconnectsa.support.whatsapp.inbox.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import za.co.proconnectsa.support.SupportDesk;
import za.co.proconnectsa.support.SupportException;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.access.Permission;
import za.co.proconnectsa.support.conversation.Conversation;
import za.co.proconnectsa.support.conversation.ConversationMessage.Author;
import za.co.proconnectsa.support.conversation.ConversationMessage;
import za.co.proconnectsa.support.conversation.ConversationNotFoundException;
import za.co.proconnectsa.support.conversation.ConversationStatus;
import za.co.proconnectsa.support.satisfaction.SatisfactionSurvey;
import za.co.proconnectsa.support.satisfaction.SurveyUnavailableException;
import za.co.proconnectsa.support.spi.TicketStore;
import za.co.proconnectsa.support.ticket.Ticket;
import za.co.proconnectsa.support.ticket.TicketNotFoundException;
import za.co.proconnectsa.support.ticket.TicketNumber;
import za.co.proconnectsa.support.ticket.TicketStatus;
import za.co.proconnectsa.support.internal.PhoneMasking;
import za.co.proconnectsa.support.whatsapp.ReferenceCode;
import za.co.proconnectsa.support.whatsapp.automation.AutoReply;
import za.co.proconnectsa.support.whatsapp.automation.AutoResponder;
import za.co.proconnectsa.support.whatsapp.inbox.ContactDirectory;
import za.co.proconnectsa.support.whatsapp.inbox.EscalationResult;
import za.co.proconnectsa.support.whatsapp.inbox.InboundResult;
import za.co.proconnectsa.support.whatsapp.inbox.WhatsAppInbox;
import za.co.proconnectsa.support.whatsapp.webhook.InboundMessage;

/**
 * Where each inbound message goes: the contact's own ticket it names, the ticket the conversation already is, a new
 * ticket by the escalation rules, or the conversation, where the auto-responder may answer it. A message recorded
 * before is not recorded twice, and one that lost a race with another message of the contact is handled again.
 */
public final class InboundMessages {

    // hosts set one log level for the whole inbox
    private static final Logger LOG = LoggerFactory.getLogger(WhatsAppInbox.class);

    private final SupportDesk desk;
    private final TicketStore tickets;
    private final ContactDirectory contacts;
    private final AutoResponder responder;
    private final ConversationLog conversations;
    private final Escalations escalations;
    private final OutboundMessages outbound;
    private final TicketWriter writer;
    private final ConversationSurveys surveys;
    /** How this desk's ticket numbers look: a code of this shape is never kept as a page code. */
    private final Pattern ticketNumberShape;

    /**
     * @param desk          the desk, whose tickets messages may reach
     * @param tickets       the desk's store, read for tickets the desk's service does not hand out
     * @param contacts      who contacts are in the host's application
     * @param responder     answers quick questions and out-of-hours messages
     * @param conversations conversation state
     * @param escalations   makes conversations tickets
     * @param outbound      sends automated answers
     * @param writer        writes messages on tickets
     * @param surveys       the surveys of conversations closed without a ticket, or {@code null} when none are asked
     */
    public InboundMessages(SupportDesk desk, TicketStore tickets, ContactDirectory contacts, AutoResponder responder,
            ConversationLog conversations, Escalations escalations, OutboundMessages outbound, TicketWriter writer,
            ConversationSurveys surveys) {
        this.surveys = surveys;
        this.desk = desk;
        this.tickets = tickets;
        this.contacts = contacts;
        this.responder = responder;
        this.conversations = conversations;
        this.escalations = escalations;
        this.outbound = outbound;
        this.writer = writer;
        this.ticketNumberShape = Pattern.compile(Pattern.quote(desk.ticketNumberFormat().prefix()) + "-[0-9]+");
    }

    /**
     * Records one inbound message and acts on it; see {@link WhatsAppInbox#ingest}.
     *
     * @param message a verified inbound message
     * @return what was done
     */
    public InboundResult ingest(InboundMessage message) {
        Instant at = message.timestamp().truncatedTo(ChronoUnit.MICROS);
        Contact contact = Contact.of(message, conversations.contactKey(message.sender(), at), contacts);
        String body = Transcripts.words(message);

        Optional<ReferenceCode> reference = message.text() == null ? Optional.empty() : ReferenceCode.find(message.text());
        Optional<Ticket> referenced = reference.flatMap(code -> ownTicket(contact, code.value()));
        // a page code says where the chat started; a ticket number is kept only by joining the contact's own ticket
        String pageCode = referenced.isPresent() ? null
                : reference.map(ReferenceCode::value).filter(code -> !ticketNumberShape.matcher(code).matches())
                        .orElse(null);
        return ConversationLog.retries().handle(ActiveConversationChanged.class)
                .onRetry((e, n) -> LOG.debug("Conversation of {} changed concurrently, attempt {}",
                        PhoneMasking.mask(contact.id()), n))
                .onRetriesExceeded(e -> e instanceof SupportException s ? s : new SupportException("The conversation of "
                        + PhoneMasking.mask(contact.id()) + " kept changing; try again", e))
                .build().get(() -> {
            Optional<ConversationMessage> recorded = conversations.findMessage(message.messageId());
            if (recorded.isPresent()) {
                Conversation in = conversations.find(recorded.get().conversationId()).orElseThrow(() ->
                        new ConversationNotFoundException(recorded.get().conversationId().toString()));
                LOG.debug("WhatsApp message {} is already in conversation {}", message.messageId(), in.number());
                if (in.status() == ConversationStatus.OPEN) {
                    // recorded, then interrupted before escalating: escalation is idempotent, so decide again
                    Optional<InboundResult> escalated = escalateByRule(contact, in, message, body);
                    if (escalated.isPresent()) {
                        return escalated.get();
                    }
                }
                return new InboundResult(InboundResult.Outcome.DUPLICATE, in, null, null, null);
            }
            Optional<Conversation> active = conversations.findActive(contact.id());
            ConversationMessage record = new ConversationMessage(message.messageId(), UUID.randomUUID(), contact.id(),
                    Author.CUSTOMER, contact.id(), contact.name(), body, at);
            Optional<SurveyButtons.Answer> surveyAnswer = SurveyButtons.answer(message);
            if (surveyAnswer.isPresent()) {
                return surveyAnswered(contact, active, record, surveyAnswer.get());
            }
            if (referenced.isPresent() && referenced.get().status() != TicketStatus.CLOSED) {
                Ticket ticket = referenced.get();
                if (active.isPresent() && ticket.id().equals(active.get().ticketId())) {
                    return addToTicket(contact, active.get(), record, ticket);
                }
                return escalations.join(contact, active, record, ticket, message);
            }
            if (active.isPresent() && active.get().status() == ConversationStatus.ESCALATED) {
                Optional<Ticket> ticket = active.get().ticket().flatMap(tickets::findById);
                if (ticket.isPresent() && ticket.get().status() != TicketStatus.CLOSED) {
                    return addToTicket(contact, active.get(), record, ticket.get());
                }
                // the ticket was closed: this message starts afresh
                conversations.closeAsRead(active.get());
                active = Optional.empty();
            }
            Conversation conversation;
            if (active.isPresent()) {
                conversation = conversations.appendWhileActive(active.get(), record, contact);
                if (conversation.status() == ConversationStatus.ESCALATED) {
                    // escalated between our read and our write: the message belongs on the ticket
                    Ticket ticket = conversation.ticket().flatMap(tickets::findById)
                            .orElseThrow(ActiveConversationChanged::new);
                    writer.customerReply(contact, ticket, record.body());
                    return new InboundResult(InboundResult.Outcome.ADDED_TO_TICKET, conversation, ticket.number(),
                            null, null);
                }
            } else {
                conversation = conversations.start(contact, record, pageCode);
            }
            return automate(contact, conversation, message, body);
            });
    }

    /**
     * A tapped survey button: kept in the transcript (never added to the ticket, which it would reopen) and recorded
     * as the answer, once; a tap after the conversation closed is kept in a conversation closed at once, so that it
     * waits for no agent.
     */
    private InboundResult surveyAnswered(Contact contact, Optional<Conversation> active, ConversationMessage record,
            SurveyButtons.Answer answer) {
        Conversation conversation = active.isPresent() ? conversations.append(active.get(), record, contact)
                : conversations.closeAsRead(conversations.start(contact, record, null));
        if (answer.conversation()) {
            boolean recorded = surveys != null && surveys.answer(answer, contact.id());
            LOG.debug("WhatsApp conversation survey answer of {} {}", PhoneMasking.mask(contact.id()),
                    recorded ? "recorded" : "not recorded (answered already, or not this contact's survey)");
            return new InboundResult(InboundResult.Outcome.SURVEY_ANSWERED, conversation, null, null, null);
        }
        TicketNumber number = null;
        try {
            SatisfactionSurvey survey = desk.satisfaction().answerWithLink(answer.token(), answer.score(), null);
            number = tickets.findByNumber(survey.ticketNumber()).map(Ticket::number).orElse(null);
            LOG.debug("Satisfaction {} of {} recorded from a WhatsApp button", answer.score(),
                    PhoneMasking.mask(contact.id()));
        } catch (SurveyUnavailableException e) {
            // a second tap, or a survey this desk did not send: the transcript keeps the tap, nothing else changes
            LOG.debug("WhatsApp survey answer of {} not recorded: {}", PhoneMasking.mask(contact.id()), e.reason());
        }
        return new InboundResult(InboundResult.Outcome.SURVEY_ANSWERED, conversation, number, null, null);
    }

    private Optional<Ticket> ownTicket(Contact contact, String number) {
        try {
            // asked as the contact: someone else's ticket is "not found", never revealed or joined
            return tickets.findByNumber(number.strip())
                    .filter(t -> desk.accessPolicy().permits(contact.actor(), Permission.VIEW_TICKET, t));
        } catch (TicketNotFoundException | InvalidInputException e) {
            return Optional.empty();
        }
    }

    private InboundResult addToTicket(Contact contact, Conversation conversation, ConversationMessage record, Ticket ticket) {
        // the ticket first: a failure before the transcript is written gets the whole message delivered again
        writer.customerReply(contact, ticket, record.body());
        Conversation stored = conversations.append(conversation, record, contact);
        LOG.debug("WhatsApp message of {} added to ticket {}", PhoneMasking.mask(contact.id()), ticket.number());
        return new InboundResult(InboundResult.Outcome.ADDED_TO_TICKET, stored, ticket.number(), null, null);
    }

    private Optional<InboundResult> escalateByRule(Contact contact, Conversation conversation, InboundMessage message,
            String body) {
        Optional<EscalationResult> escalated = escalations.byRule(contact, conversation, message, body);
        return escalated.map(e -> new InboundResult(InboundResult.Outcome.ESCALATED, e.conversation(),
                e.receipt().ticketNumber(), null, e.notice().orElse(null)));
    }

    /** The rules may make the message a ticket; else the auto-responder may answer it; else it waits for an agent. */
    private InboundResult automate(Contact contact, Conversation conversation, InboundMessage message, String body) {
        Optional<InboundResult> escalated = escalateByRule(contact, conversation, message, body);
        if (escalated.isPresent()) {
            return escalated.get();
        }
        Instant now = conversations.now();
        List<ConversationMessage> transcript = conversations.messages(conversation);
        Instant lastNotice = transcript.stream()
                .filter(m -> m.author() == Author.AUTOMATED && m.authorId().equals(AutoResponder.OUT_OF_HOURS_SOURCE))
                .map(ConversationMessage::at).reduce((a, b) -> b).orElse(null);
        AutoReply decision = responder.decide(new AutoResponder.Inbound(message.text(), contact.id(), contact.name(), now,
                conversations.countMessages(contact.id(), Author.AUTOMATED, now.minus(responder.window())), lastNotice));
        if (decision instanceof AutoReply.Answer answer && OutboundMessages.canSendTo(contact.id())) {
            OutboundMessages.Sent out = outbound.automated(conversation, answer.text(), answer.source(),
                    message.messageId() + ":" + answer.source(), null, null);
            return new InboundResult(InboundResult.Outcome.AUTO_REPLIED, out.conversation(), null, decision, out.outcome());
        }
        return new InboundResult(InboundResult.Outcome.WAITING_FOR_AGENT, conversation, null, decision, null);
    }
}
