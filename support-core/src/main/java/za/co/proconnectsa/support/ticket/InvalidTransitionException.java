package za.co.proconnectsa.support.ticket;

import za.co.proconnectsa.support.SupportException;

/** The ticket's status cannot move to the one asked for (see {@link TicketStatus}). Nothing was written. */
public class InvalidTransitionException extends SupportException {

    private static final long serialVersionUID = 1L;

    /** The ticket number, as {@link #ticketNumber()} returns it. */
    private final String ticketNumber;
    /** The from, as {@link #from()} returns it. */
    private final TicketStatus from;
    /** The to, as {@link #to()} returns it. */
    private final TicketStatus to;

    /**
     * @param ticketNumber the ticket
     * @param from         its current status
     * @param to           the status asked for
     * @param explanation  why, in a sentence
     */
    public InvalidTransitionException(String ticketNumber, TicketStatus from, TicketStatus to, String explanation) {
        super("Ticket " + ticketNumber + " cannot go from " + from + " to " + to + ": " + explanation);
        this.ticketNumber = ticketNumber;
        this.from = from;
        this.to = to;
    }

    /** @return the ticket */
    public String ticketNumber() {
        return ticketNumber;
    }

    /** @return its current status */
    public TicketStatus from() {
        return from;
    }

    /** @return the status asked for */
    public TicketStatus to() {
        return to;
    }
}
