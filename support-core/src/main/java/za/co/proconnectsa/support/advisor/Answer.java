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
     * The strategy the write-up gives for this answer, taken on its own.
     *
     * @return the suggested strategy
     */
    Strategy suggests();

    /**
     * The answer in words, including the write-up's band where it gives one.
     *
     * @return e.g. "medium (10-50 requests a day)"
     */
    String description();

    /**
     * Why this answer, on its own, suggests {@link #suggests()}, in the write-up's words.
     *
     * @return e.g. "a hybrid works best"
     */
    String verdict();
}
