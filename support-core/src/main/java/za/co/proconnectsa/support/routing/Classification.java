package za.co.proconnectsa.support.routing;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import za.co.proconnectsa.support.ticket.Category;

/**
 * What a {@link RequestClassifier} made of a request: the channel it leans to, the category it suggests,
 * how sure it is, and the words that weighed most for that channel.
 *
 * @param channel    the more likely channel
 * @param category   the most likely category for that channel
 * @param confidence the probability of {@code channel}, from 0.5 to 1
 * @param threshold  the classifier's confidence threshold
 * @param words      the words (or pairs of words) that pulled most towards {@code channel} rather than the other
 *                   channel, strongest first, at most three; may be empty
 */
public record Classification(Channel channel, Category category, double confidence, double threshold,
        List<String> words) {

    /**
     * Checks and copies the components.
     *
     * @param channel the more likely channel
     * @param category the most likely category for that channel
     * @param confidence the probability of {@code channel}, from 0.5 to 1
     * @param threshold the classifier's confidence threshold
     * @param words the words (or pairs of words) that pulled most towards {@code channel} rather than the other channel, strongest first, at most three; may be empty
     */
    public Classification {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(category, "category");
        words = List.copyOf(words);
    }

    /** @return whether the confidence reaches the threshold, so that routing may act on it */
    public boolean confident() {
        return confidence >= threshold;
    }

    /**
     * @return a sentence for a decision's reasons, e.g. {@code classified as TICKET (BILLING) with confidence
     *         0.93; words that weighed most: "payout", "bank"}
     */
    public String describe() {
        String sure = confident()
                ? "classified as " + channel + " (" + category + ") with confidence " + format(confidence)
                : "not sure: leans to " + channel + " (" + category + ") with confidence " + format(confidence)
                        + ", below the threshold " + format(threshold);
        return words.isEmpty() ? sure : sure + "; words that weighed most: "
                + words.stream().map(w -> "\"" + w + "\"").collect(Collectors.joining(", "));
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
