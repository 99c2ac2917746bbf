package za.co.proconnectsa.support.whatsapp.inbox;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import za.co.proconnectsa.support.SupportDesk;
import za.co.proconnectsa.support.ValidationException;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.access.Permission;
import za.co.proconnectsa.support.conversation.Conversation;
import za.co.proconnectsa.support.conversation.ConversationNotFoundException;
import za.co.proconnectsa.support.conversation.ConversationNumber;
import za.co.proconnectsa.support.conversation.ConversationQuery;
import za.co.proconnectsa.support.conversation.ConversationMessage;
import za.co.proconnectsa.support.conversation.ConversationStatus;
import za.co.proconnectsa.support.conversation.ContactIdentity;
import za.co.proconnectsa.support.conversation.DeliveryPricing;
import za.co.proconnectsa.support.conversation.MessageDelivery;
import za.co.proconnectsa.support.conversation.PricedMessages;
import za.co.proconnectsa.support.queue.JobWorker;
import za.co.proconnectsa.support.routing.AfterHours;
import za.co.proconnectsa.support.sla.SlaClock;
import za.co.proconnectsa.support.sla.SlaStatus;
import za.co.proconnectsa.support.sla.SlaTerms;
import za.co.proconnectsa.support.sla.SlaTimeline;
import za.co.proconnectsa.support.routing.RoutingPolicy;
import za.co.proconnectsa.support.spi.ConversationStore;
import za.co.proconnectsa.support.spi.TicketStore;
import za.co.proconnectsa.support.spi.WorkQueue;
import za.co.proconnectsa.support.ticket.Category;
import za.co.proconnectsa.support.ticket.Page;
import za.co.proconnectsa.support.ticket.TicketNumberFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import za.co.proconnectsa.support.util.Checks;
import za.co.proconnectsa.support.util.PhoneMasking;
import za.co.proconnectsa.support.util.Text;
import za.co.proconnectsa.support.whatsapp.automation.AutoResponder;
import za.co.proconnectsa.support.whatsapp.automation.ResponseTemplates;
import za.co.proconnectsa.support.whatsapp.cloud.SendOutcome;
import za.co.proconnectsa.support.whatsapp.cloud.TemplateCategory;
import za.co.proconnectsa.support.whatsapp.cloud.TemplateMessage;
import za.co.proconnectsa.support.whatsapp.cloud.WhatsAppCloudClient;
import za.co.proconnectsa.support.whatsapp.inbox.internal.AgentReplies;
import za.co.proconnectsa.support.whatsapp.inbox.internal.ConversationLog;
import za.co.proconnectsa.support.whatsapp.inbox.internal.TemplateCategories;
import za.co.proconnectsa.support.whatsapp.inbox.internal.DeliveryReports;
import za.co.proconnectsa.support.whatsapp.inbox.internal.Escalations;
import za.co.proconnectsa.support.whatsapp.inbox.internal.InboundMessages;
import za.co.proconnectsa.support.whatsapp.inbox.internal.OutboundMessages;
import za.co.proconnectsa.support.whatsapp.inbox.internal.QueuedSends;
import za.co.proconnectsa.support.whatsapp.inbox.internal.TicketWriter;
import za.co.proconnectsa.support.whatsapp.inbox.internal.Transcripts;
import za.co.proconnectsa.support.whatsapp.webhook.InboundMessage;
import za.co.proconnectsa.support.whatsapp.webhook.TemplateCategoryUpdate;
import za.co.proconnectsa.support.whatsapp.webhook.StatusUpdate;
import za.co.proconnectsa.support.whatsapp.webhook.WebhookHandler;

