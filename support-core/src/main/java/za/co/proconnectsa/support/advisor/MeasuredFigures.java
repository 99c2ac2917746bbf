package za.co.proconnectsa.support.advisor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import za.co.proconnectsa.support.InvalidInputException;

/**
 * Measured figures, for example from support analytics, that {@link #toAnswers()} maps onto the decision
 * points, so the advice can follow the desk as it changes.
 *
 * <ul>
 *   <li>{@code requestsPerDay} &rarr; {@link Volume#of(double)}: below 10 LOW, 10 to 50 inclusive MEDIUM,
 *       above 50 HIGH;</li>
 *   <li>{@code agents} &rarr; {@link TeamSize#of(int)}: 1 ONE, 2-3 TWO_TO_THREE, 4 or more FOUR_PLUS;</li>
 *   <li>{@code billingTechnicalShare} &rarr; {@link IssueMix#of(double)}: below 0.2 SIMPLE, above 0.8
 *       BILLING_TECHNICAL, else MIXED (the advisor's thresholds);</li>
 *   <li>growth: the stated {@code plannedGrowth}, the measured {@code monthlyGrowthRate} mapped by {@link
 *       Growth#of(double)} (from 20% a month GROWING, from 100% ENTERPRISE; our thresholds), or, when both
 *       are given, whichever of the two is nearer tickets: a plan of enterprise scale counts even while
 *       volume is flat, and volume doubling every month counts even if the plan says small.</li>
 * </ul>
 *
 * @param requestsPerDay        support requests per day (an average is fine), finite and at least 0
 * @param agents                people who handle support, at least 1
 * @param billingTechnicalShare the fraction of requests that are billing or technical, 0 to 1
 * @param plannedGrowth         the host's six-month plan, or null when only the rate is known
 * @param monthlyGrowthRate     month-over-month growth of request volume as a fraction (0.25 is 25% a
 *                              month), finite and at least -1, or null when not measured
 */
