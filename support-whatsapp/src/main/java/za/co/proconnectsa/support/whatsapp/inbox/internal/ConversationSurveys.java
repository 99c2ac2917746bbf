package za.co.proconnectsa.support.whatsapp.inbox.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import za.co.proconnectsa.support.conversation.Conversation;
import za.co.proconnectsa.support.internal.PhoneMasking;
import za.co.proconnectsa.support.satisfaction.ConversationSurvey;
import za.co.proconnectsa.support.spi.ConversationSurveyStore;
import za.co.proconnectsa.support.whatsapp.inbox.WhatsAppInbox;

/**
 * "How did we do?" when a conversation closes without having become a ticket: at most one survey per conversation
 * and one per contact within the loop guard's interval, written with its message to the send queue in the unit of
 * work that closes the conversation. Inside the 24-hour window the reply buttons of {@link SurveyButtons} go out;
 * outside it the approved template, when one is set, else nothing.
 */
public final class ConversationSurveys {

    /** The text above the buttons; the conversation number follows. */
    static final String TEXT = "How did we do? Tap a button to rate this chat";

    private static final Logger LOG = LoggerFactory.getLogger(WhatsAppInbox.class);

    private final ConversationSurveyStore store;
    private final OutboundMessages outbound;
    private final ConversationLog conversations;
    private final Duration perContact;
    private final String template;
    private final String templateLanguage;

    /**
     * @param store            where the surveys are kept
     * @param outbound         the send queue
     * @param conversations    the conversations
     * @param perContact       the loop guard: one survey per contact in this interval
     * @param template         the approved template outside the window, or {@code null} to ask only inside it
     * @param templateLanguage its language, or {@code null}
     */
    public ConversationSurveys(ConversationSurveyStore store, OutboundMessages outbound, ConversationLog conversations,
            Duration perContact, String template, String templateLanguage) {
        this.store = store;
        this.outbound = outbound;
        this.conversations = conversations;
        this.perContact = perContact;
        this.template = template;
        this.templateLanguage = templateLanguage;
    }

    /**
     * Asks about a conversation about to be closed, in the caller's unit of work.
     *
     * @param conversation the conversation, still open
     * @return the conversation after the survey's line was recorded (unchanged when none was asked)
     */
    public Conversation ask(Conversation conversation) {
        if (conversation.ticketId() != null || !OutboundMessages.canSendTo(conversation.contact())) {
            return conversation;
        }
        Instant now = conversations.now();
        Optional<Instant> last = store.lastConversationSurveyAsked(conversation.contact());
        if (last.isPresent() && last.get().plus(perContact).isAfter(now)) {
            LOG.debug("No survey on conversation {}: {} was asked within {}", conversation.number(),
                    PhoneMasking.mask(conversation.contact()), perContact);
            return conversation;
        }
        boolean windowOpen = outbound.windowClosed(conversation).isEmpty();
        if (!windowOpen && template == null) {
            return conversation;   // nothing may be sent: no survey is opened that nobody is asked
        }
        ConversationSurvey survey = ConversationSurvey.asked(conversation.id(), conversation.number().text(),
                conversation.contact(), now);
        if (!store.openConversationSurvey(survey)) {
            return conversation;   // one survey per conversation
        }
        String cause = "survey:" + conversation.id();
        OutboundMessages.Sent sent = windowOpen
                ? outbound.automatedButtons(conversation, TEXT + " (" + conversation.number().text() + ").",
                        SurveyButtons.ofConversation(survey.id()), "survey", cause, null, null)
                : outbound.template(conversation, template, templateLanguage, conversation.number().text(), cause, null);
        LOG.debug("Satisfaction survey of conversation {} queued", conversation.number());
        return sent.conversation();
    }

    /**
     * Records a tap on a conversation survey's button, once.
     *
     * @param answer  the tap
     * @param contact who tapped
     * @return whether it was recorded: a survey of this contact, unanswered until now
     */
    public boolean answer(SurveyButtons.Answer answer, String contact) {
        Optional<ConversationSurvey> survey = answer.surveyId().flatMap(store::findConversationSurvey)
                .filter(s -> s.contact().equals(contact));
        return survey.isPresent()
                && store.recordConversationAnswer(survey.get().id(), answer.score(), null, conversations.now());
    }
}