/**
 * WhatsApp in and out of the desk: every inbound message lands in the contact's conversation (numbered, searchable,
 * with its transcript), quick questions are answered by the {@link AutoResponder}, billing and technical messages
 * become tickets with the transcript and the ticket number goes back to the customer, and agents answer from the
 * desk with the 24-hour window checked for them.
 *
 * <pre>{@code
 * WhatsAppInbox inbox = WhatsAppInbox.builder()
 *         .desk(desk)
 *         .store(store)                                 // the desk's store; it keeps conversations (in-memory or JDBC)
 *         .client(cloudClient)
 *         .autoResponder(AutoResponder.builder()
 *                 .faq(FaqEntry.of("payout-dates", "Payouts run every Friday.", "payout", "paid out"))
 *                 .businessHours(desk.businessHours())
 *                 .build())
 *         .build();
 * InboundMessageWorker worker = InboundMessageWorker.builder(store, inbox).build().start();
 * JobWorker sender = inbox.sendWorker().build().start();
 * WebhookReceiver receiver = WebhookReceiver.builder()
 *         .appSecret(appSecret).queue(store).onStored(worker::wakeUp).build();
 * }</pre>
 *
 * <p>The worker hands each stored message to {@link #onMessage} inside one unit of work of the store, so the
 * conversation, the transcript, a ticket it becomes, the automated texts it causes (queued, keyed by their cause)
 * and the message's done mark commit together; the sender then delivers the texts, each at most once.
 *
 * <p>What happens to an inbound message ({@link #ingest(InboundMessage)}):
 * <ol>
 *   <li>It is recorded in the contact's active conversation, or starts one ({@code WA-000042}).</li>
 *   <li>If it carries a reference code naming one of the contact's own tickets ({@code [ref: PCS-000042]} from a
 *       chat link on the ticket page), it is added to that ticket as the customer's reply. A ticket number that is
 *       not the contact's own (someone else's, or none at all) is plain text: nothing reaches that ticket, it is not
 *       kept on the conversation, and the answer is the same whether the ticket exists or not. Any other code (a
 *       page code such as {@code [ref: REF-7K3Q9]}) is kept as the new conversation's reference.</li>
 *   <li>If the conversation is already a ticket, the message becomes the customer's reply on it (reopening a
 *       pending or resolved ticket; a closed ticket starts a new conversation).</li>
 *   <li>Otherwise the escalation policy (routing rules) decides: billing, technical, account and error reports,
 *       attachments, long descriptions and explicit requests for a ticket make the conversation a ticket with the
 *       transcript, and the ticket number is sent back ({@link ResponseTemplates#ESCALATED}).</li>
 *   <li>Otherwise the auto-responder may answer (FAQ, out of hours), within its loop guards; else an agent will.</li>
 * </ol>
 *
 * <p>Sending: nothing is sent on the thread that causes it. Automated texts and agents' answers ({@link #reply},
 * {@link #replyOnTicket}) are written to the send queue in the same unit of work as their cause, keyed by it, with a
 * transcript line marked queued; the send worker ({@link #sendWorker()}) delivers each at most once and records
 * the outcome on the line, and WhatsApp's status webhooks ({@link #onStatusChange}) carry it on to delivered, read
 * or failed ({@link #delivery}, {@link ConversationDetails#delivery}). A send Graph did not answer is marked
 * unknown and never repeated, so that no customer gets a message twice; on a ticket's conversation a note tells the
 * agents.
 *
 * <p>Failures: a store failure propagates (the worker's unit rolls back and the stored message is applied again
 * later, whole). A failed send never throws: it is logged, marked on its line and, for tickets, written as an
 * internal note. Phone numbers are masked in every log line.
 *
 * <p>Thread-safe: concurrent messages of one contact are serialised by the conversation's version.
 */
public final class WhatsAppInbox implements WebhookHandler {

    /** The job kind automated texts wait under in the store's queue ({@link #sendWorker()} delivers them). */
    public static final String SEND_KIND = "whatsapp.send";

    private final SupportDesk desk;
    private static final Logger LOG = LoggerFactory.getLogger(WhatsAppInbox.class);

    private final TicketStore store;
    private final WorkQueue queue;
    private final QueuedSends queuedSends;
    private final AutoResponder responder;
    private final RoutingPolicy escalationPolicy;
    private final ResponseTemplates templates;
    private final WhatsAppCloudClient client;
    private final TemplateCategories categories;
    private final ConversationLog conversations;
    private final OutboundMessages outbound;
    private final Escalations escalations;
    private final InboundMessages inbound;
    private final AgentReplies replies;
    private final DeliveryReports statuses;

