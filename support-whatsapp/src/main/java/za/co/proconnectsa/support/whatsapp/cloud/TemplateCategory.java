package za.co.proconnectsa.support.whatsapp.cloud;

import java.util.Locale;
import java.util.Optional;

/**
 * The category Meta files an approved message template under (Meta's template categorization page): it decides the
 * price of each message, the endpoint it is sent through and whether the recipient's marketing consent is needed.
 * Meta may change a template's category after approval and says so in the {@code template_category_update} webhook.
 */
public enum TemplateCategory {
    /**
     * Promotions, offers, announcements, re-engagement: sent through the Marketing Messages API
     * ({@code POST /{version}/{phone-number-id}/marketing_messages}), only to contacts who opted in to marketing.
     */
    MARKETING,
    /** Updates about a transaction or account the customer started (a ticket update, a booking reminder). */
    UTILITY,
    /** One-time passcodes. */
    AUTHENTICATION;

    /**
     * @param value Meta's name of a category, any case ({@code MARKETING}, {@code utility})
     * @return the category, or empty for a name this library does not know
     */
    public static Optional<TemplateCategory> of(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(value.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
