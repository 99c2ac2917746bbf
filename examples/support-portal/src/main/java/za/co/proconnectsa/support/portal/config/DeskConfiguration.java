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

/**
 * The desk the portal runs on: the JDBC store on the application's data source, the WhatsApp number, SLA targets
 * and assignment on submit.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PortalProperties.class)
public class DeskConfiguration {

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
}
