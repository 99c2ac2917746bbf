package za.co.proconnectsa.support.analytics;

/**
 * Satisfaction (CSAT) of the period's tickets: the survey answers given on them.
 *
 * @param answers   how many surveys were answered
 * @param mean      the mean score, 1 to 5; 0 when none was answered
 * @param satisfied the share of answers scoring 4 or 5, 0 to 1; 0 when none was answered
 */
public record Satisfaction(long answers, double mean, double satisfied) {

    /** No answers. */
    public static final Satisfaction NONE = new Satisfaction(0, 0, 0);

    /**
     * @param answers  answers
     * @param scoreSum the sum of their scores
     * @param happy    answers scoring 4 or 5
     * @return the figures
     */
    public static Satisfaction of(long answers, long scoreSum, long happy) {
        return new Satisfaction(answers, Ratios.of(scoreSum, answers), Ratios.of(happy, answers));
    }

    /** @return the share satisfied as a percentage, 0 to 100 */
    public double satisfiedPercent() {
        return satisfied * 100;
    }
}
