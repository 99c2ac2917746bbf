package za.co.proconnectsa.support.assignment;

import java.util.Optional;
import za.co.proconnectsa.support.ticket.Ticket;
import za.co.proconnectsa.support.internal.Checks;

/**
 * What an attempt to assign a ticket automatically did.
 *
 * @param outcome what happened
 * @param ticket  the ticket as stored after the attempt
 */
public record AssignmentResult(Outcome outcome, Ticket ticket) {

    /** What happened. */
    public enum Outcome {
        /** The ticket was given to the agent the strategy chose. */
        ASSIGNED,
        /** The ticket already had an assignee (given by hand, or by another instance a moment earlier); unchanged. */
        ALREADY_ASSIGNED,
        /** The ticket is RESOLVED or CLOSED and needs nobody; unchanged. */
        NOT_ACTIVE,
        /**
         * No agent could take it now (none AVAILABLE with room, none the strategy accepts); it stays in the backlog
         * and is given out, oldest first, when room frees.
         */
        NO_AGENT
    }

    /**
     * Checks the components.
     *
     * @param outcome what happened
     * @param ticket the ticket as stored after the attempt
     */
    public AssignmentResult {
        Checks.notNull(outcome, "outcome");
        Checks.notNull(ticket, "ticket");
    }

    /** @return the agent the ticket is assigned to now, if any */
    public Optional<String> assignee() {
        return ticket.assignee();
    }
}
