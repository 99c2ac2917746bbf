package za.co.proconnectsa.support.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.conversation.Conversation;
import za.co.proconnectsa.support.conversation.ConversationMessage;
import za.co.proconnectsa.support.conversation.ConversationNumber;
import za.co.proconnectsa.support.conversation.ConversationStatus;
import za.co.proconnectsa.support.spi.ConversationStore;
import za.co.proconnectsa.support.spi.EventOutbox;
import za.co.proconnectsa.support.spi.IdempotencyKey;
import za.co.proconnectsa.support.spi.InsertResult;
import za.co.proconnectsa.support.spi.ProcessedMessageLog;
import za.co.proconnectsa.support.spi.TicketStore;
import za.co.proconnectsa.support.ticket.AuditAction;
import za.co.proconnectsa.support.ticket.ChangeCursor;
import za.co.proconnectsa.support.ticket.TicketChanges;
import za.co.proconnectsa.support.ticket.Message;
import za.co.proconnectsa.support.ticket.Ticket;
import za.co.proconnectsa.support.ticket.TicketId;
import za.co.proconnectsa.support.ticket.TicketNotFoundException;
import za.co.proconnectsa.support.ticket.Visibility;

/**
 * The behaviour of a store's unit of work ({@link TicketStore#inTransaction}): tickets, messages, audit events,
 * conversations, outbox entries and processed marks written in one unit commit together or not at all; a nested
 * unit joins the outer one; other threads never see a unit's writes before its commit; a key found taken inside
 * a unit leaves the unit usable; after-commit actions run after the commit and never after a rollback.
 *
 * <pre>{@code
 * class MyStoreUnitOfWorkTest extends UnitOfWorkContract {
 *     @Override
 *     protected TicketStore createStore() {
 *         return MyTicketStore.createEmpty();   // must also implement ConversationStore, EventOutbox, ProcessedMessageLog
 *     }
 * }
 * }</pre>
 */
public abstract class UnitOfWorkContract {

    /** Where {@link #clock} stands at the start of every test. */
    protected static final Instant START = Instant.parse("2026-03-02T08:15:30.123456Z");
    private static final Actor REQUESTER = Actor.requester("prov-17", "Thandi Nkosi");
    private static final Actor AGENT = Actor.agent("agent-1", "Sipho Dlamini");

    /** Dates the fixtures; back at {@link #START} before each test. */
    protected final SettableClock clock = SettableClock.at(START);
    /** The store under test. */
    protected TicketStore store;
    private TicketFixtures fixtures;
    private ExecutorService threads;

    /** @return a new, empty store that implements {@link ConversationStore}, {@link EventOutbox} and {@link ProcessedMessageLog} too */
    protected abstract TicketStore createStore();

    /** Makes the store for the next test. */
    @BeforeEach
    protected final void setUpUnitOfWork() {
        clock.set(START);
        store = Objects.requireNonNull(createStore(), "createStore() returned null");
        assertThat(store).isInstanceOf(ConversationStore.class).isInstanceOf(EventOutbox.class)
                .isInstanceOf(ProcessedMessageLog.class);
        fixtures = TicketFixtures.forStore(store, clock);
        threads = Executors.newFixedThreadPool(4);
    }

    /** Stops the test's threads. */
    @AfterEach
    protected final void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    @DisplayName("every kind of write in one unit commits together: ticket, reply, audit, conversation, outbox entries, processed mark")
    void commitsTogether() {
        long pendingBefore = outbox().pendingCount();
        Ticket ticket = fixtures.newTicket("prov-17", "Invoice charged twice", "Charged twice for INV-1001");
        Conversation conversation = conversation("27679518124");
        Message reply = store.inTransaction(() -> {
            store.insert(ticket, List.of(fixtures.audit(ticket, REQUESTER, AuditAction.CREATED, null, "NEW")), null);
            Message m = fixtures.message(ticket, AGENT, "We are looking into it", Visibility.PUBLIC);
            store.update(ticket, List.of(m), List.of(fixtures.audit(ticket, AGENT, AuditAction.REPLIED, null, "reply")));
            conversations().insertConversation(conversation, List.of(inbound(conversation, "wamid.commit")));
            assertThat(processed().firstSeen("wamid.commit", START)).isTrue();
            // the unit reads its own writes
            assertThat(store.findById(ticket.id())).hasValueSatisfying(t -> assertThat(t.version()).isEqualTo(2));
            return m;
        });

        assertThat(store.findById(ticket.id())).hasValueSatisfying(t -> assertThat(t.version()).isEqualTo(2));
        assertThat(store.messages(ticket.id())).containsExactly(reply);
        assertThat(store.auditTrail(ticket.id())).hasSize(2);
        assertThat(conversations().findConversation(conversation.id())).contains(conversation);
        assertThat(conversations().findConversationMessage("wamid.commit")).isPresent();
        assertThat(processed().firstSeen("wamid.commit", START)).isFalse();
        assertThat(outbox().pendingCount()).isEqualTo(pendingBefore + 2);
    }

