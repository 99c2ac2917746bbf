package za.co.proconnectsa.support.advisor;

import za.co.proconnectsa.support.InvalidInputException;

/**
 * Where the business wants to be in six months: small scale, growing, or enterprise.
 *
 * <p>The question is asked as a plan. To derive it from analytics, {@link #of(double)} maps a measured
 * month-over-month growth rate of request volume with the advisor's thresholds:
 * below {@value #GROWING_FROM} (20% a month) is SMALL, from 0.2 is GROWING, from {@value
 * #ENTERPRISE_FROM} (100% a month, volume doubling every month) is ENTERPRISE. Compounded over the six
 * months the question looks ahead, 20% a month is about 3x (1.2<sup>6</sup> &asymp; 3.0), enough to move a
 * desk up a volume band; 100% a month is 64x, a different scale of business. Under 20% a month (10% a
 * month is about 1.8x in six months) the desk stays roughly the size it is.
 */
public enum Growth implements Answer {
    /** Staying small scale: "WhatsApp". */
    SMALL(Strategy.WHATSAPP_ONLY, "small scale", "WhatsApp will do"),
    /** Growing: "Hybrid". */
    GROWING(Strategy.HYBRID, "growing", "a hybrid can grow either channel"),
    /** Enterprise scale: "Ticket system". */
    ENTERPRISE(Strategy.TICKETS_ONLY, "enterprise scale", "a ticket system is needed");

    /** The lowest monthly growth rate (a fraction: 0.2 is 20% a month) that is {@link #GROWING}. */
    public static final double GROWING_FROM = 0.2;
    /** The lowest monthly growth rate (a fraction: 1.0 is 100% a month) that is {@link #ENTERPRISE}. */
    public static final double ENTERPRISE_FROM = 1.0;

    private final Band band;

    Growth(Strategy suggests, String description, String verdict) {
        this.band = new Band(suggests, description, verdict);
    }

    /**
     * Maps a measured month-over-month growth rate of request volume: below 0.2 is SMALL (shrinking
     * included), 0.2 up to but excluding 1.0 is GROWING, 1.0 and above is ENTERPRISE.
     *
     * @param monthlyGrowthRate the growth of volume per month as a fraction (0.25 is 25% a month, -0.1 a
     *                          10% drop), finite and at least -1
     * @return the growth answer
     * @throws InvalidInputException on field {@code monthlyGrowthRate} if the rate is below -1, NaN or infinite
     */
    public static Growth of(double monthlyGrowthRate) {
        if (!Double.isFinite(monthlyGrowthRate) || monthlyGrowthRate < -1.0) {
            throw InvalidInputException.of("monthlyGrowthRate",
                    "must be a finite fraction of at least -1 (0.2 is 20% a month), was " + monthlyGrowthRate);
        }
        if (monthlyGrowthRate < GROWING_FROM) {
            return SMALL;
        }
        return monthlyGrowthRate < ENTERPRISE_FROM ? GROWING : ENTERPRISE;
    }

    /** @return {@link DecisionPoint#GROWTH} */
    @Override
    public DecisionPoint point() {
        return DecisionPoint.GROWTH;
    }

    /** @return this answer's band and verdict */
    @Override
    public Band band() {
        return band;
    }
}
