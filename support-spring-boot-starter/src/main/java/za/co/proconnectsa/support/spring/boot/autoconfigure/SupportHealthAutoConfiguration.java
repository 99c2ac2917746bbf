package za.co.proconnectsa.support.spring.boot.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import za.co.proconnectsa.support.spi.TicketStore;
import za.co.proconnectsa.support.spi.WhatsAppLinkFactory;
import za.co.proconnectsa.support.spring.boot.internal.SupportHealthIndicator;
import za.co.proconnectsa.support.whatsapp.cloud.WhatsAppCloudClient;
import za.co.proconnectsa.support.whatsapp.webhook.WebhookHandshake;
import za.co.proconnectsa.support.whatsapp.webhook.WebhookReceiver;

/**
 * The {@code support} health indicator, when Spring Boot's health support (Actuator) is on the classpath and
 * {@code management.health.support.enabled} is not {@code false}: the store reachable, the outbox and webhook-inbox lag,
 * dead letters, and which WhatsApp settings are configured.
 */
@AutoConfiguration(after = {SupportAutoConfiguration.class, SupportWhatsAppAutoConfiguration.class})
@ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
public class SupportHealthAutoConfiguration {

    /** Creates the auto-configuration; Spring Boot does. */
    public SupportHealthAutoConfiguration() {
    }

    /** Apart, so that its condition's class is read only when health support is present. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnEnabledHealthIndicator("support")
    static class Indicator {

        /**
         * @param store     the desk's store
         * @param links     the WhatsApp number, if set
         * @param client    the Cloud API client, if configured
         * @param receiver  the webhook receiver, if the app secret is set
         * @param handshake the webhook handshake, if the verify token is set
         * @return the indicator, named {@code support}
         */
        @Bean(name = "supportHealthIndicator")
        @ConditionalOnMissingBean(name = "supportHealthIndicator")
        SupportHealthIndicator supportHealthIndicator(TicketStore store, ObjectProvider<WhatsAppLinkFactory> links,
                ObjectProvider<WhatsAppCloudClient> client, ObjectProvider<WebhookReceiver> receiver,
                ObjectProvider<WebhookHandshake> handshake) {
            Map<String, Boolean> whatsApp = new LinkedHashMap<>();
            whatsApp.put("number", links.getIfAvailable() != null);
            whatsApp.put("cloudApi", client.getIfAvailable() != null);
            whatsApp.put("webhookAppSecret", receiver.getIfAvailable() != null);
            whatsApp.put("webhookVerifyToken", handshake.getIfAvailable() != null);
            return new SupportHealthIndicator(store, whatsApp);
        }
    }
}