    @Test
    @DisplayName("a unit that throws keeps nothing it wrote, and the exception reaches the caller unchanged")
    void rollsBackTogether() {
        Ticket existing = insert(fixtures.newTicket("prov-17", "Existing", "Stored before the unit"));
        long pendingBefore = outbox().pendingCount();
        Ticket ticket = fixtures.newTicket("prov-17", "Invoice charged twice", "Charged twice for INV-1001");
        Conversation conversation = conversation("27679518124");
        IdempotencyKey key = new IdempotencyKey("prov-17", "form-42");
        IllegalStateException crash = new IllegalStateException("the process died here");

        assertThatThrownBy(() -> store.inTransaction(() -> {
            store.insert(ticket, List.of(fixtures.audit(ticket, REQUESTER, AuditAction.CREATED, null, "NEW")), key);
            store.update(existing, List.of(fixtures.message(existing, AGENT, "Lost reply", Visibility.PUBLIC)),
                    List.of(fixtures.audit(existing, AGENT, AuditAction.REPLIED, null, "reply")));
            store.recordIdempotencyKey(new IdempotencyKey("prov-17", "form-43"), existing.id());
            conversations().insertConversation(conversation, List.of(inbound(conversation, "wamid.rollback")));
            processed().firstSeen("wamid.rollback", START);
            throw crash;
        })).isSameAs(crash);

        assertThat(store.findById(ticket.id())).isEmpty();
        assertThat(store.findByNumber(ticket.number().text())).isEmpty();
        assertThat(store.findByIdempotencyKey(key)).isEmpty();
        assertThat(store.findByIdempotencyKey(new IdempotencyKey("prov-17", "form-43"))).isEmpty();
        assertThat(store.findById(existing.id())).contains(existing);
        assertThat(store.messages(existing.id())).isEmpty();
        assertThat(store.auditTrail(existing.id())).hasSize(1);
        assertThat(conversations().findConversation(conversation.id())).isEmpty();
        assertThat(conversations().findActiveConversation("27679518124")).isEmpty();
        assertThat(conversations().findConversationMessage("wamid.rollback")).isEmpty();
        assertThat(outbox().pendingCount()).isEqualTo(pendingBefore);
        assertThat(processed().firstSeen("wamid.rollback", START)).as("the mark went with the work").isTrue();
        // the same writes succeed afterwards: nothing half-written is in the way
        assertThat(store.insert(ticket, List.of(), key)).isEqualTo(new InsertResult.Inserted(ticket));
        assertThat(conversations().insertConversation(conversation, List.of(inbound(conversation, "wamid.rollback"))))
                .isInstanceOf(za.co.proconnectsa.support.spi.ConversationInsert.Inserted.class);
    }

