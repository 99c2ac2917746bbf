package za.co.proconnectsa.support.whatsapp.webhook;

import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.internal.Text;

/**
 * How Meta prices a message the business sent, from its status webhook's {@code pricing} object (Meta's status
 * messages webhook reference): {@code pricing_model} ({@code PMP}, per-message pricing), {@code category}
 * ({@code marketing}, {@code utility}, {@code authentication}, {@code service}, ...) and {@code type} ({@code regular},
 * {@code free_customer_service}, {@code free_entry_point}). Values are kept lower-case.
 *
 * @param model    the pricing model, 1 to {@value #MAX_LENGTH} characters
 * @param category the pricing category, 1 to {@value #MAX_LENGTH} characters
 * @param type     the pricing type, or null when the report has none
 */
public record MessagePricing(String model, String category, String type) {

    /** The longest value kept. */
    public static final int MAX_LENGTH = 40;

    /**
     * @param model the pricing model, 1 to {@value #MAX_LENGTH} characters
     * @param category the pricing category, 1 to {@value #MAX_LENGTH} characters
     * @param type the pricing type, or null when the report has none
     * @throws InvalidInputException when the model or category is missing or a value is not a short identifier
     */
    public MessagePricing {
        model = Text.lowerCaseCode(model, "model", MAX_LENGTH);
        category = Text.lowerCaseCode(category, "category", MAX_LENGTH);
        type = type == null ? null : Text.lowerCaseCode(type, "type", MAX_LENGTH);
    }
}
