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
     * The band this answer falls in, with its verdict.
     *
     * @return the answer's band
     */
    Band band();

    /**
     * The strategy this answer suggests, taken on its own.
     *
     * @return the suggested strategy
     */
    default Strategy suggests() {
        return band().suggests();
    }

    /**
     * The answer in words, with its band.
     *
     * @return e.g. "medium (10-50 requests a day)"
     */
    default String description() {
        return band().description();
    }

    /**
     * Why this answer, on its own, suggests {@link #suggests()} in words a person reads.
     *
     * @return e.g. "a hybrid works best"
     */
    default String verdict() {
        return band().verdict();
    }

    /**
     * The band of one answer and its verdict.
     *
     * @param suggests    the strategy it suggests on its own
     * @param description the answer in words
     * @param verdict     the verdict for it
     */
    record Band(Strategy suggests, String description, String verdict) {
    }
}
