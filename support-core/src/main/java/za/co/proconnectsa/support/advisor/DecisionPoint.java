package za.co.proconnectsa.support.advisor;

/**
 * The four questions the advisor asks. Each is answered by one {@link Answer}
 * type and carries its own weight in a {@link ChannelAdvisor}.
 */
public enum DecisionPoint {
    /** "How many support requests do you get per day?", answered by {@link Volume}. */
    VOLUME("Volume", "volume"),
    /** "How many people handle support?", answered by {@link TeamSize}. */
    TEAM_SIZE("Team size", "teamSize"),
    /** "What types of issues?", answered by {@link IssueMix}. */
    ISSUE_MIX("Complexity", "issueMix"),
    /** "Where do you want to be in 6 months?", answered by {@link Growth}. */
    GROWTH("Growth plans", "growth");

    private final String label;
    private final String field;

    DecisionPoint(String label, String field) {
        this.label = label;
        this.field = field;
    }

    /**
     * The point's heading.
     *
     * @return e.g. "Team size"
     */
    public String label() {
        return label;
    }

    /**
     * The name of the point's field in {@link AdvisorAnswers}, as used in a {@link
     * za.co.proconnectsa.support.InvalidInputException}.
     *
     * @return e.g. "teamSize"
     */
    public String field() {
        return field;
    }
}
