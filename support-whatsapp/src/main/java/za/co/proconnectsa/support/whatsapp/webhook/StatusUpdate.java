package za.co.proconnectsa.support.whatsapp.webhook;

import java.time.Instant;
import java.util.List;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.internal.Checks;
import za.co.proconnectsa.support.internal.PhoneMasking;

/**
 * News about a message the business sent: it was sent, delivered, read, or failed. Meta sends these unordered and
 * more than once; the receiver stores each (message, status) once, and a message's delivery keeps the highest
 * status ({@link DeliveryStatus#supersedes}).
 *
 * <p>{@link #toString()} masks the recipient's phone number.
 *
 * @param messageId             the id of the business's message ({@code wamid.…}), 1 to 200 characters
 * @param businessPhoneNumberId the id of the business phone number that sent it, or null
 * @param status                the reported status
 * @param recipientId           the recipient's phone number ({@code recipient_id}), or the group id for a group
 *                              message; null when the message was sent to a business-scoped user id
 * @param recipientUserId       the recipient's business-scoped user id ({@code recipient_user_id}), or null
 * @param timestamp             when the status changed (whole seconds)
 * @param errors                the provider's errors; empty unless the status is {@link DeliveryStatus#FAILED}
 * @param pricing               how Meta prices the message (the report's {@code pricing}: {@code pricing_model},
 *                              {@code category}, {@code type}), or null when the report has none or it is unreadable
 */
public record StatusUpdate(
        String messageId,
        String businessPhoneNumberId,
        DeliveryStatus status,
        String recipientId,
        String recipientUserId,
        Instant timestamp,
        List<DeliveryError> errors,
        MessagePricing pricing) implements WebhookEvent {

    /**
     * Checks the required parts and copies the errors.
     *
     * @param messageId the id of the business's message ({@code wamid.…}), 1 to 200 characters
     * @param businessPhoneNumberId the id of the business phone number that sent it, or null
     * @param status the reported status
     * @param recipientId the recipient's phone number ({@code recipient_id}), or the group id for a group message; null when the message was sent to a business-scoped user id
     * @param recipientUserId the recipient's business-scoped user id ({@code recipient_user_id}), or null
     * @param timestamp when the status changed (whole seconds)
     * @param errors the provider's errors; empty unless the status is {@link DeliveryStatus#FAILED}
     * @param pricing how Meta prices the message (the report's {@code pricing}: {@code pricing_model}, {@code category}, {@code type}), or null when the report has none or it is unreadable
     * @throws InvalidInputException when a required part is missing
     */
    public StatusUpdate {
        if (messageId == null || messageId.isBlank() || messageId.length() > InboundMessage.MAX_ID_LENGTH) {
            throw InvalidInputException.of("messageId", "must be 1 to " + InboundMessage.MAX_ID_LENGTH + " characters");
        }
        Checks.notNull(status, "status");
        Checks.notNull(timestamp, "timestamp");
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    @Override
    public String toString() {
        return "StatusUpdate[messageId=" + messageId + ", status=" + status + ", recipientId="
                + (recipientId == null ? "null" : PhoneMasking.mask(recipientId)) + ", recipientUserId="
                + recipientUserId + ", timestamp=" + timestamp + ", errors=" + errors + ", pricing=" + pricing + ']';
    }
}
