package za.co.proconnectsa.support.whatsapp.inbox.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.conversation.Conversation;
import za.co.proconnectsa.support.conversation.ConversationMessage.Author;
import za.co.proconnectsa.support.conversation.ConversationMessage;
import za.co.proconnectsa.support.queue.Job;
import za.co.proconnectsa.support.spi.WorkQueue;
import za.co.proconnectsa.support.util.PhoneMasking;
import za.co.proconnectsa.support.util.Text;
import za.co.proconnectsa.support.whatsapp.cloud.CustomerServiceWindow;
import za.co.proconnectsa.support.whatsapp.cloud.ProviderError;
import za.co.proconnectsa.support.whatsapp.cloud.SendOutcome;
import za.co.proconnectsa.support.whatsapp.cloud.TemplateMessage;
import za.co.proconnectsa.support.whatsapp.cloud.WhatsAppCloudClient;
import za.co.proconnectsa.support.whatsapp.inbox.WhatsAppInbox;

/**
 * Everything the inbox sends on WhatsApp, and the record of it in the transcript: the only part that calls the
 * Cloud API client. A free-form text goes out only inside the 24-hour window; a send that fails is returned, never
 * thrown.
 */
public final class OutboundMessages {

    // hosts set one log level for the whole inbox
    private static final Logger LOG = LoggerFactory.getLogger(WhatsAppInbox.class);

    /**
     * A send and the conversation after it.
     *
     * @param outcome      the Cloud API's answer
     * @param conversation the conversation, with the message recorded when it was sent
     */
    public record Sent(SendOutcome outcome, Conversation conversation) {
    }

    private final WhatsAppCloudClient client;
    private final ConversationLog conversations;
    private final Clock clock;
    private final String automationName;
    private final WorkQueue queue;

    /**
     * @param client         the Cloud API client
     * @param conversations  where sent messages are recorded
     * @param clock          the desk's clock, for the customer-service window
     * @param automationName the name shown for automated messages
     * @param queue          where automated texts wait to be sent, or {@code null} to send them at once
     */
    public OutboundMessages(WhatsAppCloudClient client, ConversationLog conversations, Clock clock,
            String automationName, WorkQueue queue) {
        this.client = client;
        this.conversations = conversations;
        this.clock = clock;
        this.automationName = automationName;
        this.queue = queue;
    }

    /** Sends an agent's text inside the window and, when it was sent, records it as theirs. */
    public Sent fromAgent(Conversation conversation, Actor agent, String text) {
        return send(conversation, text, Author.AGENT, agent.id(), agent.displayName());
    }

    /**
     * An automated text caused by an inbound message or an escalation. With a queue it is written to the queue, in the
     * caller's unit of work, keyed by its cause, and recorded in the transcript now; the send queue delivers it once
     * the unit has committed ({@link QueuedSends}), so a crash never loses it and a retry of the cause never queues
     * it twice. Without a queue it is sent at once and recorded when sent.
     *
     * @param source       what produced it (an FAQ entry, "escalated", ...), kept as the message's author id
     * @param cause        what caused it, unique per text: the inbound message id or the conversation, and a purpose
     * @param ticketNumber the ticket to note on when it cannot be delivered, or {@code null}
     * @param unsentNote   that note's opening words, or {@code null}
     * @return the send; its outcome is {@code null} when the text was queued
     */
    public Sent automated(Conversation conversation, String text, String source, String cause, String ticketNumber,
            String unsentNote) {
        if (queue == null || !canSendTo(conversation.contact())) {
            return send(conversation, text, Author.AUTOMATED, source, automationName);
        }
        String key = cause.length() <= Job.MAX_KEY_LENGTH && Text.isIdentifier(cause) ? cause : digest(cause);
        QueuedSend send = new QueuedSend(conversation.contact(), text, conversation.lastInboundAt(), ticketNumber,
                unsentNote);
        if (!queue.enqueueJob(QueuedSend.KIND, key, send.encode(), conversations.now())) {
            return new Sent(null, conversation);
        }
        return new Sent(null, conversations.recordSent(conversation, new ConversationMessage("out." + digest(cause),
                conversation.id(), conversation.contact(), Author.AUTOMATED, source, automationName, text,
                conversations.now())));
    }

    /**
     * Sends a queued text, inside the window it was written in.
     *
     * @param send the queued text
     * @return the Cloud API's answer
     */
    SendOutcome deliver(QueuedSend send) {
        CustomerServiceWindow window = CustomerServiceWindow.since(
                send.windowOpened() == null ? Instant.EPOCH : send.windowOpened(), clock);
        return client.reply(window, send.contact(), send.text());
    }

    private static String digest(String cause) {
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(cause.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(hash, 0, 20);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private Sent send(Conversation conversation, String text, Author author, String authorId, String authorName) {
        if (!canSendTo(conversation.contact())) {
            return new Sent(noNumber(), conversation);
        }
        // never written to: the window was never open
        CustomerServiceWindow window = window(conversation)
                .orElseGet(() -> CustomerServiceWindow.since(Instant.EPOCH, clock));
        SendOutcome outcome = client.reply(window, conversation.contact(), text);
        if (outcome instanceof SendOutcome.Sent sent) {
            return new Sent(outcome, conversations.recordSent(conversation, new ConversationMessage(transcriptId(sent),
                    conversation.id(), conversation.contact(), author, authorId, authorName, text, conversations.now())));
        }
        LOG.warn("WhatsApp message to {} in conversation {} not sent: {}", PhoneMasking.mask(conversation.contact()),
                conversation.number(), describe(outcome));
        return new Sent(outcome, conversation);
    }

    /** The transcript keeps only ids every store keeps exactly; the send is done either way. */
    private static String transcriptId(SendOutcome.Sent sent) {
        return Text.isIdentifier(sent.messageId()) ? sent.messageId() : ConversationMessage.generatedId();
    }

    /**
     * Sends an approved template with one body parameter, whatever the window, and records it when it was sent.
     *
     * @param name          the template's name
     * @param languageCode  its language
     * @param bodyParameter its one body parameter
     */
    public Sent template(Conversation conversation, String name, String languageCode, String bodyParameter) {
        TemplateMessage template = TemplateMessage.builder(name, languageCode).bodyText(bodyParameter).build();
        SendOutcome outcome = client.sendTemplate(conversation.contact(), template);
        if (outcome instanceof SendOutcome.Sent sent) {
            return new Sent(outcome, conversations.recordSent(conversation, new ConversationMessage(transcriptId(sent),
                    conversation.id(), conversation.contact(), Author.AUTOMATED, "template:" + name, automationName,
                    "[template " + name + ": " + bodyParameter + "]", conversations.now())));
        }
        return new Sent(outcome, conversation);
    }

    /** @return the conversation's 24-hour customer-service window, or empty before the contact wrote */
    public Optional<CustomerServiceWindow> window(Conversation conversation) {
        return Optional.ofNullable(conversation.lastInboundAt()).map(at -> CustomerServiceWindow.since(at, clock));
    }

    /** @return whether a message can be sent to the contact: the client sends to phone numbers, not usernames */
    public static boolean canSendTo(String contact) {
        return contact.chars().allMatch(Character::isDigit);
    }

    /** @return the outcome of a send to a contact without a phone number: failed, not retryable, nothing sent */
    public static SendOutcome noNumber() {
        return new SendOutcome.Failed(new ProviderError(0, 0, 0, "",
                "The contact wrote without a phone number (username only); this client can only send to numbers", "", ""),
                false);
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
        return (f.retryable() ? "retryable " : "") + "error " + f.providerError().code() + ": " + f.providerError().message();
    }
}
