package za.co.proconnectsa.support.whatsapp.webhook;

/**
 * An error WhatsApp reported in a {@code failed} status webhook, as in Meta's error-code table (for example
 * {@code 131047}, "Re-engagement message": more than 24 hours since the user last wrote). Errors of the Cloud API's
 * own responses are {@code za.co.proconnectsa.support.whatsapp.cloud.ProviderError}.
 *
 * @param code    the error code; 0 when WhatsApp sent none
 * @param title   the short title, or null
 * @param message the message (usually the title again), or null
 * @param details the explanation ({@code error_data.details}), or null
 * @param href    the link to Meta's error-code documentation, or null
 */
public record DeliveryError(int code, String title, String message, String details, String href) {
}
