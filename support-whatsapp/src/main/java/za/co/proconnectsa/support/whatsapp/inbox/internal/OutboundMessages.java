package za.co.proconnectsa.support.whatsapp.inbox.internal;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.attachment.AttachmentKind;
import za.co.proconnectsa.support.attachment.AttachmentRecord;
import za.co.proconnectsa.support.conversation.Conversation;
import za.co.proconnectsa.support.conversation.ConversationMessage.Author;
import za.co.proconnectsa.support.conversation.ConversationMessage;
import za.co.proconnectsa.support.conversation.MessageDelivery;
import za.co.proconnectsa.support.queue.Job;
import za.co.proconnectsa.support.spi.AttachmentStore;
import za.co.proconnectsa.support.spi.WorkQueue;
import za.co.proconnectsa.support.internal.Text;
import za.co.proconnectsa.support.whatsapp.cloud.CustomerServiceWindow;
import za.co.proconnectsa.support.whatsapp.cloud.MediaTransferException;
import za.co.proconnectsa.support.whatsapp.cloud.OutboundMedia;
import za.co.proconnectsa.support.whatsapp.cloud.ProviderError;
import za.co.proconnectsa.support.whatsapp.cloud.internal.LogText;
import za.co.proconnectsa.support.whatsapp.cloud.ReplyButton;
import za.co.proconnectsa.support.whatsapp.cloud.SendOutcome;
import za.co.proconnectsa.support.whatsapp.cloud.TemplateCategory;
import za.co.proconnectsa.support.whatsapp.cloud.TemplateMessage;
import za.co.proconnectsa.support.whatsapp.cloud.WhatsAppCloudClient;
import za.co.proconnectsa.support.whatsapp.cloud.internal.Recipients;

/**
 * Everything the inbox sends on WhatsApp, and the record of it in the transcript: the only part that calls the
 * Cloud API client. Every message is first written to the send queue, in the unit of work of its cause and keyed by
 * that cause and about its transcript line, with that line marked {@link MessageDelivery.State#QUEUED};
 * {@link QueuedSends} delivers it later, at most once. A free-form text goes out only inside the 24-hour window.
 */
public final class OutboundMessages {

    /**
     * A message written to the send queue, or refused before it was.
     *
     * @param outcome      why it was not queued (a contact without a phone number), or {@code null} when it was
     * @param conversation the conversation, with the message's line when it was queued
     * @param lineId       the transcript line that records it, or {@code null} when nothing was queued
     */
    public record Sent(SendOutcome outcome, Conversation conversation, String lineId) {
    }

    private final WhatsAppCloudClient client;
    private final ConversationLog conversations;
    private final Clock clock;
    private final String automationName;
    private final WorkQueue queue;
    private final AttachmentStore attachments;
    private final TemplateCategories categories;
    private final java.util.function.Predicate<String> mayMarketTo;

    /**
     * @param client         the Cloud API client
     * @param conversations  where sent messages are recorded
     * @param clock          the desk's clock, for the customer-service window
     * @param automationName the name shown for automated messages
     * @param queue          the send queue
     * @param attachments    where agents' files wait to be uploaded, or {@code null} when the inbox keeps none
     * @param categories     the templates' categories
     * @param mayMarketTo    the consent ledger's answer for a contact
     */
    public OutboundMessages(WhatsAppCloudClient client, ConversationLog conversations, Clock clock,
            String automationName, WorkQueue queue, AttachmentStore attachments,
            TemplateCategories categories, java.util.function.Predicate<String> mayMarketTo) {
        this.categories = categories;
        this.mayMarketTo = mayMarketTo;
        this.client = client;
        this.conversations = conversations;
        this.clock = clock;
        this.automationName = automationName;
        this.queue = queue;
        this.attachments = attachments;
    }

    /**
     * An automated text caused by an inbound message or an escalation, queued in the caller's unit of work, keyed by
     * its cause, and recorded in the transcript now: a crash never loses it and a retry of the cause never queues it
     * twice.
     *
     * @param source       what produced it (an FAQ entry, "escalated", ...), kept as the message's author id
     * @param cause        what caused it, unique per text: the inbound message id or the conversation, and a purpose
     * @param ticketNumber the ticket to note on when it cannot be delivered, or {@code null}
     * @param unsentNote   that note's opening words, or {@code null}
     * @return the queued text, or the refusal when the contact has no phone number
     */
    public Sent automated(Conversation conversation, String text, String source, String cause, String ticketNumber,
            String unsentNote) {
        return queue(conversation, new ConversationMessage(lineId(cause), conversation.id(),
                conversation.contact(), Author.AUTOMATED, source, automationName, text, conversations.now()),
                text, cause, ticketNumber, unsentNote, null, null, null, List.of());
    }

