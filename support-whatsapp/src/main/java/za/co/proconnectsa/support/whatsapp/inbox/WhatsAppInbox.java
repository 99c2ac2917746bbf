package za.co.proconnectsa.support.whatsapp.inbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import za.co.proconnectsa.support.ConcurrentModificationException;
import za.co.proconnectsa.support.SupportDesk;
import za.co.proconnectsa.support.SupportException;
import za.co.proconnectsa.support.ValidationException;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.access.Permission;
import za.co.proconnectsa.support.conversation.Conversation;
import za.co.proconnectsa.support.conversation.ConversationMessage;
import za.co.proconnectsa.support.conversation.ConversationMessage.Author;
import za.co.proconnectsa.support.conversation.ConversationNotFoundException;
import za.co.proconnectsa.support.conversation.ConversationNumber;
import za.co.proconnectsa.support.conversation.ConversationQuery;
import za.co.proconnectsa.support.conversation.ConversationStatus;
import za.co.proconnectsa.support.routing.AfterHours;
import za.co.proconnectsa.support.routing.Channel;
import za.co.proconnectsa.support.routing.RoutingDecision;
import za.co.proconnectsa.support.routing.RoutingPolicy;
import za.co.proconnectsa.support.routing.SupportRequest;
import za.co.proconnectsa.support.spi.ConversationInsert;
import za.co.proconnectsa.support.spi.ConversationStore;
import za.co.proconnectsa.support.spi.IdempotencyKey;
import za.co.proconnectsa.support.spi.TicketStore;
import za.co.proconnectsa.support.ticket.Category;
import za.co.proconnectsa.support.ticket.Message;
import za.co.proconnectsa.support.ticket.NewTicket;
import za.co.proconnectsa.support.ticket.OriginChannel;
import za.co.proconnectsa.support.ticket.Page;
import za.co.proconnectsa.support.ticket.Priority;
import za.co.proconnectsa.support.ticket.Reply;
import za.co.proconnectsa.support.ticket.SubmissionReceipt;
import za.co.proconnectsa.support.ticket.Ticket;
import za.co.proconnectsa.support.ticket.TicketNotFoundException;
import za.co.proconnectsa.support.ticket.TicketNumberFormat;
import za.co.proconnectsa.support.ticket.TicketStatus;
import za.co.proconnectsa.support.util.Checks;
import za.co.proconnectsa.support.util.ConflictRetry;
import za.co.proconnectsa.support.util.PhoneMasking;
import za.co.proconnectsa.support.util.Text;
import za.co.proconnectsa.support.whatsapp.ReferenceCode;
import za.co.proconnectsa.support.whatsapp.automation.AutoReply;
import za.co.proconnectsa.support.whatsapp.automation.AutoResponder;
import za.co.proconnectsa.support.whatsapp.automation.ResponseTemplates;
import za.co.proconnectsa.support.whatsapp.cloud.CustomerServiceWindow;
import za.co.proconnectsa.support.whatsapp.cloud.SendOutcome;
import za.co.proconnectsa.support.whatsapp.cloud.TemplateMessage;
import za.co.proconnectsa.support.whatsapp.cloud.WhatsAppCloudClient;
import za.co.proconnectsa.support.whatsapp.webhook.InboundMessage;
import za.co.proconnectsa.support.whatsapp.webhook.WebhookHandler;

/**
 * WhatsApp in and out of the desk: every inbound message lands in the contact's conversation (numbered, searchable,
 * with its transcript), quick questions are answered by the {@link AutoResponder}, billing and technical messages
 * become tickets with the transcript and the ticket number goes back to the customer, and agents answer from the
 * desk with the 24-hour window checked for them.
 *
 * <pre>{@code
 * WhatsAppInbox inbox = WhatsAppInbox.builder()
 *         .desk(desk)                                   // its store must keep conversations (in-memory or JDBC)
 *         .client(cloudClient)
 *         .autoResponder(AutoResponder.builder()
 *                 .faq(FaqEntry.of("payout-dates", "Payouts run every Friday.", "payout", "paid out"))
 *                 .businessHours(desk.businessHours())
 *                 .build())
 *         .build();
 * WebhookReceiver receiver = WebhookReceiver.builder()
 *         .appSecret(appSecret).processedMessages(store).handler(inbox).build();
 * }</pre>
 *
 * <p>What happens to an inbound message ({@link #ingest(InboundMessage)}):
 * <ol>
 *   <li>It is recorded in the contact's active conversation, or starts one ({@code WA-000042}).</li>
 *   <li>If it carries a reference code naming one of the contact's own tickets ({@code [ref: PCS-000042]} from a
 *       chat link on the ticket page), it is added to that ticket as the customer's reply. A code naming someone
 *       else's ticket is not followed: the ticket's existence is not revealed and nothing reaches it.</li>
 *   <li>If the conversation is already a ticket, the message becomes the customer's reply on it (reopening a
 *       pending or resolved ticket; a closed ticket starts a new conversation).</li>
 *   <li>Otherwise the escalation policy (routing rules) decides: billing, technical, account and error reports,
 *       attachments, long descriptions and explicit requests for a ticket make the conversation a ticket with the
 *       transcript, and the ticket number is sent back ({@link ResponseTemplates#ESCALATED}).</li>
 *   <li>Otherwise the auto-responder may answer (FAQ, out of hours), within its loop guards; else an agent will.</li>
 * </ol>
 *
 * <p>Failures: a store failure propagates (the {@link za.co.proconnectsa.support.whatsapp.webhook.WebhookReceiver}
 * then answers 500 and Meta delivers again; a message already recorded is not recorded twice). A failed send
 * never throws: it is in the result, logged, and for tickets written as an internal note. Phone numbers are masked
 * in every log line.
 *
 * <p>Thread-safe: concurrent messages of one contact are serialised by the conversation's version.
 */
