package za.co.proconnectsa.support.whatsapp.cloud;

import java.time.Instant;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.internal.Checks;

/**
 * What became of a send: {@link Sent}, {@link RequiresTemplate} or {@link Failed}. Provider and network
 * failures are outcomes, never exceptions, so a host handles all three where it sends.
 */
public sealed interface SendOutcome permits SendOutcome.Sent, SendOutcome.RequiresTemplate, SendOutcome.Failed {

    /**
     * The Cloud API accepted the request.
     *
     * @param messageId the WhatsApp message id ({@code wamid....}) of the message sent; for
     *                  {@link WhatsAppCloudClient#markRead(String)}, the id of the message marked as read
     */
    record Sent(String messageId) implements SendOutcome {
        /**
         * @param messageId the message id, not blank
         */
        public Sent {
            if (messageId == null || messageId.isBlank()) {
                throw InvalidInputException.of("messageId", "must not be blank");
            }
        }
    }

    /**
     * Nothing was delivered because the customer-service window is closed: only an approved template may
     * be sent now (see {@link WhatsAppCloudClient#sendTemplate(String, TemplateMessage)}).
     *
     * @param windowClosedAt when the window closed. From {@link WhatsAppCloudClient#reply} this is the
     *                       window's {@link CustomerServiceWindow#closesAt()}; when the provider refused a
     *                       message with code 131047, it is the earlier of the window's closing time (if a
     *                       window was given) and the moment the refusal arrived, since the provider does
     *                       not say when the window closed
     */
    record RequiresTemplate(Instant windowClosedAt) implements SendOutcome {
        /**
         * @param windowClosedAt when the window closed, not null
         */
        public RequiresTemplate {
            Checks.notNull(windowClosedAt, "windowClosedAt");
        }
    }

    /**
     * The message was not sent (or the Cloud API did not confirm it).
     *
     * @param providerError what the provider (or the network) reported
     * @param retryable     true when trying again later may succeed: a rate limit, a timeout, a transient
     *                      provider failure, including after the client's own retries ran out; false when
     *                      the same request will fail again (bad number, bad parameters, expired token)
     */
    record Failed(ProviderError providerError, boolean retryable) implements SendOutcome {
        /**
         * @param providerError the error, not null
         * @param retryable     whether a later attempt may succeed
         */
        public Failed {
            Checks.notNull(providerError, "providerError");
        }
    }
}
