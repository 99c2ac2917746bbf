package za.co.proconnectsa.support.advisor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import za.co.proconnectsa.support.InvalidInputException;

/**
 * Turns the answers to four decision points (volume, team size, complexity, growth plans)
 * into a {@link Strategy}, with the reason for each point and how they were weighed. Immutable and
 * thread-safe; create with {@link #standard()} or {@link #builder()}.
 *
 * <h2>How the points are weighed</h2>
 *
 * <ol>
 *   <li>Each answer suggests one strategy on its own (its verdict), placed on an axis:
 *       WHATSAPP_ONLY = -1, HYBRID = 0, TICKETS_ONLY = +1 ({@link Strategy#position()}).</li>
 *   <li>The score is the weighted average of the four positions: &Sigma;(weight &times; position) /
 *       &Sigma; weight, from -1 to +1.</li>
 *   <li>A score below -1/3 gives WHATSAPP_ONLY, above +1/3 TICKETS_ONLY, and anything from -1/3 to +1/3
 *       inclusive HYBRID. The three strategies get equal thirds of the axis; a tie on a boundary goes to the
 *       hybrid, the lowest-risk option (a ticket system can be removed later if it is not needed). The comparison is exact: 3 &times; &Sigma;(weight &times; position) against &Sigma; weight.</li>
 *   <li>Hard rule: when volume is HIGH (more than 50 a day) or the team is FOUR_PLUS, the result is never
 *       WHATSAPP_ONLY; a score that would give it gives HYBRID instead. Those two answers need a ticket
 *       system, not merely work with one, and WhatsApp's weaknesses are exactly what breaks there: many
 *       requests are hard to handle without a queue, and a chat cannot easily be assigned to a team member. However much the other points favour WhatsApp, such a desk
 *       must have tickets for part of its work.</li>
 * </ol>
 *
 * <h2>Standard weights</h2>
 *
 * <p>{@link #standard()} weighs volume 2, team size 1, complexity 2 and growth plans 1 (total 6). Volume
 * and complexity describe the work the channel has to carry today, and they are where WhatsApp's
 * weaknesses bite: many requests need a queue, and billing and technical issues need tracking, an
 * audit trail and a history one can search. Team size counts half as much because it largely follows
 * volume (a busy desk hires), so weighing it fully would count the same fact twice. Growth counts half as
 * much because it is a plan, not a measurement, and the choice is cheap to revisit: a hybrid
 * can grow either channel. With these weights, answers that all suggest the same strategy give that
 * strategy; ProConnect's own situation (medium volume, 2-3 people, a mix, growing) gives HYBRID.
 *
 * <p>The weighing is monotonic: with non-negative weights, moving any one answer towards tickets never
 * moves the result towards WhatsApp.
 */
public final class ChannelAdvisor {

    /** The standard weight of {@link DecisionPoint#VOLUME}. */
    public static final double STANDARD_VOLUME_WEIGHT = 2;
    /** The standard weight of {@link DecisionPoint#TEAM_SIZE}. */
    public static final double STANDARD_TEAM_SIZE_WEIGHT = 1;
    /** The standard weight of {@link DecisionPoint#ISSUE_MIX}. */
    public static final double STANDARD_ISSUE_MIX_WEIGHT = 2;
    /** The standard weight of {@link DecisionPoint#GROWTH}. */
    public static final double STANDARD_GROWTH_WEIGHT = 1;

    /** The largest weight a point can carry. Weights are relative, so this is no limit in practice. */
    public static final double MAX_WEIGHT = 1000;

    private static final ChannelAdvisor STANDARD = builder().build();

    private final Map<DecisionPoint, Double> weights;
    private final double totalWeight;

    private ChannelAdvisor(Map<DecisionPoint, Double> weights) {
        this.weights = Collections.unmodifiableMap(new EnumMap<>(weights));
        this.totalWeight = weights.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /**
     * Returns the advisor with the standard weights: volume 2, team size 1, complexity 2, growth plans 1.
     *
     * @return the standard advisor
     */
    public static ChannelAdvisor standard() {
        return STANDARD;
    }

    /** @return a builder starting from the standard weights */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder starting from this advisor's weights */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.weights.putAll(weights);
        return b;
    }

