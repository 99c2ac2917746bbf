package za.co.proconnectsa.support.event;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import za.co.proconnectsa.support.SupportException;
import za.co.proconnectsa.support.ValidationException;
import za.co.proconnectsa.support.spi.EventOutbox;
import za.co.proconnectsa.support.spi.TicketStore;
import za.co.proconnectsa.support.ticket.Message;
import za.co.proconnectsa.support.ticket.Ticket;
import za.co.proconnectsa.support.util.Checks;

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
    private static final Duration MAX_RETRY_DELAY = Duration.ofHours(1);

    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);

    private final TicketStore store;
    private final EventOutbox outbox;
    private final List<TicketListener> listeners;
    private final String owner;
    private final int batchSize;
    private final Duration lease;
    private final Duration pollInterval;
    private final Duration retryDelay;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private Thread worker;
    private boolean stopping;

    private OutboxRelay(Builder b) {
        this.store = b.store;
        this.outbox = b.outbox;
        this.listeners = List.copyOf(b.listeners);
        this.owner = b.owner;
        this.batchSize = b.batchSize;
        this.lease = b.lease;
        this.pollInterval = b.pollInterval;
        this.retryDelay = b.retryDelay;
        this.clock = b.clock;
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
        // stop a little before the lease ends, so no entry is delivered while another relay may claim it
        Instant stopAt = claimedAt.plus(lease.multipliedBy(9).dividedBy(10));
        int delivered = 0;
        for (OutboxEntry entry : batch) {
            if (!clock.instant().isBefore(stopAt)) {
                LOG.warn("Outbox relay {} ran out of its {} lease after {} of {} entries; the rest are claimed again "
                        + "when it ends (a longer lease or a smaller batch avoids this)", owner, lease, delivered, batch.size());
                break;
            }
            if (deliver(entry)) {
                outbox.complete(entry.id(), owner);
                delivered++;
            }
        }
        return delivered;
    }

    private boolean deliver(OutboxEntry entry) {
        Optional<Ticket> ticket = store.findById(entry.ticketId());
        if (ticket.isEmpty()) {
            // stores never delete tickets, so this is a foreign entry: nothing can be delivered, ever
            LOG.warn("Outbox entry {} names ticket {}, which is not stored; dropping it", entry.id(), entry.ticketId());
            return true;
        }
        Message message = entry.messageId() == null ? null : findMessage(entry);
        TicketEvent event = new TicketEvent(entry.type(), ticket.get(), entry.actor(), entry.at(), message);
        for (TicketListener listener : listeners) {
            try {
                listener.onEvent(event);
            } catch (RuntimeException | LinkageError | AssertionError e) {
                Instant retryAt = clock.instant().plus(backoff(entry.attempts()));
                LOG.warn("Outbox listener {} failed on {} of ticket {} (attempt {}); retrying from {}",
                        listener.getClass().getName(), entry.type(), ticket.get().number(), entry.attempts(), retryAt, e);
                outbox.release(entry.id(), owner, retryAt);
                return false;
            }
        }
        return true;
    }

    private Message findMessage(OutboxEntry entry) {
        UUID id = entry.messageId();
        return store.messages(entry.ticketId()).stream().filter(m -> m.id().equals(id)).findFirst().orElse(null);
    }

    private Duration backoff(int attempts) {
        int doublings = Math.max(0, Math.min(attempts - 1, 20));
        Duration delay = retryDelay.multipliedBy(1L << doublings);
        return delay.compareTo(MAX_RETRY_DELAY) > 0 ? MAX_RETRY_DELAY : delay;
    }

    /**
     * Starts a daemon thread that runs {@link #runOnce()} until {@link #close()}: again at once after a full
     * batch, otherwise after the poll interval. A store failure is logged and retried after the poll interval.
     *
     * @return this relay
     * @throws SupportException when already started or closed
     */
    public OutboxRelay start() {
        lock.lock();
        try {
            if (worker != null || stopping) {
                throw new SupportException("The outbox relay " + owner + " was already started");
            }
            worker = new Thread(this::loop, "outbox-relay-" + owner);
            worker.setDaemon(true);
            worker.start();
            return this;
        } finally {
            lock.unlock();
        }
    }

    private void loop() {
        while (!isStopping()) {
            int delivered = 0;
            try {
                delivered = runOnce();
            } catch (RuntimeException e) {
                LOG.warn("Outbox relay {} could not read the outbox; trying again in {}", owner, pollInterval, e);
            } catch (Error e) {
                // an Error from a listener (a missing class, an assertion) must not end delivery for good
                LOG.error("Outbox relay {} met an error; trying again in {}", owner, pollInterval, e);
            }
            if (delivered < batchSize) {
                pause();
            }
        }
    }

    private boolean isStopping() {
        lock.lock();
        try {
            return stopping;
        } finally {
            lock.unlock();
        }
    }

    private void pause() {
        lock.lock();
        try {
            if (!stopping) {
                wake.await(pollInterval.toNanos(), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
        } finally {
            lock.unlock();
        }
    }

    /** Stops the thread, if started, after the batch it is delivering; waits up to 10 seconds for it. */
    @Override
    public void close() {
        Thread running;
        lock.lock();
        try {
            stopping = true;
            wake.signalAll();
            running = worker;
        } finally {
            lock.unlock();
        }
        if (running != null && running != Thread.currentThread()) {
            try {
                running.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** @return the name this relay claims under */
    public String owner() {
        return owner;
    }

    @Override
    public String toString() {
        return "OutboxRelay[owner=" + owner + ", batchSize=" + batchSize + ", lease=" + lease + ", pollInterval="
                + pollInterval + "]";
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
        private Clock clock = Clock.systemUTC();

        private Builder(TicketStore store) {
            this.store = store;
            if (store instanceof EventOutbox own) {
                this.outbox = own;
            }
        }

        /** @param value the outbox, when the store does not implement it itself @return this builder */
        public Builder outbox(EventOutbox value) {
            this.outbox = Checks.notNull(value, "outbox");
            return this;
        }

        /** @param value notified of each event, in registration order @return this builder */
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
                throw ValidationException.of("owner", "must be 1 to 100 characters");
            }
            this.owner = value;
            return this;
        }

        /** @param value entries claimed at a time, 1 to 1000 @return this builder */
        public Builder batchSize(int value) {
            if (value < 1 || value > 1000) {
                throw ValidationException.of("batchSize", "must be 1 to 1000, was " + value);
            }
            this.batchSize = value;
            return this;
        }

        /** @param value how long a claim lasts: longer than delivering a batch takes @return this builder */
        public Builder lease(Duration value) {
            this.lease = positive(value, "lease");
            return this;
        }

        /** @param value the pause between polls of an empty outbox @return this builder */
        public Builder pollInterval(Duration value) {
            this.pollInterval = positive(value, "pollInterval");
            return this;
        }

        /** @param value the first pause before retrying a failed delivery; it doubles per attempt @return this builder */
        public Builder retryDelay(Duration value) {
            this.retryDelay = positive(value, "retryDelay");
            return this;
        }

        /** @param value the time source @return this builder */
        public Builder clock(Clock value) {
            this.clock = Checks.notNull(value, "clock");
            return this;
        }

        private static Duration positive(Duration value, String field) {
            Checks.notNull(value, field);
            if (value.isNegative() || value.isZero()) {
                throw ValidationException.of(field, "must be positive, was " + value);
            }
            return value;
        }

        /**
         * @return the relay, not yet started
         * @throws ValidationException when no outbox or no listener is set
         */
        public OutboxRelay build() {
            if (outbox == null) {
                throw ValidationException.of("outbox", "the store does not implement EventOutbox; set one with outbox(...)");
            }
            if (listeners.isEmpty()) {
                throw ValidationException.of("listener", "at least one listener is required");
            }
            return new OutboxRelay(this);
        }
    }
}
