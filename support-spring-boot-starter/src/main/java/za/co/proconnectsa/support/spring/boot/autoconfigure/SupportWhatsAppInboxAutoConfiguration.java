package za.co.proconnectsa.support.spring.boot.autoconfigure;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.SupportDesk;
import za.co.proconnectsa.support.spi.TicketStore;
import za.co.proconnectsa.support.spring.boot.SupportProperties;
import za.co.proconnectsa.support.spring.boot.SupportWorkerLifecycle;
import za.co.proconnectsa.support.whatsapp.automation.AutoResponder;
import za.co.proconnectsa.support.whatsapp.cloud.WhatsAppCloudClient;
import za.co.proconnectsa.support.whatsapp.inbox.SendObserver;
import za.co.proconnectsa.support.whatsapp.inbox.WhatsAppInbox;
import za.co.proconnectsa.support.whatsapp.webhook.InboundMessageWorker;

/**
 * The WhatsApp inbox, when there is a Cloud API client to answer with: the inbox on the desk's store (its media in the
 * desk's attachment store), the worker that applies the messages the webhook stored, the worker that downloads inbound
 * media, and the sender that delivers the texts the inbox queued, all started and stopped with the application
 * context ({@code support.whatsapp.workers.enabled=false} keeps them off in an instance); with
 * {@code support.whatsapp.survey-on-close.enabled=true} the inbox asks for satisfaction when a conversation closes
 * without a ticket, and with {@code support.whatsapp.close-idle.enabled=true} idle conversations are closed on a
 * schedule (both off by default).
 */