    @Test
    @DisplayName("a checked exception thrown past the compiler out of a unit rolls it back too")
    void checkedExceptionRollsBack() {
        Ticket ticket = fixtures.newTicket("prov-17", "Half done", "Written, then a checked exception");
        java.io.IOException failure = new java.io.IOException("failed");
        assertThatThrownBy(() -> store.inTransaction(() -> {
            store.insert(ticket, List.of(), null);
            throw UnitOfWorkContract.<RuntimeException>sneaky(failure);
        })).isSameAs(failure);
        assertThat(store.findById(ticket.id())).isEmpty();
        // the store is usable afterwards
        store.useTransaction(() -> store.insert(ticket, List.of(), null));
        assertThat(store.findById(ticket.id())).isPresent();
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> RuntimeException sneaky(Throwable t) throws E {
        throw (E) t;
    }

    @Test
    @DisplayName("a unit inside a unit joins it: when the outer one fails, the inner one's writes go too")
    void nestedJoins() {
        Ticket inner = fixtures.newTicket("prov-17", "Inner", "Written by the inner unit");
        assertThatThrownBy(() -> store.inTransaction(() -> {
            store.inTransaction(() -> store.insert(inner, List.of(), null));
            assertThat(store.findById(inner.id())).isPresent();
            throw new IllegalStateException("outer fails after the inner unit returned");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(store.findById(inner.id())).isEmpty();
    }

    @Test
    @DisplayName("another thread never sees a unit's writes before it commits")
    void isolated() throws Exception {
        Ticket ticket = fixtures.newTicket("prov-17", "Private until commit", "Not yet committed");
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch read = new CountDownLatch(1);
        AtomicBoolean committed = new AtomicBoolean();
        Future<?> unit = threads.submit(() -> store.useTransaction(() -> {
            store.insert(ticket, List.of(), null);
            written.countDown();
            try {
                // a store that blocks readers until the commit makes the reader wait here; that is allowed
                read.await(500, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            committed.set(true);
        }));
        assertThat(written.await(10, TimeUnit.SECONDS)).isTrue();
        Future<Boolean> reader = threads.submit(() -> {
            Optional<Ticket> seen = store.findById(ticket.id());
            // seen only once the unit committed
            return seen.isEmpty() || committed.get();
        });
        boolean fine = reader.get(10, TimeUnit.SECONDS);
        read.countDown();
        unit.get(10, TimeUnit.SECONDS);
        assertThat(fine).as("a reader saw an uncommitted ticket").isTrue();
        assertThat(store.findById(ticket.id())).isPresent();
    }

    @Test
    @DisplayName("a taken idempotency key or a repeated message id inside a unit leaves the unit usable, and the unit commits the rest")
    void takenKeyInsideUnit() {
        IdempotencyKey key = new IdempotencyKey("prov-17", "form-42");
        Ticket first = fixtures.newTicket("prov-17", "Invoice charged twice", "Charged twice");
        store.insert(first, List.of(), key);
        processed().firstSeen("wamid.seen", START);
        Ticket second = fixtures.newTicket("prov-17", "Invoice charged twice", "Charged twice");
        Ticket third = fixtures.newTicket("prov-17", "Something else", "Another question");

        store.useTransaction(() -> {
            assertThat(store.insert(second, List.of(), key)).isEqualTo(new InsertResult.KeyAlreadyUsed(first));
            assertThat(store.recordIdempotencyKey(key, first.id())).contains(first);
            assertThat(processed().firstSeen("wamid.seen", START)).isFalse();
            store.insert(third, List.of(), null);
        });

        assertThat(store.findById(second.id())).as("the refused insert left nothing").isEmpty();
        assertThat(store.findById(third.id())).isPresent();
        assertThat(store.findByIdempotencyKey(key)).contains(first);
    }

    @Test
    @DisplayName("recordIdempotencyKey records a key for a stored ticket once; a taken key answers its owner; an unknown ticket is refused")
    void recordKey() {
        Ticket original = insert(fixtures.newTicket("prov-17", "Invoice charged twice", "Charged twice"));
        Ticket other = insert(fixtures.newTicket("prov-17", "Other", "Other"));
        IdempotencyKey key = new IdempotencyKey("prov-17", "retry-7");

        assertThat(store.recordIdempotencyKey(key, original.id())).isEmpty();
        assertThat(store.findByIdempotencyKey(key)).contains(original);
        assertThat(store.recordIdempotencyKey(key, other.id())).contains(original);
        assertThat(store.findByIdempotencyKey(key)).contains(original);
        assertThat(store.findByIdempotencyKey(new IdempotencyKey("prov-18", "retry-7"))).as("keys are scoped").isEmpty();
        assertThatThrownBy(() -> store.recordIdempotencyKey(new IdempotencyKey("prov-17", "x"), TicketId.random()))
                .isInstanceOf(TicketNotFoundException.class);
    }

    @Test
    @DisplayName("after-commit actions run once the unit committed, never after a rollback, and at once outside a unit")
    void afterCommit() {
        List<String> ran = new ArrayList<>();
        store.useTransaction(() -> {
            store.afterCommit(() -> ran.add("committed"));
            assertThat(ran).as("not before the commit").isEmpty();
        });
        assertThat(ran).containsExactly("committed");

        assertThatThrownBy(() -> store.useTransaction(() -> {
            store.afterCommit(() -> ran.add("rolled back"));
            throw new IllegalStateException("fails");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(ran).containsExactly("committed");

        store.afterCommit(() -> ran.add("no unit"));
        assertThat(ran).containsExactly("committed", "no unit");
    }

    @Test
    @DisplayName("a ticket whose unit commits late is never skipped by a reader paging the queue by number")
    void lateCommitPaging() throws Exception {
        Ticket before = insert(fixtures.newTicket("prov-17", "Before", "Committed first"));
        CountDownLatch numbered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<Ticket> slow = threads.submit(() -> store.inTransaction(() -> {
            Ticket t = fixtures.newTicket("prov-17", "Slow", "Numbered first, committed last");
            store.insert(t, List.of(), null);
            numbered.countDown();
            await(release);
            return t;
        }));
        assertThat(numbered.await(10, TimeUnit.SECONDS)).isTrue();
        Future<Ticket> quick = threads.submit(() -> store.inTransaction(() -> insert(
                fixtures.newTicket("prov-17", "Quick", "Numbered second, committed first"))));
        // let the quick unit commit if the store lets it pass the slow one; it may wait for the slow unit's number
        waitBriefly(quick);
        // a store that blocks readers during a unit answers once the slow unit ends
        Future<List<Ticket>> read = threads.submit(() -> store.query(za.co.proconnectsa.support.ticket.TicketQuery
                .builder().limit(100).build()).items());
        waitBriefly(read);
        release.countDown();
        List<Ticket> seen = new ArrayList<>(read.get(10, TimeUnit.SECONDS));
        long last = seen.get(seen.size() - 1).number().sequence();
        Ticket slowTicket = slow.get(10, TimeUnit.SECONDS);
        Ticket quickTicket = quick.get(10, TimeUnit.SECONDS);

        seen.addAll(store.query(za.co.proconnectsa.support.ticket.TicketQuery.builder().limit(100).build()
                .after(za.co.proconnectsa.support.ticket.Cursor.after(last))).items());
        assertThat(seen).extracting(Ticket::id).containsExactlyInAnyOrder(before.id(), slowTicket.id(), quickTicket.id());
    }

    @Test
    @DisplayName("changesSince lists each changed ticket once, in commit order, paged; a change committed late is never skipped")
    void changesSince() throws Exception {
        ChangeCursor start = store.latestChange();
        Ticket a = insert(fixtures.newTicket("prov-17", "A", "First"));
        Ticket b = insert(fixtures.newTicket("prov-17", "B", "Second"));
        Ticket c = insert(fixtures.newTicket("prov-17", "C", "Third"));
        TicketChanges first = store.changesSince(start, 2);
        assertThat(first.tickets()).extracting(Ticket::id).containsExactly(a.id(), b.id());
        assertThat(first.more()).isTrue();
        TicketChanges second = store.changesSince(first.cursor(), 2);
        assertThat(second.tickets()).extracting(Ticket::id).containsExactly(c.id());
        assertThat(second.more()).isFalse();
        assertThat(store.changesSince(second.cursor(), 10).tickets()).isEmpty();
        assertThat(store.changesSince(second.cursor(), 10).cursor()).isEqualTo(second.cursor());

        Ticket aChanged = store.update(a, List.of(), List.of(fixtures.audit(a, AGENT, AuditAction.ASSIGNED, null, "agent-1")));
        TicketChanges afterUpdate = store.changesSince(second.cursor(), 10);
        assertThat(afterUpdate.tickets()).containsExactly(aChanged);
        assertThat(store.changesSince(start, 10).tickets()).as("each ticket once, at its last change")
                .extracting(Ticket::id).containsExactly(b.id(), c.id(), a.id());

        // a unit that changes B and commits last must not fall behind C's later-started change
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<?> slow = threads.submit(() -> store.useTransaction(() -> {
            store.update(b, List.of(), List.of());
            written.countDown();
            await(release);
        }));
        assertThat(written.await(10, TimeUnit.SECONDS)).isTrue();
        Future<?> quick = threads.submit(() -> store.update(c, List.of(), List.of()));
        waitBriefly(quick);
        Future<TicketChanges> poll = threads.submit(() -> store.changesSince(afterUpdate.cursor(), 10));
        waitBriefly(poll);
        release.countDown();
        TicketChanges polled = poll.get(10, TimeUnit.SECONDS);
        slow.get(10, TimeUnit.SECONDS);
        quick.get(10, TimeUnit.SECONDS);
        List<za.co.proconnectsa.support.ticket.TicketId> seen = new ArrayList<>(
                polled.tickets().stream().map(Ticket::id).toList());
        seen.addAll(store.changesSince(polled.cursor(), 10).tickets().stream().map(Ticket::id).toList());
        assertThat(seen).containsExactlyInAnyOrder(b.id(), c.id());
        assertThat(store.changesSince(store.latestChange(), 10).tickets()).isEmpty();
    }

    /** Gives another thread's work a moment to finish; a store may make it wait for a running unit. */
    private static void waitBriefly(Future<?> work) throws Exception {
        try {
            work.get(300, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException stillWaiting) {
            // waiting for the unit is allowed
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Ticket insert(Ticket ticket) {
        store.insert(ticket, List.of(fixtures.audit(ticket, REQUESTER, AuditAction.CREATED, null, "NEW")), null);
        return ticket;
    }

    private Conversation conversation(String contact) {
        long seq = conversations().nextConversationSequence();
        return new Conversation(UUID.randomUUID(), ConversationNumber.format(ConversationNumber.DEFAULT_FORMAT, seq),
                contact, "Thandi", "wa:" + contact, ConversationStatus.OPEN, null, null, START, START, START, 1);
    }

    private static ConversationMessage inbound(Conversation c, String id) {
        return new ConversationMessage(id, c.id(), c.contact(), ConversationMessage.Author.CUSTOMER, c.contact(),
                "Thandi", "Hallo", START);
    }

    private ConversationStore conversations() {
        return (ConversationStore) store;
    }

    private EventOutbox outbox() {
        return (EventOutbox) store;
    }

    private ProcessedMessageLog processed() {
        return (ProcessedMessageLog) store;
    }
}
