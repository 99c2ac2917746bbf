package za.co.proconnectsa.support.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;
import za.co.proconnectsa.support.SupportDesk;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.jdbc.testdb.TestDatabases;
import za.co.proconnectsa.support.spi.EventOutbox;
import za.co.proconnectsa.support.spi.IdempotencyKey;
import za.co.proconnectsa.support.spi.TicketStore;
import za.co.proconnectsa.support.store.InMemoryTicketStore;
import za.co.proconnectsa.support.testing.ForwardingTicketStore;
import za.co.proconnectsa.support.testing.SettableClock;
import za.co.proconnectsa.support.ticket.AuditAction;
import za.co.proconnectsa.support.ticket.AuditEvent;
import za.co.proconnectsa.support.ticket.Category;
import za.co.proconnectsa.support.ticket.Message;
import za.co.proconnectsa.support.ticket.NewTicket;
import za.co.proconnectsa.support.ticket.SubmissionReceipt;
import za.co.proconnectsa.support.ticket.SubmissionReceipt.Outcome;
import za.co.proconnectsa.support.ticket.Ticket;
import za.co.proconnectsa.support.ticket.TicketQuery;
import za.co.proconnectsa.support.ticket.TicketStatus;

/**
 * Submissions and changes as units of work, on the in-memory store and every database: a keyed submission linked
 * to an existing ticket keeps its key, two deliveries of one keyed submission are one ticket and one replay, and a
 * change retried after a lost version race is dated after the change it lost to.
 */
@ParameterizedClass(name = "{0}")
@ValueSource(strings = {"memory", "h2-mem", "postgresql", "mariadb"})
class SubmissionUnitOfWorkTest {

    private static final Actor THANDI = Actor.requester("prov-17", "Thandi Nkosi");
    private static final Actor SIPHO = Actor.agent("agent-1", "Sipho Dlamini");
    private static final Actor LERATO = Actor.agent("agent-2", "Lerato Mokoena");

    @Parameter
    String database;
    private final SettableClock clock = SettableClock.startingAt("2026-03-02T08:15:30Z");
    private HikariDataSource dataSource;
    private TicketStore store;

    @BeforeEach
    void openStore() {
        store = newStore();
    }

    private TicketStore newStore() {
        if (database.equals("memory")) {
            return store == null ? InMemoryTicketStore.create() : store;
        }
        if (dataSource == null) {
            dataSource = TestDatabases.named(database).freshDatabase();
        }
        return JdbcTicketStore.create(dataSource);
    }

    @AfterEach
    void closeDatabase() {
        if (dataSource != null) {
            dataSource.close();
        }
    }

    private SupportDesk desk(TicketStore on) {
        return SupportDesk.builder().store(on).clock(clock).build();
    }

    private static NewTicket invoice(String key) {
        return NewTicket.builder().subject("Invoice INV-2291 charged twice").body("I was billed twice for March.")
                .category(Category.BILLING).idempotencyKey(key).build();
    }

    @Test
    @DisplayName("a keyed submission linked to an existing ticket records its key: retries replay, once, even after the ticket is resolved")
    void keyedDuplicateLink() {
        SupportDesk desk = desk(store);
        SubmissionReceipt original = desk.tickets().submit(THANDI, invoice(null));
        SubmissionReceipt linked = desk.tickets().submit(THANDI, invoice("form-7"));
        assertThat(linked.outcome()).isEqualTo(Outcome.LINKED_TO_EXISTING);
        assertThat(linked.ticketNumber()).isEqualTo(original.ticketNumber());
        long pending = ((EventOutbox) store).pendingCount();

        for (int retry = 0; retry < 3; retry++) {
            SubmissionReceipt again = desk.tickets().submit(THANDI, invoice("form-7"));
            assertThat(again.outcome()).isEqualTo(Outcome.REPLAYED);
            assertThat(again.ticketNumber()).isEqualTo(original.ticketNumber());
        }
        Ticket ticket = store.findByNumber(original.ticketNumber().text()).orElseThrow();
        assertThat(store.auditTrail(ticket.id())).filteredOn(a -> a.action() == AuditAction.DUPLICATE_LINKED).hasSize(1);
        assertThat(((EventOutbox) store).pendingCount()).as("a replay writes no event").isEqualTo(pending);

        desk.tickets().changeStatus(SIPHO, original.ticketNumber().text(), TicketStatus.RESOLVED);
        SubmissionReceipt afterResolve = desk.tickets().submit(THANDI, invoice("form-7"));
        assertThat(afterResolve.outcome()).isEqualTo(Outcome.REPLAYED);
        assertThat(afterResolve.ticketNumber()).isEqualTo(original.ticketNumber());
        assertThat(store.query(TicketQuery.all()).items()).hasSize(1);
    }

    @Test
    @DisplayName("a twin whose key check ran before the first delivery committed is replayed, not linked as a duplicate")
    void twinSeenAsDuplicateIsReplayed() {
        SupportDesk desk = desk(store);
        SubmissionReceipt first = desk.tickets().submit(THANDI, invoice("form-9"));
        // the twin read the key before the first delivery committed, and finds its ticket as a duplicate after
        AtomicBoolean missedOnce = new AtomicBoolean();
        TicketStore late = new ForwardingTicketStore(store) {
            @Override
            public Optional<Ticket> findByIdempotencyKey(IdempotencyKey key) {
                return missedOnce.compareAndSet(false, true) ? Optional.empty() : super.findByIdempotencyKey(key);
            }
        };
        SubmissionReceipt twin = desk(late).tickets().submit(THANDI, invoice("form-9"));

        assertThat(missedOnce).isTrue();
        assertThat(twin.outcome()).isEqualTo(Outcome.REPLAYED);
        assertThat(twin.ticketNumber()).isEqualTo(first.ticketNumber());
        Ticket ticket = store.findByNumber(first.ticketNumber().text()).orElseThrow();
        assertThat(store.auditTrail(ticket.id())).noneMatch(a -> a.action() == AuditAction.DUPLICATE_LINKED);
        assertThat(ticket.version()).isEqualTo(1);
    }

