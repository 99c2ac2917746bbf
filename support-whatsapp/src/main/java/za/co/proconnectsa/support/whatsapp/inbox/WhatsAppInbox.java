package za.co.proconnectsa.support.whatsapp.inbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import za.co.proconnectsa.support.ConcurrentUpdateException;
import za.co.proconnectsa.support.SupportDesk;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.spi.ConversationSurveyStore;
import za.co.proconnectsa.support.whatsapp.inbox.internal.ConversationSurveys;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.access.Permission;
import za.co.proconnectsa.support.attachment.AttachmentNotFoundException;
import za.co.proconnectsa.support.attachment.AttachmentRecord;
import za.co.proconnectsa.support.conversation.Conversation;
import za.co.proconnectsa.support.conversation.ConversationNotFoundException;
import za.co.proconnectsa.support.conversation.ConversationNumber;
import za.co.proconnectsa.support.conversation.ConversationQuery;
import za.co.proconnectsa.support.conversation.ConversationMessage;
import za.co.proconnectsa.support.conversation.ConversationStatus;
import za.co.proconnectsa.support.conversation.ContactIdentity;
import za.co.proconnectsa.support.conversation.DeliveryPricing;
import za.co.proconnectsa.support.conversation.MessageDelivery;
import za.co.proconnectsa.support.notify.NotificationType;
import za.co.proconnectsa.support.conversation.PricedMessages;
import za.co.proconnectsa.support.queue.JobWorker;
import za.co.proconnectsa.support.routing.AfterHours;
import za.co.proconnectsa.support.sla.SlaClock;
import za.co.proconnectsa.support.sla.SlaStatus;
import za.co.proconnectsa.support.sla.SlaTerms;
import za.co.proconnectsa.support.sla.SlaTimeline;
import za.co.proconnectsa.support.routing.RoutingPolicy;
import za.co.proconnectsa.support.spi.AttachmentStore;
import za.co.proconnectsa.support.spi.ConversationStore;
import za.co.proconnectsa.support.spi.NotificationSender;
import za.co.proconnectsa.support.spi.TicketStore;
import za.co.proconnectsa.support.spi.WorkQueue;
import za.co.proconnectsa.support.ticket.Category;
import za.co.proconnectsa.support.ticket.Page;
import za.co.proconnectsa.support.ticket.Ticket;
import za.co.proconnectsa.support.ticket.TicketId;
import za.co.proconnectsa.support.ticket.TicketNotFoundException;
import za.co.proconnectsa.support.ticket.TicketNumberFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import za.co.proconnectsa.support.internal.Checks;
import za.co.proconnectsa.support.internal.PhoneMasking;
import za.co.proconnectsa.support.internal.Text;
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
import za.co.proconnectsa.support.whatsapp.inbox.internal.MediaDownloads;
import za.co.proconnectsa.support.whatsapp.inbox.internal.OutboundMessages;
import za.co.proconnectsa.support.whatsapp.inbox.internal.QueuedSends;
import za.co.proconnectsa.support.whatsapp.inbox.internal.TicketWriter;
import za.co.proconnectsa.support.whatsapp.inbox.internal.Transcripts;
import za.co.proconnectsa.support.whatsapp.inbox.internal.WhatsAppNotificationSender;
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
    /** The job kind inbound files wait under to be downloaded ({@link #mediaWorker()} downloads them). */
    public static final String MEDIA_KIND = "whatsapp.media";

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
    private final AttachmentStore attachments;
    private final MediaDownloads media;
    private final ConversationSurveys surveys;

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
                b.attachments, categories, b.desk.dataSubjects()::mayMarketTo);
        TicketWriter writer = new TicketWriter(b.desk, automation);
        this.queuedSends = new QueuedSends(outbound, writer, b.sendObservers);
        this.escalations = new Escalations(b.desk, b.store, escalationPolicy, conversations, outbound, writer,
                new Transcripts(b.desk.businessHours().zone()), templates);
        this.surveys = b.surveyInterval == null ? null : new ConversationSurveys((ConversationSurveyStore) b.store,
                outbound, conversations, b.surveyInterval, b.surveyTemplate, b.surveyTemplateLanguage);
        this.inbound = new InboundMessages(b.desk, b.store, b.contacts, responder, conversations, escalations, outbound,
                writer, surveys);
        this.statuses = new DeliveryReports(conversations, writer, b.store);
        this.attachments = b.attachments;
        this.media = b.attachments == null ? null
                : new MediaDownloads(b.client, b.attachments, conversations, b.store, writer, queue);
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

    /**
     * A worker that downloads the files of inbound images, documents, audio, video and stickers into the
     * {@link Builder#attachments attachment store}: start it beside the
     * {@link za.co.proconnectsa.support.whatsapp.webhook.InboundMessageWorker}. Each message is recorded first, with
     * its caption as its text, and its download queued in the same unit of work; the worker then fetches the file
     * with the access token (asking Graph again when the short-lived address has expired), checks its size and type
     * against WhatsApp's limits (images 5 MB, JPEG or PNG; audio and video 16 MB; documents 100 MB; stickers 500 KB)
     * and its SHA-256 against Meta's, and keeps it as an {@link AttachmentRecord} of the conversation and its ticket.
     * A download that fails for a while (Graph down, a rate limit, a checksum that does not match) is retried by the
     * queue, never losing the message; a file that cannot be kept (too large, a type WhatsApp does not carry, expired
     * after Meta's 7 days) is refused with an internal note on the ticket. A retry after a crash keeps one
     * attachment: its id comes from the message id.
     *
     * <pre>{@code
     * JobWorker downloads = inbox.mediaWorker().build().start();
     * }</pre>
     *
     * @return the worker's builder (owner, lease, poll interval, clock, attempts)
     * @throws InvalidInputException when the inbox was built without an attachment store
     */
    public JobWorker.Builder mediaWorker() {
        if (media == null) {
            throw InvalidInputException.of("attachments", "the inbox was built without an attachment store, so it"
                    + " downloads no media; set one with WhatsAppInbox.Builder.attachments");
        }
        return JobWorker.builder(store, queue, MEDIA_KIND, media);
    }

    /**
     * The {@link za.co.proconnectsa.support.notify.NotificationChannel#WHATSAPP} sender of requester notifications
     * ({@link za.co.proconnectsa.support.notify.NotificationService#worker}): it puts each on this inbox's send queue
     * in the notification's unit, keyed by the notification, for {@link #sendWorker()} to deliver. Inside the
     * customer's 24-hour window the notification's own text is sent (the survey with its answer link); outside it the
     * approved template of its type, with the ticket number as its one body parameter; without a template, or
     * without a conversation with the requester, the notification is kept as dead in the delivery log. "Ticket
     * received" and "an agent replied" are not sent again: the inbox already says both on WhatsApp (escalation's
     * ticket-number message, {@link #replyOnTicket}).
     *
     * <pre>{@code
     * NotificationSender whatsApp = inbox.notificationSender(Map.of(
     *         NotificationType.TICKET_RESOLVED, "ticket_resolved",
     *         NotificationType.SATISFACTION_SURVEY, "csat_survey"), "en");
     * }</pre>
     *
     * @param approvedTemplates the approved template per notification type, for outside the window
     * @param languageCode      the templates' language, e.g. {@code en} or {@code af}
     * @return the sender
     */
    public NotificationSender notificationSender(Map<NotificationType, String> approvedTemplates, String languageCode) {
        Checks.notNull(approvedTemplates, "approvedTemplates");
        Text.identifier(languageCode, "languageCode");
        approvedTemplates.values().forEach(name -> Text.identifier(name, "approvedTemplates"));
        return new WhatsAppNotificationSender(store, conversations, outbound, approvedTemplates, languageCode);
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
     * @throws InvalidInputException when the template's name, language or parameter is refused
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
     * @throws InvalidInputException for a system message
     * @throws za.co.proconnectsa.support.StoreUnavailableException when the store fails (nothing half-written:
     *                                                              call again, e.g. through Meta's redelivery)
     */
    public InboundResult ingest(InboundMessage message) {
        if (Checks.notNull(message, "message").type() == InboundMessage.Type.SYSTEM) {
            throw InvalidInputException.of("message", "is a system message, which onMessage applies to the contact");
        }
        InboundResult result = inbound.ingest(message);
        if (media != null) {
            // after the message: its download is queued once, however often the message is delivered
            media.enqueue(message);
        }
        return result;
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
     * @throws InvalidInputException                                    when the conversation is closed or already a ticket
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
                conversations.deliveries(c), attachments == null ? List.of() : attachments.byConversation(c.id()));
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
     * @throws za.co.proconnectsa.support.InvalidInputException when the period is missing or empty
     */
    public List<PricedMessages> pricedMessages(Actor actor, java.time.Instant from, java.time.Instant to) {
        desk.accessPolicy().check(actor, Permission.VIEW_ANALYTICS, null);
        Checks.notNull(from, "from");
        Checks.notNull(to, "to");
        if (!to.isAfter(from)) {
            throw InvalidInputException.of("to", "must be after from");
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
     * @throws InvalidInputException when the template is unknown or a value is missing (nothing is sent)
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
        return store.inTransaction(() -> conversations.close(surveys == null ? c : surveys.ask(c)));
    }

    /**
     * Closes the conversations that have waited longer than {@code idleFor} since their last change without becoming
     * a ticket (the idle timeout): each is closed in its own unit of work, with its satisfaction survey when the inbox
     * asks one ({@link Builder#surveyOnClose}). Run it on a schedule (every few minutes); a conversation that changes
     * meanwhile is left for the next run.
     *
     * @param idleFor how long an open conversation may wait, at least a minute
     * @return how many conversations were closed
     */
    public int closeIdle(Duration idleFor) {
        Checks.notNull(idleFor, "idleFor");
        if (idleFor.compareTo(Duration.ofMinutes(1)) < 0) {
            throw InvalidInputException.of("idleFor", "must be at least a minute, was " + idleFor);
        }
        Instant before = conversations.now().minus(idleFor);
        int closed = 0;
        ConversationQuery query = ConversationQuery.builder().status(ConversationStatus.OPEN).limit(200).build();
        while (true) {
            Page<Conversation> page = conversations.query(query);
            for (Conversation c : page.items()) {
                if (c.ticketId() != null || !c.updatedAt().isBefore(before)) {
                    continue;
                }
                try {
                    store.inTransaction(() -> conversations.closeAsRead(surveys == null ? c : surveys.ask(c)));
                    closed++;
                } catch (ConcurrentUpdateException changed) {
                    LOG.debug("Conversation {} changed while closing it as idle; left for the next run", c.number());
                }
            }
            if (!page.hasNext()) {
                return closed;
            }
            query = query.after(page.nextCursor());
        }
    }

    /**
     * An agent sends a file in a conversation: an image, document, audio, video or sticker, uploaded from the
     * attachment store when it is sent, or fetched by Meta from a public https link. Like a text it goes through the
     * send queue (keyed by a new id, so it is queued once) only while the 24-hour window is open, with a transcript
     * line marked queued whose {@link #delivery} follows it. An uploaded file is kept first as an attachment of the
     * conversation (and its ticket), so the customer can read it on the web too.
     *
     * @param agent              who sends it (agents and admins)
     * @param conversationNumber the conversation
     * @param file               the file
     * @return {@link ReplyDelivery#QUEUED} with the transcript line; or, with nothing queued,
     *         {@link ReplyDelivery#WINDOW_CLOSED} or {@link ReplyDelivery#FAILED} and why
     * @throws InvalidInputException when the file is over WhatsApp's limit or of a type it does not carry for its kind,
     *                             or when it is uploaded and the inbox keeps no attachments
     */
    public ConversationReplyResult replyWithMedia(Actor agent, String conversationNumber, MediaReply file) {
        Conversation c = conversationFor(agent, conversationNumber);
        Checks.notNull(file, "file");
        if (!OutboundMessages.canSendTo(c.contact())) {
            return new ConversationReplyResult(ReplyDelivery.FAILED, null, OutboundMessages.noNumber());
        }
        java.util.Optional<SendOutcome.RequiresTemplate> closed = outbound.windowClosed(c);
        if (closed.isPresent()) {
            return new ConversationReplyResult(ReplyDelivery.WINDOW_CLOSED, null, closed.get());
        }
        String cause = "agent-media:" + java.util.UUID.randomUUID();
        String ticketNumber = c.ticket().flatMap(store::findById).map(t -> t.number().text()).orElse(null);
        OutboundMessages.Sent out = store.inTransaction(() -> {
            java.util.UUID attachmentId = null;
            if (file.content() != null) {
                if (attachments == null) {
                    throw InvalidInputException.of("file", "the inbox keeps no attachments, so it cannot upload files;"
                            + " send a link or set WhatsAppInbox.Builder.attachments");
                }
                attachmentId = java.util.UUID.nameUUIDFromBytes(cause.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                attachments.save(new AttachmentRecord(attachmentId, file.kind(), file.contentType(),
                        file.content().length, AttachmentRecord.sha256Of(file.content()), file.fileName(), file.caption(),
                        desk.clock().instant(), c.id(), c.ticketId(), c.requesterId(), OutboundMessages.lineId(cause)),
                        file.content());
            }
            return outbound.mediaFromAgent(c, agent, file.caption(), file.kind(), attachmentId,
                    file.link() == null ? null : file.link().toString(), file.fileName(), cause, ticketNumber);
        });
        return new ConversationReplyResult(ReplyDelivery.QUEUED, out.lineId(), null);
    }

    /**
     * The files kept for a conversation (agents and admins), oldest first. A file still downloading is not listed
     * yet; its message is in the transcript already, with its caption.
     *
     * @param agent              who asks
     * @param conversationNumber the conversation
     * @return its attachments; empty when the inbox keeps no attachments
     */
    public List<AttachmentRecord> attachments(Actor agent, String conversationNumber) {
        Conversation c = conversationFor(agent, conversationNumber);
        return attachments == null ? List.of() : attachments.byConversation(c.id());
    }

    /**
     * The files of a ticket that came from WhatsApp, oldest first: those sent in its conversation, before and after
     * it became a ticket. Support staff see them all; any other actor must be allowed to see the ticket
     * ({@link Permission#VIEW_TICKET}) and sees only the files they sent or were sent themselves.
     *
     * @param actor        who asks
     * @param ticketNumber the ticket
     * @return its attachments; empty when the inbox keeps no attachments
     * @throws za.co.proconnectsa.support.ticket.TicketNotFoundException when there is no such ticket, or the actor
     *                                                                   may not see it
     */
    public List<AttachmentRecord> ticketAttachments(Actor actor, String ticketNumber) {
        Checks.notNull(actor, "actor");
        Ticket ticket = visibleTicket(actor, ticketNumber);
        if (attachments == null) {
            return List.of();
        }
        Map<java.util.UUID, AttachmentRecord> all = new java.util.LinkedHashMap<>();
        attachments.byTicket(ticket.id()).forEach(a -> all.put(a.id(), a));
        conversations.findByTicket(ticket.id()).ifPresent(c -> attachments.byConversation(c.id())
                .forEach(a -> all.putIfAbsent(a.id(), a)));
        return all.values().stream().filter(a -> mayRead(actor, a))
                .sorted(java.util.Comparator.comparing(AttachmentRecord::createdAt).thenComparing(AttachmentRecord::id))
                .toList();
    }

    /**
     * The bytes of a kept file. Support staff may read any; any other actor only a file they sent or were sent,
     * on a ticket they may see.
     *
     * @param actor        who asks
     * @param attachmentId the attachment's id
     * @return the bytes, as received
     * @throws AttachmentNotFoundException when there is no such file or the actor may not read it (not told apart)
     */
    public byte[] attachmentContent(Actor actor, java.util.UUID attachmentId) {
        Checks.notNull(actor, "actor");
        Checks.notNull(attachmentId, "attachmentId");
        AttachmentNotFoundException notFound = new AttachmentNotFoundException(attachmentId.toString());
        if (attachments == null) {
            throw notFound;
        }
        AttachmentRecord record = attachments.find(attachmentId).orElseThrow(() -> notFound);
        boolean allowed = desk.accessPolicy().permits(actor, Permission.WORK_CONVERSATIONS, null)
                || mayRead(actor, record) && ownTicket(actor, record);
        if (!allowed) {
            throw notFound;
        }
        return attachments.content(attachmentId).orElseThrow(() -> notFound);
    }

    private boolean mayRead(Actor actor, AttachmentRecord record) {
        return actor.role().isSupport() || actor.id().equals(record.requesterId());
    }

    private boolean ownTicket(Actor actor, AttachmentRecord record) {
        java.util.Optional<TicketId> ticketId = java.util.Optional.ofNullable(record.ticketId()).or(() ->
                java.util.Optional.ofNullable(record.conversationId()).flatMap(conversations::find)
                        .map(Conversation::ticketId));
        return ticketId.flatMap(store::findById)
                .filter(t -> desk.accessPolicy().permits(actor, Permission.VIEW_TICKET, t)).isPresent();
    }

    private Ticket visibleTicket(Actor actor, String ticketNumber) {
        if (ticketNumber == null || ticketNumber.isBlank()) {
            throw InvalidInputException.of("ticketNumber", "must not be blank");
        }
        String number = Text.identifier(ticketNumber.strip(), "ticketNumber");
        // a ticket the actor may not see is "not found", never revealed
        return store.findByNumber(number).filter(t -> desk.accessPolicy().permits(actor, Permission.VIEW_TICKET, t))
                .orElseThrow(() -> new TicketNotFoundException(number));
    }

    /** @return the texts this inbox sends, and the agents' quick responses */
    public ResponseTemplates templates() {
        return templates;
    }

    private Conversation conversationFor(Actor agent, String conversationNumber) {
        checkSupport(agent);
        if (conversationNumber == null || conversationNumber.isBlank()) {
            throw InvalidInputException.of("conversationNumber", "must not be blank");
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
        private AttachmentStore attachments;
        private final java.util.List<SendObserver> sendObservers = new java.util.ArrayList<>();
        private final Map<String, TemplateCategory> templateCategories = new java.util.HashMap<>();
        private Duration surveyInterval;
        private String surveyTemplate;
        private String surveyTemplateLanguage;

        private Builder() {
        }

        /**
         * Asks "How did we do?" when a conversation that never became a ticket closes ({@link #close} by an agent,
         * or {@link #closeIdle}): inside the 24-hour window an interactive message with the reply buttons "Good",
         * "Okay" and "Poor" (scores 5, 3 and 1), whose tap is recorded once on the conversation's survey; outside it
         * the approved template set with {@link #surveyOnCloseTemplate}, or nothing. At most one survey per
         * conversation and one per contact within {@code perContact}. The store must keep conversation surveys
         * ({@link ConversationSurveyStore}: the in-memory and JDBC stores do); the answers count in
         * {@link za.co.proconnectsa.support.analytics.AnalyticsReport#conversationSatisfaction()}.
         *
         * @param perContact the loop guard, e.g. 7 days
         * @return this builder
         */
        public Builder surveyOnClose(Duration perContact) {
            Checks.notNegative(perContact, "perContact");
            this.surveyInterval = perContact;
            return this;
        }

        /**
         * @param name         the approved template that asks for satisfaction outside the 24-hour window, with the
         *                     conversation number as its one body parameter
         * @param languageCode its language, e.g. {@code en}
         * @return this builder
         */
        public Builder surveyOnCloseTemplate(String name, String languageCode) {
            this.surveyTemplate = Text.identifier(name, "surveyOnCloseTemplate");
            this.surveyTemplateLanguage = Text.identifier(languageCode, "languageCode");
            return this;
        }

        /**
         * @param value told how each queued text ended, in registration order (for metrics)
         * @return this builder
         */
        public Builder sendObserver(SendObserver value) {
            this.sendObservers.add(Checks.notNull(value, "sendObserver"));
            return this;
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

        /**
         * @param value where conversations live, if not in the desk's store
         * @return this builder
         */
        public Builder conversations(ConversationStore value) {
            this.conversations = Checks.notNull(value, "conversations");
            return this;
        }

        /**
         * @param value the Cloud API client that sends
         * @return this builder
         */
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

        /**
         * @param value who contacts are in the host's application
         * @return this builder
         */
        public Builder contacts(ContactDirectory value) {
            this.contacts = Checks.notNull(value, "contacts");
            return this;
        }

        /**
         * @param value the texts sent and the agents' quick responses
         * @return this builder
         */
        public Builder templates(ResponseTemplates value) {
            this.templates = Checks.notNull(value, "templates");
            return this;
        }

        /**
         * @param value how conversation numbers look ({@code WA-000042} by default)
         * @return this builder
         */
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
         * Where the files of inbound media are kept, downloaded by {@link WhatsAppInbox#mediaWorker()}: a
         * {@link za.co.proconnectsa.support.attachment.FileSystemAttachmentStore} (the usual choice), the JDBC store's
         * {@code attachments()}, or the host's own. Without one the inbox uses the desk's
         * ({@link SupportDesk#attachments()}); with neither, media messages are recorded with their captions only and no
         * file is fetched. Give the store to the desk ({@code SupportDesk.Builder.attachments}) rather than here, so that
         * the desk's data-subject requests and retention purges reach the files; a store given here must be the desk's
         * if the desk has one.
         *
         * @param value the attachment store
         * @return this builder
         */
        public Builder attachments(AttachmentStore value) {
            this.attachments = Checks.notNull(value, "attachments");
            return this;
        }

        /**
         * Keeps the files of inbound media in a directory ({@link za.co.proconnectsa.support.attachment.FileSystemAttachmentStore}).
         *
         * @param directory where the files go; created when missing
         * @return this builder
         */
        public Builder attachmentDirectory(java.nio.file.Path directory) {
            this.attachments = za.co.proconnectsa.support.attachment.FileSystemAttachmentStore.create(directory);
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

        /**
         * @param value the name shown for automated messages ("Support" by default)
         * @return this builder
         */
        public Builder automationName(String value) {
            if (value == null || value.isBlank() || value.length() > 200) {
                throw InvalidInputException.of("automationName", "must be 1 to 200 characters");
            }
            this.automationName = value;
            return this;
        }

        private ResponseTemplates templates() {
            return templates != null ? templates : ResponseTemplates.defaults(desk.locale());
        }

        /**
         * @return the inbox
         * @throws InvalidInputException when the desk, its store or the client is missing, the store is not the desk's,
         *                             or no store keeps conversations
         */
        public WhatsAppInbox build() {
            if (desk == null) {
                throw InvalidInputException.of("desk", "must be set");
            }
            if (client == null) {
                throw InvalidInputException.of("client", "must be set");
            }
            if (store == null || !desk.isBackedBy(store)) {
                throw InvalidInputException.of("store", "must be the store the desk was built with");
            }
            if (!(store instanceof WorkQueue)) {
                throw InvalidInputException.of("store", "keeps no job queue (WorkQueue), which holds the messages the inbox "
                        + "sends; the in-memory and JDBC stores do");
            }
            if (conversations == null) {
                if (!(store instanceof ConversationStore own)) {
                    throw InvalidInputException.of("conversations", "the desk's store does not keep conversations; "
                            + "set a ConversationStore");
                }
                conversations = own;
            }
            if (attachments == null) {
                attachments = desk.attachments().orElse(null);
            } else if (desk.attachments().isEmpty()) {
                LOG.warn("The WhatsApp inbox keeps files in an attachment store the desk was not given: data-subject "
                        + "exports, erasures and retention purges will not reach them; set SupportDesk.Builder.attachments");
            } else if (desk.attachments().get() != attachments) {
                throw InvalidInputException.of("attachments", "must be the desk's attachment store, so that data-subject"
                        + " requests reach the files; leave it unset to use the desk's");
            }
            if (surveyInterval != null && !(store instanceof ConversationSurveyStore)) {
                throw InvalidInputException.of("surveyOnClose", "the desk's store does not keep conversation surveys "
                        + "(ConversationSurveyStore); the in-memory and JDBC stores do");
            }
            if (surveyTemplate != null && surveyInterval == null) {
                throw InvalidInputException.of("surveyOnCloseTemplate", "needs surveyOnClose(...)");
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
                throw InvalidInputException.of("templates", "the \"" + name + "\" text may use only " + new TreeSet<>(known)
                        + ", not " + unknown);
            }
        }
    }
}
