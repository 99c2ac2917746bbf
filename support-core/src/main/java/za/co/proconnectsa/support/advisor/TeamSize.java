package za.co.proconnectsa.support.advisor;

import za.co.proconnectsa.support.ValidationException;

/** How many people handle support, in the write-up's three bands: 1, 2-3 and 4+. */
public enum TeamSize implements Answer {
    /** One person: "WhatsApp is manageable". */
    ONE(Strategy.WHATSAPP_ONLY, "one person", "WhatsApp is manageable"),
    /** Two or three people: "Hybrid works". */
    TWO_TO_THREE(Strategy.HYBRID, "2-3 people", "a hybrid works"),
    /** Four or more people: "Need ticket system". */
    FOUR_PLUS(Strategy.TICKETS_ONLY, "4 or more people", "a ticket system is needed");

    private final Strategy suggests;
    private final String description;
    private final String verdict;

    TeamSize(Strategy suggests, String description, String verdict) {
        this.suggests = suggests;
        this.description = description;
        this.verdict = verdict;
    }

    /**
     * Puts a head count into its band: 1 is ONE, 2 or 3 is TWO_TO_THREE, 4 or more is FOUR_PLUS.
     *
     * @param agents the number of people who handle support, at least 1
     * @return the band
     * @throws ValidationException on field {@code agents} if the number is below 1
     */
    public static TeamSize of(int agents) {
        if (agents < 1) {
            throw ValidationException.of("agents", "must be at least 1, was " + agents);
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

    /** @return WHATSAPP_ONLY for ONE, HYBRID for TWO_TO_THREE, TICKETS_ONLY for FOUR_PLUS */
    @Override
    public Strategy suggests() {
        return suggests;
    }

    /** @return the band in words, e.g. "2-3 people" */
    @Override
    public String description() {
        return description;
    }

    /** @return the write-up's verdict for this band, e.g. "a hybrid works" */
    @Override
    public String verdict() {
        return verdict;
    }
}
