package za.co.proconnectsa.support.advisor;

import java.util.List;
import za.co.proconnectsa.support.InvalidInputException;

/**
 * What {@link ChannelAdvisor} advises, and why: the {@link #strategy()}, the assessment of each decision
 * point with its weight and reason, the weighted score, and a {@link #summary()} of how the points were
 * weighed. Immutable.
 */
public final class Advice {

    private final Strategy strategy;
    private final Strategy weighedStrategy;
    private final double score;
    private final AdvisorAnswers answers;
    private final List<PointAssessment> points;
    private final String summary;

    Advice(Strategy strategy, Strategy weighedStrategy, double score, AdvisorAnswers answers,
            List<PointAssessment> points, String summary) {
        this.strategy = strategy;
        this.weighedStrategy = weighedStrategy;
        this.score = score;
        this.answers = answers;
        this.points = List.copyOf(points);
        this.summary = summary;
    }

    /** @return the advised strategy */
    public Strategy strategy() {
        return strategy;
    }

    /**
     * The strategy the weighted score alone gives. It differs from {@link #strategy()} only when the hard
     * rule lifted WHATSAPP_ONLY to HYBRID (see {@link ChannelAdvisor}).
     *
     * @return the strategy by score
     */
    public Strategy weighedStrategy() {
        return weighedStrategy;
    }

    /** @return whether the hard rule (high volume or 4+ people never get WhatsApp only) changed the result */
    public boolean hardRuleApplied() {
        return strategy != weighedStrategy;
    }

    /**
     * The weighted average of the points' {@link Strategy#position()}s: -1 when every weighed point
     * favours WhatsApp only, +1 when every one favours tickets only.
     *
     * @return the score, from -1 to +1
     */
    public double score() {
        return score;
    }

    /** @return the answers the advice was given for (mapped from the figures, if it was given for figures) */
    public AdvisorAnswers answers() {
        return answers;
    }

    /** @return the four points' assessments, in the order of {@link DecisionPoint} */
    public List<PointAssessment> points() {
        return points;
    }

    /**
     * Returns the assessment of one point.
     *
     * @param point the decision point
     * @return its assessment
     * @throws InvalidInputException on field {@code point} if it is null
     */
    public PointAssessment point(DecisionPoint point) {
        if (point == null) {
            throw InvalidInputException.of("point", "must not be null");
        }
        return points.get(point.ordinal());
    }

    /** @return the points' reasons, in the order of {@link DecisionPoint} */
    public List<String> reasons() {
        return points.stream().map(PointAssessment::reason).toList();
    }

    /**
     * How the points were weighed, in words: how many points favour which strategy, the weighted sum with
     * each point's weight and position, the score and the band it falls in, and the hard rule if it applied.
     * For example: "2 of 4 points favour HYBRID, 1 WHATSAPP_ONLY, 1 TICKETS_ONLY; weighted score (2*0 + 1*0
     * + 2*(+1) + 1*(-1)) / 6 = +0.17 (WHATSAPP_ONLY -1, HYBRID 0, TICKETS_ONLY +1) is within [-1/3, +1/3],
     * so HYBRID."
     *
     * @return the summary
     */
    public String summary() {
        return summary;
    }

    @Override
    public String toString() {
        return "Advice[" + strategy + ": " + summary + "]";
    }
}
