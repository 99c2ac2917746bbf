package za.co.proconnectsa.support.event;

import za.co.proconnectsa.support.routing.RoutingDecision;

/**
 * Watches the desk's work that leaves no stored event, for metrics: the routing decisions it makes and the changes it
 * tries again after losing a race with another writer. Registered on the
 * {@link za.co.proconnectsa.support.SupportDesk.Builder#observer(DeskObserver) builder}; stored changes reach
 * {@link TicketListener}s instead.
 *
 * <p>Methods are called on the thread doing the work, inside or outside a unit of work: keep them fast (count, do not
 * write). An exception thrown by an observer is logged and does not change the outcome of the work.
 */
public interface DeskObserver {

    /**
     * {@link za.co.proconnectsa.support.SupportDesk#route} decided where a request goes.
     *
     * @param decision the decision, with its channel and the rule that made it
     */
    default void routed(RoutingDecision decision) {
    }

    /**
     * A change lost an optimistic-locking race with another writer and is tried again on the reloaded ticket.
     *
     * @param operation what kind of change: {@code "reply"}, {@code "note"}, {@code "status"}, {@code "assignment"} or
     *                  {@code "submission"} (a repeated submission linked to an open ticket)
     */
    default void conflictRetried(String operation) {
    }
}
