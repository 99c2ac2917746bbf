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
import za.co.proconnectsa.support.ConcurrentUpdateException;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.event.DeadLetter;
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
 * leased claims oldest first, renewed only by their holder; completion, release and burial only by the claimer;
 * disjoint claims under concurrency; dead letters listed, found, retried and deleted; an entry the store cannot
 * read parked as a dead letter without failing the claim (written with {@link #writeUnreadableEntry}).
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

    /**
     * Writes an outbox entry with an event type this version does not know, as a newer version of the library
     * would during a rolling deploy, straight into the store's storage (e.g. with SQL). Every store must be able to:
     * the poison-row case is part of the contract, never skipped.
     *
     * @param eventType the unknown type's name, e.g. {@code "ESCALATED_TO_MARS"}
     * @param ticket    the stored ticket the entry names
     */
    protected abstract void writeUnreadableEntry(String eventType, Ticket ticket);

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
                .isInstanceOf(ConcurrentUpdateException.class);
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

    @Test
    @DisplayName("a renewed claim stays exclusive past its first lease; only its holder renews it")
    void renewKeepsClaim() {
        submit("Slow listener");
        OutboxEntry entry = outbox.claim("relay-a", 10, LEASE, START).get(0);
        assertThat(outbox.renew(entry.id(), "relay-b", START.plusSeconds(100))).isFalse();
        assertThat(outbox.renew(entry.id(), "relay-a", START.plusSeconds(50))).isTrue();
        assertThat(outbox.claim("relay-b", 10, LEASE, START.plusSeconds(40))).as("claim renewed to +50 s").isEmpty();
        assertThat(outbox.renew(entry.id(), "relay-a", START.plusSeconds(80))).isTrue();
        assertThat(outbox.claim("relay-b", 10, LEASE, START.plusSeconds(79))).isEmpty();

        List<OutboxEntry> taken = outbox.claim("relay-b", 10, LEASE, START.plusSeconds(81));
        assertThat(taken).singleElement().satisfies(e -> {
            assertThat(e.id()).isEqualTo(entry.id());
            assertThat(e.attempts()).isEqualTo(2);
        });
        // the first holder lost it: its renewal must neither succeed nor take the entry back
        assertThat(outbox.renew(entry.id(), "relay-a", START.plusSeconds(200))).isFalse();
        assertThat(outbox.claim("relay-c", 10, LEASE, START.plusSeconds(100))).isEmpty();
        assertThat(outbox.complete(entry.id(), "relay-b")).isTrue();
        assertThat(outbox.renew(entry.id(), "relay-b", START.plusSeconds(200))).as("completed").isFalse();
    }

    @Test
    @DisplayName("a released entry is no longer renewable by its former holder")
    void renewAfterRelease() {
        submit("Failing listener");
        OutboxEntry entry = outbox.claim("relay-a", 10, LEASE, START).get(0);
        assertThat(outbox.release(entry.id(), "relay-a", START.plusSeconds(5))).isTrue();
        assertThat(outbox.renew(entry.id(), "relay-a", START.plusSeconds(60))).isFalse();
        assertThat(outbox.claim("relay-b", 10, LEASE, START.plusSeconds(6))).hasSize(1);
    }

    @Test
    @DisplayName("a dead letter is never claimed, is listed and found with its reason, and retried or deleted")
    void deadLetterLifecycle() {
        Ticket first = submit("Webhook endpoint gone");
        submit("Still deliverable");
        OutboxEntry entry = outbox.claim("relay-a", 1, LEASE, START).get(0);
        outbox.release(entry.id(), "relay-a", START.plusSeconds(1));
        OutboxEntry again = outbox.claim("relay-a", 1, LEASE, START.plusSeconds(2)).get(0);
        assertThat(again.id()).isEqualTo(entry.id());
        Instant died = START.plusSeconds(3);

        assertThat(outbox.deadLetter(entry.id(), "relay-b", "not the holder", died)).isFalse();
        assertThat(outbox.deadLetter(entry.id(), "relay-a", "java.io.IOException: connection refused", died)).isTrue();
        assertThat(outbox.deadLetter(entry.id(), "relay-a", "twice", died)).isFalse();
        assertThat(outbox.pendingCount()).isEqualTo(1);
        assertThat(outbox.deadLetterCount()).isEqualTo(1);
        assertThat(outbox.complete(entry.id(), "relay-a")).as("a dead entry is not completed").isFalse();
        assertThat(outbox.claim("relay-b", 10, LEASE, START.plus(Duration.ofDays(1))))
                .extracting(OutboxEntry::id).doesNotContain(entry.id()).hasSize(1);

        DeadLetter dead = outbox.findDeadLetter(entry.id()).orElseThrow();
        assertThat(dead.id()).isEqualTo(entry.id());
        assertThat(dead.type()).isEqualTo("SUBMITTED");
        assertThat(dead.eventType()).contains(TicketEvent.Type.SUBMITTED);
        assertThat(dead.ticketId()).isEqualTo(first.id().toString());
        assertThat(dead.occurredAt()).isEqualTo(START);
        assertThat(dead.attempts()).isEqualTo(2);
        assertThat(dead.reason()).isEqualTo("java.io.IOException: connection refused");
        assertThat(dead.diedAt()).isEqualTo(died);
        assertThat(outbox.deadLetters(0, 10)).containsExactly(dead);

        assertThat(outbox.retryDeadLetter(entry.id())).isTrue();
        assertThat(outbox.retryDeadLetter(entry.id())).as("live again, not dead").isFalse();
        assertThat(outbox.findDeadLetter(entry.id())).isEmpty();
        assertThat(outbox.deadLetterCount()).isZero();
        assertThat(outbox.pendingCount()).isEqualTo(2);
        List<OutboxEntry> retried = outbox.claim("relay-c", 10, LEASE, START.plusSeconds(4));
        assertThat(retried).singleElement().satisfies(e -> {
            assertThat(e.id()).isEqualTo(entry.id());
            assertThat(e.attempts()).as("attempts start again").isEqualTo(1);
        });

        assertThat(outbox.deadLetter(entry.id(), "relay-c", "gave up again", START.plusSeconds(5))).isTrue();
        assertThat(outbox.deleteDeadLetter(entry.id())).isTrue();
        assertThat(outbox.deleteDeadLetter(entry.id())).isFalse();
        assertThat(outbox.findDeadLetter(entry.id())).isEmpty();
        assertThat(outbox.deadLetterCount()).isZero();
        assertThat(outbox.pendingCount()).isEqualTo(1);
    }

    @Test
    @DisplayName("retry and delete touch dead letters only; live entries are not dead letters")
    void liveEntriesAreNotDeadLetters() {
        submit("Live");
        OutboxEntry entry = outbox.claim("relay-a", 10, LEASE, START).get(0);
        assertThat(outbox.findDeadLetter(entry.id())).isEmpty();
        assertThat(outbox.deadLetters(0, 10)).isEmpty();
        assertThat(outbox.retryDeadLetter(entry.id())).isFalse();
        assertThat(outbox.deleteDeadLetter(entry.id())).isFalse();
        assertThat(outbox.pendingCount()).isEqualTo(1);
        assertThat(outbox.complete(entry.id(), "relay-a")).isTrue();
    }

    @Test
    @DisplayName("dead letters page by id, oldest first; a long reason is cut to its maximum")
    void deadLetterPages() {
        for (int i = 0; i < 5; i++) {
            submit("Request " + i);
        }
        List<OutboxEntry> claimed = outbox.claim("relay-a", 10, LEASE, START);
        String longReason = "x".repeat(DeadLetter.MAX_REASON_LENGTH + 50);
        for (OutboxEntry e : claimed) {
            assertThat(outbox.deadLetter(e.id(), "relay-a", longReason, START.plusSeconds(1))).isTrue();
        }
        List<DeadLetter> first = outbox.deadLetters(0, 2);
        List<DeadLetter> second = outbox.deadLetters(first.get(1).id(), 2);
        List<DeadLetter> third = outbox.deadLetters(second.get(1).id(), 2);
        assertThat(first).hasSize(2);
        assertThat(second).hasSize(2);
        assertThat(third).hasSize(1);
        assertThat(outbox.deadLetters(third.get(0).id(), 2)).isEmpty();
        List<Long> ids = new ArrayList<>();
        for (List<DeadLetter> page : List.of(first, second, third)) {
            page.forEach(d -> ids.add(d.id()));
        }
        assertThat(ids).containsExactlyElementsOf(claimed.stream().map(OutboxEntry::id).toList());
        assertThat(first.get(0).reason()).hasSize(DeadLetter.MAX_REASON_LENGTH);
        assertThatThrownBy(() -> outbox.deadLetters(0, 0)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    @DisplayName("an entry of an unknown event type is parked as a dead letter; the claim returns the others")
    void unreadableEntryParked() {
        Ticket before = submit("Before");
        writeUnreadableEntry("ESCALATED_TO_MARS", before);
        Ticket after = submit("After");

        List<OutboxEntry> claimed = outbox.claim("relay-a", 10, LEASE, START);
        assertThat(claimed).extracting(OutboxEntry::ticketId).containsExactly(before.id(), after.id());
        assertThat(outbox.pendingCount()).isEqualTo(2);
        assertThat(outbox.deadLetterCount()).isEqualTo(1);
        DeadLetter parked = outbox.deadLetters(0, 10).get(0);
        assertThat(parked.type()).isEqualTo("ESCALATED_TO_MARS");
        assertThat(parked.eventType()).isEmpty();
        assertThat(parked.ticketId()).isEqualTo(before.id().toString());
        assertThat(parked.reason()).contains("unknown event type 'ESCALATED_TO_MARS'");
        assertThat(parked.diedAt()).isEqualTo(START);
        assertThat(outbox.claim("relay-b", 10, LEASE, START.plus(Duration.ofDays(1))))
                .extracting(OutboxEntry::ticketId).containsExactly(before.id(), after.id());

        // retried on a version that still does not know the type, it is parked again, not delivered
        assertThat(outbox.retryDeadLetter(parked.id())).isTrue();
        assertThat(outbox.claim("relay-c", 10, LEASE, START.plus(Duration.ofDays(3)))).hasSize(2);
        assertThat(outbox.findDeadLetter(parked.id())).isPresent();
    }

    private Ticket submit(String subject) {
        Ticket ticket = fixtures.newTicket(REQUESTER.id(), subject, "Details of " + subject);
        store.insert(ticket, List.of(fixtures.audit(ticket, REQUESTER, AuditAction.CREATED, null, "NEW")), null);
        return ticket;
    }
}
