package za.co.proconnectsa.support.advisor;

/**
 * The three ways of running support that the advisor weighs against each other. They lie on
 * one axis, from WhatsApp only to tickets only, with the hybrid in the middle; {@link #position()} is
 * where a strategy sits on that axis, which is what {@link ChannelAdvisor} averages.
 */
public enum Strategy {
    /** WhatsApp only: familiar, immediate and cheap, but no tracking, queue or assignment. */
    WHATSAPP_ONLY(-1, "WhatsApp only"),
    /** WhatsApp for quick questions and tickets for complex issues: the recommended default. */
    HYBRID(0, "hybrid (WhatsApp and tickets)"),
    /** A ticket system only: tracking, assignment, SLAs and analytics, at the cost of a login and more steps. */
    TICKETS_ONLY(1, "tickets only");

    private final int position;
    private final String label;

    Strategy(int position, String label) {
        this.position = position;
        this.label = label;
    }

    /**
     * Where this strategy sits on the advisor's axis.
     *
     * @return -1 for {@link #WHATSAPP_ONLY}, 0 for {@link #HYBRID}, +1 for {@link #TICKETS_ONLY}
     */
    public int position() {
        return position;
    }

    /**
     * A short name for people.
     *
     * @return e.g. "WhatsApp only"
     */
    public String label() {
        return label;
    }
}