    private WhatsAppInbox(Builder b) {
        this.desk = b.desk;
        this.templates = b.templates();
        this.responder = b.responder != null ? b.responder
                : AutoResponder.builder().businessHours(b.desk.businessHours()).templates(templates).build();
        this.escalationPolicy = b.escalationPolicy;
        Actor automation = Actor.agent("whatsapp-inbox", b.automationName);
        this.conversations = new ConversationLog(b.conversations, b.numberFormat, b.desk.clock());
        this.store = b.store;
        this.client = b.client;
        this.queue = (WorkQueue) b.store;
        this.categories = new TemplateCategories(b.templateCategories);
        this.outbound = new OutboundMessages(b.client, conversations, b.desk.clock(), automation.displayName(), queue,
                categories, b.desk.dataSubjects()::mayMarketTo);
        TicketWriter writer = new TicketWriter(b.desk, automation);
        this.queuedSends = new QueuedSends(outbound, writer);
        this.escalations = new Escalations(b.desk, b.store, escalationPolicy, conversations, outbound, writer,
                new Transcripts(b.desk.businessHours().zone()), templates);
        this.inbound = new InboundMessages(b.desk, b.store, b.contacts, responder, conversations, escalations, outbound, writer);
        this.statuses = new DeliveryReports(conversations, writer, b.store);
        this.replies = new AgentReplies(b.desk, b.store, conversations, outbound, writer, templates, b.windowClosedTemplate,
                b.windowClosedLanguage);
    }

    /**
     * A worker that delivers the messages the inbox queued (FAQ answers, out-of-hours replies, ticket numbers, agents'
     * answers), off the thread that caused them and after their unit of work committed: start it beside the
     * {@link za.co.proconnectsa.support.whatsapp.webhook.InboundMessageWorker}. It records each outcome on the
     * message's transcript line ({@link MessageDelivery}). A message is sent at most once: the Cloud API takes no
     * idempotency key, so a message whose earlier attempt may have reached the customer (a crash mid-send, a response
     * timeout) is not sent again but marked {@link MessageDelivery.State#UNKNOWN}, and noted on its ticket when it has
     * one. A send that surely did not happen is retried.
     *
     * <pre>{@code
     * JobWorker sender = inbox.sendWorker().build().start();
     * }</pre>
     *
     * @return the worker's builder (owner, lease, poll interval, clock, attempts), claiming one text at a time: a text
     *         claimed but not yet started when the process stops would otherwise count as perhaps sent
     */
    public JobWorker.Builder sendWorker() {
        // one text a claim: a text claimed in a batch and never started would count as perhaps sent after a crash
        return JobWorker.builder(store, queue, SEND_KIND, queuedSends).batchSize(1);
    }

    /** @return a builder; the desk and the client are required */
    public static Builder builder() {
        return new Builder();
    }

    // ------------------------------------------------------------------------------------------- inbound

    /**
     * Records the message and acts on it; see {@link #ingest(InboundMessage)}. A {@link InboundMessage.Type#SYSTEM}
     * message is no message from the person: {@code user_changed_user_id} merges the contact (replies and later
     * messages use the new business-scoped user id, in the same conversations); other system messages are ignored.
     */
    @Override
    public void onMessage(InboundMessage message) {
        if (Checks.notNull(message, "message").type() == InboundMessage.Type.SYSTEM) {
            applySystem(message);
            return;
        }
        ingest(message);
    }

    private void applySystem(InboundMessage m) {
        InboundMessage.SystemChange change = m.system();
        if (!InboundMessage.SystemChange.USER_ID_CHANGED.equals(change.kind())) {
            LOG.debug("WhatsApp system message {} ({}) ignored", m.messageId(), change.kind());
            return;
        }
        String old = m.sender().userId();
        if (old == null || change.newUserId() == null || old.equals(change.newUserId())) {
            LOG.warn("WhatsApp system message {} reports a user id change without both ids; ignored", m.messageId());
            return;
        }
        conversations.changeUserId(old, change.newUserId(), m.timestamp()).ifPresentOrElse(
                merged -> LOG.info("WhatsApp contact {} now has user id {}", merged.contact().chars()
                        .allMatch(Character::isDigit) ? PhoneMasking.mask(merged.contact()) : merged.contact(),
                        change.newUserId()),
                () -> LOG.debug("WhatsApp user id change for an unknown contact ({}) ignored", old));
    }

