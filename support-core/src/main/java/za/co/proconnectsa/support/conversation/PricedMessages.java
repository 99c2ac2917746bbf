package za.co.proconnectsa.support.conversation;

import java.util.Comparator;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.internal.Checks;

/**
 * How many messages the desk sent in a period were priced one way: one row of the cost-by-category figures
 * ({@link za.co.proconnectsa.support.spi.ConversationStore#pricedMessages}). Multiply by the channel's rate card for
 * the category (and the recipients' countries) to estimate the bill; {@code free_*} types cost nothing.
 *
 * @param pricing  the model, category and type
 * @param messages how many messages were priced so, at least 1
 */
public record PricedMessages(DeliveryPricing pricing, long messages) {

    /** The order every store returns the counts in: most messages first, then by category, model and type. */
    public static final Comparator<PricedMessages> ORDER = Comparator.comparingLong(PricedMessages::messages).reversed()
            .thenComparing(p -> p.pricing().category())
            .thenComparing(p -> p.pricing().model())
            .thenComparing(p -> p.pricing().type() == null ? "" : p.pricing().type());

    /**
     * @param pricing the model, category and type
     * @param messages how many messages were priced so, at least 1
     * @throws InvalidInputException when the pricing is missing or the count is below 1
     */
    public PricedMessages {
        Checks.notNull(pricing, "pricing");
        if (messages < 1) {
            throw InvalidInputException.of("messages", "must be at least 1, was " + messages);
        }
    }
}
