package za.co.proconnectsa.support.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import za.co.proconnectsa.support.SupportException;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.access.AccessPolicy;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.access.Permission;
import za.co.proconnectsa.support.notify.Notification;
import za.co.proconnectsa.support.notify.NotificationChannel;
import za.co.proconnectsa.support.notify.NotificationDelivery;
import za.co.proconnectsa.support.notify.NotificationService;
import za.co.proconnectsa.support.notify.RequesterContact;
import za.co.proconnectsa.support.queue.AbandonJobException;
import za.co.proconnectsa.support.queue.Job;
import za.co.proconnectsa.support.queue.JobWorker;
import za.co.proconnectsa.support.queue.QueueChecks;
import za.co.proconnectsa.support.spi.NotificationSender;
import za.co.proconnectsa.support.spi.RequesterDirectory;
import za.co.proconnectsa.support.spi.TicketStore;
import za.co.proconnectsa.support.spi.WorkQueue;
import za.co.proconnectsa.support.internal.Checks;

/** The {@link NotificationService} behind {@link za.co.proconnectsa.support.SupportDesk#notifications()}. */
public final class DefaultNotificationService implements NotificationService {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationService.class);

    private final TicketStore store;
    private final WorkQueue queue;
    private final RequesterDirectory directory;
    private final AccessPolicy policy;

    /**
     * @param store     the desk's store
     * @param directory the host's requesters, or {@code null} when the desk sends no notifications
     * @param policy    who may read the log
     */
    public DefaultNotificationService(TicketStore store, RequesterDirectory directory, AccessPolicy policy) {
        this.store = store;
        this.queue = store instanceof WorkQueue q ? q : null;
        this.directory = directory;
        this.policy = policy;
    }

    @Override
    public JobWorker.Builder worker(List<NotificationSender> senders) {
        Map<NotificationChannel, NotificationSender> byChannel = new EnumMap<>(NotificationChannel.class);
        for (NotificationSender sender : Checks.notNull(senders, "senders")) {
            if (byChannel.put(Checks.notNull(sender, "sender").channel(), sender) != null) {
                throw InvalidInputException.of("senders", "has two senders for " + sender.channel());
            }
        }
        return JobWorker.builder(store, queue(), KIND, job -> send(job, byChannel));
    }

    private void send(Job job, Map<NotificationChannel, NotificationSender> senders) {
        Notification notification = NotificationJson.decode(job.payload());
        if (store.findByNumber(notification.ticketNumber()).isEmpty()) {
            // a retention purge deleted the ticket (and drops its notifications; this one was claimed before): its
            // words are not sent
            LOG.debug("Notification {} not sent: ticket {} no longer exists", notification.type(),
                    notification.ticketNumber());
            return;
        }
        NotificationSender sender = senders.get(notification.channel());
        if (sender == null) {
            throw new AbandonJobException("no sender for " + notification.channel() + " was given to the worker");
        }
        RequesterContact contact = (directory == null ? Optional.<RequesterContact>empty()
                : directory.find(notification.requesterId()))
                .orElseGet(() -> RequesterContact.unknown(notification.requesterId()));
        if (!sender.canReach(contact)) {
            throw new AbandonJobException("the requester has no address for " + notification.channel());
        }
        sender.send(notification, contact);
        LOG.debug("Notification {} of ticket {} sent on {} (attempt {})", notification.type(),
                notification.ticketNumber(), notification.channel(), job.attempts());
    }

    @Override
    public List<NotificationDelivery> deliveries(Actor actor, long afterId, int limit) {
        check(actor);
        QueueChecks.limit(limit);
        List<NotificationDelivery> out = new ArrayList<>();
        for (Job job : queue().jobs(KIND, afterId, limit)) {
            delivery(job).ifPresent(out::add);
        }
        return out;
    }

    @Override
    public Optional<NotificationDelivery> delivery(Actor actor, String key) {
        check(actor);
        Checks.notNull(key, "key");
        return queue().findJob(KIND, key).flatMap(DefaultNotificationService::delivery);
    }

    @Override
    public boolean retry(Actor actor, long id) {
        check(actor);
        return queue().retryDeadJob(id);
    }

    private static Optional<NotificationDelivery> delivery(Job job) {
        try {
            return Optional.of(new NotificationDelivery(job.id(), NotificationJson.decode(job.payload()), job.state(),
                    job.attempts(), job.lastError(), job.finishedAt()));
        } catch (InvalidInputException unreadable) {
            LOG.warn("Notification job {} is not one this version reads; left out of the delivery log", job.id());
            return Optional.empty();
        }
    }

    private void check(Actor actor) {
        Checks.notNull(actor, "actor");
        policy.check(actor, Permission.VIEW_QUEUE, null);
    }

    private WorkQueue queue() {
        if (queue == null) {
            throw new SupportException("Notifications need a store with a job queue (WorkQueue), such as "
                    + "InMemoryTicketStore or JdbcTicketStore");
        }
        return queue;
    }
}
