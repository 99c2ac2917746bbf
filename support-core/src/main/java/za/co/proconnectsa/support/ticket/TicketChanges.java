package za.co.proconnectsa.support.ticket;

import java.util.List;
import za.co.proconnectsa.support.internal.Checks;

/**
 * Tickets that changed after a {@link ChangeCursor}, each once, as it is now, in the order of their last change.
 *
 * @param tickets the changed tickets, at most the limit asked for
 * @param cursor  where to continue from: after the last ticket here, or the cursor asked with when nothing changed
 * @param more    whether more changes follow at once (ask again without waiting)
 */
public record TicketChanges(List<Ticket> tickets, ChangeCursor cursor, boolean more) {

    /**
     * Checks and copies the components.
     *
     * @param tickets the changed tickets, at most the limit asked for
     * @param cursor where to continue from: after the last ticket here, or the cursor asked with when nothing changed
     * @param more whether more changes follow at once (ask again without waiting)
     */
    public TicketChanges {
        tickets = List.copyOf(Checks.notNull(tickets, "tickets"));
        Checks.notNull(cursor, "cursor");
    }
}
