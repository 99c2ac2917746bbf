package za.co.proconnectsa.support.portal.config;

import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import za.co.proconnectsa.support.SupportDesk;
import za.co.proconnectsa.support.jdbc.JdbcTicketStore;
import za.co.proconnectsa.support.sla.SlaPolicies;
import za.co.proconnectsa.support.sla.SlaPolicy;
import za.co.proconnectsa.support.sla.SlaTarget;
import za.co.proconnectsa.support.sla.SlaTargetType;
import za.co.proconnectsa.support.whatsapp.WhatsAppLinks;
import za.co.proconnectsa.support.whatsapp.automation.AutoResponder;
import za.co.proconnectsa.support.whatsapp.automation.FaqEntry;
import za.co.proconnectsa.support.whatsapp.cloud.WhatsAppCloudClient;
import za.co.proconnectsa.support.whatsapp.inbox.WhatsAppInbox;
import za.co.proconnectsa.support.queue.JobWorker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desk the portal runs on: the JDBC store on the application's data source, the WhatsApp number, SLA targets
 * and assignment on submit.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PortalProperties.class)
public class DeskConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(DeskConfiguration.class);

    /** Stands in for the account when none is configured: the client is built, the send worker never runs. */
    private static final PortalProperties.CloudApi NOT_CONFIGURED =
            new PortalProperties.CloudApi("0", "not-configured");

    /** @return chat links and QR codes for the support number */
    @Bean
    WhatsAppLinks whatsAppLinks(PortalProperties properties) {
        return WhatsAppLinks.of(properties.whatsAppNumber(), "ZA");
    }

    /** @return the store on the application's database, its schema created when missing */
    @Bean
    JdbcTicketStore ticketStore(DataSource dataSource) {
        return JdbcTicketStore.create(dataSource);
    }

    /** @return the desk every page works through */
    @Bean
    SupportDesk supportDesk(JdbcTicketStore store, WhatsAppLinks links) {
        SlaPolicy standard = SlaPolicy.builder("standard")
                .target(SlaTarget.businessTime(SlaTargetType.FIRST_RESPONSE, Duration.ofHours(4)))
                .target(SlaTarget.businessTime(SlaTargetType.NEXT_RESPONSE, Duration.ofHours(8)))
                .target(SlaTarget.businessDays(SlaTargetType.RESOLUTION, 3))
                .build();
        return SupportDesk.builder()
                .store(store)
                .whatsApp(links)
                .slaPolicies(SlaPolicies.of(standard))
                .autoAssign(true)
                .build();
    }

    /** @return the Cloud API client the inbox queues its texts for */
    @Bean
    WhatsAppCloudClient whatsAppCloudClient(PortalProperties properties) {
        PortalProperties.CloudApi account = properties.cloudApi().configured() ? properties.cloudApi() : NOT_CONFIGURED;
        return WhatsAppCloudClient.builder()
                .phoneNumberId(account.phoneNumberId())
                .accessToken(account.accessToken())
                .build();
    }

    /** @return the agents' WhatsApp inbox on the desk's store */
    @Bean
    WhatsAppInbox whatsAppInbox(SupportDesk desk, JdbcTicketStore store, WhatsAppCloudClient client) {
        return WhatsAppInbox.builder()
                .desk(desk)
                .store(store)
                .client(client)
                .autoResponder(AutoResponder.builder()
                        .faq(FaqEntry.of("service-areas", "Add service areas under Profile > Areas.",
                                "service area", "service areas"))
                        .businessHours(desk.businessHours())
                        .build())
                .build();
    }

    /** @return the worker that delivers the inbox's queued texts, running only when the account is configured */
    @Bean(destroyMethod = "close")
    JobWorker whatsAppSendWorker(WhatsAppInbox inbox, PortalProperties properties) {
        JobWorker worker = inbox.sendWorker().build();
        if (properties.cloudApi().configured()) {
            worker.start();
        } else {
            LOG.info("WhatsApp Cloud API not configured (portal.cloud-api.*): agents' replies stay queued");
        }
        return worker;
    }
}
