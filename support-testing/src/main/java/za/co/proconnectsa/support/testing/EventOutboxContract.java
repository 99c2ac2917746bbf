package za.co.proconnectsa.support.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import za.co.proconnectsa.support.ConcurrentModificationException;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.event.OutboxEntry;
import za.co.proconnectsa.support.event.TicketEvent;
import za.co.proconnectsa.support.spi.EventOutbox;
import za.co.proconnectsa.support.spi.TicketStore;
import za.co.proconnectsa.support.ticket.AuditAction;
import za.co.proconnectsa.support.ticket.Message;
import za.co.proconnectsa.support.ticket.Ticket;
import za.co.proconnectsa.support.ticket.TicketStatus;
import za.co.proconnectsa.support.ticket.Visibility;

/**
 * The behaviour of a store's {@link EventOutbox}: one entry per write, in the write's transaction; exclusive,
 * leased claims oldest first; completion and release only by the claimer; disjoint claims under concurrency.
 *
 * <pre>{@code
 * class MyStoreOutboxTest extends EventOutboxContract {
 *     @Override
 *     protected TicketStore createStore() {
 *         return MyTicketStore.createEmpty();   // must implement EventOutbox
 *     }
 * }
 * }</pre>
 */
public abstract class EventOutboxContract {

    /** Where {@link #clock} stands at the start of every test. */
    protected static final Instant START = Instant.parse("2026-03-02T08:15:30.123456Z");
    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final Actor REQUESTER = Actor.requester("prov-17", "Thandi Nkosi");
    private static final Actor AGENT = Actor.agent("agent-1", "Sipho Dlamini");

    /** Dates the fixtures; back at {@link #START} before each test. */
    protected final SettableClock clock = SettableClock.at(START);
    /** The store under test. */
    protected TicketStore store;
    /** The same store as its outbox. */
    protected EventOutbox outbox;
    /** Values numbered by the store. */
    protected TicketFixtures fixtures;

    /**
     * @return a new store with an empty outbox (no tickets either); it must implement {@link EventOutbox}
     */
    protected abstract TicketStore createStore();

    /** Makes the store for the next test. */
    @BeforeEach
    protected final void setUpOutbox() {
        clock.set(START);
        store = Objects.requireNonNull(createStore(), "createStore() returned null");
        assertThat(store).as("the store must implement EventOutbox").isInstanceOf(EventOutbox.class);
        outbox = (EventOutbox) store;
        fixtures = TicketFixtures.forStore(store, clock);
    }

