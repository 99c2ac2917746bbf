package za.co.proconnectsa.support.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.event.DeadLetter;
import za.co.proconnectsa.support.event.OutboxEntry;
import za.co.proconnectsa.support.event.OutboxRelay;
import za.co.proconnectsa.support.event.TicketEvent;
import za.co.proconnectsa.support.spi.EventOutbox;
import za.co.proconnectsa.support.spi.TicketStore;
import za.co.proconnectsa.support.ticket.AuditAction;
import za.co.proconnectsa.support.ticket.Ticket;

/**
 * {@link OutboxRelay} over a store's {@link EventOutbox}: a listener slower than the lease is not delivered again
 * by a second relay meanwhile; a relay that lost its claim does not remove the entry; an entry whose listener
 * keeps failing becomes a dead letter after the maximum attempts and is delivered once retried; an entry the store
 * cannot read is parked while the others are delivered (written with {@link #writeUnreadableEntry}).
 *
 * <pre>{@code
 * class MyStoreRelayTest extends OutboxRelayContract {
 *     @Override
 *     protected TicketStore createStore() {
 *         return MyTicketStore.createEmpty();   // must implement EventOutbox
 *     }
 * }
 * }</pre>
 */
public abstract class OutboxRelayContract {

    /** Where {@link #clock} stands at the start of every test. */
    protected static final Instant START = Instant.parse("2026-03-02T08:15:30.123456Z");
    private static final Duration LEASE = Duration.ofSeconds(30);
    /** Real time between heartbeats, short so tests need not wait; the lease runs on {@link #clock}. */
    private static final Duration HEARTBEAT = Duration.ofMillis(10);
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Actor REQUESTER = Actor.requester("prov-17", "Thandi Nkosi");

    /** The relays' clock; back at {@link #START} before each test. */
    protected final SettableClock clock = SettableClock.at(START);
    /** The store under test. */
    protected TicketStore store;
    /** The same store as its outbox. */
    protected EventOutbox outbox;
    /** Values numbered by the store. */
    protected TicketFixtures fixtures;
    private final List<OutboxRelay> relays = new ArrayList<>();
    private final ExecutorService background = Executors.newCachedThreadPool();

    /**
     * @return a new store with an empty outbox (no tickets either); it must implement {@link EventOutbox}
     */
    protected abstract TicketStore createStore();

    /**
     * Writes an outbox entry with an event type this version does not know straight into the store's storage, as
     * {@link EventOutboxContract#writeUnreadableEntry} does. Every store must be able to: the poison-row case is
     * part of the contract, never skipped.
     *
     * @param eventType the unknown type's name
     * @param ticket    the stored ticket the entry names
     */
    protected abstract void writeUnreadableEntry(String eventType, Ticket ticket);

    /** Makes the store for the next test. */
    @BeforeEach
    protected final void setUpRelayStore() {
        clock.set(START);
        store = Objects.requireNonNull(createStore(), "createStore() returned null");
        assertThat(store).as("the store must implement EventOutbox").isInstanceOf(EventOutbox.class);
        outbox = (EventOutbox) store;
        fixtures = TicketFixtures.forStore(store, clock);
    }

    /** Closes the relays and stops what a test left running. */
    @AfterEach
    protected final void closeRelays() {
        relays.forEach(OutboxRelay::close);
        background.shutdownNow();
    }