    /**
     * An agent's text, queued in the caller's unit of work and recorded in the transcript as theirs.
     *
     * @param cause what it answers, unique per reply (a new reply id, or the ticket reply it copies)
     */
    public Sent fromAgent(Conversation conversation, Actor agent, String text, String cause, String ticketNumber) {
        return queue(conversation, new ConversationMessage(lineId(cause), conversation.id(),
                conversation.contact(), Author.AGENT, agent.id(), agent.displayName(), text, conversations.now()),
                text, cause, ticketNumber, ticketNumber == null ? null : "This reply was not delivered on WhatsApp: ", null, null,
                null, List.of());
    }

    /**
     * An automated interactive message with reply buttons, queued in the caller's unit of work and keyed by its
     * cause like {@link #automated}; it goes out only while the 24-hour window is open (Meta refuses it outside).
     *
     * @param buttons 1 to 3 reply buttons
     */
    public Sent automatedButtons(Conversation conversation, String text, List<ReplyButton> buttons, String source,
            String cause, String ticketNumber, String unsentNote) {
        String line = text + buttons.stream().map(b -> "[" + b.title() + "]").collect(Collectors.joining(" ", "\n", ""));
        return queue(conversation, new ConversationMessage(lineId(cause), conversation.id(),
                conversation.contact(), Author.AUTOMATED, source, automationName, line, conversations.now()),
                text, cause, ticketNumber, unsentNote, null, null, null, buttons);
    }

    /**
     * An approved template with one body parameter, queued in the caller's unit of work, whatever the window.
     *
     * @param name          the template's name
     * @param languageCode  its language
     * @param bodyParameter its one body parameter
     * @param cause         what it answers, unique per send
     */
    public Sent template(Conversation conversation, String name, String languageCode, String bodyParameter, String cause,
            String ticketNumber) {
        return queue(conversation, new ConversationMessage(lineId(cause), conversation.id(),
                conversation.contact(), Author.AUTOMATED, "template:" + name, automationName,
                "[template " + name + ": " + bodyParameter + "]", conversations.now()), bodyParameter, cause, ticketNumber,
                "The reply's template " + name + " was not delivered on WhatsApp: ", name, languageCode, null,
                List.of());
    }

    /**
     * An agent's file (an uploaded attachment or a link), queued in the caller's unit of work and recorded in the
     * transcript as theirs: its caption, or {@code [image]} / {@code [document name.pdf]} without one.
     *
     * @param caption      the caption, or {@code null}
     * @param kind         the kind of file
     * @param attachmentId the kept file to upload, or {@code null} when sent by link
     * @param link         the public https link, or {@code null} when uploaded
     * @param fileName     a document's name, or {@code null}
     * @param cause        what it answers, unique per send
     */
    public Sent mediaFromAgent(Conversation conversation, Actor agent, String caption, AttachmentKind kind,
            java.util.UUID attachmentId, String link, String fileName, String cause, String ticketNumber) {
        QueuedSend.Media media = new QueuedSend.Media(kind, attachmentId, link, fileName);
        String line = caption != null ? caption
                : "[" + media.kind().label() + (media.fileName() == null ? "" : " " + media.fileName()) + "]";
        return queue(conversation, new ConversationMessage(lineId(cause), conversation.id(),
                conversation.contact(), Author.AGENT, agent.id(), agent.displayName(), line, conversations.now()),
                caption == null ? "" : caption, cause, ticketNumber,
                ticketNumber == null ? null : "This file was not delivered on WhatsApp: ", null, null, media,
                List.of());
    }

    /** @return the transcript line id of the message a cause queues */
    public static String lineId(String cause) {
        return "out." + digest(cause);
    }

