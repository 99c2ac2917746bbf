package za.co.proconnectsa.support.event;

/**
 * Receives {@link TicketEvent}s after they are stored, on the thread that made the change.
 * Registered on the {@link za.co.proconnectsa.support.SupportDesk.Builder#listener(TicketListener) builder}.
 * An exception thrown by a listener is logged and does not undo the change or stop other listeners;
 * a listener that does slow work should hand it to its own executor.
 */
@FunctionalInterface
public interface TicketListener {

    /**
     * @param event what happened
     */
    void onEvent(TicketEvent event);
}
