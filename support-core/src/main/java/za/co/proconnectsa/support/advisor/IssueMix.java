package za.co.proconnectsa.support.advisor;

import za.co.proconnectsa.support.InvalidInputException;

/**
 * What kinds of issues support handles: simple questions, a mix, or billing and technical issues
 * (declared in that order, from the answer that favours WhatsApp to the one that favours tickets).
 *
 * <p>The three kinds have no natural boundaries. To map a measured share of billing and
 * technical requests, {@link #of(double)} uses thresholds of our own: under {@value #SIMPLE_BELOW} is
 * SIMPLE, over {@value #BILLING_TECHNICAL_ABOVE} is BILLING_TECHNICAL, anything from 0.2 to 0.8 inclusive
 * is MIXED. The idea: when at least four requests in five are of one kind, the other kind is a minority
 * the main channel can absorb; below that, both kinds matter enough to deserve their own channel.
 */
public enum IssueMix implements Answer {
    /** Mostly simple questions: "WhatsApp". */
    SIMPLE(Strategy.WHATSAPP_ONLY, "simple questions", "WhatsApp suits them"),
    /** A mix of both: "Hybrid". */
    MIXED(Strategy.HYBRID, "a mix of simple questions and billing or technical issues", "a hybrid suits them"),
    /** Mostly billing and technical issues: "Tickets". */
    BILLING_TECHNICAL(Strategy.TICKETS_ONLY, "billing and technical issues", "they need tickets");

    /** A billing/technical share below this is {@link #SIMPLE} (the advisor's threshold). */
    public static final double SIMPLE_BELOW = 0.2;
    /** A billing/technical share above this is {@link #BILLING_TECHNICAL} (the advisor's threshold). */
    public static final double BILLING_TECHNICAL_ABOVE = 0.8;

    private final Band band;

    IssueMix(Strategy suggests, String description, String verdict) {
        this.band = new Band(suggests, description, verdict);
    }

    /**
     * Maps a measured share of billing and technical requests: below 0.2 is SIMPLE, above 0.8 is
     * BILLING_TECHNICAL, 0.2 to 0.8 inclusive is MIXED.
     *
     * @param billingTechnicalShare the fraction of requests that are billing or technical, 0 to 1
     * @return the mix
     * @throws InvalidInputException on field {@code billingTechnicalShare} if the share is outside 0..1 or NaN
     */
    public static IssueMix of(double billingTechnicalShare) {
        if (!(billingTechnicalShare >= 0.0 && billingTechnicalShare <= 1.0)) {
            throw InvalidInputException.of("billingTechnicalShare",
                    "must be a fraction from 0 to 1, was " + billingTechnicalShare);
        }
        if (billingTechnicalShare < SIMPLE_BELOW) {
            return SIMPLE;
        }
        return billingTechnicalShare > BILLING_TECHNICAL_ABOVE ? BILLING_TECHNICAL : MIXED;
    }

    /** @return {@link DecisionPoint#ISSUE_MIX} */
    @Override
    public DecisionPoint point() {
        return DecisionPoint.ISSUE_MIX;
    }

    /** @return this answer's band and verdict */
    @Override
    public Band band() {
        return band;
    }
}
