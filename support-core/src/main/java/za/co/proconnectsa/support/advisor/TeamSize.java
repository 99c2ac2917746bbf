package za.co.proconnectsa.support.advisor;

import za.co.proconnectsa.support.InvalidInputException;

/** How many people handle support, in three bands: 1, 2-3 and 4+. */
public enum TeamSize implements Answer {
    /** One person: "WhatsApp is manageable". */
    ONE(Strategy.WHATSAPP_ONLY, "one person", "WhatsApp is manageable"),
    /** Two or three people: "Hybrid works". */
    TWO_TO_THREE(Strategy.HYBRID, "2-3 people", "a hybrid works"),
    /** Four or more people: "Need ticket system". */
    FOUR_PLUS(Strategy.TICKETS_ONLY, "4 or more people", "a ticket system is needed");

    private final Band band;

    TeamSize(Strategy suggests, String description, String verdict) {
        this.band = new Band(suggests, description, verdict);
    }

    /**
     * Puts a head count into its band: 1 is ONE, 2 or 3 is TWO_TO_THREE, 4 or more is FOUR_PLUS.
     *
     * @param agents the number of people who handle support, at least 1
     * @return the band
     * @throws InvalidInputException on field {@code agents} if the number is below 1
     */
    public static TeamSize of(int agents) {
        if (agents < 1) {
            throw InvalidInputException.of("agents", "must be at least 1, was " + agents);
        }
        if (agents == 1) {
            return ONE;
        }
        return agents <= 3 ? TWO_TO_THREE : FOUR_PLUS;
    }

    /** @return {@link DecisionPoint#TEAM_SIZE} */
    @Override
    public DecisionPoint point() {
        return DecisionPoint.TEAM_SIZE;
    }

    /** @return this answer's band and verdict */
    @Override
    public Band band() {
        return band;
    }
}