    @Test
    @DisplayName("an insert writes one SUBMITTED entry naming the ticket, the actor and the time")
    void insertWritesEntry() {
        Ticket ticket = submit("Invoice charged twice");
        List<OutboxEntry> claimed = outbox.claim("relay-a", 10, LEASE, START);
        assertThat(claimed).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(TicketEvent.Type.SUBMITTED);
            assertThat(e.ticketId()).isEqualTo(ticket.id());
            assertThat(e.actor()).isEqualTo(REQUESTER);
            assertThat(e.at()).isEqualTo(START);
            assertThat(e.messageId()).isNull();
            assertThat(e.attempts()).isEqualTo(1);
        });
    }

    @Test
    @DisplayName("an update writes one entry typed by its first audit event, with the first message it added")
    void updateWritesEntry() {
        Ticket ticket = submit("Payout missing");
        clock.advance(Duration.ofMinutes(3));
        Message reply = fixtures.message(ticket, AGENT, "Which bank account?", Visibility.PUBLIC);
        Ticket v2 = store.update(ticket.withStatus(TicketStatus.OPEN, fixtures.now()), List.of(reply), List.of(
                fixtures.audit(ticket, AGENT, AuditAction.REPLIED, null, reply.id().toString()),
                fixtures.audit(ticket, AGENT, AuditAction.STATUS_CHANGED, "NEW", "OPEN")));
        clock.advance(Duration.ofMinutes(1));
        store.update(v2.withAssignee("agent-1", fixtures.now()), List.of(),
                List.of(fixtures.audit(v2, AGENT, AuditAction.ASSIGNED, null, "agent-1")));

        List<OutboxEntry> claimed = outbox.claim("relay-a", 10, LEASE, clock.instant());
        assertThat(claimed).extracting(OutboxEntry::type).containsExactly(TicketEvent.Type.SUBMITTED,
                TicketEvent.Type.REPLIED, TicketEvent.Type.ASSIGNED);
        assertThat(claimed.get(1).messageId()).isEqualTo(reply.id());
        assertThat(claimed.get(1).actor()).isEqualTo(AGENT);
        assertThat(claimed.get(1).at()).isEqualTo(START.plus(Duration.ofMinutes(3)));
        assertThat(claimed.get(2).messageId()).isNull();
    }

    @Test
    @DisplayName("a write without audit events, or a refused update, writes no entry")
    void noEntryWithoutChange() {
        Ticket ticket = submit("Cannot log in");
        store.update(ticket, List.of(fixtures.message(ticket, AGENT, "Imported note", Visibility.INTERNAL)), List.of());
        assertThatThrownBy(() -> store.update(ticket.withStatus(TicketStatus.OPEN, fixtures.now()), List.of(),
                List.of(fixtures.audit(ticket, AGENT, AuditAction.STATUS_CHANGED, "NEW", "OPEN"))))
                .isInstanceOf(ConcurrentModificationException.class);
        assertThat(outbox.pendingCount()).isEqualTo(1);
        assertThat(outbox.claim("relay-a", 10, LEASE, START)).extracting(OutboxEntry::type)
                .containsExactly(TicketEvent.Type.SUBMITTED);
    }

    @Test
    @DisplayName("claims are oldest first, at most max, and exclusive until the lease runs out")
    void leasedClaims() {
        List<Ticket> tickets = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            tickets.add(submit("Request " + i));
        }
        List<OutboxEntry> first = outbox.claim("relay-a", 3, LEASE, START);
        assertThat(first).extracting(OutboxEntry::ticketId).containsExactly(tickets.get(0).id(), tickets.get(1).id(),
                tickets.get(2).id());
        assertThat(first).extracting(OutboxEntry::id).isSorted();
        List<OutboxEntry> second = outbox.claim("relay-b", 10, LEASE, START.plusSeconds(29));
        assertThat(second).extracting(OutboxEntry::ticketId).containsExactly(tickets.get(3).id(), tickets.get(4).id());
        assertThat(outbox.claim("relay-b", 10, LEASE, START.plusSeconds(29))).isEmpty();

        List<OutboxEntry> expired = outbox.claim("relay-b", 10, LEASE, START.plusSeconds(31));
        assertThat(expired).extracting(OutboxEntry::id).containsExactlyElementsOf(first.stream().map(OutboxEntry::id).toList());
        assertThat(expired).extracting(OutboxEntry::attempts).containsOnly(2);
    }

    @Test
    @DisplayName("only the claimer completes or releases an entry; a completed entry is gone")
    void completeAndRelease() {
        submit("One");
        submit("Two");
        List<OutboxEntry> claimed = outbox.claim("relay-a", 10, LEASE, START);
        assertThat(outbox.complete(claimed.get(0).id(), "relay-b")).isFalse();
        assertThat(outbox.complete(claimed.get(0).id(), "relay-a")).isTrue();
        assertThat(outbox.complete(claimed.get(0).id(), "relay-a")).isFalse();
        assertThat(outbox.pendingCount()).isEqualTo(1);

        assertThat(outbox.release(claimed.get(1).id(), "relay-b", START)).isFalse();
        assertThat(outbox.release(claimed.get(1).id(), "relay-a", START.plusSeconds(5))).isTrue();
        assertThat(outbox.claim("relay-b", 10, LEASE, START.plusSeconds(4))).isEmpty();
        List<OutboxEntry> again = outbox.claim("relay-b", 10, LEASE, START.plusSeconds(6));
        assertThat(again).singleElement().satisfies(e -> {
            assertThat(e.id()).isEqualTo(claimed.get(1).id());
            assertThat(e.attempts()).isEqualTo(2);
        });
        // the first claimer lost it: its completion must not remove the new claimer's entry
        assertThat(outbox.complete(again.get(0).id(), "relay-a")).isFalse();
        assertThat(outbox.complete(again.get(0).id(), "relay-b")).isTrue();
        assertThat(outbox.pendingCount()).isZero();
    }

    @Test
    @DisplayName("four relays claiming at once get disjoint entries, and together every entry")
    void concurrentClaims() throws Exception {
        for (int i = 0; i < 60; i++) {
            submit("Request " + i);
        }
        List<Long> claimedIds = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int r = 0; r < 4; r++) {
                String owner = "relay-" + r;
                running.add(pool.submit(() -> {
                    for (List<OutboxEntry> batch = outbox.claim(owner, 5, LEASE, START); !batch.isEmpty();
                            batch = outbox.claim(owner, 5, LEASE, START)) {
                        for (OutboxEntry e : batch) {
                            claimedIds.add(e.id());
                            assertThat(outbox.complete(e.id(), owner)).isTrue();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(claimedIds).hasSize(60).doesNotHaveDuplicates();
        assertThat(outbox.pendingCount()).isZero();
    }

    private Ticket submit(String subject) {
        Ticket ticket = fixtures.newTicket(REQUESTER.id(), subject, "Details of " + subject);
        store.insert(ticket, List.of(fixtures.audit(ticket, REQUESTER, AuditAction.CREATED, null, "NEW")), null);
        return ticket;
    }
}
