package za.co.proconnectsa.support.internal;

import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import za.co.proconnectsa.support.event.DeskObserver;

/** Tells each of a desk's observers, so that a failing observer changes nothing but a line in the log. */
public final class Observers {

    private static final Logger LOG = LoggerFactory.getLogger(Observers.class);

    private Observers() {
    }

    /**
     * @param observers the observers, in order
     * @param call      what to tell each
     */
    public static void tell(List<DeskObserver> observers, Consumer<DeskObserver> call) {
        for (DeskObserver observer : observers) {
            try {
                call.accept(observer);
            } catch (RuntimeException e) {
                LOG.warn("Desk observer {} failed; the work it watched is not affected", observer.getClass().getName(), e);
            }
        }
    }
}
