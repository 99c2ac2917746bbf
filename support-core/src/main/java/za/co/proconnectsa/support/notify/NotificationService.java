package za.co.proconnectsa.support.notify;

import java.util.List;
import java.util.Optional;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.queue.JobWorker;
import za.co.proconnectsa.support.spi.NotificationSender;

/**
 * Notifications to requesters ({@link za.co.proconnectsa.support.SupportDesk#notifications()}): the worker that sends
 * them and the delivery log. The desk writes each notification to the store's job queue (kind {@value #KIND}) in the
 * unit of work of its cause, keyed by that cause, so a crash never loses one and a retried cause never doubles one.
 */
public interface NotificationService {

    /** The job kind of notifications in the store's {@link za.co.proconnectsa.support.spi.WorkQueue}. */
    String KIND = "notify.requester";

    /**
     * A worker that sends the queued notifications, each through the sender of its channel, retrying failures with a
     * doubling pause and keeping a notification as dead after the worker's maximum attempts.
     *
     * <pre>{@code
     * JobWorker worker = desk.notifications().worker(List.of(EmailNotifications.using(gateway), hooks))
     *         .maxAttempts(8)
     *         .build()
     *         .start();
     * }</pre>
     *
     * @param senders one sender per channel the desk notifies on
     * @return the worker's builder (owner, batch size, retry delay, attempts)
     * @throws za.co.proconnectsa.support.InvalidInputException when two senders serve one channel
     */
    JobWorker.Builder worker(List<NotificationSender> senders);

    /**
     * The delivery log, oldest first, a page at a time: pass {@code 0} first, then the last
     * {@link NotificationDelivery#id()} of the previous page.
     *
     * @param actor   support staff
     * @param afterId only entries after this id
     * @param limit   at most this many, 1 to 1000
     * @return the entries
     * @throws za.co.proconnectsa.support.access.AccessDeniedException for a requester
     */
    List<NotificationDelivery> deliveries(Actor actor, long afterId, int limit);

    /**
     * @param actor support staff
     * @param key   a notification's key
     * @return its delivery log entry
     */
    Optional<NotificationDelivery> delivery(Actor actor, String key);

    /**
     * Sends a dead notification again, its attempts reset (after fixing the receiver).
     *
     * @param actor support staff
     * @param id    the entry's id
     * @return whether it was dead
     */
    boolean retry(Actor actor, long id);
}