    /**
     * Returns the weight of one point.
     *
     * @param point the decision point
     * @return its weight, at least 0
     * @throws InvalidInputException on field {@code point} if it is null
     */
    public double weight(DecisionPoint point) {
        if (point == null) {
            throw InvalidInputException.of("point", "must not be null");
        }
        return weights.get(point);
    }

    /** @return every point's weight, in the order of {@link DecisionPoint} (unmodifiable) */
    public Map<DecisionPoint, Double> weights() {
        return weights;
    }

    /**
     * Advises on answers given in a questionnaire. The reasons quote the answers' bands.
     *
     * @param answers the four answers
     * @return the advice
     * @throws InvalidInputException on field {@code answers} if it is null
     */
    public Advice advise(AdvisorAnswers answers) {
        if (answers == null) {
            throw InvalidInputException.of("answers", "must not be null");
        }
        List<String> reasons = answers.all().stream().map(Texts::reason).toList();
        return weigh(answers, reasons);
    }

    /**
     * Advises on measured figures, mapped onto the points as {@link MeasuredFigures} describes. The reasons
     * quote the measured numbers, e.g. "Volume: 35 requests a day is medium (10-50): a hybrid works best."
     *
     * @param figures the measured figures
     * @return the advice
     * @throws InvalidInputException on field {@code figures} if it is null
     */
    public Advice advise(MeasuredFigures figures) {
        if (figures == null) {
            throw InvalidInputException.of("figures", "must not be null");
        }
        AdvisorAnswers answers = figures.toAnswers();
        List<String> reasons = List.of(
                Texts.volume(figures.requestsPerDay()),
                Texts.team(figures.agents()),
                Texts.issueMix(figures.billingTechnicalShare()),
                Texts.growth(figures.plannedGrowth(), figures.monthlyGrowthRate(), answers.growth()));
        return weigh(answers, reasons);
    }

    private Advice weigh(AdvisorAnswers answers, List<String> reasons) {
        List<PointAssessment> points = new ArrayList<>(4);
        double sum = 0.0;
        for (Answer answer : answers.all()) {
            PointAssessment p = new PointAssessment(answer, weights.get(answer.point()), reasons.get(points.size()));
            points.add(p);
            sum += p.contribution();
        }
        Strategy weighed;
        if (3 * sum < -totalWeight) {
            weighed = Strategy.WHATSAPP_ONLY;
        } else if (3 * sum > totalWeight) {
            weighed = Strategy.TICKETS_ONLY;
        } else {
            weighed = Strategy.HYBRID;
        }
        boolean needsTickets = answers.volume() == Volume.HIGH || answers.teamSize() == TeamSize.FOUR_PLUS;
        Strategy result = needsTickets && weighed == Strategy.WHATSAPP_ONLY ? Strategy.HYBRID : weighed;
        double score = Math.max(-1.0, Math.min(1.0, sum / totalWeight));
        return new Advice(result, weighed, score, answers, points, summary(points, sum, score, weighed, result,
                answers));
    }

    private String summary(List<PointAssessment> points, double sum, double score, Strategy weighed, Strategy result,
            AdvisorAnswers answers) {
        StringBuilder s = new StringBuilder(votes(points));
        StringJoiner terms = new StringJoiner(" + ", "(", ")");
        for (PointAssessment p : points) {
            int pos = p.suggests().position();
            terms.add(Texts.plain(p.weight()) + "*" + (pos > 0 ? "(+1)" : pos < 0 ? "(-1)" : "0"));
        }
        s.append("; weighted score ").append(terms).append(" / ").append(Texts.plain(totalWeight)).append(" = ")
                .append(Texts.score(score)).append(" (WHATSAPP_ONLY -1, HYBRID 0, TICKETS_ONLY +1) is ");
        s.append(switch (weighed) {
            case WHATSAPP_ONLY -> "below -1/3";
            case TICKETS_ONLY -> "above +1/3";
            case HYBRID -> "within [-1/3, +1/3]";
        });
        if (result == weighed) {
            s.append(", so ").append(result).append('.');
        } else {
            String why;
            if (answers.volume() == Volume.HIGH && answers.teamSize() == TeamSize.FOUR_PLUS) {
                why = "more than 50 requests a day and a team of 4 or more need a ticket system";
            } else if (answers.volume() == Volume.HIGH) {
                why = "more than 50 requests a day need a ticket system";
            } else {
                why = "a team of 4 or more needs a ticket system";
            }
            s.append(", which would give ").append(weighed).append("; but ").append(why)
                    .append(", so never WhatsApp only: ").append(result).append('.');
        }
        return s.toString();
    }

