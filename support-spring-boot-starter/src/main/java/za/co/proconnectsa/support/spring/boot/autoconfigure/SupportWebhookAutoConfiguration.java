package za.co.proconnectsa.support.spring.boot.autoconfigure;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import za.co.proconnectsa.support.spring.boot.internal.WebhookOutcomes;
import za.co.proconnectsa.support.spring.boot.internal.WhatsAppWebhookController;
import za.co.proconnectsa.support.whatsapp.webhook.WebhookHandshake;
import za.co.proconnectsa.support.whatsapp.webhook.WebhookReceiver;

/**
 * The WhatsApp webhook endpoint at {@code support.whatsapp.webhook.path} (default {@code /webhooks/whatsapp}), in a
 * Spring MVC application that opts in with {@code support.whatsapp.webhook.enabled=true}. Without the verify token or
 * the app secret it still starts, and answers 503 with a problem detail naming the missing property. An application
 * with Spring Security must let Meta reach the path without a session or CSRF token: the signature is the check.
 */
@AutoConfiguration(after = SupportWhatsAppAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = "org.springframework.web.servlet.DispatcherServlet")
@ConditionalOnProperty(prefix = "support.whatsapp.webhook", name = "enabled", havingValue = "true")
public class SupportWebhookAutoConfiguration {

    /** Creates the auto-configuration; Spring Boot does. */
    public SupportWebhookAutoConfiguration() {
    }

    /**
     * @param receiver  the receiver, if the app secret is set
     * @param handshake the handshake, if the verify token is set
     * @param outcomes  the metrics, if Micrometer is present
     * @return the controller
     */
    @Bean
    @ConditionalOnMissingBean
    WhatsAppWebhookController supportWhatsAppWebhookController(ObjectProvider<WebhookReceiver> receiver,
            ObjectProvider<WebhookHandshake> handshake, ObjectProvider<WebhookOutcomes> outcomes) {
        return new WhatsAppWebhookController(receiver, handshake, outcomes);
    }
}
