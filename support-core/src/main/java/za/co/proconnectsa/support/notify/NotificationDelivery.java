package za.co.proconnectsa.support.notify;

import java.time.Instant;
import za.co.proconnectsa.support.queue.JobState;
import za.co.proconnectsa.support.internal.Checks;

/**
 * One line of the delivery log ({@link NotificationService#deliveries}): a notification and what became of it.
 *
 * @param id           the log's id for it (page with it)
 * @param notification the notification
 * @param state        {@link JobState#PENDING} (waiting, or failed and waiting for a retry), {@link JobState#DONE}
 *                     (delivered) or {@link JobState#DEAD} (given up: refused for good, or too many failures)
 * @param attempts     how many times it was tried
 * @param lastError    why the last failed attempt failed (a status code, a timeout), or {@code null}
 * @param finishedAt   when it was delivered or given up, or {@code null}
 */
public record NotificationDelivery(long id, Notification notification, JobState state, int attempts, String lastError,
        Instant finishedAt) {

    /**
     * Checks the required components.
     *
     * @param id the log's id for it (page with it)
     * @param notification the notification
     * @param state {@link JobState#PENDING} (waiting, or failed and waiting for a retry), {@link JobState#DONE} (delivered) or {@link JobState#DEAD} (given up: refused for good, or too many failures)
     * @param attempts how many times it was tried
     * @param lastError why the last failed attempt failed (a status code, a timeout), or {@code null}
     * @param finishedAt when it was delivered or given up, or {@code null}
     */
    public NotificationDelivery {
        Checks.notNull(notification, "notification");
        Checks.notNull(state, "state");
    }
}
