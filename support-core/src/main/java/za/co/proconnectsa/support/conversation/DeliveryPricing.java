package za.co.proconnectsa.support.conversation;

import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.internal.Text;

/**
 * How the channel prices a message the desk sent, as its status reports say: WhatsApp's {@code pricing} object
 * ({@code pricing_model}, {@code category}, {@code type}). It is kept with the message's delivery, so that the cost of
 * what the desk sends can be counted by category ({@link za.co.proconnectsa.support.spi.ConversationStore#pricedMessages}).
 *
 * <p>Values are kept lower-case as short identifiers, whatever new value the channel introduces: for WhatsApp the
 * model is {@code pmp} (per-message pricing) or, in older reports, {@code cbp}; the category is {@code marketing},
 * {@code utility}, {@code authentication}, {@code authentication_international}, {@code service} and the like; the
 * type is {@code regular}, {@code free_customer_service} or {@code free_entry_point}.
 *
 * @param model    the pricing model, 1 to {@value #MAX_LENGTH} characters
 * @param category the pricing category, 1 to {@value #MAX_LENGTH} characters
 * @param type     the pricing type, or {@code null} when the report has none (older API versions)
 */
public record DeliveryPricing(String model, String category, String type) {

    /** The longest value kept. */
    public static final int MAX_LENGTH = 40;

    /**
     * Checks the values and lower-cases them.
     *
     * @param model the pricing model, 1 to {@value #MAX_LENGTH} characters
     * @param category the pricing category, 1 to {@value #MAX_LENGTH} characters
     * @param type the pricing type, or {@code null} when the report has none (older API versions)
     * @throws InvalidInputException when the model or category is missing, or a value is not a short identifier
     */
    public DeliveryPricing {
        model = Text.lowerCaseCode(model, "model", MAX_LENGTH);
        category = Text.lowerCaseCode(category, "category", MAX_LENGTH);
        type = type == null ? null : Text.lowerCaseCode(type, "type", MAX_LENGTH);
    }
}