    /** "All 4 points favour HYBRID" or "2 of 4 points favour HYBRID, 1 TICKETS_ONLY, 1 WHATSAPP_ONLY". */
    private static String votes(List<PointAssessment> points) {
        Map<Strategy, Integer> counts = new EnumMap<>(Strategy.class);
        for (PointAssessment p : points) {
            counts.merge(p.suggests(), 1, Integer::sum);
        }
        List<Map.Entry<Strategy, Integer>> ranked = new ArrayList<>(counts.entrySet());
        // most votes first; on equal votes in axis order, WhatsApp first
        ranked.sort((a, b) -> a.getValue().equals(b.getValue()) ? a.getKey().compareTo(b.getKey())
                : b.getValue() - a.getValue());
        int n = points.size();
        Map.Entry<Strategy, Integer> top = ranked.get(0);
        StringBuilder s = new StringBuilder(top.getValue() == n ? "All " + n + " points favour " + top.getKey()
                : top.getValue() + " of " + n + (top.getValue() == 1 ? " points favours " : " points favour ")
                        + top.getKey());
        for (int i = 1; i < ranked.size(); i++) {
            s.append(", ").append(ranked.get(i).getValue()).append(' ').append(ranked.get(i).getKey());
        }
        return s.toString();
    }

    @Override
    public String toString() {
        return "ChannelAdvisor" + weights;
    }

    /** Builds a {@link ChannelAdvisor}; starts from the standard weights. */
    public static final class Builder {
        private final Map<DecisionPoint, Double> weights = new EnumMap<>(DecisionPoint.class);

        private Builder() {
            weights.put(DecisionPoint.VOLUME, STANDARD_VOLUME_WEIGHT);
            weights.put(DecisionPoint.TEAM_SIZE, STANDARD_TEAM_SIZE_WEIGHT);
            weights.put(DecisionPoint.ISSUE_MIX, STANDARD_ISSUE_MIX_WEIGHT);
            weights.put(DecisionPoint.GROWTH, STANDARD_GROWTH_WEIGHT);
        }

        /**
         * Sets the weight of one point. A weight of 0 leaves the point out of the score (it is still
         * assessed and reported, and the hard rule still applies).
         *
         * @param point  the decision point
         * @param weight its weight, from 0 to {@value ChannelAdvisor#MAX_WEIGHT}
         * @return this builder
         * @throws InvalidInputException on field {@code point} if it is null, or {@code weights.<field>} (e.g.
         *                             {@code weights.volume}) if the weight is negative, too large or NaN
         */
        public Builder weight(DecisionPoint point, double weight) {
            if (point == null) {
                throw InvalidInputException.of("point", "must not be null");
            }
            if (!(weight >= 0 && weight <= MAX_WEIGHT)) {
                throw InvalidInputException.of("weights." + point.field(),
                        "must be a number from 0 to " + Texts.plain(MAX_WEIGHT) + ", was " + weight);
            }
            weights.put(point, weight);
            return this;
        }

        /**
         * @return the advisor
         * @throws InvalidInputException on field {@code weights} if every weight is 0
         */
        public ChannelAdvisor build() {
            if (weights.values().stream().allMatch(w -> w == 0.0)) {
                throw InvalidInputException.of("weights", "at least one weight must be above 0");
            }
            return new ChannelAdvisor(weights);
        }
    }
}
