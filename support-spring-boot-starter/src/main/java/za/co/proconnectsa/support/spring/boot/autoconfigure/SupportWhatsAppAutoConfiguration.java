package za.co.proconnectsa.support.spring.boot.autoconfigure;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import za.co.proconnectsa.support.SupportDesk;
import za.co.proconnectsa.support.spi.TicketStore;
import za.co.proconnectsa.support.spi.WorkQueue;
import za.co.proconnectsa.support.spring.boot.SupportProperties;
import za.co.proconnectsa.support.spring.boot.SupportWorkerLifecycle;
import za.co.proconnectsa.support.whatsapp.cloud.WhatsAppCloudClient;
import za.co.proconnectsa.support.whatsapp.webhook.WebhookHandshake;
import za.co.proconnectsa.support.whatsapp.webhook.WebhookReceiver;

/**
 * WhatsApp's secrets as beans: the Cloud API client (when {@code support.whatsapp.cloud.phone-number-id} and
 * {@code access-token} are set), the webhook receiver that checks each POST's signature with the app secret and stores
 * its messages (when {@code support.whatsapp.webhook.app-secret} is set) and the GET handshake (when
 * {@code support.whatsapp.webhook.verify-token} is set). A missing secret leaves its bean out instead of failing the
 * start; the webhook controller and the health indicator say which one is missing.
 */
@AutoConfiguration(after = SupportAutoConfiguration.class)
public class SupportWhatsAppAutoConfiguration {

    /** Creates the auto-configuration; Spring Boot does. */
    public SupportWhatsAppAutoConfiguration() {
    }

    /**
     * @param desk       the desk, for its clock
     * @param properties the {@code support.*} settings
     * @return the Cloud API client
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(prefix = "support.whatsapp.cloud", name = {"phone-number-id", "access-token"})
    public WhatsAppCloudClient supportWhatsAppCloudClient(SupportDesk desk, SupportProperties properties) {
        SupportProperties.Cloud cloud = properties.getWhatsapp().getCloud();
        return WhatsAppCloudClient.builder().baseUrl(cloud.getBaseUrl()).apiVersion(cloud.getApiVersion())
                .phoneNumberId(cloud.getPhoneNumberId()).accessToken(cloud.getAccessToken())
                .requestTimeout(cloud.getRequestTimeout()).clock(desk.clock()).build();
    }

    /**
     * @param store      the desk's store, which keeps the received messages until a worker applies them
     * @param desk       the desk, for its clock
     * @param workers    the workers; the inbound-message worker is woken when a message is stored
     * @param properties the {@code support.*} settings
     * @return the receiver of signed webhook POSTs
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(prefix = "support.whatsapp.webhook", name = "app-secret")
    public WebhookReceiver supportWebhookReceiver(TicketStore store, SupportDesk desk,
            ObjectProvider<SupportWorkerLifecycle> workers, SupportProperties properties) {
        SupportProperties.Webhook webhook = properties.getWhatsapp().getWebhook();
        return WebhookReceiver.builder().appSecret(webhook.getAppSecret()).queue(asQueue(store))
                .maxBodyBytes(webhook.getMaxBodyBytes()).clock(desk.clock())
                .onStored(() -> workers.orderedStream().forEach(SupportWorkerLifecycle::wakeUp)).build();
    }

    /**
     * @param properties the {@code support.*} settings
     * @return the GET handshake that answers Meta's verification with the verify token
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(prefix = "support.whatsapp.webhook", name = "verify-token")
    public WebhookHandshake supportWebhookHandshake(SupportProperties properties) {
        return WebhookHandshake.create(properties.getWhatsapp().getWebhook().getVerifyToken());
    }

    private static WorkQueue asQueue(TicketStore store) {
        if (store instanceof WorkQueue queue) {
            return queue;
        }
        throw new za.co.proconnectsa.support.SupportException("The support store " + store.getClass().getName()
                + " keeps no job queue (WorkQueue), which holds received WhatsApp messages; the JDBC and in-memory"
                + " stores do");
    }
}