public record MeasuredFigures(double requestsPerDay, int agents, double billingTechnicalShare, Growth plannedGrowth,
        Double monthlyGrowthRate) {

    /**
     * Creates the figures.
     *
     * @param requestsPerDay        support requests per day, at least 0
     * @param agents                people who handle support, at least 1
     * @param billingTechnicalShare the fraction of billing and technical requests, 0 to 1
     * @param plannedGrowth         the host's six-month plan, or null
     * @param monthlyGrowthRate     month-over-month growth of volume as a fraction, at least -1, or null
     * @throws InvalidInputException naming every refused field: {@code requestsPerDay} (negative, NaN or
     *                             infinite), {@code agents} (below 1), {@code billingTechnicalShare} (outside
     *                             0..1 or NaN), {@code monthlyGrowthRate} (below -1, NaN or infinite) and
     *                             {@code plannedGrowth} (when neither it nor a rate is given)
     */
    public MeasuredFigures {
        List<InvalidInputException.FieldError> errors = new ArrayList<>();
        collect(errors, () -> Volume.of(requestsPerDay));
        collect(errors, () -> TeamSize.of(agents));
        collect(errors, () -> IssueMix.of(billingTechnicalShare));
        if (monthlyGrowthRate != null) {
            Double rate = monthlyGrowthRate;
            collect(errors, () -> Growth.of(rate));
        } else if (plannedGrowth == null) {
            errors.add(new InvalidInputException.FieldError("plannedGrowth",
                    "must be given when monthlyGrowthRate is not"));
        }
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparing(InvalidInputException.FieldError::field));
            throw new InvalidInputException(errors);
        }
    }

    /**
     * Creates figures with the host's stated growth plan.
     *
     * @param requestsPerDay        support requests per day, at least 0
     * @param agents                people who handle support, at least 1
     * @param billingTechnicalShare the fraction of billing and technical requests, 0 to 1
     * @param plannedGrowth         the host's six-month plan
     * @return the figures
     * @throws InvalidInputException naming every refused field
     */
    public static MeasuredFigures of(double requestsPerDay, int agents, double billingTechnicalShare,
            Growth plannedGrowth) {
        return new MeasuredFigures(requestsPerDay, agents, billingTechnicalShare, plannedGrowth, null);
    }

    /**
     * Creates figures with a measured growth rate instead of a stated plan.
     *
     * @param requestsPerDay        support requests per day, at least 0
     * @param agents                people who handle support, at least 1
     * @param billingTechnicalShare the fraction of billing and technical requests, 0 to 1
     * @param monthlyGrowthRate     month-over-month growth of volume as a fraction, at least -1
     * @return the figures
     * @throws InvalidInputException naming every refused field
     */
    public static MeasuredFigures of(double requestsPerDay, int agents, double billingTechnicalShare,
            double monthlyGrowthRate) {
        return new MeasuredFigures(requestsPerDay, agents, billingTechnicalShare, null, monthlyGrowthRate);
    }

    /** @return a builder with no figures yet */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Maps the figures onto the decision points' bands, as described on this type.
     *
     * @return the answers the figures amount to
     */
    public AdvisorAnswers toAnswers() {
        return AdvisorAnswers.of(Volume.of(requestsPerDay), TeamSize.of(agents), IssueMix.of(billingTechnicalShare),
                growth());
    }

    /**
     * The growth answer the figures amount to: the plan, the band of the measured rate, or the one nearer
     * tickets when both are given.
     *
     * @return the growth answer
     */
    public Growth growth() {
        if (monthlyGrowthRate == null) {
            return plannedGrowth;
        }
        Growth measured = Growth.of(monthlyGrowthRate);
        return plannedGrowth == null || measured.compareTo(plannedGrowth) > 0 ? measured : plannedGrowth;
    }

    private static void collect(List<InvalidInputException.FieldError> errors, Runnable check) {
        try {
            check.run();
        } catch (InvalidInputException e) {
            errors.addAll(e.fieldErrors());
        }
    }

    /** Builds {@link MeasuredFigures}; volume, agents, share and at least one of plan and rate are required. */
    public static final class Builder {
        private Double requestsPerDay;
        private Integer agents;
        private Double billingTechnicalShare;
        private Growth plannedGrowth;
        private Double monthlyGrowthRate;

        private Builder() {
        }

        /**
         * @param value support requests per day, at least 0
         * @return this builder
         */
        public Builder requestsPerDay(double value) {
            this.requestsPerDay = value;
            return this;
        }

        /**
         * @param value people who handle support, at least 1
         * @return this builder
         */
        public Builder agents(int value) {
            this.agents = value;
            return this;
        }

        /**
         * @param value the fraction of billing and technical requests, 0 to 1
         * @return this builder
         */
        public Builder billingTechnicalShare(double value) {
            this.billingTechnicalShare = value;
            return this;
        }

        /**
         * @param value the host's six-month plan
         * @return this builder
         */
        public Builder plannedGrowth(Growth value) {
            this.plannedGrowth = value;
            return this;
        }

        /**
         * @param value month-over-month growth of volume as a fraction (0.25 is 25%)
         * @return this builder
         */
        public Builder monthlyGrowthRate(double value) {
            this.monthlyGrowthRate = value;
            return this;
        }

        /**
         * @return the figures
         * @throws InvalidInputException naming every missing or refused field
         */
        public MeasuredFigures build() {
            List<InvalidInputException.FieldError> errors = new ArrayList<>();
            if (requestsPerDay == null) {
                errors.add(new InvalidInputException.FieldError("requestsPerDay", "must be given"));
            }
            if (agents == null) {
                errors.add(new InvalidInputException.FieldError("agents", "must be given"));
            }
            if (billingTechnicalShare == null) {
                errors.add(new InvalidInputException.FieldError("billingTechnicalShare", "must be given"));
            }
            MeasuredFigures figures = null;
            try {
                // valid stand-ins for missing figures, so the given ones are checked too
                figures = new MeasuredFigures(requestsPerDay == null ? 0 : requestsPerDay, agents == null ? 1 : agents,
                        billingTechnicalShare == null ? 0 : billingTechnicalShare, plannedGrowth, monthlyGrowthRate);
            } catch (InvalidInputException e) {
                errors.addAll(e.fieldErrors());
            }
            if (!errors.isEmpty()) {
                errors.sort(Comparator.comparing(InvalidInputException.FieldError::field));
                throw new InvalidInputException(errors);
            }
            return figures;
        }
    }
}