    /**
     * An agent opened a conversation: its latest customer message (and every earlier one) is marked as read, so the
     * customer sees blue ticks. See {@link #showTyping} for the indicator while an answer is written.
     *
     * <p><b>Sent at once, not through the send queue</b>, on purpose: a read receipt changes nothing the desk keeps, so
     * one that fails loses nothing but a blue tick (the next one marks every earlier message read too), and sending it
     * twice is harmless. The Cloud API's answer is returned, never thrown; the caller may run this off its request
     * thread. Nothing is sent for a conversation without customer messages, or a closed one.
     *
     * @param agent              who opened it (agents and admins)
     * @param conversationNumber the conversation
     * @return the Cloud API's answer, or empty when there was nothing to mark
     */
    public Optional<SendOutcome> markRead(Actor agent, String conversationNumber) {
        return latestCustomerMessage(conversationFor(agent, conversationNumber)).map(client::markRead);
    }

    /**
     * An agent is writing an answer: the latest customer message is marked as read and the customer sees WhatsApp's
     * typing indicator until the answer arrives or 25 seconds pass (Meta's typing indicators page). Call it when the
     * agent starts typing, again at most every 25 seconds while they do.
     *
     * <p><b>Sent at once, never queued or retried</b>, on purpose: an indicator is only true for 25 seconds, so one
     * delivered late by a queue (after the answer, or after the agent gave up) would tell the customer something
     * false. Nothing is sent when the 24-hour window is closed (no free-form answer can follow), the conversation is
     * closed or a ticket (answers go through the ticket), or the customer never wrote.
     *
     * @param agent              who is writing (agents and admins)
     * @param conversationNumber the conversation
     * @return the Cloud API's answer, or empty when nothing was sent
     */
    public Optional<SendOutcome> showTyping(Actor agent, String conversationNumber) {
        Conversation c = conversationFor(agent, conversationNumber);
        if (c.status() != ConversationStatus.OPEN || outbound.windowClosed(c).isPresent()) {
            return Optional.empty();
        }
        return latestCustomerMessage(c).map(client::showTypingIndicator);
    }

    private Optional<String> latestCustomerMessage(Conversation c) {
        if (c.status() == ConversationStatus.CLOSED) {
            return Optional.empty();
        }
        List<ConversationMessage> transcript = conversations.messages(c);
        for (int i = transcript.size() - 1; i >= 0; i--) {
            if (transcript.get(i).author() == ConversationMessage.Author.CUSTOMER) {
                return Optional.of(transcript.get(i).id());
            }
        }
        return Optional.empty();
    }

    /**
     * An agent sends an approved template in a conversation, whatever the 24-hour window: queued in one unit of work
     * with its transcript line, then delivered by the {@link #sendWorker()}. The template's category is the one
     * configured ({@link Builder#templateCategory}) or, later, the one Meta's last {@code template_category_update}
     * set. A {@link TemplateCategory#MARKETING} template goes only to a contact whose marketing opt-in the desk's
     * consent ledger shows ({@link za.co.proconnectsa.support.privacy.DataSubjectService#mayMarketTo}), through Meta's
     * Marketing Messages API; without it nothing is queued. The ledger is asked again when the message is delivered,
     * so an opt-out (or a template Meta moved to marketing) in between stops it: it is then marked failed.
     *
     * @param agent              who sends it (agents and admins)
     * @param conversationNumber the conversation
     * @param templateName       the approved template's name
     * @param languageCode       its language, e.g. {@code en}
     * @param bodyParameter      its one body parameter
     * @return {@link ReplyDelivery#QUEUED} with the transcript line, or {@link ReplyDelivery#FAILED} when the contact
     *         cannot be written to
     * @throws MarketingConsentRequiredException for a marketing template to a contact without an opt-in
     * @throws ValidationException when the template's name, language or parameter is refused
     */
    public ConversationReplyResult sendTemplate(Actor agent, String conversationNumber, String templateName,
            String languageCode, String bodyParameter) {
        Conversation c = conversationFor(agent, conversationNumber);
        TemplateMessage.builder(templateName, languageCode).bodyText(bodyParameter).build();
        if (categories.of(templateName).orElse(null) == TemplateCategory.MARKETING
                && !desk.dataSubjects().mayMarketTo(c.contact())) {
            throw new MarketingConsentRequiredException(templateName, c.number().text());
        }
        if (!OutboundMessages.canSendTo(c.contact())) {
            return new ConversationReplyResult(ReplyDelivery.FAILED, null, OutboundMessages.noNumber());
        }
        String cause = "agent-template:" + java.util.UUID.randomUUID();
        OutboundMessages.Sent out = store.inTransaction(() -> outbound.template(c, templateName, languageCode,
                bodyParameter, cause, null));
        return new ConversationReplyResult(ReplyDelivery.QUEUED, out.lineId(), null);
    }

