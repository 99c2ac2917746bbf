package za.co.proconnectsa.support.internal;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import za.co.proconnectsa.support.event.TicketEvent;
import za.co.proconnectsa.support.event.TicketListener;
import za.co.proconnectsa.support.spi.TicketStore;

/** Hands a desk's ticket events to its in-process listeners once the change's unit of work has committed. */
public final class TicketEvents {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultTicketService.class);

    private final TicketStore store;
    private final List<TicketListener> listeners;

    /**
     * @param store     the store whose units the events wait for
     * @param listeners notified in order
     */
    public TicketEvents(TicketStore store, List<TicketListener> listeners) {
        this.store = store;
        this.listeners = List.copyOf(listeners);
    }

    /**
     * @param event delivered after the current unit commits, never when it rolls back
     */
    public void publishAfterCommit(TicketEvent event) {
        if (!listeners.isEmpty()) {
            store.afterCommit(() -> publish(event));
        }
    }

    private void publish(TicketEvent event) {
        for (TicketListener listener : listeners) {
            try {
                listener.onEvent(event);
            } catch (RuntimeException e) {
                LOG.warn("Ticket listener {} failed on {} of ticket {}; the change is stored",
                        listener.getClass().getName(), event.type(), event.ticket().number(), e);
            }
        }
    }
}
