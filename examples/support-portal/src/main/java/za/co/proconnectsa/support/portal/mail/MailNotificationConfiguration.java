package za.co.proconnectsa.support.portal.mail;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import za.co.proconnectsa.support.SupportDesk;
import za.co.proconnectsa.support.notify.EmailNotifications;
import za.co.proconnectsa.support.notify.NotificationChannel;
import za.co.proconnectsa.support.notify.RequesterContact;
import za.co.proconnectsa.support.portal.security.DemoUsers;
import za.co.proconnectsa.support.satisfaction.SurveySettings;
import za.co.proconnectsa.support.spi.RequesterDirectory;
import za.co.proconnectsa.support.spring.boot.SupportDeskCustomizer;
import za.co.proconnectsa.support.spring.boot.SupportWorkerLifecycle;

/**
 * Requester notifications by e-mail, on when {@code spring.mail.host} is set: the desk notifies requesters ("ticket
 * received", "an agent replied", "resolved") and asks for satisfaction with a link to the portal's survey page; a
 * worker hands each queued e-mail to the SMTP server through {@link JakartaMailGateway}, retrying failures with a
 * doubling pause and keeping an e-mail as dead after {@code portal.mail.max-attempts}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "spring.mail", name = "host")
@EnableConfigurationProperties(PortalMailProperties.class)
public class MailNotificationConfiguration {

    /** The worker's name in logs and health. */
    public static final String WORKER = "requester-email";

    /** @return the e-mail gateway on Spring's mail sender */
    @Bean
    JakartaMailGateway jakartaMailGateway(JavaMailSender sender, PortalMailProperties properties) {
        return new JakartaMailGateway(sender, properties.from());
    }

    /** @return the requesters' e-mail addresses: the demo users' */
    @Bean
    RequesterDirectory requesterDirectory() {
        return id -> DemoUsers.find(id).filter(u -> u.email() != null)
                .map(u -> new RequesterContact(id, u.email(), null, NotificationChannel.EMAIL, null));
    }

    /** @return notifications and satisfaction surveys on the desk the starter builds */
    @Bean
    SupportDeskCustomizer emailNotifications(RequesterDirectory directory, PortalMailProperties properties) {
        byte[] secret = properties.surveySecret().isEmpty() ? randomSecret()
                : properties.surveySecret().getBytes(StandardCharsets.UTF_8);
        SurveySettings surveys = SurveySettings.of(properties.surveyPage(), secret);
        return desk -> desk.notifyRequesters(directory, NotificationChannel.EMAIL).satisfactionSurveys(surveys);
    }

    /** @return the worker that sends the queued e-mails while the application runs */
    @Bean
    SupportWorkerLifecycle requesterEmailWorker(SupportDesk desk, JakartaMailGateway gateway,
            PortalMailProperties properties) {
        return new SupportWorkerLifecycle(WORKER, () -> desk.notifications()
                .worker(List.of(EmailNotifications.using(gateway)))
                .maxAttempts(properties.maxAttempts())
                .retryDelay(properties.retryDelay())
                .build()
                .start());
    }

    private static byte[] randomSecret() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return secret;
    }
}
