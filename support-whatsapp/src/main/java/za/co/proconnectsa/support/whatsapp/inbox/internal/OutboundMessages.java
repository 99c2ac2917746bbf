package za.co.proconnectsa.support.whatsapp.inbox.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.conversation.Conversation;
import za.co.proconnectsa.support.conversation.ConversationMessage;
import za.co.proconnectsa.support.conversation.ConversationMessage.Author;
import za.co.proconnectsa.support.util.Text;
import za.co.proconnectsa.support.util.PhoneMasking;
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

    /**
     * @param client         the Cloud API client
     * @param conversations  where sent messages are recorded
     * @param clock          the desk's clock, for the customer-service window
     * @param automationName the name shown for automated messages
     */
    public OutboundMessages(WhatsAppCloudClient client, ConversationLog conversations, Clock clock,
            String automationName) {
        this.client = client;
        this.conversations = conversations;
        this.clock = clock;
        this.automationName = automationName;
    }

    /** Sends an agent's text inside the window and, when it was sent, records it as theirs. */
    public Sent fromAgent(Conversation conversation, Actor agent, String text) {
        return send(conversation, text, Author.AGENT, agent.id(), agent.displayName());
    }

    /**
     * Sends an automated text inside the window and, when it was sent, records it.
     *
     * @param source what produced it (an FAQ entry, "escalated", ...), kept as the message's author id
     */
    public Sent automated(Conversation conversation, String text, String source) {
        return send(conversation, text, Author.AUTOMATED, source, automationName);
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
