package za.co.proconnectsa.support.advisor;

/**
 * An answer to one {@link DecisionPoint}. Each answer type is an enum whose constants run from the
 * answer that favours WhatsApp to the one that favours tickets, so a later constant never suggests a
 * strategy nearer WhatsApp than an earlier one.
 */
public sealed interface Answer permits Volume, TeamSize, IssueMix, Growth {

    /**
     * The question this answers.
     *
     * @return the decision point
     */
    DecisionPoint point();

    /**
     * What the write-up says of this answer.
     *
     * @return the answer's band
     */
    Band band();

    /**
     * The strategy the write-up gives for this answer, taken on its own.
     *
     * @return the suggested strategy
     */
    default Strategy suggests() {
        return band().suggests();
    }

    /**
     * The answer in words, including the write-up's band where it gives one.
     *
     * @return e.g. "medium (10-50 requests a day)"
     */
    default String description() {
        return band().description();
    }

    /**
     * Why this answer, on its own, suggests {@link #suggests()}, in the write-up's words.
     *
     * @return e.g. "a hybrid works best"
     */
    default String verdict() {
        return band().verdict();
    }

    /**
     * What the write-up says of one answer.
     *
     * @param suggests    the strategy it suggests on its own
     * @param description the answer in words
     * @param verdict     the write-up's verdict for it
     */
    record Band(Strategy suggests, String description, String verdict) {
    }
}