public final class WhatsAppInbox implements WebhookHandler {

    private static final Logger LOG = LoggerFactory.getLogger(WhatsAppInbox.class);
    /** A message that lost a race for its conversation is tried again at least this many times... */
    private static final int MIN_ATTEMPTS = 8;
    /** ...and after that until this has passed since its first attempt. */
    private static final Duration RETRY_BUDGET = Duration.ofSeconds(10);
    private static final int SUBJECT_LENGTH = 80;
    private static final String TRANSCRIPT_CUT = "(%d earlier messages are in conversation %s)";

    private final SupportDesk desk;
    private final TicketStore tickets;
    private final ConversationStore store;
    private final WhatsAppCloudClient client;
    private final AutoResponder responder;
    private final RoutingPolicy escalationPolicy;
    private final ContactDirectory contacts;
    private final ResponseTemplates templates;
    private final TicketNumberFormat numberFormat;
    private final String windowClosedTemplate;
    private final String windowClosedLanguage;
    private final Actor system;
    private final Clock clock;
    private final DateTimeFormatter transcriptTime;

    private WhatsAppInbox(Builder b) {
        this.desk = b.desk;
        this.tickets = b.desk.store();
        this.store = b.conversations;
        this.client = b.client;
        this.responder = b.responder != null ? b.responder
                : AutoResponder.builder().businessHours(b.desk.businessHours()).templates(b.templates()).build();
        this.escalationPolicy = b.escalationPolicy;
        this.contacts = b.contacts;
        this.templates = b.templates();
        this.numberFormat = b.numberFormat;
        this.windowClosedTemplate = b.windowClosedTemplate;
        this.windowClosedLanguage = b.windowClosedLanguage;
        this.system = Actor.agent("whatsapp-inbox", b.automationName);
        this.clock = b.desk.clock();
        ZoneId zone = b.desk.businessHours().zone();
        this.transcriptTime = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH).withZone(zone);
    }

    /** @return a builder; the desk and the client are required */
    public static Builder builder() {
        return new Builder();
    }

    // ------------------------------------------------------------------------------------------- inbound

    /** Records the message and acts on it; see {@link #ingest(InboundMessage)}. */
    @Override
    public void onMessage(InboundMessage message) {
        ingest(message);
    }

    /**
     * Records one inbound message and acts on it, as described in the class documentation. Safe to call again with
     * the same message: a message already recorded is reported as {@link InboundResult.Outcome#DUPLICATE}.
     *
     * @param message a verified inbound message
     * @return what was done
     * @throws za.co.proconnectsa.support.StoreUnavailableException when the store fails (nothing half-written:
     *                                                              call again, e.g. through Meta's redelivery)
     */
    public InboundResult ingest(InboundMessage message) {
        Checks.notNull(message, "message");
        Contact contact = Contact.of(message, contacts);
        String body = describe(message);
        Instant at = message.timestamp().truncatedTo(ChronoUnit.MICROS);

        Optional<ReferenceCode> reference = message.text() == null ? Optional.empty() : ReferenceCode.find(message.text());
        Optional<Ticket> referenced = reference.flatMap(code -> ownTicket(contact, code.value()));
        ConflictRetry retries = ConflictRetry.start(MIN_ATTEMPTS, RETRY_BUDGET);
        while (true) {
            try {
                Optional<ConversationMessage> recorded = store.findConversationMessage(message.messageId());
                if (recorded.isPresent()) {
                    Conversation in = store.findConversation(recorded.get().conversationId()).orElseThrow(() ->
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
                Optional<Conversation> active = store.findActiveConversation(contact.id());
                ConversationMessage record = new ConversationMessage(message.messageId(), UUID.randomUUID(), contact.id(),
                        Author.CUSTOMER, contact.id(), contact.name(), body, at);
                if (referenced.isPresent() && referenced.get().status() != TicketStatus.CLOSED) {
                    return joinTicket(contact, active, record, referenced.get(), message);
                }
                if (active.isPresent() && active.get().status() == ConversationStatus.ESCALATED) {
                    Optional<Ticket> ticket = active.get().ticket().flatMap(tickets::findById);
                    if (ticket.isPresent() && ticket.get().status() != TicketStatus.CLOSED) {
                        return addToTicket(contact, active.get(), record, ticket.get());
                    }
                    // the ticket was closed: this message starts afresh
                    store.updateConversation(active.get().closedAt(now()), List.of());
                    active = Optional.empty();
                }
                Conversation conversation;
                if (active.isPresent()) {
                    conversation = appendWhileActive(active.get(), record, contact, at);
                    if (conversation.status() == ConversationStatus.ESCALATED) {
                        // escalated between our read and our write: the message belongs on the ticket
                        Ticket ticket = conversation.ticket().flatMap(tickets::findById)
                                .orElseThrow(ActiveConversationChanged::new);
                        desk.tickets().reply(contact.actor(), ticket.number().text(), Reply.publicReply(record.body()));
                        return new InboundResult(InboundResult.Outcome.ADDED_TO_TICKET, conversation, ticket.number(),
                                null, null);
                    }
                } else {
                    conversation = start(contact, record, reference.filter(r -> referenced.isEmpty())
                            .map(ReferenceCode::value).orElse(null), at);
                }
                return automate(contact, conversation, message, body);
            } catch (ConcurrentModificationException | ActiveConversationChanged e) {
                if (!retries.again()) {
                    throw e instanceof SupportException s ? s : new SupportException("The conversation of "
                            + PhoneMasking.mask(contact.id()) + " kept changing; try again", e);
                }
                LOG.debug("Conversation of {} changed concurrently, attempt {}", PhoneMasking.mask(contact.id()),
                        retries.attempts());
            }
        }
    }

    /** The sender as the inbox knows them. */
    private record Contact(String id, String name, String requesterId) {
        static Contact of(InboundMessage m, ContactDirectory directory) {
            String waId = m.sender().waId();
            String id = waId != null ? waId : m.sender().userId();
            String profile = m.sender().profileName();
            String name = profile == null || profile.isBlank() ? PhoneMasking.mask(id) : profile.strip();
            name = Text.truncate(name, 200);
            String requester = directory.requesterId(id, profile);
            if (requester == null || requester.isBlank() || requester.length() > 200) {
                throw ValidationException.of("requesterId", "the contact directory must give 1 to 200 characters");
            }
            return new Contact(id, name, requester);
        }

        Actor actor() {
            return Actor.requester(requesterId, name);
        }
    }

    /** Thrown when an insert found another active conversation in the way: start the message over. */
    private static final class ActiveConversationChanged extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ActiveConversationChanged() {
            super(null, null, false, false);
        }
    }

    private Optional<Ticket> ownTicket(Contact contact, String number) {
        try {
            // asked as the contact: someone else's ticket is "not found", never revealed or joined
            return Optional.of(desk.tickets().get(contact.actor(), number).ticket());
        } catch (TicketNotFoundException | ValidationException e) {
            return Optional.empty();
        }
    }

    private Conversation start(Contact contact, ConversationMessage record, String reference, Instant at) {
        Instant now = now();
        long seq = store.nextConversationSequence();
        Conversation fresh = new Conversation(UUID.randomUUID(), ConversationNumber.format(numberFormat, seq),
                contact.id(), contact.name(), contact.requesterId(), ConversationStatus.OPEN, null, reference, at,
                now, now, 1);
        ConversationInsert inserted = store.insertConversation(fresh, List.of(retarget(record, fresh)));
        if (inserted instanceof ConversationInsert.ActiveExists) {
            throw new ActiveConversationChanged();
        }
        LOG.info("WhatsApp conversation {} started by {}", fresh.number(), PhoneMasking.mask(contact.id()));
        return inserted.conversation();
    }

    /**
     * Records a customer message, re-reading the conversation when another message got in first: it runs after side
     * effects (a reply on the ticket), so it must not start the whole message over.
     */
    private Conversation append(Conversation conversation, ConversationMessage record, Contact contact, Instant at) {
        return updateRetrying(conversation, current -> received(current, contact, at),
                current -> List.of(retarget(record, current)));
    }

    /** As {@link #append}, before any side effect: a conversation closed meanwhile starts the message over. */
    private Conversation appendWhileActive(Conversation conversation, ConversationMessage record, Contact contact,
            Instant at) {
        return updateRetrying(conversation, current -> {
            if (!current.status().isActive()) {
                throw new ActiveConversationChanged();
            }
            return received(current, contact, at);
        }, current -> List.of(retarget(record, current)));
    }

    private Conversation received(Conversation current, Contact contact, Instant at) {
        Instant last = current.lastInboundAt() == null || at.isAfter(current.lastInboundAt()) ? at : current.lastInboundAt();
        return current.receivedAt(last, contact.name()).touchedAt(now());
    }

    private static ConversationMessage retarget(ConversationMessage m, Conversation c) {
        return new ConversationMessage(m.id(), c.id(), m.contact(), m.author(), m.authorId(), m.authorName(), m.body(),
                m.at());
    }

    private InboundResult joinTicket(Contact contact, Optional<Conversation> active, ConversationMessage record,
            Ticket ticket, InboundMessage message) {
        if (active.isPresent() && ticket.id().equals(active.get().ticketId())) {
            return addToTicket(contact, active.get(), record, ticket);
        }
        // the ticket first, as in addToTicket: a failure after it repeats the reply rather than lose it
        String text = message.text() == null ? record.body() : ReferenceCode.remove(message.text()).strip();
        desk.tickets().reply(contact.actor(), ticket.number().text(), Reply.publicReply(text.isEmpty() ? record.body() : text));
        Conversation conversation;
        if (active.isPresent() && active.get().status() == ConversationStatus.OPEN) {
            // the chat so far was about this ticket: join it
            Conversation appended = append(active.get(), record, contact, record.at());
            // only an open chat joins the ticket: one escalated or closed meanwhile keeps what it has
            conversation = updateRetrying(appended,
                    c -> c.status() == ConversationStatus.OPEN ? c.escalatedTo(ticket.id(), now()) : c);
        } else {
            if (active.isPresent()) {
                updateRetrying(active.get(), c -> c.closedAt(now()));
            }
            Instant now = now();
            Conversation fresh = new Conversation(UUID.randomUUID(),
                    ConversationNumber.format(numberFormat, store.nextConversationSequence()), contact.id(),
                    contact.name(), contact.requesterId(), ConversationStatus.ESCALATED, ticket.id(), null, record.at(),
                    now, now, 1);
            ConversationInsert inserted = store.insertConversation(fresh, List.of(retarget(record, fresh)));
            if (inserted instanceof ConversationInsert.ActiveExists other) {
                // another message of the contact started a conversation meanwhile: record this one there
                conversation = updateRetrying(append(other.conversation(), record, contact, record.at()),
                        c -> c.status() == ConversationStatus.OPEN ? c.escalatedTo(ticket.id(), now()) : c);
            } else {
                conversation = inserted.conversation();
            }
        }
        LOG.info("WhatsApp message of {} joined ticket {} through its reference code", PhoneMasking.mask(contact.id()),
                ticket.number());
        Map<String, Object> values = Map.of("name", contact.name(), "ticket", ticket.number().text());
        Sent out = sendAutomated(conversation, templates.render(ResponseTemplates.JOINED_TICKET, values),
                "joined-ticket");
        if (!(out.outcome() instanceof SendOutcome.Sent)) {
            note(ticket.number().text(), "The customer was not told on WhatsApp that their message reached this "
                    + "ticket: " + describe(out.outcome()) + ".");
        }
        return new InboundResult(InboundResult.Outcome.JOINED_TICKET, out.conversation(), ticket.number(), null,
                out.outcome());
    }

    private InboundResult addToTicket(Contact contact, Conversation conversation, ConversationMessage record, Ticket ticket) {
        // the ticket first: a failure before the transcript is written gets the whole message delivered again
        desk.tickets().reply(contact.actor(), ticket.number().text(), Reply.publicReply(record.body()));
        Conversation stored = append(conversation, record, contact, record.at());
        LOG.debug("WhatsApp message of {} added to ticket {}", PhoneMasking.mask(contact.id()), ticket.number());
        return new InboundResult(InboundResult.Outcome.ADDED_TO_TICKET, stored, ticket.number(), null, null);
    }

    /** Escalates when the escalation policy routes the message to a ticket. */
    private Optional<InboundResult> escalateByRule(Contact contact, Conversation conversation, InboundMessage message,
            String body) {
        if (escalationPolicy == null) {
            return Optional.empty();
        }
        RoutingDecision decision = escalationPolicy.route(SupportRequest.builder()
                .requester(contact.requesterId(), za.co.proconnectsa.support.access.Role.REQUESTER)
                .text(body)
                // a screenshot or a document is a case file; a sticker or a voice note is chat
                .attachments(message.type() == InboundMessage.Type.IMAGE || message.type() == InboundMessage.Type.VIDEO
                        || message.type() == InboundMessage.Type.DOCUMENT)
                .origin(OriginChannel.WHATSAPP)
                .build(), now(), desk.businessHours(), null);
        if (decision.channel() != Channel.TICKET) {
            return Optional.empty();
        }
        LOG.info("WhatsApp conversation {} escalated by rule {}", conversation.number(), decision.ruleName());
        EscalationResult escalated = escalate(conversation, contact.actor(), contact, decision.suggestedCategory(),
                decision.suggestedPriority(), body);
        return Optional.of(new InboundResult(InboundResult.Outcome.ESCALATED, escalated.conversation(),
                escalated.receipt().ticketNumber(), null, escalated.notice().orElse(null)));
    }

    private InboundResult automate(Contact contact, Conversation conversation, InboundMessage message, String body) {
        Optional<InboundResult> escalated = escalateByRule(contact, conversation, message, body);
        if (escalated.isPresent()) {
            return escalated.get();
        }
        Instant now = now();
        List<ConversationMessage> transcript = store.conversationMessages(conversation.id());
        Instant lastNotice = transcript.stream()
                .filter(m -> m.author() == Author.AUTOMATED && m.authorId().equals(AutoResponder.OUT_OF_HOURS_SOURCE))
                .map(ConversationMessage::at).reduce((a, b) -> b).orElse(null);
        AutoReply decision = responder.decide(new AutoResponder.Inbound(message.text(), contact.id(), contact.name(), now,
                store.countMessages(contact.id(), Author.AUTOMATED, now.minus(responder.window())), lastNotice));
        if (decision instanceof AutoReply.Answer answer && isPhoneNumber(contact.id())) {
            Sent out = sendAutomated(conversation, answer.text(), answer.source());
            return new InboundResult(InboundResult.Outcome.AUTO_REPLIED, out.conversation(), null, decision, out.outcome());
        }
        return new InboundResult(InboundResult.Outcome.WAITING_FOR_AGENT, conversation, null, decision, null);
    }

    // -------------------------------------------------------------------------------------------- sending

    /** A send and the conversation after it was recorded. */
    private record Sent(SendOutcome outcome, Conversation conversation) {
    }

    private Sent sendAutomated(Conversation conversation, String text, String source) {
        return send(conversation, text, Author.AUTOMATED, source, system.displayName());
    }

    private static SendOutcome noNumber() {
        return new SendOutcome.Failed(new za.co.proconnectsa.support.whatsapp.cloud.ProviderError(0, 0, 0, "",
                "The contact wrote without a phone number (username only); this client can only send to numbers", "", ""),
                false);
    }

    /** Sends a text inside the window and, when it was sent, records it in the transcript. */
    private Sent send(Conversation conversation, String text, Author author, String authorId, String authorName) {
        if (!isPhoneNumber(conversation.contact())) {
            return new Sent(noNumber(), conversation);
        }
        CustomerServiceWindow window = CustomerServiceWindow.since(
                conversation.lastInboundAt() == null ? Instant.EPOCH : conversation.lastInboundAt(), clock);
        SendOutcome outcome = client.reply(window, conversation.contact(), text);
        if (outcome instanceof SendOutcome.Sent sent) {
            // the transcript keeps only ids every store keeps exactly; the send is done either way
            String id = Text.isIdentifier(sent.messageId()) ? sent.messageId() : ConversationMessage.generatedId();
            return new Sent(outcome, record(conversation, new ConversationMessage(id, conversation.id(),
                    conversation.contact(), author, authorId, authorName, text, now())));
        }
        LOG.warn("WhatsApp message to {} in conversation {} not sent: {}", PhoneMasking.mask(conversation.contact()),
                conversation.number(), describe(outcome));
        return new Sent(outcome, conversation);
    }

    private static boolean isPhoneNumber(String contact) {
        return contact.chars().allMatch(Character::isDigit);
    }

    /** Appends an outbound message, re-reading the conversation when a customer message got in between. */
    private Conversation record(Conversation conversation, ConversationMessage message) {
        return updateRetrying(conversation, current -> current.touchedAt(now()), current -> List.of(message));
    }

    private static String describe(SendOutcome outcome) {
        if (outcome instanceof SendOutcome.Sent s) {
            return "sent " + s.messageId();
        }
        if (outcome instanceof SendOutcome.RequiresTemplate t) {
            return "the customer-service window closed at " + t.windowClosedAt();
        }
        SendOutcome.Failed f = (SendOutcome.Failed) outcome;
        return (f.retryable() ? "retryable " : "") + "error " + f.providerError().code() + ": " + f.providerError().message();
    }

    // ------------------------------------------------------------------------------------------ escalation

    /**
     * An agent makes a conversation a ticket: the transcript becomes the ticket's description, the ticket is filed
     * for the contact (on their behalf), and the number is sent to the customer.
     *
     * @param agent              who escalates (agents and admins)
     * @param conversationNumber the conversation, e.g. {@code WA-000042}
     * @param category           the ticket's category
     * @return the escalation
     * @throws za.co.proconnectsa.support.access.AccessDeniedException when the actor is not support staff
     * @throws ConversationNotFoundException                          when there is no such conversation
     * @throws ValidationException                                    when the conversation is closed or already a ticket
     */
    public EscalationResult escalate(Actor agent, String conversationNumber, Category category) {
        Conversation conversation = conversationFor(agent, conversationNumber);
        Checks.notNull(category, "category");
        if (conversation.status() == ConversationStatus.CLOSED) {
            throw ValidationException.of("conversation", conversation.number() + " is closed; escalate an active conversation");
        }
        if (conversation.ticketId() != null) {
            String ticket = tickets.findById(conversation.ticketId()).map(t -> t.number().text())
                    .orElse(conversation.ticketId().toString());
            throw ValidationException.of("conversation", conversation.number() + " is already ticket " + ticket);
        }
        Contact contact = new Contact(conversation.contact(), conversation.contactName() == null
                ? PhoneMasking.mask(conversation.contact()) : conversation.contactName(), conversation.requesterId());
        return escalate(conversation, agent, contact, category, Priority.NORMAL, null);
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
        List<ConversationMessage> snapshot = store.conversationMessages(conversation.id());
        // an agent's escalation is about the customer's latest message
        String about = trigger != null ? trigger : snapshot.stream().filter(m -> m.author() == Author.CUSTOMER)
                .map(ConversationMessage::body).reduce((first, last) -> last).orElse(conversation.number().text());
        NewTicket.Builder ticket = NewTicket.builder()
                .subject(subject(about))
                .body(transcript(conversation, contact, snapshot))
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
        } catch (ValidationException e) {
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
                snapshot.stream().map(ConversationMessage::id).collect(java.util.stream.Collectors.toSet()));
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
            java.util.Set<String> described) {
        ConflictRetry retries = ConflictRetry.start(MIN_ATTEMPTS, RETRY_BUDGET);
        while (true) {
            Conversation current = store.findConversation(conversation.id())
                    .orElseThrow(() -> new ConversationNotFoundException(conversation.number().text()));
            if (ticket.id().equals(current.ticketId())) {
                // whoever joined it put the rest on the ticket and told the customer the number
                return new EscalationResult(current, receipt, null);
            }
            if (current.status() != ConversationStatus.OPEN) {
                note(ticket.number().text(), "Conversation " + current.number() + " was " + current.status()
                        + " before this ticket could join it; its later messages stay in the conversation.");
                return new EscalationResult(current, receipt, null);
            }
            List<ConversationMessage> transcript = store.conversationMessages(current.id());
            Conversation escalated;
            try {
                escalated = store.updateConversation(current.escalatedTo(ticket.id(), now()), List.of());
            } catch (ConcurrentModificationException e) {
                if (!retries.again()) {
                    throw e;
                }
                continue;
            }
            for (ConversationMessage m : missingFromTicket(ticket, transcript, described)) {
                desk.tickets().reply(contact.actor(), ticket.number().text(), Reply.publicReply(m.body()));
            }
            Map<String, Object> values = Map.of("name", contact.name(), "ticket", ticket.number().text());
            Sent out = sendAutomated(escalated, templates.render(ResponseTemplates.ESCALATED, values),
                    "escalated");
            if (!(out.outcome() instanceof SendOutcome.Sent)) {
                note(ticket.number().text(), "The ticket number could not be sent to the customer on WhatsApp: "
                        + describe(out.outcome()) + ".");
            }
            return new EscalationResult(out.conversation(), receipt, out.outcome());
        }
    }

    /** The customer's messages of the transcript that are neither in the ticket's description nor already replies. */
    private List<ConversationMessage> missingFromTicket(Ticket ticket, List<ConversationMessage> transcript,
            java.util.Set<String> described) {
        List<ConversationMessage> customer = transcript.stream().filter(m -> m.author() == Author.CUSTOMER).toList();
        if (described != null) {
            return customer.stream().filter(m -> !described.contains(m.id())).toList();
        }
        String body = ticket.body() + "\n";
        List<String> replies = tickets.messages(ticket.id()).stream().map(Message::body).toList();
        int firstDescribed = -1;
        for (int i = 0; i < customer.size() && firstDescribed < 0; i++) {
            if (body.contains(transcriptLine(customer.get(i)) + "\n")) {
                firstDescribed = i;
            }
        }
        List<ConversationMessage> missing = new ArrayList<>();
        // messages older than the first one described were cut from a long description: they are in the conversation
        for (int i = Math.max(firstDescribed, 0); i < customer.size(); i++) {
            ConversationMessage m = customer.get(i);
            if (!body.contains(transcriptLine(m) + "\n") && !replies.contains(m.body())) {
                missing.add(m);
            }
        }
        return missing;
    }

    private Conversation updateRetrying(Conversation conversation, UnaryOperator<Conversation> change) {
        return updateRetrying(conversation, change, current -> List.of());
    }

    /**
     * Writes a change, re-reading the conversation and applying the change again when another write got in first.
     *
     * @param conversation the conversation as read
     * @param change       what to change, applied to the current version
     * @param added        the messages to append, given the current version
     * @return the stored conversation
     */
    private Conversation updateRetrying(Conversation conversation, UnaryOperator<Conversation> change,
            Function<Conversation, List<ConversationMessage>> added) {
        Conversation current = conversation;
        ConflictRetry retries = ConflictRetry.start(MIN_ATTEMPTS, RETRY_BUDGET);
        while (true) {
            try {
                return store.updateConversation(change.apply(current), added.apply(current));
            } catch (ConcurrentModificationException e) {
                if (!retries.again()) {
                    throw e;
                }
                current = store.findConversation(conversation.id())
                        .orElseThrow(() -> new ConversationNotFoundException(conversation.number().text()));
            }
        }
    }

    private static String subject(String trigger) {
        String line = trigger.strip().lines().findFirst().orElse("").strip();
        String s = "WhatsApp: " + (line.isEmpty() ? "conversation" : line);
        return s.length() <= SUBJECT_LENGTH ? s : Text.truncate(s, SUBJECT_LENGTH - 3).strip() + "...";
    }

    /** The conversation as the ticket's description: a header, then one line a message, the newest kept if too long. */
    private String transcript(Conversation conversation, Contact contact, List<ConversationMessage> messages) {
        String header = "WhatsApp conversation " + conversation.number() + " with " + contact.name() + " ("
                + PhoneMasking.mask(conversation.contact()) + ")\n\n";
        List<String> lines = messages.stream().map(this::transcriptLine).toList();
        int budget = NewTicket.MAX_BODY_LENGTH - header.length() - 80;
        int used = 0;
        int first = lines.size();
        while (first > 0 && used + lines.get(first - 1).length() + 1 <= budget) {
            first--;
            used += lines.get(first).length() + 1;
        }
        StringBuilder out = new StringBuilder(header);
        if (first > 0) {
            out.append(String.format(Locale.ROOT, TRANSCRIPT_CUT, first, conversation.number())).append('\n');
        }
        if (first == lines.size() && !lines.isEmpty()) {
            // one message longer than the whole budget: keep its start
            out.append(lines.get(lines.size() - 1), 0, Math.max(0, budget)).append('\n');
        }
        for (int i = first; i < lines.size(); i++) {
            out.append(lines.get(i)).append('\n');
        }
        return out.toString().strip();
    }

    /** One message as the ticket's description shows it: {@code [Mon 2 Mar 10:02] Thandi Nkosi: text}. */
    private String transcriptLine(ConversationMessage m) {
        String who = switch (m.author()) {
            case CUSTOMER -> m.authorName();
            case AGENT -> m.authorName() + " (support)";
            case AUTOMATED -> m.authorName() + " (automated)";
        };
        return "[" + transcriptTime.format(m.at()) + "] " + who + ": " + m.body();
    }

    private void note(String ticketNumber, String text) {
        try {
            desk.tickets().reply(system, ticketNumber, Reply.internalNote(text));
        } catch (SupportException e) {
            LOG.warn("Could not add an internal note to ticket {}", ticketNumber, e);
        }
    }

    // -------------------------------------------------------------------------------------------- agents

    /**
     * Lists conversations, newest first (agents and admins).
     *
     * @param agent who asks
     * @param query filters and page
     * @return one page
     */
    public Page<Conversation> conversations(Actor agent, ConversationQuery query) {
        checkSupport(agent);
        return store.queryConversations(Checks.notNull(query, "query"));
    }

    /**
     * Reads a conversation with its transcript and window (agents and admins).
     *
     * @param agent              who asks
     * @param conversationNumber e.g. {@code WA-000042}
     * @return the conversation
     */
    public ConversationDetails conversation(Actor agent, String conversationNumber) {
        Conversation c = conversationFor(agent, conversationNumber);
        return new ConversationDetails(c, store.conversationMessages(c.id()),
                c.lastInboundAt() == null ? null : CustomerServiceWindow.since(c.lastInboundAt(), clock));
    }

    /**
     * An agent answers in a conversation. On an escalated conversation this is a reply on its ticket
     * ({@link #replyOnTicket}); otherwise the text is sent if the 24-hour window is open and recorded in the
     * transcript when sent.
     *
     * @param agent              who answers (agents and admins)
     * @param conversationNumber the conversation
     * @param text               the text, 1 to 4096 characters
     * @return what became of it: {@code Sent}, {@code RequiresTemplate} (window closed, nothing sent) or {@code Failed}
     */
    public SendOutcome reply(Actor agent, String conversationNumber, String text) {
        Conversation c = conversationFor(agent, conversationNumber);
        if (text == null || text.isBlank() || text.length() > WhatsAppCloudClient.MAX_TEXT_BODY) {
            throw ValidationException.of("text", "must be 1 to " + WhatsAppCloudClient.MAX_TEXT_BODY + " characters");
        }
        Text.text(text, "text", WhatsAppCloudClient.MAX_TEXT_BODY);
        if (c.status() == ConversationStatus.ESCALATED && c.ticketId() != null) {
            Ticket ticket = tickets.findById(c.ticketId()).orElseThrow(() -> new TicketNotFoundException(c.ticketId().toString()));
            TicketReplyResult result = replyOnTicket(agent, ticket.number().text(), text);
            return result.outcome() != null ? result.outcome() : noNumber();
        }
        return send(c, text, Author.AGENT, agent.id(), agent.displayName()).outcome();
    }

    /**
     * An agent answers with a quick response: the template's {@code {name}} and {@code {ticket}} are filled from the
     * conversation (when it has a ticket), other placeholders from {@code values}.
     *
     * @param agent              who answers
     * @param conversationNumber the conversation
     * @param templateName       a template of this inbox's {@link ResponseTemplates}
     * @param values             values for the template's other placeholders
     * @return what became of it
     * @throws ValidationException when the template is unknown or a value is missing (nothing is sent)
     */
    public SendOutcome replyWithTemplate(Actor agent, String conversationNumber, String templateName,
            Map<String, ?> values) {
        Conversation c = conversationFor(agent, conversationNumber);
        Map<String, Object> all = new HashMap<>(Checks.notNull(values, "values"));
        // {name} and {ticket} come from the conversation, whatever the caller passed
        all.put("name", c.contactName() == null ? PhoneMasking.mask(c.contact()) : c.contactName());
        c.ticket().flatMap(tickets::findById).ifPresent(t -> all.put("ticket", t.number().text()));
        return reply(agent, conversationNumber, templates.render(templateName, all));
    }

    /**
     * An agent replies on a ticket; when the ticket came from WhatsApp the reply also goes to the customer there,
     * window-aware: inside the 24-hour window as a text, outside it as the configured approved template (which
     * carries the ticket number), else not at all, with an internal note on the ticket saying why.
     *
     * @param agent        who replies (any actor the ticket service lets reply; support staff in practice)
     * @param ticketNumber the ticket
     * @param text         the reply, 1 to 4096 characters
     * @return the stored reply and its WhatsApp delivery
     */
    public TicketReplyResult replyOnTicket(Actor agent, String ticketNumber, String text) {
        if (text == null || text.isBlank() || text.length() > WhatsAppCloudClient.MAX_TEXT_BODY) {
            throw ValidationException.of("text", "must be 1 to " + WhatsAppCloudClient.MAX_TEXT_BODY + " characters");
        }
        Message message = desk.tickets().reply(agent, ticketNumber, Reply.publicReply(text));
        Optional<Conversation> found = store.findConversationByTicket(message.ticketId());
        if (found.isEmpty() || !agent.role().isSupport()) {
            return new TicketReplyResult(message, TicketReplyResult.Delivery.NOT_ON_WHATSAPP, null);
        }
        Conversation c = found.get();
        Sent sent = send(c, text, Author.AGENT, agent.id(), agent.displayName());
        String number = ticketNumber.strip();
        if (sent.outcome() instanceof SendOutcome.Sent) {
            return new TicketReplyResult(message, TicketReplyResult.Delivery.SENT, sent.outcome());
        }
        if (sent.outcome() instanceof SendOutcome.RequiresTemplate closed) {
            return windowClosed(message, c, number, closed);
        }
        note(number, "This reply was not delivered on WhatsApp: " + describe(sent.outcome()) + ".");
        return new TicketReplyResult(message, TicketReplyResult.Delivery.FAILED, sent.outcome());
    }

    private TicketReplyResult windowClosed(Message message, Conversation c, String ticketNumber,
            SendOutcome.RequiresTemplate closed) {
        if (windowClosedTemplate == null) {
            note(ticketNumber, "This reply was not sent on WhatsApp: " + describe(closed)
                    + ". Only an approved template can reach the customer now.");
            return new TicketReplyResult(message, TicketReplyResult.Delivery.WINDOW_CLOSED, closed);
        }
        TemplateMessage template = TemplateMessage.builder(windowClosedTemplate, windowClosedLanguage)
                .bodyText(ticketNumber).build();
        SendOutcome outcome = client.sendTemplate(c.contact(), template);
        if (outcome instanceof SendOutcome.Sent sent) {
            record(c, new ConversationMessage(sent.messageId(), c.id(), c.contact(), Author.AUTOMATED,
                    "template:" + windowClosedTemplate, system.displayName(),
                    "[template " + windowClosedTemplate + ": " + ticketNumber + "]", now()));
            return new TicketReplyResult(message, TicketReplyResult.Delivery.TEMPLATE_SENT, outcome);
        }
        note(ticketNumber, "This reply was not sent on WhatsApp: " + describe(closed) + ", and the template "
                + windowClosedTemplate + " failed: " + describe(outcome) + ".");
        return new TicketReplyResult(message, TicketReplyResult.Delivery.FAILED, outcome);
    }

    /**
     * Closes a conversation (agents and admins): the contact's next message starts a new one. Its ticket, if any,
     * is not changed.
     *
     * @param agent              who closes it
     * @param conversationNumber the conversation
     * @return the closed conversation
     */
    public Conversation close(Actor agent, String conversationNumber) {
        Conversation c = conversationFor(agent, conversationNumber);
        if (c.status() == ConversationStatus.CLOSED) {
            return c;
        }
        return updateRetrying(c, current -> current.closedAt(now()));
    }

    /** @return the texts this inbox sends, and the agents' quick responses */
    public ResponseTemplates templates() {
        return templates;
    }

    private Conversation conversationFor(Actor agent, String conversationNumber) {
        checkSupport(agent);
        if (conversationNumber == null || conversationNumber.isBlank()) {
            throw ValidationException.of("conversationNumber", "must not be blank");
        }
        String number = Text.identifier(conversationNumber.strip(), "conversationNumber");
        return store.findConversationByNumber(number).orElseThrow(() -> new ConversationNotFoundException(number));
    }

    private void checkSupport(Actor agent) {
        Checks.notNull(agent, "actor");
        desk.accessPolicy().check(agent, Permission.WORK_CONVERSATIONS, null);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** The words of a message for the transcript and the ticket: text, a media caption or a tapped button's title. */
    static String describe(InboundMessage m) {
        String text = m.text() == null ? null : m.text().strip();
        String out = switch (m.type()) {
            case TEXT -> text == null || text.isEmpty() ? "(empty message)" : text;
            case INTERACTIVE, BUTTON -> m.reply().title() == null || m.reply().title().isBlank()
                    ? "[tapped " + m.reply().id() + "]" : m.reply().title();
            default -> {
                String kind = "[" + m.type().name().toLowerCase(Locale.ROOT)
                        + (m.media().filename() == null ? "" : " " + m.media().filename()) + "]";
                yield text == null || text.isEmpty() ? kind : kind + " " + text;
            }
        };
        return Text.truncate(out, ConversationMessage.MAX_BODY);
    }

    @Override
    public String toString() {
        return "WhatsAppInbox[responder=" + responder + ", escalation=" + (escalationPolicy != null) + "]";
    }

    /** Configures a {@link WhatsAppInbox}. */
    public static final class Builder {
        private SupportDesk desk;
        private ConversationStore conversations;
        private WhatsAppCloudClient client;
        private AutoResponder responder;
        private RoutingPolicy escalationPolicy = RoutingPolicy.standard(AfterHours.WHATSAPP_WITH_NOTICE);
        private ContactDirectory contacts = ContactDirectory.prefixed("wa:");
        private ResponseTemplates templates;
        private TicketNumberFormat numberFormat = ConversationNumber.DEFAULT_FORMAT;
        private String windowClosedTemplate;
        private String windowClosedLanguage;
        private String automationName = "Support";

        private Builder() {
        }

        /**
         * @param value the desk: tickets, business hours, clock and access policy; its store keeps the conversations
         *              too unless {@link #conversations} is set
         * @return this builder
         */
        public Builder desk(SupportDesk value) {
            this.desk = Checks.notNull(value, "desk");
            return this;
        }

        /** @param value where conversations live, if not in the desk's store @return this builder */
        public Builder conversations(ConversationStore value) {
            this.conversations = Checks.notNull(value, "conversations");
            return this;
        }

        /** @param value the Cloud API client that sends @return this builder */
        public Builder client(WhatsAppCloudClient value) {
            this.client = Checks.notNull(value, "client");
            return this;
        }

        /**
         * @param value the auto-responder; by default out-of-hours notices on the desk's hours and no FAQ
         * @return this builder
         */
        public Builder autoResponder(AutoResponder value) {
            this.responder = Checks.notNull(value, "autoResponder");
            return this;
        }

        /**
         * @param value the rules that make a conversation a ticket: a message routed to TICKET escalates
         *              ({@code RoutingPolicy.standard(AfterHours.WHATSAPP_WITH_NOTICE)} by default)
         * @return this builder
         */
        public Builder escalationPolicy(RoutingPolicy value) {
            this.escalationPolicy = Checks.notNull(value, "escalationPolicy");
            return this;
        }

        /** @return this builder, with conversations escalated by agents only */
        public Builder manualEscalationOnly() {
            this.escalationPolicy = null;
            return this;
        }

        /** @param value who contacts are in the host's application @return this builder */
        public Builder contacts(ContactDirectory value) {
            this.contacts = Checks.notNull(value, "contacts");
            return this;
        }

        /** @param value the texts sent and the agents' quick responses @return this builder */
        public Builder templates(ResponseTemplates value) {
            this.templates = Checks.notNull(value, "templates");
            return this;
        }

        /** @param value how conversation numbers look ({@code WA-000042} by default) @return this builder */
        public Builder conversationNumberFormat(TicketNumberFormat value) {
            this.numberFormat = Checks.notNull(value, "conversationNumberFormat");
            return this;
        }

        /**
         * An approved template sent instead of a ticket reply when the window is closed. It must take exactly one
         * body parameter, the ticket number (e.g. "There is an update on your ticket {{1}}. Reply to read it.").
         *
         * @param name         the template's name
         * @param languageCode its language, e.g. {@code en}
         * @return this builder
         */
        public Builder windowClosedTemplate(String name, String languageCode) {
            TemplateMessage.builder(name, languageCode).bodyText("PCS-000001").build();
            this.windowClosedTemplate = name;
            this.windowClosedLanguage = languageCode;
            return this;
        }

        /** @param value the name shown for automated messages ("Support" by default) @return this builder */
        public Builder automationName(String value) {
            if (value == null || value.isBlank() || value.length() > 200) {
                throw ValidationException.of("automationName", "must be 1 to 200 characters");
            }
            this.automationName = value;
            return this;
        }

        private ResponseTemplates templates() {
            return templates != null ? templates : ResponseTemplates.defaults(desk.locale());
        }

        /**
         * @return the inbox
         * @throws ValidationException when the desk or client is missing, or no store keeps conversations
         */
        public WhatsAppInbox build() {
            if (desk == null) {
                throw ValidationException.of("desk", "must be set");
            }
            if (client == null) {
                throw ValidationException.of("client", "must be set");
            }
            if (conversations == null) {
                if (!(desk.store() instanceof ConversationStore own)) {
                    throw ValidationException.of("conversations", "the desk's store does not keep conversations; "
                            + "set a ConversationStore");
                }
                conversations = own;
            }
            // checked now, not when a customer is waiting: the inbox fills only these placeholders
            ResponseTemplates texts = templates();
            requirePlaceholders(texts, ResponseTemplates.ESCALATED, java.util.Set.of("name", "ticket"));
            requirePlaceholders(texts, ResponseTemplates.JOINED_TICKET, java.util.Set.of("name", "ticket"));
            requirePlaceholders(texts, ResponseTemplates.OUT_OF_HOURS, java.util.Set.of("name", "hours", "nextOpening"));
            return new WhatsAppInbox(this);
        }

        private static void requirePlaceholders(ResponseTemplates texts, String name, java.util.Set<String> known) {
            java.util.Set<String> unknown = new java.util.TreeSet<>(texts.get(name).placeholders());
            unknown.removeAll(known);
            if (!unknown.isEmpty()) {
                throw ValidationException.of("templates", "the \"" + name + "\" text may use only " + new java.util.TreeSet<>(known)
                        + ", not " + unknown);
            }
        }
    }
}
