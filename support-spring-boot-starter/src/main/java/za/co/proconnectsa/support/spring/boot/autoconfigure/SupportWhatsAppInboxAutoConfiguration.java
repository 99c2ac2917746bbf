package za.co.proconnectsa.support.spring.boot.autoconfigure;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
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
 * The WhatsApp inbox, when there is a Cloud API client to answer with: the inbox on the desk's store, the worker that
 * applies the messages the webhook stored, and the sender that delivers the texts the inbox queued, both started and
 * stopped with the application context ({@code support.whatsapp.workers.enabled=false} keeps them off in an instance).
 */
@AutoConfiguration(after = SupportWhatsAppAutoConfiguration.class)
@ConditionalOnBean(WhatsAppCloudClient.class)
public class SupportWhatsAppInboxAutoConfiguration {

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
        return inbox.build();
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
