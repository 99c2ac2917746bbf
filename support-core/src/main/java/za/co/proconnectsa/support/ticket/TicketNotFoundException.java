package za.co.proconnectsa.support.ticket;

import za.co.proconnectsa.support.SupportException;

/**
 * No ticket with this number exists for the caller. A requester asking for someone else's ticket
 * gets this too, so that a ticket's existence is never revealed to the wrong person.
 */
public class TicketNotFoundException extends SupportException {

    private static final long serialVersionUID = 1L;

    /** The ticket number, as {@link #ticketNumber()} returns it. */
    private final String ticketNumber;

    /**
     * @param ticketNumber the number (or id) that was asked for
     */
    public TicketNotFoundException(String ticketNumber) {
        super("No ticket " + ticketNumber + " was found");
        this.ticketNumber = ticketNumber;
    }

    /** @return the number (or id) that was asked for */
    public String ticketNumber() {
        return ticketNumber;
    }
}
