package za.co.proconnectsa.support.whatsapp.inbox.internal;

import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import za.co.proconnectsa.support.conversation.Conversation;
import za.co.proconnectsa.support.notify.Notification;
import za.co.proconnectsa.support.notify.NotificationChannel;
import za.co.proconnectsa.support.notify.NotificationType;
import za.co.proconnectsa.support.notify.RequesterContact;
import za.co.proconnectsa.support.queue.AbandonJobException;
import za.co.proconnectsa.support.spi.NotificationSender;
import za.co.proconnectsa.support.spi.TicketStore;
import za.co.proconnectsa.support.whatsapp.inbox.WhatsAppInbox;

/**
 * Puts requester notifications on the inbox's send queue, in the notification worker's unit: the notification's text
 * inside the 24-hour window (a satisfaction survey with the reply buttons of {@link SurveyButtons}), its approved
 * template (with the ticket number as the body parameter) outside it. The
 * send is keyed by the notification, so a retried notification queues it once. "Ticket received" and "an agent
 * replied" are already told on WhatsApp by the inbox (the escalation's message, {@link WhatsAppInbox#replyOnTicket}),
 * so they are not sent a second time.
 */
public final class WhatsAppNotificationSender implements NotificationSender {

    private static final Logger LOG = LoggerFactory.getLogger(WhatsAppInbox.class);

    private final TicketStore store;
    private final ConversationLog conversations;
    private final OutboundMessages outbound;
    private final Map<NotificationType, String> templates;
    private final String templateLanguage;

    /**
     * @param store            the desk's store, to find the ticket
     * @param conversations    the inbox's conversations
     * @param outbound         the inbox's send queue
     * @param templates        the approved template per notification type, for outside the window
     * @param templateLanguage the templates' language code
     */
    public WhatsAppNotificationSender(TicketStore store, ConversationLog conversations, OutboundMessages outbound,
            Map<NotificationType, String> templates, String templateLanguage) {
        this.store = store;
        this.conversations = conversations;
        this.outbound = outbound;
        this.templates = Map.copyOf(templates);
        this.templateLanguage = templateLanguage;
    }

    @Override
    public NotificationChannel channel() {
        return NotificationChannel.WHATSAPP;
    }

    @Override
    public void send(Notification notification, RequesterContact contact) {
        if (notification.type() == NotificationType.TICKET_RECEIVED
                || notification.type() == NotificationType.AGENT_REPLIED) {
            LOG.debug("{} of ticket {} is told on WhatsApp by the inbox itself", notification.type(),
                    notification.ticketNumber());
            return;
        }
        Conversation c = conversation(notification, contact).orElseThrow(() -> new AbandonJobException(
                "no WhatsApp conversation with the requester of " + notification.ticketNumber()
                        + ": a business-initiated first message is not sent from notifications"));
        String cause = "notify:" + notification.key();
        String unsent = "The notification \"" + notification.subject() + "\" was not delivered on WhatsApp: ";
        if (outbound.windowClosed(c).isEmpty()) {
            Optional<String> survey = notification.type() == NotificationType.SATISFACTION_SURVEY
                    ? SurveyButtons.token(notification.link()) : Optional.empty();
            if (survey.isPresent()) {
                // inside the window the requester answers with a tap; the text keeps the link for a 1 to 5 score
                outbound.automatedButtons(c, notification.text(), SurveyButtons.of(survey.get()), "notification",
                        cause, notification.ticketNumber(), unsent);
                return;
            }
            outbound.automated(c, notification.text(), "notification", cause, notification.ticketNumber(), unsent);
            return;
        }
        String template = templates.get(notification.type());
        if (template == null) {
            throw new AbandonJobException("the 24-hour window is closed and no approved template is set for "
                    + notification.type());
        }
        outbound.template(c, template, templateLanguage, notification.ticketNumber(), cause,
                notification.ticketNumber());
    }

    private Optional<Conversation> conversation(Notification notification, RequesterContact contact) {
        Optional<Conversation> byTicket = store.findByNumber(notification.ticketNumber())
                .flatMap(t -> conversations.findByTicket(t.id()));
        if (byTicket.isPresent() || contact.whatsApp() == null) {
            return byTicket;
        }
        return conversations.findActive(contact.whatsApp().replaceAll("[^0-9]", ""));
    }
}