    /**
     * @param templateName an approved template's name
     * @return its category as configured or as Meta's last {@code template_category_update} set it, when known
     */
    public Optional<TemplateCategory> templateCategory(String templateName) {
        return categories.of(Checks.notNull(templateName, "templateName"));
    }

    /**
     * Keeps the category Meta moved a template to, so that the next send of it uses the new category (a template moved
     * to marketing then needs the contact's opt-in). An announced change that has not happened yet is only logged.
     * Called by the {@link za.co.proconnectsa.support.whatsapp.webhook.WebhookReceiver} when this inbox is its handler.
     */
    @Override
    public void onTemplateCategoryUpdate(TemplateCategoryUpdate update) {
        if (!Checks.notNull(update, "update").completed()) {
            return;
        }
        TemplateCategory.of(update.newCategory()).ifPresentOrElse(category -> {
            categories.set(update.templateName(), category);
            LOG.info("WhatsApp template {} is now {}; later sends use it", update.templateName(), category);
        }, () -> LOG.warn("WhatsApp template {} moved to an unknown category; kept as it was", update.templateName()));
    }

    /**
     * Who a WhatsApp contact is (agents and admins): their phone number when they shared it, their current
     * business-scoped user id and their username.
     *
     * @param agent   who asks
     * @param contact a conversation's contact, a phone number or a business-scoped user id
     * @return the contact's identity, or empty when the inbox never heard from them
     */
    public Optional<ContactIdentity> contactIdentity(Actor agent, String contact) {
        checkSupport(agent);
        return conversations.identity(Text.identifier(contact, "contact"));
    }

    /**
     * Records one inbound message and acts on it, as described in the class documentation. Safe to call again with
     * the same message: a message already recorded is reported as {@link InboundResult.Outcome#DUPLICATE}.
     *
     * @param message a verified inbound message, not a {@link InboundMessage.Type#SYSTEM} one
     * @return what was done
     * @throws ValidationException for a system message
     * @throws za.co.proconnectsa.support.StoreUnavailableException when the store fails (nothing half-written:
     *                                                              call again, e.g. through Meta's redelivery)
     */
    public InboundResult ingest(InboundMessage message) {
        if (Checks.notNull(message, "message").type() == InboundMessage.Type.SYSTEM) {
            throw ValidationException.of("message", "is a system message, which onMessage applies to the contact");
        }
        return inbound.ingest(message);
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
        return escalations.byAgent(agent, conversation, category);
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
        return conversations.query(Checks.notNull(query, "query"));
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
        return new ConversationDetails(c, conversations.messages(c), outbound.window(c).orElse(null),
                conversations.deliveries(c));
    }

    /**
     * The SLA clocks of a conversation that is not (yet) a ticket: the first response target of the desk's policy for
     * WhatsApp conversations ({@link za.co.proconnectsa.support.sla.SlaPolicies#policyForWhatsAppConversation()}),
     * counted on the desk's business hours from the customer's first message. Only an agent's message answers it;
     * the inbox's automated texts (FAQ answers, out-of-hours notices) never do. Once the conversation is a ticket, the
     * ticket's clocks ({@code desk.sla().status}) take over.
     *
     * @param agent              who asks (agents and admins)
     * @param conversationNumber the conversation
     * @return every target's status now
     * @throws za.co.proconnectsa.support.SupportException when the desk has no SLA policies
     */
    public SlaStatus slaStatus(Actor agent, String conversationNumber) {
        Conversation c = conversationFor(agent, conversationNumber);
        SlaTerms terms = desk.sla().terms();
        SlaTerms.Change now = terms.changes().get(terms.changes().size() - 1);
        SlaClock clock = SlaClock.of(now.policies().policyForWhatsAppConversation(), now.hours());
        List<ConversationMessage> transcript = conversations.messages(c);
        SlaTimeline.Builder timeline = SlaTimeline.createdAt(transcript.isEmpty() ? c.createdAt() : transcript.get(0).at());
        for (ConversationMessage m : transcript) {
            switch (m.author()) {
                case CUSTOMER -> timeline.requesterMessage(m.at());
                case AGENT -> timeline.agentReply(m.at());
                case AUTOMATED -> timeline.automatedReply(m.at());
            }
        }
        java.time.Instant at = desk.clock().instant();
        SlaTimeline built = timeline.build();
        return clock.status(built, at.isBefore(built.createdAt()) ? built.createdAt() : at);
    }

