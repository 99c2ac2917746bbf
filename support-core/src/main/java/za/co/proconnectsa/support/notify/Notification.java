package za.co.proconnectsa.support.notify;

import java.net.URI;
import java.time.Instant;
import java.util.Locale;
import za.co.proconnectsa.support.internal.Checks;

/**
 * One message to a requester about their ticket, written in the transaction of its cause. Its texts are final when
 * it is written (from the desk's resource bundles, in the requester's language), so every retry sends the same words.
 *
 * @param key          the notification's idempotency key, the same for every attempt; receivers drop a key they
 *                     have seen
 * @param type         what it says
 * @param channel      the channel chosen for it when it was written
 * @param ticketNumber the ticket, e.g. {@code PCS-000042}
 * @param requesterId  the requester's id in the host
 * @param locale       the language of its texts
 * @param subject      a one-line subject (an e-mail's subject)
 * @param text         the full text
 * @param link         the survey's signed answer link for {@link NotificationType#SATISFACTION_SURVEY}, else
 *                     {@code null}
 * @param createdAt    when its cause happened
 */
public record Notification(String key, NotificationType type, NotificationChannel channel, String ticketNumber,
        String requesterId, Locale locale, String subject, String text, URI link, Instant createdAt) {

    /**
     * Checks the required components.
     *
     * @param key the notification's idempotency key, the same for every attempt; receivers drop a key they have seen
     * @param type what it says
     * @param channel the channel chosen for it when it was written
     * @param ticketNumber the ticket, e.g. {@code PCS-000042}
     * @param requesterId the requester's id in the host
     * @param locale the language of its texts
     * @param subject a one-line subject (an e-mail's subject)
     * @param text the full text
     * @param link the survey's signed answer link for {@link NotificationType#SATISFACTION_SURVEY}, else {@code null}
     * @param createdAt when its cause happened
     */
    public Notification {
        Checks.notNull(key, "key");
        Checks.notNull(type, "type");
        Checks.notNull(channel, "channel");
        Checks.notNull(ticketNumber, "ticketNumber");
        Checks.notNull(requesterId, "requesterId");
        Checks.notNull(locale, "locale");
        Checks.notNull(subject, "subject");
        Checks.notNull(text, "text");
        Checks.notNull(createdAt, "createdAt");
    }
}