@AutoConfiguration(after = SupportWhatsAppAutoConfiguration.class)
@ConditionalOnBean(WhatsAppCloudClient.class)
public class SupportWhatsAppInboxAutoConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(SupportWhatsAppInboxAutoConfiguration.class);

    /** Creates the auto-configuration; Spring Boot does. */
    public SupportWhatsAppInboxAutoConfiguration() {
    }

    /**
     * @param desk       the desk
     * @param store      the desk's store, which keeps the conversations too
     * @param client     the Cloud API client
     * @param responder  the application's FAQ and out-of-hours auto-responder, if it declares one
     * @param observers  told how each send ended (the metrics, if present)
     * @param properties the {@code support.*} settings
     * @return the inbox
     */
    @Bean
    @ConditionalOnMissingBean
    public WhatsAppInbox supportWhatsAppInbox(SupportDesk desk, TicketStore store, WhatsAppCloudClient client,
            ObjectProvider<AutoResponder> responder, ObjectProvider<SendObserver> observers,
            SupportProperties properties) {
        WhatsAppInbox.Builder inbox = WhatsAppInbox.builder().desk(desk).store(store).client(client);
        responder.ifAvailable(inbox::autoResponder);
        observers.orderedStream().forEach(inbox::sendObserver);
        SupportProperties.WhatsApp whatsapp = properties.getWhatsapp();
        if (whatsapp.getWindowClosedTemplate() != null && !whatsapp.getWindowClosedTemplate().isBlank()) {
            inbox.windowClosedTemplate(whatsapp.getWindowClosedTemplate(), whatsapp.getWindowClosedTemplateLanguage());
        }
        SupportProperties.SurveyOnClose survey = whatsapp.getSurveyOnClose();
        if (survey.isEnabled()) {
            inbox.surveyOnClose(survey.getPerContact());
            if (survey.getTemplate() != null && !survey.getTemplate().isBlank()) {
                inbox.surveyOnCloseTemplate(survey.getTemplate(), survey.getTemplateLanguage());
            }
        }
        return inbox.build();
    }

    /**
     * @param inbox      the inbox whose idle conversations are closed
     * @param properties the {@code support.*} settings
     * @return the idle timeout: every {@code support.whatsapp.close-idle.interval}, closes the open conversations idle
     *         longer than {@code support.whatsapp.close-idle.after} (with the survey on close, when it is on); only
     *         with {@code support.whatsapp.close-idle.enabled=true}
     */
    @Bean
    @ConditionalOnMissingBean(name = "supportWhatsAppCloseIdle")
    @ConditionalOnProperty(prefix = "support.whatsapp.close-idle", name = "enabled", havingValue = "true")
    public SupportWorkerLifecycle supportWhatsAppCloseIdle(WhatsAppInbox inbox, SupportProperties properties) {
        SupportProperties.CloseIdle idle = properties.getWhatsapp().getCloseIdle();
        Duration after = idle.getAfter();
        Duration interval = idle.getInterval();
        if (after == null || after.compareTo(Duration.ofMinutes(1)) < 0) {
            throw InvalidInputException.of("support.whatsapp.close-idle.after", "must be at least a minute, was " + after);
        }
        if (interval == null || interval.isNegative() || interval.isZero()) {
            throw InvalidInputException.of("support.whatsapp.close-idle.interval", "must be positive, was " + interval);
        }
        return new SupportWorkerLifecycle("whatsapp-close-idle", () -> {
            ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "support-whatsapp-close-idle");
                t.setDaemon(true);
                return t;
            });
            timer.scheduleWithFixedDelay(() -> closeIdle(inbox, after), interval.toMillis(), interval.toMillis(),
                    TimeUnit.MILLISECONDS);
            return () -> {
                timer.shutdown();
                if (!timer.awaitTermination(30, TimeUnit.SECONDS)) {
                    timer.shutdownNow();
                }
            };
        });
    }

    /** One run of the idle timeout; a failure is logged and the next run tries again. */
    private static void closeIdle(WhatsAppInbox inbox, Duration after) {
        try {
            int closed = inbox.closeIdle(after);
            if (closed > 0) {
                LOG.info("Closed {} WhatsApp conversations idle for more than {}", closed, after);
            }
        } catch (RuntimeException e) {
            LOG.warn("Closing idle WhatsApp conversations failed ({}); the next run tries again",
                    e.getClass().getSimpleName());
        }
    }

    /**
     * @param desk       the desk, for its clock
     * @param store      the store the webhook receiver fills
     * @param inbox      the inbox that applies each message
     * @param properties the {@code support.*} settings
     * @return the worker that applies stored webhook messages and statuses
     */
    @Bean
    @ConditionalOnMissingBean(name = "supportInboundMessageWorker")
    @ConditionalOnProperty(prefix = "support.whatsapp.workers", name = "enabled", matchIfMissing = true)
    public SupportWorkerLifecycle supportInboundMessageWorker(SupportDesk desk, TicketStore store,
            WhatsAppInbox inbox, SupportProperties properties) {
        return new SupportWorkerLifecycle("whatsapp-inbound", () -> InboundMessageWorker.builder(store, inbox)
                .pollInterval(properties.getWhatsapp().getWorkers().getPollInterval()).clock(desk.clock())
                .build().start());
    }

    /**
     * @param desk       the desk, whose attachment store the inbox keeps its media in
     * @param inbox      the inbox whose media are downloaded
     * @param properties the {@code support.*} settings
     * @return the worker that downloads inbound media into the desk's attachment store; idle when the desk keeps no
     *         files
     */
    @Bean
    @ConditionalOnMissingBean(name = "supportWhatsAppMediaWorker")
    @ConditionalOnProperty(prefix = "support.whatsapp.workers", name = "enabled", matchIfMissing = true)
    public SupportWorkerLifecycle supportWhatsAppMediaWorker(SupportDesk desk, WhatsAppInbox inbox,
            SupportProperties properties) {
        return new SupportWorkerLifecycle("whatsapp-media", () -> desk.attachments().isEmpty() ? () -> { }
                : inbox.mediaWorker().pollInterval(properties.getWhatsapp().getWorkers().getPollInterval())
                        .clock(desk.clock()).build().start());
    }

    /**
     * @param desk       the desk, for its clock
     * @param inbox      the inbox whose queued texts are sent
     * @param properties the {@code support.*} settings
     * @return the sender
     */
    @Bean
    @ConditionalOnMissingBean(name = "supportWhatsAppSender")
    @ConditionalOnProperty(prefix = "support.whatsapp.workers", name = "enabled", matchIfMissing = true)
    public SupportWorkerLifecycle supportWhatsAppSender(SupportDesk desk, WhatsAppInbox inbox,
            SupportProperties properties) {
        return new SupportWorkerLifecycle("whatsapp-sender", () -> inbox.sendWorker()
                .pollInterval(properties.getWhatsapp().getWorkers().getPollInterval()).clock(desk.clock())
                .build().start());
    }
}
