package za.co.proconnectsa.support.portal.config;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import za.co.proconnectsa.support.SupportDesk;
import za.co.proconnectsa.support.spring.boot.SupportDeskCustomizer;
import za.co.proconnectsa.support.whatsapp.automation.AutoResponder;
import za.co.proconnectsa.support.whatsapp.automation.FaqEntry;
import za.co.proconnectsa.support.whatsapp.cloud.WhatsAppCloudClient;

/**
 * What the portal adds to the desk the support starter builds from {@code support.*}: assignment on submit, the
 * inbox's FAQ answers, and an inbox that works (queuing replies) before a WhatsApp Cloud API account is configured.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PortalProperties.class)
public class PortalConfiguration {

    /** @return new tickets go to an available agent as they are submitted */
    @Bean
    SupportDeskCustomizer assignOnSubmit() {
        return desk -> desk.autoAssign(true);
    }

    /** @return the FAQ answers and out-of-hours replies of the WhatsApp inbox */
    @Bean
    AutoResponder autoResponder(SupportDesk desk) {
        return AutoResponder.builder()
                .faq(FaqEntry.of("service-areas", "Add service areas under Profile > Areas.",
                        "service area", "service areas"))
                .businessHours(desk.businessHours())
                .build();
    }

    /**
     * Stands in for the Cloud API account until {@code support.whatsapp.cloud.access-token} is set, so that agents
     * can use the inbox in the demo; the sender stays off ({@code support.whatsapp.workers.enabled=false}), so
     * nothing is sent with it.
     *
     * @return a client for an account that does not exist
     */
    @Bean
    @ConditionalOnExpression("'${support.whatsapp.cloud.access-token:}'.isEmpty()")
    WhatsAppCloudClient notConfiguredWhatsAppCloudClient() {
        return WhatsAppCloudClient.builder().phoneNumberId("0").accessToken("not-configured").build();
    }
}
