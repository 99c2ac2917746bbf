/**
 * The WhatsApp Cloud API client: text, approved templates, reply buttons, lists and read receipts, sent
 * through Meta's Graph API ({@code POST /{version}/{phone-number-id}/messages}).
 *
 * <p>Start with {@link za.co.proconnectsa.support.whatsapp.cloud.WhatsAppCloudClient#builder()}. Every send
 * returns a {@link za.co.proconnectsa.support.whatsapp.cloud.SendOutcome}: sent, needs a template (the
 * 24-hour {@link za.co.proconnectsa.support.whatsapp.cloud.CustomerServiceWindow customer-service window}
 * is closed) or failed with the provider's {@link za.co.proconnectsa.support.whatsapp.cloud.ProviderError
 * error}, classified by {@link za.co.proconnectsa.support.whatsapp.cloud.ErrorClass}. Provider and network
 * failures never throw; invalid input throws {@link za.co.proconnectsa.support.InvalidInputException} before
 * anything is sent. The access token never appears in a log line, an exception message or a
 * {@code toString}.
 */
package za.co.proconnectsa.support.whatsapp.cloud;
