package za.co.proconnectsa.support.sla;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import za.co.proconnectsa.support.internal.PollingLoop;
import za.co.proconnectsa.support.spi.SlaStore;
import za.co.proconnectsa.support.spi.TicketStore;
import za.co.proconnectsa.support.ticket.Ticket;
import za.co.proconnectsa.support.ticket.TicketId;
import za.co.proconnectsa.support.internal.Checks;

/**
 * Announces SLA warnings and breaches as time passes, for tickets nobody touches: it claims the tickets whose next
 * check has come through the store's index (never a scan of all tickets), reads their clocks and writes each warning
 * and breach that came to the audit trail and the outbox, once per target run, then saves each ticket's next check.
 * Safe with several watchers on several instances: a claimed ticket is skipped by the others until its lease passes,
 * and an event already announced is never announced again.
 *
 * <pre>{@code
 * SlaWatcher watcher = desk.sla().watcher().pollInterval(Duration.ofSeconds(30)).build().start();
 * ...
 * watcher.close();
 * }</pre>
 */
public final class SlaWatcher implements AutoCloseable {

    /** Tickets claimed a round by default. */
    public static final int DEFAULT_BATCH_SIZE = 100;
    /** How long a claim holds by default. */
    public static final Duration DEFAULT_LEASE = Duration.ofMinutes(1);
    /** The pause between rounds by default. */
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(30);

    private static final Logger LOG = LoggerFactory.getLogger(SlaWatcher.class);

    private final TicketStore store;
    private final SlaStore schedules;
    private final BiConsumer<Ticket, Instant> track;
    private final int batchSize;
    private final Duration lease;
    private final Clock clock;
    private final PollingLoop loop;

    private SlaWatcher(Builder b) {
        this.store = b.store;
        this.schedules = b.schedules;
        this.track = b.track;
        this.batchSize = b.batchSize;
        this.lease = b.lease;
        this.clock = b.clock;
        this.loop = new PollingLoop("sla-watcher", b.pollInterval, this::runOnce, batchSize, LOG);
    }

    /**
     * Claims the tickets whose check has come and announces what came, each ticket in a unit of work of its own.
     *
     * @return how many tickets it looked at
     * @throws za.co.proconnectsa.support.StoreUnavailableException when the store cannot be reached to claim them
     */
    public int runOnce() {
        Instant now = clock.instant();
        List<TicketId> due = store.inTransaction(() -> schedules.claimSlaChecks(now, lease, batchSize));
        for (TicketId id : due) {
            try {
                store.inTransaction(() -> {
                    store.findById(id).ifPresent(ticket -> track.accept(ticket, clock.instant()));
                    return null;
                });
            } catch (RuntimeException e) {
                // the claim's lease passes and the ticket is looked at again
                LOG.warn("The SLA watcher failed on ticket {}; it is looked at again after {}", id, lease, e);
            }
        }
        return due.size();
    }

    /**
     * Starts a daemon thread that runs a round every poll interval until {@link #close()}.
     *
     * @return this watcher
     */
    public SlaWatcher start() {
        loop.start();
        return this;
    }

    /** Stops the thread after the round it is in. */
    @Override
    public void close() {
        loop.close();
    }

    @Override
    public String toString() {
        return "SlaWatcher[batchSize=" + batchSize + ", lease=" + lease + "]";
    }

    /** Configures a {@link SlaWatcher}; from {@link SlaService#watcher()}. */
    public static final class Builder {
        private final TicketStore store;
        private final SlaStore schedules;
        private final BiConsumer<Ticket, Instant> track;
        private int batchSize = DEFAULT_BATCH_SIZE;
        private Duration lease = DEFAULT_LEASE;
        private Duration pollInterval = DEFAULT_POLL_INTERVAL;
        private Clock clock;

        /**
         * For the desk's {@link SlaService}; hosts call {@code desk.sla().watcher()}.
         *
         * @param store     the desk's store
         * @param schedules the same store's SLA schedules
         * @param track     reads a ticket's clocks and announces what came, inside the caller's unit of work
         * @param clock     the desk's clock
         */
        public Builder(TicketStore store, SlaStore schedules, BiConsumer<Ticket, Instant> track, Clock clock) {
            this.store = Checks.notNull(store, "store");
            this.schedules = Checks.notNull(schedules, "schedules");
            this.track = Checks.notNull(track, "track");
            this.clock = Checks.notNull(clock, "clock");
        }

        /**
         * @param value tickets claimed a round, 1 to 1000
         * @return this builder
         */
        public Builder batchSize(int value) {
            this.batchSize = Checks.between(value, 1, 1000, "batchSize");
            return this;
        }

        /**
         * @param value how long a claim holds, positive
         * @return this builder
         */
        public Builder lease(Duration value) {
            this.lease = Checks.positive(value, "lease");
            return this;
        }

        /**
         * @param value the pause between rounds, positive
         * @return this builder
         */
        public Builder pollInterval(Duration value) {
            this.pollInterval = Checks.positive(value, "pollInterval");
            return this;
        }

        /**
         * @param value the time source; the desk's clock by default
         * @return this builder
         */
        public Builder clock(Clock value) {
            this.clock = Checks.notNull(value, "clock");
            return this;
        }

        /** @return the watcher, not yet started */
        public SlaWatcher build() {
            return new SlaWatcher(this);
        }
    }
}
