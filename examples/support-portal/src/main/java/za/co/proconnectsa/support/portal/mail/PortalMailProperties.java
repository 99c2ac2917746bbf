package za.co.proconnectsa.support.portal.mail;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The portal's e-mail notification settings ({@code portal.mail.*}); the SMTP server itself is
 * {@code spring.mail.*}, and nothing is sent while {@code spring.mail.host} is unset.
 *
 * @param from          the From address of every e-mail
 * @param maxAttempts   how many times an e-mail is tried before it is kept as dead in the delivery log
 * @param retryDelay    the pause after the first failed attempt; it doubles after each further one
 * @param surveyPage    the portal's satisfaction page as requesters reach it (the e-mailed link is this page with a
 *                      signed {@code t} parameter)
 * @param surveySecret  the key the survey links are signed with, at least 32 characters; empty means a random key
 *                      at each start (links sent before a restart then stop working)
 */
@ConfigurationProperties("portal.mail")
public record PortalMailProperties(String from, Integer maxAttempts, Duration retryDelay, URI surveyPage,
        String surveySecret) {

    /** Fills in the defaults for settings left out. */
    public PortalMailProperties {
        from = from == null || from.isBlank() ? "ProConnect Support <support@proconnectsa.co.za>" : from;
        maxAttempts = maxAttempts == null ? 8 : maxAttempts;
        retryDelay = retryDelay == null ? Duration.ofSeconds(30) : retryDelay;
        surveyPage = surveyPage == null ? URI.create("http://localhost:8080/survey") : surveyPage;
        surveySecret = surveySecret == null ? "" : surveySecret;
    }
}
