package za.co.proconnectsa.support.notify;

import java.util.Locale;
import za.co.proconnectsa.support.internal.Checks;

/**
 * One e-mail to a requester, for the host's {@link EmailGateway}.
 *
 * @param to             the address
 * @param subject        the subject line
 * @param body           the plain-text body
 * @param locale         its language (for a {@code Content-Language} header)
 * @param idempotencyKey the same for every attempt at this e-mail (for a {@code Message-ID}, or the mail
 *                       provider's idempotency header)
 */
public record EmailMessage(String to, String subject, String body, Locale locale, String idempotencyKey) {

    /**
     * Checks the components.
     *
     * @param to the address
     * @param subject the subject line
     * @param body the plain-text body
     * @param locale its language (for a {@code Content-Language} header)
     * @param idempotencyKey the same for every attempt at this e-mail (for a {@code Message-ID}, or the mail provider's idempotency header)
     */
    public EmailMessage {
        Checks.notNull(to, "to");
        Checks.notNull(subject, "subject");
        Checks.notNull(body, "body");
        Checks.notNull(locale, "locale");
        Checks.notNull(idempotencyKey, "idempotencyKey");
    }

    @Override
    public String toString() {
        return "EmailMessage[subject=" + subject + ", idempotencyKey=" + idempotencyKey + "]";
    }
}
