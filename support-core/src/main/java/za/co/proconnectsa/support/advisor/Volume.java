package za.co.proconnectsa.support.advisor;

import za.co.proconnectsa.support.InvalidInputException;

/**
 * How many support requests arrive per day, in three bands: low (&lt;10), medium (10-50)
 * and high (&gt;50).
 */
public enum Volume implements Answer {
    /** Fewer than 10 requests a day: "WhatsApp is fine". */
    LOW(Strategy.WHATSAPP_ONLY, "low (fewer than 10 requests a day)", "WhatsApp is fine"),
    /** 10 to 50 requests a day, both included: "Hybrid works best". */
    MEDIUM(Strategy.HYBRID, "medium (10-50 requests a day)", "a hybrid works best"),
    /** More than 50 requests a day: "Need ticket system". */
    HIGH(Strategy.TICKETS_ONLY, "high (more than 50 requests a day)", "a ticket system is needed");

    /** The lowest daily volume that is {@link #MEDIUM}; anything below is {@link #LOW}. */
    public static final double MEDIUM_FROM = 10.0;
    /** The highest daily volume that is still {@link #MEDIUM}; anything above is {@link #HIGH}. */
    public static final double MEDIUM_UP_TO = 50.0;

    private final Band band;

    Volume(Strategy suggests, String description, String verdict) {
        this.band = new Band(suggests, description, verdict);
    }

    /**
     * Puts a measured daily volume into its band: below 10 is LOW, 10 to 50 inclusive is MEDIUM,
     * above 50 is HIGH. Averages are fine, so fractions are allowed.
     *
     * @param requestsPerDay support requests per day, a finite number of at least 0
     * @return the band
     * @throws InvalidInputException on field {@code requestsPerDay} if the number is negative, NaN or infinite
     */
    public static Volume of(double requestsPerDay) {
        if (!Double.isFinite(requestsPerDay) || requestsPerDay < 0) {
            throw InvalidInputException.of("requestsPerDay", "must be a finite number of at least 0, was " + requestsPerDay);
        }
        if (requestsPerDay < MEDIUM_FROM) {
            return LOW;
        }
        return requestsPerDay <= MEDIUM_UP_TO ? MEDIUM : HIGH;
    }

    /** @return {@link DecisionPoint#VOLUME} */
    @Override
    public DecisionPoint point() {
        return DecisionPoint.VOLUME;
    }

    /** @return this answer's band and verdict */
    @Override
    public Band band() {
        return band;
    }
}
