package za.co.proconnectsa.support.internal;

import java.net.URI;
import java.text.MessageFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import za.co.proconnectsa.support.notify.Notification;
import za.co.proconnectsa.support.notify.NotificationChannel;
import za.co.proconnectsa.support.notify.NotificationService;
import za.co.proconnectsa.support.notify.NotificationType;
import za.co.proconnectsa.support.notify.RequesterContact;
import za.co.proconnectsa.support.queue.Job;
import za.co.proconnectsa.support.satisfaction.SatisfactionSurvey;
import za.co.proconnectsa.support.spi.RequesterDirectory;
import za.co.proconnectsa.support.spi.SatisfactionStore;
import za.co.proconnectsa.support.spi.WorkQueue;
import za.co.proconnectsa.support.ticket.Message;
import za.co.proconnectsa.support.ticket.OriginChannel;
import za.co.proconnectsa.support.ticket.Ticket;

/**
 * Writes the notifications of a ticket change to the job queue, in the change's unit of work and keyed by the change,
 * and asks for satisfaction when a ticket is resolved. A desk without notifications gets {@link #NONE}.
 */
public final class Notifier {

    /** Writes nothing. */
    public static final Notifier NONE = new Notifier(null, null, List.of(), Locale.ENGLISH, null, null, Duration.ZERO);

    private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);
    private static final String BUNDLE = "za.co.proconnectsa.support.notify.NotificationMessages";

    private final WorkQueue queue;
    private final RequesterDirectory directory;
    private final List<NotificationChannel> channels;
    private final Locale deskLocale;
    private final SatisfactionStore surveys;
    private final SurveyLinks links;
    private final Duration surveyInterval;

    /**
     * @param queue          the store's job queue
     * @param directory      the host's requesters
     * @param channels       the channels the host sends on, in fallback order
     * @param deskLocale     the language when the host names none
     * @param surveys        where surveys are kept, or {@code null} when the desk asks for no satisfaction
     * @param links          signs the survey links, or {@code null}
     * @param surveyInterval the loop guard: one survey per requester in this interval
     */
    public Notifier(WorkQueue queue, RequesterDirectory directory, List<NotificationChannel> channels,
            Locale deskLocale, SatisfactionStore surveys, SurveyLinks links, Duration surveyInterval) {
        this.queue = queue;
        this.directory = directory;
        this.channels = List.copyOf(channels);
        this.deskLocale = deskLocale;
        this.surveys = surveys;
        this.links = links;
        this.surveyInterval = surveyInterval;
    }

    /** A ticket was created: "we received it, its number is ...". */
    public void submitted(Ticket ticket, Instant now) {
        write(ticket, NotificationType.TICKET_RECEIVED, "received:" + ticket.id(), now, "received",
                ticket.number().text(), ticket.subject());
    }

    /** Support replied; internal notes and the requester's own messages never reach here. */
    public void replied(Ticket ticket, Message reply, Instant now) {
        write(ticket, NotificationType.AGENT_REPLIED, "replied:" + reply.id(), now, "replied", ticket.number().text(),
                reply.body());
    }

    /**
     * The ticket was resolved (at this stored version): tells the requester, unless they resolved it themselves, and
     * asks once how we did.
     */
    public void resolved(Ticket ticket, boolean byRequester, Instant now) {
        if (!byRequester) {
            write(ticket, NotificationType.TICKET_RESOLVED, "resolved:" + ticket.id() + ":" + ticket.version(), now,
                "resolved", ticket.number().text());
        }
        if (surveys == null || queue == null) {
            return;
        }
        var last = surveys.lastSurveyAsked(ticket.requesterId());
        if (last.isPresent() && last.get().plus(surveyInterval).isAfter(now)) {
            LOG.debug("No survey on ticket {}: its requester was asked within {}", ticket.number(), surveyInterval);
            return;
        }
        if (!surveys.openSurvey(SatisfactionSurvey.asked(ticket.id(), ticket.number().text(), ticket.requesterId(), now))) {
            return;   // one survey per ticket: a reopened and resolved again ticket is not asked twice
        }
        URI link = links.link(ticket.number().text());
        queue(ticket, NotificationType.SATISFACTION_SURVEY, "survey:" + ticket.id(), now, link, "survey",
                ticket.number().text(), link.toString());
    }

    private void write(Ticket ticket, NotificationType type, String cause, Instant now, String textKey, Object... args) {
        queue(ticket, type, cause, now, null, textKey, args);
    }

    private void queue(Ticket ticket, NotificationType type, String cause, Instant now, URI link, String textKey,
            Object... args) {
        if (queue == null) {
            return;
        }
        RequesterContact contact = directory.find(ticket.requesterId())
                .orElseGet(() -> RequesterContact.unknown(ticket.requesterId()));
        Locale locale = contact.locale() == null ? deskLocale : contact.locale();
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale, Notifier.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        String key = Job.keyOf("notify:" + cause);
        Notification notification = new Notification(key, type, channelFor(contact, ticket.origin()),
                ticket.number().text(), ticket.requesterId(), locale,
                new MessageFormat(bundle.getString(textKey + ".subject"), locale).format(args),
                new MessageFormat(bundle.getString(textKey + ".text"), locale).format(args), link, now);
        if (queue.enqueueJob(NotificationService.KIND, key, NotificationJson.encode(notification), now)) {
            LOG.debug("Notification {} of ticket {} queued on {}", type, ticket.number(), notification.channel());
        }
    }

    /** The requester's preferred channel, else the one their ticket came from, else the first that reaches them. */
    private NotificationChannel channelFor(RequesterContact contact, OriginChannel origin) {
        if (contact.preferred() != null && channels.contains(contact.preferred()) && reaches(contact.preferred(), contact)) {
            return contact.preferred();
        }
        NotificationChannel came = origin == OriginChannel.WHATSAPP ? NotificationChannel.WHATSAPP : NotificationChannel.EMAIL;
        if (channels.contains(came) && reaches(came, contact)) {
            return came;
        }
        // none reaches them: the first channel's sender keeps it as dead, visible in the delivery log
        return channels.stream().filter(c -> reaches(c, contact)).findFirst().orElse(channels.get(0));
    }

    private static boolean reaches(NotificationChannel channel, RequesterContact contact) {
        return switch (channel) {
            case EMAIL -> contact.email() != null && !contact.email().isBlank();
            case WHATSAPP -> contact.whatsApp() != null && !contact.whatsApp().isBlank();
            case WEBHOOK -> true;
        };
    }
}
