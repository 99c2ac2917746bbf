package za.co.proconnectsa.support.event;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import za.co.proconnectsa.support.SupportException;
import za.co.proconnectsa.support.internal.PollingLoop;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.internal.ErrorText;
import za.co.proconnectsa.support.spi.EventOutbox;
import za.co.proconnectsa.support.spi.TicketStore;
import za.co.proconnectsa.support.ticket.Message;
import za.co.proconnectsa.support.ticket.Ticket;
import za.co.proconnectsa.support.internal.Checks;

/**
 * Delivers the store's outbox ({@link EventOutbox}) to {@link TicketListener}s at least once: an event whose
 * change was committed reaches the listeners even if the application stopped right after the commit, and
 * several instances on one database share the work without delivering an entry twice at the same time.
 *
 * <pre>{@code
 * OutboxRelay relay = OutboxRelay.builder(store)          // the JdbcTicketStore or InMemoryTicketStore
 *         .listener(event -> mailer.notify(event))
 *         .build();
 * relay.start();                                          // a daemon thread polls every second
 * ...
 * relay.close();
 * }</pre>
 *
 * <p>Each delivered event carries the ticket as it is when the relay reads it (it may have changed again since)
 * and, for replies and notes, the message the change added. An entry is removed once every listener returned;
 * when a listener throws, the entry is given back and retried after a growing pause (from
 * {@link Builder#retryDelay(Duration)} up to an hour), so listeners must tolerate seeing an event again.
 * Entries are claimed oldest first; across instances, or after a retry, events of one ticket may arrive out of
 * order, so compare {@link TicketEvent#at()} or the ticket's version where order matters.
 *
 * <p><b>Slow listeners.</b> While the listeners of an entry run, a heartbeat renews its claim every third of the
 * lease ({@link Builder#heartbeatInterval(Duration)}), so no other relay claims it however long they take. If a
 * renewal finds the claim lost (the relay was paused longer than the lease, e.g. a long garbage collection or a
 * stopped virtual machine, and another relay took the entry), the entry is left to the new claimer and not
 * removed.
 *
 * <p><b>Dead letters.</b> An entry whose listeners failed {@link Builder#maxAttempts(int)} times (10 by default)
 * is not retried again: it becomes a dead letter, kept with the last error (exception type and message, with
 * secret-looking values blanked) for an operator to inspect, retry or delete through the store's
 * {@link EventOutbox} ({@link EventOutbox#deadLetters}, {@link EventOutbox#retryDeadLetter}). An entry the store
 * cannot read (an event type from a newer version of the library) is parked there too, and never blocks the
 * entries behind it. Watch {@link EventOutbox#deadLetterCount()} in the host's health checks.
 *
 * <p>Hosts with their own scheduler call {@link #runOnce()} instead of {@link #start()}.
 */
public final class OutboxRelay implements AutoCloseable {