    @Test
    @DisplayName("two deliveries of one keyed submission racing from two desks: one ticket, one CREATED, one REPLAYED, never LINKED")
    void racingTwins() throws Exception {
        SupportDesk a = desk(store);
        SupportDesk b = desk(newStore());
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 20; round++) {
                NewTicket twin = NewTicket.builder().subject("Payout " + round + " missing").body("Payout " + round
                        + " did not arrive").category(Category.BILLING).idempotencyKey("payout-" + round).build();
                CyclicBarrier start = new CyclicBarrier(2);
                Future<SubmissionReceipt> x = threads.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return a.tickets().submit(THANDI, twin);
                });
                Future<SubmissionReceipt> y = threads.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return b.tickets().submit(THANDI, twin);
                });
                List<Outcome> outcomes = new ArrayList<>(List.of(x.get(30, TimeUnit.SECONDS).outcome(),
                        y.get(30, TimeUnit.SECONDS).outcome()));
                assertThat(outcomes).as("round " + round).containsExactlyInAnyOrder(Outcome.CREATED, Outcome.REPLAYED);
                assertThat(x.get().ticketNumber()).isEqualTo(y.get().ticketNumber());
            }
        } finally {
            threads.shutdownNow();
        }
        List<Ticket> all = store.query(TicketQuery.builder().limit(100).build()).items();
        assertThat(all).hasSize(20);
        assertThat(all).allSatisfy(t -> assertThat(store.auditTrail(t.id())).extracting(AuditEvent::action)
                .containsExactly(AuditAction.CREATED));
    }

    @Test
    @DisplayName("two identical submissions without a key racing from two desks: one ticket, one CREATED, one LINKED_TO_EXISTING")
    void racingUnkeyedTwins() throws Exception {
        SupportDesk a = desk(store);
        SupportDesk b = desk(newStore());
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 20; round++) {
                NewTicket twin = NewTicket.builder().subject("Invoice " + round + " charged twice").body("Invoice "
                        + round + " was charged twice").category(Category.BILLING).build();
                CyclicBarrier start = new CyclicBarrier(2);
                Future<SubmissionReceipt> x = threads.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return a.tickets().submit(THANDI, twin);
                });
                Future<SubmissionReceipt> y = threads.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return b.tickets().submit(THANDI, twin);
                });
                assertThat(List.of(x.get(30, TimeUnit.SECONDS).outcome(), y.get(30, TimeUnit.SECONDS).outcome()))
                        .as("round " + round).containsExactlyInAnyOrder(Outcome.CREATED, Outcome.LINKED_TO_EXISTING);
                assertThat(x.get().ticketNumber()).isEqualTo(y.get().ticketNumber());
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(store.query(TicketQuery.builder().limit(100).build()).items()).hasSize(20);
    }

    @Test
    @DisplayName("a status change retried after losing a version race is dated after the change it lost to: the trail reads in order")
    void retriedChangeAuditOrder() throws Exception {
        SupportDesk desk = desk(store);
        String number = desk.tickets().submit(THANDI, invoice(null)).ticketNumber().text();
        ExecutorService other = Executors.newSingleThreadExecutor();
        AtomicBoolean raced = new AtomicBoolean();
        TicketStore racing = new ForwardingTicketStore(store) {
            @Override
            public <T> T inTransaction(java.util.function.Supplier<T> work) {
                if (database.equals("memory") && raced.compareAndSet(false, true)) {
                    // units on the in-memory store run one at a time, so the other agent's change commits just
                    // before this unit starts, after the ticket was first read
                    otherAgentOpens(other, number);
                }
                return super.inTransaction(work);
            }

            @Override
            public Ticket update(Ticket ticket, List<Message> newMessages, List<AuditEvent> events) {
                if (!database.equals("memory") && raced.compareAndSet(false, true)) {
                    // another agent opens the ticket and commits between this unit's read and its write
                    otherAgentOpens(other, number);
                }
                return super.update(ticket, newMessages, events);
            }
        };
        try {
            desk(racing).tickets().changeStatus(SIPHO, number, TicketStatus.PENDING);
        } finally {
            other.shutdownNow();
        }

        Ticket ticket = store.findByNumber(number).orElseThrow();
        assertThat(ticket.status()).isEqualTo(TicketStatus.PENDING);
        List<AuditEvent> changes = store.auditTrail(ticket.id()).stream()
                .filter(a -> a.action() == AuditAction.STATUS_CHANGED).toList();
        assertThat(changes).extracting(a -> a.before() + "->" + a.after()).containsExactly("NEW->OPEN", "OPEN->PENDING");
        assertThat(changes.get(1).at()).isAfterOrEqualTo(changes.get(0).at());
    }

    private void otherAgentOpens(ExecutorService other, String number) {
        clock.advance(Duration.ofMinutes(1));
        try {
            other.submit(() -> desk(newStore()).tickets().changeStatus(LERATO, number, TicketStatus.OPEN))
                    .get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        clock.advance(Duration.ofMinutes(1));
    }
}
