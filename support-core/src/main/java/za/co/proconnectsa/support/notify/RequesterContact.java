package za.co.proconnectsa.support.notify;

import java.util.Locale;
import za.co.proconnectsa.support.internal.Checks;

/**
 * How the host reaches one requester, from its {@link za.co.proconnectsa.support.spi.RequesterDirectory}.
 *
 * @param requesterId the requester's id in the host
 * @param email       their e-mail address, or {@code null}
 * @param whatsApp    their WhatsApp number (E.164, e.g. {@code +27821234567}), or {@code null}
 * @param preferred   the channel they chose, or {@code null} to use the channel their ticket came from
 * @param locale      their language, or {@code null} for the desk's
 */
public record RequesterContact(String requesterId, String email, String whatsApp, NotificationChannel preferred,
        Locale locale) {

    /**
     * Checks the requester id.
     *
     * @param requesterId the requester's id in the host
     * @param email their e-mail address, or {@code null}
     * @param whatsApp their WhatsApp number (E.164, e.g. {@code +27821234567}), or {@code null}
     * @param preferred the channel they chose, or {@code null} to use the channel their ticket came from
     * @param locale their language, or {@code null} for the desk's
     */
    public RequesterContact {
        Checks.notNull(requesterId, "requesterId");
    }

    /**
     * @param requesterId the requester
     * @return a contact the host knows nothing about: only a webhook reaches it
     */
    public static RequesterContact unknown(String requesterId) {
        return new RequesterContact(requesterId, null, null, null, null);
    }

    @Override
    public String toString() {
        // addresses are personal data: never in a log line
        return "RequesterContact[requesterId=" + requesterId + ", preferred=" + preferred + "]";
    }
}