    @Test
    @DisplayName("a listener slower than the lease: the heartbeat keeps the entry from a second relay; delivered once")
    void heartbeatOutlastsLease() throws Exception {
        submit("Slow webhook");
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        AtomicInteger deliveriesA = new AtomicInteger();
        AtomicInteger deliveriesB = new AtomicInteger();
        SpyOutbox spyA = new SpyOutbox(outbox);
        OutboxRelay relayA = relay("relay-a", spyA, e -> {
            entered.countDown();
            await(finish);
            deliveriesA.incrementAndGet();
        });
        OutboxRelay relayB = relay("relay-b", outbox, e -> deliveriesB.incrementAndGet());

        Future<Integer> runA = background.submit(relayA::runOnce);
        await(entered);
        for (int round = 1; round <= 4; round++) {
            // 20 s a round: 80 s in all, well past the 30 s lease the entry was claimed for
            Instant now = clock.advance(Duration.ofSeconds(20));
            waitUntil(() -> spyA.lastRenewal().map(until -> !until.isBefore(now.plus(LEASE))).orElse(false),
                    "relay-a renews its claim after the clock moved to " + now);
            assertThat(relayB.runOnce()).as("round %d: relay-b delivers nothing", round).isZero();
            assertThat(outbox.claim("relay-c", 10, LEASE, clock.instant())).as("round %d", round).isEmpty();
        }
        finish.countDown();
        assertThat(runA.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(deliveriesA).hasValue(1);
        assertThat(deliveriesB).hasValue(0);
        assertThat(outbox.pendingCount()).isZero();
        clock.advance(Duration.ofMinutes(5));
        assertThat(relayB.runOnce()).isZero();
        assertThat(deliveriesB).hasValue(0);
    }

    @Test
    @DisplayName("a relay told by its heartbeat that it lost the claim does not remove the entry; its new claimer delivers it")
    void lostClaimNotCompleted() throws Exception {
        submit("Paused relay");
        CountDownLatch renewedOnce = new CountDownLatch(1);
        SpyOutbox losing = new SpyOutbox(outbox) {
            @Override
            public boolean renew(long entryId, String owner, Instant until) {
                renewedOnce.countDown();
                return false; // as if the relay stood still past its lease and another relay took the entry
            }
        };
        AtomicInteger deliveries = new AtomicInteger();
        OutboxRelay relayA = relay("relay-a", losing, e -> {
            await(renewedOnce);
            deliveries.incrementAndGet();
        });
        OutboxRelay relayB = relay("relay-b", outbox, e -> deliveries.incrementAndGet());

        assertThat(relayA.runOnce()).isZero();
        assertThat(losing.completions()).as("complete() not called after the claim was lost").isZero();
        assertThat(outbox.pendingCount()).isEqualTo(1);
        clock.advance(LEASE.plusSeconds(1));
        assertThat(relayB.runOnce()).isEqualTo(1);
        assertThat(deliveries).hasValue(2);
        assertThat(outbox.pendingCount()).isZero();
    }

    @Test
    @DisplayName("after the maximum attempts a failing entry is a dead letter with its error, secrets blanked; retried, it is delivered")
    void deadLetterAfterMaxAttempts() {
        Ticket ticket = submit("Mailer down");
        submit("Mailer fine");
        AtomicReference<RuntimeException> failure = new AtomicReference<>(
                new IllegalStateException("SMTP refused login user=desk password=hunter2-secret"));
        List<TicketEvent> delivered = Collections.synchronizedList(new ArrayList<>());
        OutboxRelay relay = OutboxRelay.builder(store).owner("relay-a").clock(clock).lease(LEASE)
                .heartbeatInterval(HEARTBEAT).retryDelay(Duration.ofSeconds(10)).maxAttempts(3).listener(e -> {
                    RuntimeException f = failure.get();
                    if (f != null && e.ticket().id().equals(ticket.id())) {
                        throw f;
                    }
                    delivered.add(e);
                }).build();
        relays.add(relay);

        assertThat(relay.runOnce()).as("attempt 1; the other entry is delivered").isEqualTo(1);
        clock.advance(Duration.ofSeconds(11));
        assertThat(relay.runOnce()).as("attempt 2").isZero();
        assertThat(outbox.deadLetterCount()).isZero();
        clock.advance(Duration.ofSeconds(21));
        Instant lastAttempt = clock.instant();
        assertThat(relay.runOnce()).as("attempt 3, the last").isZero();

        assertThat(outbox.pendingCount()).isZero();
        assertThat(outbox.deadLetterCount()).isEqualTo(1);
        DeadLetter dead = outbox.deadLetters(0, 10).get(0);
        assertThat(dead.eventType()).contains(TicketEvent.Type.SUBMITTED);
        assertThat(dead.ticketId()).isEqualTo(ticket.id().toString());
        assertThat(dead.attempts()).isEqualTo(3);
        assertThat(dead.diedAt()).isEqualTo(lastAttempt);
        assertThat(dead.reason()).contains("IllegalStateException").contains("SMTP refused login")
                .doesNotContain("hunter2");
        assertThat(outbox.findDeadLetter(dead.id())).contains(dead);

        clock.advance(Duration.ofDays(1));
        assertThat(relay.runOnce()).as("a dead letter is not retried on its own").isZero();
        assertThat(delivered).hasSize(1);

        failure.set(null); // the mailer is fixed
        assertThat(outbox.retryDeadLetter(dead.id())).isTrue();
        assertThat(relay.runOnce()).isEqualTo(1);
        assertThat(delivered).extracting(e -> e.ticket().id()).last().isEqualTo(ticket.id());
        assertThat(outbox.deadLetterCount()).isZero();
        assertThat(outbox.pendingCount()).isZero();
    }

    @Test
    @DisplayName("an entry of an unknown event type is parked with its reason; the entries behind it are delivered")
    void unreadableEntryParked() {
        Ticket first = submit("Before the newer version's event");
        writeUnreadableEntry("ESCALATED_TO_MARS", first);
        Ticket second = submit("After it");
        List<TicketEvent> delivered = Collections.synchronizedList(new ArrayList<>());
        OutboxRelay relay = relay("relay-a", outbox, delivered::add);

        assertThat(relay.runOnce()).isEqualTo(2);
        assertThat(delivered).extracting(e -> e.ticket().id()).containsExactly(first.id(), second.id());
        assertThat(outbox.pendingCount()).isZero();
        assertThat(outbox.deadLetters(0, 10)).singleElement().satisfies(d -> {
            assertThat(d.type()).isEqualTo("ESCALATED_TO_MARS");
            assertThat(d.reason()).contains("unknown event type");
        });
        clock.advance(Duration.ofMinutes(5));
        assertThat(relay.runOnce()).isZero();
    }

    private OutboxRelay relay(String owner, EventOutbox using, za.co.proconnectsa.support.event.TicketListener listener) {
        OutboxRelay relay = OutboxRelay.builder(store).outbox(using).owner(owner).clock(clock).lease(LEASE)
                .heartbeatInterval(HEARTBEAT).listener(listener).build();
        relays.add(relay);
        return relay;
    }

    private Ticket submit(String subject) {
        Ticket ticket = fixtures.newTicket(REQUESTER.id(), subject, "Details of " + subject);
        store.insert(ticket, List.of(fixtures.audit(ticket, REQUESTER, AuditAction.CREATED, null, "NEW")), null);
        return ticket;
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("gave up waiting after " + WAIT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Polls a condition until it holds, failing after {@link #WAIT}: a wait, not a timing assertion. */
    private static void waitUntil(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("gave up after %s waiting until %s", WAIT, what);
            }
            Thread.sleep(2);
        }
    }

    /** Forwards to a store's outbox, recording successful renewals and completions. */
    private static class SpyOutbox implements EventOutbox {
        private final EventOutbox target;
        private final AtomicReference<Instant> lastRenewal = new AtomicReference<>();
        private final AtomicInteger completions = new AtomicInteger();

        SpyOutbox(EventOutbox target) {
            this.target = target;
        }

        Optional<Instant> lastRenewal() {
            return Optional.ofNullable(lastRenewal.get());
        }

        int completions() {
            return completions.get();
        }

        @Override
        public List<OutboxEntry> claim(String owner, int max, Duration lease, Instant now) {
            return target.claim(owner, max, lease, now);
        }

        @Override
        public boolean renew(long entryId, String owner, Instant until) {
            boolean held = target.renew(entryId, owner, until);
            if (held) {
                lastRenewal.accumulateAndGet(until, (a, b) -> a == null || b.isAfter(a) ? b : a);
            }
            return held;
        }

        @Override
        public boolean complete(long entryId, String owner) {
            completions.incrementAndGet();
            return target.complete(entryId, owner);
        }

        @Override
        public boolean release(long entryId, String owner, Instant retryAt) {
            return target.release(entryId, owner, retryAt);
        }

        @Override
        public boolean deadLetter(long entryId, String owner, String reason, Instant at) {
            return target.deadLetter(entryId, owner, reason, at);
        }

        @Override
        public long pendingCount() {
            return target.pendingCount();
        }

        @Override
        public long deadLetterCount() {
            return target.deadLetterCount();
        }

        @Override
        public List<DeadLetter> deadLetters(long afterId, int limit) {
            return target.deadLetters(afterId, limit);
        }

        @Override
        public Optional<DeadLetter> findDeadLetter(long entryId) {
            return target.findDeadLetter(entryId);
        }

        @Override
        public boolean retryDeadLetter(long entryId) {
            return target.retryDeadLetter(entryId);
        }

        @Override
        public boolean deleteDeadLetter(long entryId) {
            return target.deleteDeadLetter(entryId);
        }
    }
}