    /**
     * What became of a message the inbox sent (an agent's answer, an automated text): queued, sent, delivered, read,
     * failed, or unknown when Graph did not answer the send (agents and admins).
     *
     * @param agent               who asks
     * @param transcriptMessageId the message's transcript line, as {@link ConversationReplyResult} and
     *                            {@link TicketReplyResult} name it
     * @return its delivery, or empty when no queued message has that line
     */
    public Optional<MessageDelivery> delivery(Actor agent, String transcriptMessageId) {
        checkSupport(agent);
        return conversations.findDelivery(Text.identifier(transcriptMessageId, "transcriptMessageId"));
    }

    /**
     * How WhatsApp priced a message the inbox sent, as its status reports said (agents and admins).
     *
     * @param agent               who asks
     * @param transcriptMessageId the message's transcript line
     * @return its pricing model, category and type, or empty before a report with pricing arrived
     */
    public Optional<DeliveryPricing> pricing(Actor agent, String transcriptMessageId) {
        checkSupport(agent);
        return conversations.findPricing(Text.identifier(transcriptMessageId, "transcriptMessageId"));
    }

    /**
     * The cost of WhatsApp by category: the messages the inbox sent in {@code [from, to)} that WhatsApp's status
     * reports priced, counted by pricing model, category ({@code marketing}, {@code utility}, {@code authentication},
     * {@code service}, ...) and type ({@code regular}, {@code free_customer_service}, {@code free_entry_point}), most
     * messages first. Multiply by Meta's rate card for the recipients' market to estimate the bill.
     *
     * @param actor who asks: someone allowed to see the desk's analytics
     * @param from  the first instant counted
     * @param to    the instant after the last one counted, after {@code from}
     * @return the counts
     * @throws za.co.proconnectsa.support.access.AccessDeniedException when the actor may not see analytics
     * @throws za.co.proconnectsa.support.ValidationException when the period is missing or empty
     */
    public List<PricedMessages> pricedMessages(Actor actor, java.time.Instant from, java.time.Instant to) {
        desk.accessPolicy().check(actor, Permission.VIEW_ANALYTICS, null);
        Checks.notNull(from, "from");
        Checks.notNull(to, "to");
        if (!to.isAfter(from)) {
            throw ValidationException.of("to", "must be after from");
        }
        return conversations.pricedMessages(from, to);
    }

    /**
     * Applies WhatsApp's report on a message the inbox sent to the message's {@link MessageDelivery}: sent, delivered,
     * read or failed, never moving it back whatever order the reports come in. A failure of a message on a ticket's
     * conversation is also noted on the ticket for the agents. Reports on messages this inbox did not send are
     * ignored. The {@link za.co.proconnectsa.support.whatsapp.webhook.InboundMessageWorker} calls this inside a unit
     * of work of the store, once per stored report.
     */
    @Override
    public void onStatusChange(StatusUpdate update) {
        statuses.apply(Checks.notNull(update, "update"));
    }