    private Sent queue(Conversation conversation, ConversationMessage line, String text, String cause,
            String ticketNumber, String unsentNote, String templateName, String templateLanguage,
            QueuedSend.Media media, List<ReplyButton> buttons) {
        if (!canSendTo(conversation.contact())) {
            return new Sent(noNumber(), conversation, null);
        }
        QueuedSend send = new QueuedSend(conversation.contact(), text, conversation.lastInboundAt(), line.id(),
                ticketNumber, unsentNote, templateName, templateLanguage, media, buttons);
        // about its line: an erasure of the contact or a purge of the line finds the send by it and empties it
        if (!queue.enqueueJob(QueuedSend.KIND, Job.keyOf(cause), send.encode(), line.at(), line.id())) {
            // the same cause queued it before: the line is there already
            return new Sent(null, conversation, line.id());
        }
        return new Sent(null, conversations.recordQueued(conversation, line), line.id());
    }

    /**
     * Reads what a queued message needs from the store before anything is sent: where it goes now and, for a
     * marketing template, whether the ledger still shows the contact's opt-in.
     *
     * @param send the queued message
     * @return the recipient, or the refusal that stops the send
     */
    Prepared prepare(QueuedSend send) {
        // the contact's phone number when known, else their business-scoped user id as it is now (it may have changed)
        String to = conversations.sendTarget(send.contact());
        // the category as it is now: Meta may have moved the template to marketing since it was queued
        TemplateCategory category = send.isTemplate() ? categories.of(send.templateName()).orElse(null) : null;
        if (category == TemplateCategory.MARKETING && !mayMarketTo.test(send.contact())) {
            return new Prepared(to, category, new SendOutcome.Failed(ProviderError.notSent("The contact has not opted"
                    + " in to marketing messages (the consent ledger shows no opt-in), so the marketing template was"
                    + " not sent"), false));
        }
        return new Prepared(to, category, null);
    }

    /**
     * What a queued message needs, read before it is sent.
     *
     * @param to       where it goes
     * @param category its template's category, or null
     * @param refusal  why it must not be sent, or null
     */
    record Prepared(String to, TemplateCategory category, SendOutcome refusal) {
    }

    /**
     * Sends a queued message: a text inside the window it was written in, or its template.
     *
     * @param send     the queued message
     * @param prepared what {@link #prepare} read for it
     * @return the Cloud API's answer, or the refusal
     */
    SendOutcome deliver(QueuedSend send, Prepared prepared) {
        if (prepared.refusal() != null) {
            return prepared.refusal();
        }
        if (send.isTemplate()) {
            return client.sendTemplate(prepared.to(), TemplateMessage.builder(send.templateName(),
                    send.templateLanguage()).category(prepared.category()).bodyText(send.text()).build());
        }
        CustomerServiceWindow window = CustomerServiceWindow.since(
                send.windowOpened() == null ? Instant.EPOCH : send.windowOpened(), clock);
        if (send.media() != null) {
            return window.isOpen() ? deliverMedia(send) : new SendOutcome.RequiresTemplate(window.closesAt());
        }
        if (!send.buttons().isEmpty()) {
            return window.isOpen() ? client.sendButtons(prepared.to(), send.text(), send.buttons())
                    : new SendOutcome.RequiresTemplate(window.closesAt());
        }
        return client.reply(window, prepared.to(), send.text());
    }

    /** Uploads a kept file (again on every attempt: an upload sends nothing to the customer) and sends it. */
    private SendOutcome deliverMedia(QueuedSend send) {
        QueuedSend.Media media = send.media();
        String caption = send.text().isEmpty() ? null : send.text();
        if (media.link() != null) {
            return client.sendMedia(send.contact(), OutboundMedia.byLink(media.kind(), URI.create(media.link()), caption,
                    media.fileName()));
        }
        Optional<AttachmentRecord> record = attachments == null ? Optional.empty() : attachments.find(media.attachmentId());
        Optional<byte[]> content = record.flatMap(r -> attachments.content(r.id()));
        if (content.isEmpty()) {
            return new SendOutcome.Failed(new ProviderError(0, 0, 0, "", "The file " + media.attachmentId()
                    + " to send is no longer kept", "", ""), false);
        }
        String mediaId;
        try {
            mediaId = client.uploadMedia(content.get(), record.get().contentType(),
                    media.fileName() != null ? media.fileName() : media.kind().label());
        } catch (MediaTransferException e) {
            return new SendOutcome.Failed(new ProviderError(e.httpStatus(), 0, 0, "", "The upload failed: "
                    + e.getMessage(), "", ""), e.retryable());
        }
        return client.sendMedia(send.contact(), OutboundMedia.uploaded(media.kind(), mediaId, caption, media.fileName()));
    }

