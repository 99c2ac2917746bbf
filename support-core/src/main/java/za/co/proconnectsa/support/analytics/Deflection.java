package za.co.proconnectsa.support.analytics;

/**
 * What became of the WhatsApp conversations started in the period.
 *
 * @param conversations       conversations started
 * @param closedWithoutTicket of those, closed without becoming a ticket: answered on WhatsApp
 * @param escalated           of those, joined to a ticket (escalated), whatever their status
 */
public record Deflection(long conversations, long closedWithoutTicket, long escalated) {

    /** @return closed without a ticket over all conversations; 0 when there were none */
    public double deflectionRate() {
        return Ratios.of(closedWithoutTicket, conversations);
    }

    /** @return escalated over all conversations; 0 when there were none */
    public double escalationRate() {
        return Ratios.of(escalated, conversations);
    }
}