    /**
     * An agent answers in a conversation. On an escalated conversation this is a reply on its ticket
     * ({@link #replyOnTicket}); otherwise the text is sent if the 24-hour window is open and recorded in the
     * transcript when sent.
     *
     * @param agent              who answers (agents and admins)
     * @param conversationNumber the conversation
     * @param text               the text, 1 to 4096 characters
     * @return {@link ReplyDelivery#QUEUED} with the transcript line whose {@link #delivery} follows it; or, with
     *         nothing queued, {@link ReplyDelivery#WINDOW_CLOSED} or {@link ReplyDelivery#FAILED} and why
     */
    public ConversationReplyResult reply(Actor agent, String conversationNumber, String text) {
        return replies.inConversation(agent, conversationFor(agent, conversationNumber), text);
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
    public ConversationReplyResult replyWithTemplate(Actor agent, String conversationNumber, String templateName,
            Map<String, ?> values) {
        Conversation c = conversationFor(agent, conversationNumber);
        return reply(agent, conversationNumber, replies.quickResponse(c, templateName, values));
    }

    /**
     * An agent replies on a ticket; when the ticket came from WhatsApp the reply is also queued for the customer there,
     * window-aware: inside the 24-hour window as a text, outside it as the configured approved template (which
     * carries the ticket number), else not at all, with an internal note on the ticket saying why. The reply, its
     * send and any note commit together; the send is keyed by the reply, so it is queued once.
     *
     * @param agent        who replies (any actor the ticket service lets reply; support staff in practice)
     * @param ticketNumber the ticket
     * @param text         the reply, 1 to 4096 characters
     * @return the stored reply and its WhatsApp delivery
     */
    public TicketReplyResult replyOnTicket(Actor agent, String ticketNumber, String text) {
        return replies.onTicket(agent, ticketNumber, text);
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
        return conversations.close(c);
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
        return conversations.findByNumber(number).orElseThrow(() -> new ConversationNotFoundException(number));
    }

    private void checkSupport(Actor agent) {
        Checks.notNull(agent, "actor");
        desk.accessPolicy().check(agent, Permission.WORK_CONVERSATIONS, null);
    }

    @Override
    public String toString() {
        return "WhatsAppInbox[responder=" + responder + ", escalation=" + (escalationPolicy != null) + "]";
    }

    /** Configures a {@link WhatsAppInbox}. */
    public static final class Builder {
        private SupportDesk desk;
        private TicketStore store;
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
        private final Map<String, TemplateCategory> templateCategories = new java.util.HashMap<>();

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

        /**
         * @param value the store the desk was built with (the desk does not hand it out); the inbox reads tickets
         *              from it and keeps conversations in it unless {@link #conversations} is set
         * @return this builder
         */
        public Builder store(TicketStore value) {
            this.store = Checks.notNull(value, "store");
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

        /**
         * The category of an approved template the inbox may send ({@link WhatsAppInbox#sendTemplate}), as approved in
         * WhatsApp Manager. Meta's {@code template_category_update} webhooks replace it later. A
         * {@link TemplateCategory#MARKETING} template is sent only to contacts whose marketing opt-in the desk's
         * consent ledger shows, through the Marketing Messages API.
         *
         * @param name     the template's name
         * @param category its category
         * @return this builder
         */
        public Builder templateCategory(String name, TemplateCategory category) {
            TemplateMessage.builder(name, "en").build();
            templateCategories.put(name, Checks.notNull(category, "category"));
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
         * @throws ValidationException when the desk, its store or the client is missing, the store is not the desk's,
         *                             or no store keeps conversations
         */
        public WhatsAppInbox build() {
            if (desk == null) {
                throw ValidationException.of("desk", "must be set");
            }
            if (client == null) {
                throw ValidationException.of("client", "must be set");
            }
            if (store == null || !desk.isBackedBy(store)) {
                throw ValidationException.of("store", "must be the store the desk was built with");
            }
            if (!(store instanceof WorkQueue)) {
                throw ValidationException.of("store", "keeps no job queue (WorkQueue), which holds the messages the inbox "
                        + "sends; the in-memory and JDBC stores do");
            }
            if (conversations == null) {
                if (!(store instanceof ConversationStore own)) {
                    throw ValidationException.of("conversations", "the desk's store does not keep conversations; "
                            + "set a ConversationStore");
                }
                conversations = own;
            }
            // checked now, not when a customer is waiting: the inbox fills only these placeholders
            ResponseTemplates texts = templates();
            requirePlaceholders(texts, ResponseTemplates.ESCALATED, Set.of("name", "ticket"));
            requirePlaceholders(texts, ResponseTemplates.JOINED_TICKET, Set.of("name", "ticket"));
            requirePlaceholders(texts, ResponseTemplates.OUT_OF_HOURS, Set.of("name", "hours", "nextOpening"));
            return new WhatsAppInbox(this);
        }

        private static void requirePlaceholders(ResponseTemplates texts, String name, Set<String> known) {
            Set<String> unknown = new TreeSet<>(texts.get(name).placeholders());
            unknown.removeAll(known);
            if (!unknown.isEmpty()) {
                throw ValidationException.of("templates", "the \"" + name + "\" text may use only " + new TreeSet<>(known)
                        + ", not " + unknown);
            }
        }
    }
}