    /**
     * Records what became of a queued message on its transcript line.
     *
     * @param send    the queued message
     * @param outcome the Cloud API's answer
     * @param state   the line's new state
     */
    void recordOutcome(QueuedSend send, SendOutcome outcome, MessageDelivery.State state) {
        String providerId = outcome instanceof SendOutcome.Sent sent && Text.isIdentifier(sent.messageId())
                ? sent.messageId() : null;
        conversations.recordDelivery(new MessageDelivery(send.lineId(), state, providerId,
                state == MessageDelivery.State.SENT ? null : describe(outcome), conversations.now()));
    }

    /** @return whether the transcript line of a queued message is still kept (its conversation was not purged) */
    boolean lineKept(QueuedSend send) {
        return conversations.findMessage(send.lineId()).isPresent();
    }

    /** Records that a queued message may or may not have gone out, and why. */
    void recordUnknown(QueuedSend send, String why) {
        conversations.recordDelivery(new MessageDelivery(send.lineId(), MessageDelivery.State.UNKNOWN, null, why,
                conversations.now()));
    }

    /** The first 20 bytes of the cause's SHA-256, in hex: the same keys as before, from core's one digest helper. */
    private static String digest(String cause) {
        return za.co.proconnectsa.support.internal.Fingerprints.sha256Hex(cause).substring(0, 40);
    }

    /** @return the conversation's 24-hour customer-service window, or empty before the contact wrote */
    public Optional<CustomerServiceWindow> window(Conversation conversation) {
        return Optional.ofNullable(conversation.lastInboundAt()).map(at -> CustomerServiceWindow.since(at, clock));
    }

    /**
     * @return why a free-form text cannot be sent now: the window closed (or never opened), with when it closed; empty
     *         while it is open
     */
    public Optional<SendOutcome.RequiresTemplate> windowClosed(Conversation conversation) {
        CustomerServiceWindow window = window(conversation)
                .orElseGet(() -> CustomerServiceWindow.since(Instant.EPOCH, clock));
        return window.isOpen() ? Optional.empty() : Optional.of(new SendOutcome.RequiresTemplate(window.closesAt()));
    }

    /**
     * @return whether a message can be sent to the contact: a phone number (sent as {@code to}) or a business-scoped
     *         user id (sent as {@code recipient}), never a bare username
     */
    public static boolean canSendTo(String contact) {
        return contact.chars().allMatch(Character::isDigit) || Recipients.isUserId(contact);
    }

    /** @return the outcome of a send to a contact without a phone number: failed, not retryable, nothing sent */
    public static SendOutcome noNumber() {
        return new SendOutcome.Failed(ProviderError.notSent(
                "The contact has neither a phone number nor a business-scoped user id to send to"), false);
    }

    /**
     * @param outcome a send's outcome
     * @return whether the request went out unanswered: the message may have been delivered, and is not sent again
     */
    public static boolean outcomeUnknown(SendOutcome outcome) {
        return outcome instanceof SendOutcome.Failed f && f.providerError().code() == ProviderError.CODE_OUTCOME_UNKNOWN;
    }

    /** @return a send's outcome in words, for a log line or an internal note */
    public static String describe(SendOutcome outcome) {
        if (outcome instanceof SendOutcome.Sent s) {
            return "sent " + s.messageId();
        }
        if (outcome instanceof SendOutcome.RequiresTemplate t) {
            return "the customer-service window closed at " + t.windowClosedAt();
        }
        SendOutcome.Failed f = (SendOutcome.Failed) outcome;
        ProviderError e = f.providerError();
        // Meta's details (error_data) say more than the title, which Meta means to drop
        String why = e.details().isEmpty() ? e.message() : e.details();
        String kind = switch (e.errorClass()) {
            case CONFIGURATION -> "configuration error (an administrator must fix the WhatsApp settings) ";
            case RETRYABLE -> f.retryable() ? "retryable error " : "error ";
            default -> "error ";
        };
        // Meta's texts may quote the customer's number; this one goes to log lines and notes, so its numbers are masked
        return kind + e.code() + ": " + LogText.maskNumbers(why);
    }
}