    /** Entries claimed at a time by default. */
    public static final int DEFAULT_BATCH_SIZE = 100;
    /** How long a claim lasts by default. */
    public static final Duration DEFAULT_LEASE = Duration.ofMinutes(1);
    /** The pause between polls of an empty outbox by default. */
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(1);
    /** The first pause before a failed delivery is retried by default; it doubles with every attempt. */
    public static final Duration DEFAULT_RETRY_DELAY = Duration.ofSeconds(10);
    /** How many times an entry is attempted by default before it becomes a dead letter. */
    public static final int DEFAULT_MAX_ATTEMPTS = 10;

    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);

    private final TicketStore store;
    private final EventOutbox outbox;
    private final List<TicketListener> listeners;
    private final String owner;
    private final int batchSize;
    private final Duration lease;
    private final Duration pollInterval;
    private final Duration retryDelay;
    private final int maxAttempts;
    private final Duration heartbeatInterval;
    private final Clock clock;
    private final ScheduledThreadPoolExecutor heartbeats;
    private final PollingLoop loop;

    private OutboxRelay(Builder b) {
        this.store = b.store;
        this.outbox = b.outbox;
        this.listeners = List.copyOf(b.listeners);
        this.owner = b.owner;
        this.batchSize = b.batchSize;
        this.lease = b.lease;
        this.pollInterval = b.pollInterval;
        this.retryDelay = b.retryDelay;
        this.maxAttempts = b.maxAttempts;
        this.heartbeatInterval = b.heartbeatInterval != null ? b.heartbeatInterval : b.lease.dividedBy(3);
        this.clock = b.clock;
        this.heartbeats = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "outbox-heartbeat-" + b.owner);
            t.setDaemon(true);
            return t;
        });
        // the thread ends while no delivery runs, so a relay driven by runOnce() alone leaves no thread behind
        this.heartbeats.setKeepAliveTime(1, TimeUnit.SECONDS);
        this.heartbeats.allowCoreThreadTimeOut(true);
        this.loop = new PollingLoop("outbox-relay-" + b.owner, b.pollInterval, this::runOnce, b.batchSize, LOG);
        this.heartbeats.setRemoveOnCancelPolicy(true);
    }

    /**
     * @param store the ticket store; it must implement {@link EventOutbox} unless {@link Builder#outbox} is set
     * @return a builder; at least one listener is required
     */
    public static Builder builder(TicketStore store) {
        return new Builder(Checks.notNull(store, "store"));
    }

    /**
     * Claims one batch and delivers it.
     *
     * @return how many entries were delivered to every listener and removed
     * @throws za.co.proconnectsa.support.StoreUnavailableException when the store fails (nothing is lost: the
     *                                                              claimed entries come back when their lease ends)
     */
    public int runOnce() {
        Instant claimedAt = clock.instant();
        List<OutboxEntry> batch = outbox.claim(owner, batchSize, lease, claimedAt);
        Instant heldUntil = claimedAt.plus(lease);
        // stop a little before the lease ends, so no entry is delivered while another relay may claim it
        Instant stopAt = claimedAt.plus(lease.multipliedBy(9).dividedBy(10));
        int delivered = 0;
        for (OutboxEntry entry : batch) {
            if (!clock.instant().isBefore(stopAt)) {
                LOG.warn("Outbox relay {} ran out of its {} lease after {} of {} entries; the rest are claimed again "
                        + "when it ends (a longer lease or a smaller batch avoids this)", owner, lease, delivered, batch.size());
                break;
            }
            if (deliverHeld(entry, heldUntil)) {
                delivered++;
            }
        }
        return delivered;
    }

    /** Delivers one claimed entry while a heartbeat keeps its claim; @return whether it was delivered and removed */
    private boolean deliverHeld(OutboxEntry entry, Instant heldUntil) {
        // more than one beat into the batch: renew first, or the first beat could come after the claim ended
        if (Duration.between(clock.instant(), heldUntil).compareTo(lease.minus(heartbeatInterval)) < 0
                && !outbox.renew(entry.id(), owner, clock.instant().plus(lease))) {
            LOG.warn("Outbox relay {} lost its claim on entry {} before delivering it; its new claimer delivers it",
                    owner, entry.id());
            return false;
        }
        Heartbeat heartbeat = new Heartbeat(entry);
        Failure failure;
        try {
            heartbeat.start();
            failure = deliver(entry);
        } finally {
            heartbeat.stop();
        }
        if (heartbeat.lost()) {
            LOG.warn("Outbox relay {} lost its claim on entry {} while its listeners ran; leaving it to its new claimer, "
                    + "who delivers it again", owner, entry.id(), failure == null ? null : failure.error());
            return false;
        }
        if (failure != null) {
            failed(entry, failure);
            return false;
        }
        return outbox.complete(entry.id(), owner);
    }

    /** A listener that threw. */
    private record Failure(TicketListener listener, Throwable error, Ticket ticket) {
    }

    /** Calls the listeners in order; @return the first failure, or {@code null} when every listener returned */
    private Failure deliver(OutboxEntry entry) {
        Optional<Ticket> ticket = store.findById(entry.ticketId());
        if (ticket.isEmpty()) {
            // stores never delete tickets, so this is a foreign entry: nothing can be delivered, ever
            LOG.warn("Outbox entry {} names ticket {}, which is not stored; dropping it", entry.id(), entry.ticketId());
            return null;
        }
        Message message = entry.messageId() == null ? null : findMessage(entry);
        TicketEvent event = new TicketEvent(entry.type(), ticket.get(), entry.actor(), entry.at(), message,
                entry.slaTarget());
        for (TicketListener listener : listeners) {
            try {
                listener.onEvent(event);
            } catch (RuntimeException | LinkageError | AssertionError e) {
                return new Failure(listener, e, ticket.get());
            }
        }
        return null;
    }

    /** Releases the entry for a later retry or, after the last attempt, makes it a dead letter. */
    private void failed(OutboxEntry entry, Failure failure) {
        String listener = failure.listener().getClass().getName();
        String ticket = failure.ticket().number().text();
        if (entry.attempts() >= maxAttempts) {
            String reason = "Failed " + entry.attempts() + " attempts; last error in " + listener + ": "
                    + ErrorText.describe(failure.error(), DeadLetter.MAX_REASON_LENGTH / 2);
            LOG.error("Outbox listener {} failed on {} of ticket {} for the last of {} attempts; entry {} is now a dead "
                    + "letter", listener, entry.type(), ticket, maxAttempts, entry.id(), failure.error());
            outbox.deadLetter(entry.id(), owner, reason, clock.instant());
            return;
        }
        Instant retryAt = clock.instant().plus(PollingLoop.backoff(retryDelay, entry.attempts()));
        LOG.warn("Outbox listener {} failed on {} of ticket {} (attempt {} of {}); retrying from {}", listener,
                entry.type(), ticket, entry.attempts(), maxAttempts, retryAt, failure.error());
        outbox.release(entry.id(), owner, retryAt);
    }

    /** Renews the claim of the entry being delivered every heartbeat interval, until stopped or the claim is lost. */
    private final class Heartbeat {
        private final OutboxEntry entry;
        private ScheduledFuture<?> beats;
        private boolean stopped;
        private boolean lost;

        Heartbeat(OutboxEntry entry) {
            this.entry = entry;
        }

        synchronized void start() {
            long every = heartbeatInterval.toNanos();
            try {
                beats = heartbeats.scheduleWithFixedDelay(this::beat, every, every, TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException closed) {
                LOG.debug("Outbox relay {} is closed; delivering entry {} without renewing its claim", owner, entry.id());
            }
        }

        /** Synchronized with {@link #stop()}, so that once stopped no renewal is under way or to come. */
        synchronized void beat() {
            if (stopped || lost) {
                return;
            }
            try {
                lost = !outbox.renew(entry.id(), owner, clock.instant().plus(lease));
            } catch (RuntimeException e) {
                // the store is unreachable: keep trying; if the claim runs out meanwhile, the store's owner checks hold
                LOG.warn("Outbox relay {} could not renew its claim on entry {}", owner, entry.id(), e);
            }
        }

        synchronized void stop() {
            stopped = true;
            if (beats != null) {
                beats.cancel(false);
            }
        }

        synchronized boolean lost() {
            return lost;
        }
    }

    private Message findMessage(OutboxEntry entry) {
        UUID id = entry.messageId();
        return store.messages(entry.ticketId()).stream().filter(m -> m.id().equals(id)).findFirst().orElse(null);
    }

    /**
     * Starts a daemon thread that runs {@link #runOnce()} until {@link #close()}: again at once after a full
     * batch, otherwise after the poll interval. A store failure is logged and retried after the poll interval.
     *
     * @return this relay
     * @throws SupportException when already started or closed
     */
    public OutboxRelay start() {
        loop.start();
        return this;
    }

    /**
     * Stops the thread, if started, after the batch it is delivering; waits up to 10 seconds for it, then stops the
     * heartbeat.
     */
    @Override
    public void close() {
        loop.close();
        heartbeats.shutdown();
    }

    /** @return the name this relay claims under */
    public String owner() {
        return owner;
    }

    @Override
    public String toString() {
        return "OutboxRelay[owner=" + owner + ", batchSize=" + batchSize + ", lease=" + lease + ", pollInterval="
                + pollInterval + ", maxAttempts=" + maxAttempts + "]";
    }

    /** Configures an {@link OutboxRelay}. */
    public static final class Builder {
        private final TicketStore store;
        private EventOutbox outbox;
        private final List<TicketListener> listeners = new ArrayList<>();
        private String owner = "relay-" + UUID.randomUUID().toString().substring(0, 8);
        private int batchSize = DEFAULT_BATCH_SIZE;
        private Duration lease = DEFAULT_LEASE;
        private Duration pollInterval = DEFAULT_POLL_INTERVAL;
        private Duration retryDelay = DEFAULT_RETRY_DELAY;
        private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
        private Duration heartbeatInterval;
        private Clock clock = Clock.systemUTC();

        private Builder(TicketStore store) {
            this.store = store;
            if (store instanceof EventOutbox own) {
                this.outbox = own;
            }
        }

        /**
         * @param value the outbox, when the store does not implement it itself
         * @return this builder
         */
        public Builder outbox(EventOutbox value) {
            this.outbox = Checks.notNull(value, "outbox");
            return this;
        }

        /**
         * @param value notified of each event, in registration order
         * @return this builder
         */
        public Builder listener(TicketListener value) {
            this.listeners.add(Checks.notNull(value, "listener"));
            return this;
        }

        /**
         * @param value the name this relay claims under, 1 to 100 characters, unique among the relays sharing an
         *              outbox (a random "relay-xxxxxxxx" by default)
         * @return this builder
         */
        public Builder owner(String value) {
            if (value == null || value.isBlank() || value.length() > 100) {
                throw InvalidInputException.of("owner", "must be 1 to 100 characters");
            }
            this.owner = value;
            return this;
        }

        /**
         * @param value entries claimed at a time, 1 to 1000
         * @return this builder
         */
        public Builder batchSize(int value) {
            Checks.between(value, 1, 1000, "batchSize");
            this.batchSize = value;
            return this;
        }

        /**
         * @param value how long a claim lasts. The claim of the entry being delivered is renewed while its listeners
         *              run, but the rest of a batch waits: a batch not delivered within 90% of the lease stops, and
         *              its rest is claimed again later
         * @return this builder
         */
        public Builder lease(Duration value) {
            this.lease = Checks.positive(value, "lease");
            return this;
        }

        /**
         * @param value the pause between polls of an empty outbox
         * @return this builder
         */
        public Builder pollInterval(Duration value) {
            this.pollInterval = Checks.positive(value, "pollInterval");
            return this;
        }

        /**
         * @param value the first pause before retrying a failed delivery; it doubles per attempt
         * @return this builder
         */
        public Builder retryDelay(Duration value) {
            this.retryDelay = Checks.positive(value, "retryDelay");
            return this;
        }

        /**
         * @param value how many times an entry is attempted before it becomes a dead letter, 1 to 1000 (10 by
         *              default). Attempts count claims, so a claim that ran out before the relay reached the entry
         *              counts too
         * @return this builder
         */
        public Builder maxAttempts(int value) {
            Checks.between(value, 1, 1000, "maxAttempts");
            this.maxAttempts = value;
            return this;
        }

        /**
         * @param value how often the claim of the entry being delivered is renewed while its listeners run; shorter
         *              than the lease (a third of the lease by default)
         * @return this builder
         */
        public Builder heartbeatInterval(Duration value) {
            this.heartbeatInterval = Checks.positive(value, "heartbeatInterval");
            return this;
        }

        /**
         * @param value the time source
         * @return this builder
         */
        public Builder clock(Clock value) {
            this.clock = Checks.notNull(value, "clock");
            return this;
        }

        /**
         * @return the relay, not yet started
         * @throws InvalidInputException when no outbox or no listener is set, or the heartbeat is not shorter than
         *                             the lease
         */
        public OutboxRelay build() {
            if (outbox == null) {
                throw InvalidInputException.of("outbox", "the store does not implement EventOutbox; set one with outbox(...)");
            }
            if (listeners.isEmpty()) {
                throw InvalidInputException.of("listener", "at least one listener is required");
            }
            if (heartbeatInterval != null && heartbeatInterval.compareTo(lease) >= 0) {
                throw InvalidInputException.of("heartbeatInterval", "must be shorter than the lease (" + lease + "), was "
                        + heartbeatInterval);
            }
            return new OutboxRelay(this);
        }
    }
}
