package za.co.proconnectsa.support.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import za.co.proconnectsa.support.ConcurrentUpdateException;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.spi.IdempotencyKey;
import za.co.proconnectsa.support.spi.InsertResult;
import za.co.proconnectsa.support.spi.TicketStore;
import za.co.proconnectsa.support.ticket.Attachment;
import za.co.proconnectsa.support.ticket.AuditAction;
import za.co.proconnectsa.support.ticket.AuditEvent;
import za.co.proconnectsa.support.ticket.Category;
import za.co.proconnectsa.support.ticket.Cursor;
import za.co.proconnectsa.support.ticket.Message;
import za.co.proconnectsa.support.ticket.OriginChannel;
import za.co.proconnectsa.support.ticket.Page;
import za.co.proconnectsa.support.ticket.Priority;
import za.co.proconnectsa.support.ticket.Ticket;
import za.co.proconnectsa.support.ticket.TicketId;
import za.co.proconnectsa.support.ticket.TicketNotFoundException;
import za.co.proconnectsa.support.ticket.TicketNumberFormat;
import za.co.proconnectsa.support.ticket.TicketQuery;
import za.co.proconnectsa.support.ticket.TicketStatus;
import za.co.proconnectsa.support.ticket.Visibility;

/**
 * The behaviour every {@link TicketStore} shows, as JUnit 5 tests. A store proves itself by extending
 * this class:
 *
 * <pre>{@code
 * class JdbcTicketStoreTest extends TicketStoreContract {
 *     @Override
 *     protected TicketStore createStore() {
 *         truncateTables();
 *         return JdbcTicketStore.create(dataSource);
 *     }
 * }
 * }</pre>
 *
 * <p>The tests assume nothing about sequence values other than what {@link TicketStore#nextSequence()}
 * promises, so a store whose sequence keeps counting across tests passes. No test makes more than a few
 * hundred writes and the concurrent ones use 8 threads, so the class runs in seconds against a real
 * database too.
 */
public abstract class TicketStoreContract {

    /** Where {@link #clock} stands at the start of every test; it has microseconds on purpose. */
    protected static final Instant START = Instant.parse("2026-03-02T08:15:30.123456Z");

    private static final int THREADS = 8;
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final int MAX_ATTEMPTS = 1_000;
    private static final int MAX_PAGES = 100;
    private static final Duration ONE_MICRO = Duration.of(1, ChronoUnit.MICROS);

    private static final Actor AGENT = Actor.agent("agent-1", "Sipho Dlamini");
    private static final Actor ADMIN = Actor.admin("admin-1", "Lerato Mokoena");
    private static final Attachment PDF = new Attachment("invoice INV-2291.pdf", "application/pdf", 48_213,
            "s3://support/2026/03/inv-2291.pdf");
    private static final Attachment SCREENSHOT = new Attachment("skermskoot 📷.png", "image/png", 0, "media:9f2c");

    /** The clock the {@link #fixtures} date values with; back at {@link #START} before each test. */
    protected final SettableClock clock = SettableClock.at(START);
    /** The store under test, from {@link #createStore()} before each test. */
    protected TicketStore store;
    /** Values numbered by {@link #store} and dated by {@link #clock}. */
    protected TicketFixtures fixtures;

    /**
     * Called before each test.
     *
     * @return a new, EMPTY store: no tickets, messages, audit events or idempotency keys (its sequence
     *         may go on from where an earlier store left off)
     */
    protected abstract TicketStore createStore();

    /** Resets the clock and makes the store and fixtures for the next test. */
    @BeforeEach
    protected final void setUpStore() {
        clock.set(START);
        store = Objects.requireNonNull(createStore(), "createStore() returned null");
        fixtures = TicketFixtures.forStore(store, clock);
    }

    // ---------------------------------------------------------------------------------- find

    @Test
    @DisplayName("insert, then findById and findByNumber return an equal ticket, every field and microsecond kept")
    void insertThenFind() {
        Ticket full = fixtures.ticket("prov-17", "Invoice INV-2291 charged twice", "Billed twice for March ✓ — R1 250,00")
                .category(Category.of("payouts")).priority(Priority.URGENT).origin(OriginChannel.WHATSAPP)
                .status(TicketStatus.OPEN).assignee("agent-1").tags("billing", "vip").attachments(PDF, SCREENSHOT)
                .createdAt(Instant.parse("2026-03-01T23:59:59.000001Z")).updatedAt(START)
                .firstRespondedAt(START.minus(ONE_MICRO)).build();
        Ticket bare = fixtures.newTicket("prov-18", "Cannot log in", "The password reset email never arrives");
        insert(full);
        insert(bare);
        for (Ticket t : List.of(full, bare)) {
            assertThat(store.findById(t.id())).contains(t);
            assertThat(store.findByNumber(number(t))).contains(t);
        }
    }

    @Test
    @DisplayName("an unknown id, number or idempotency key finds nothing, and an unknown ticket has no history")
    void unknownFindsNothing() {
        insertMany(1, "prov-17");
        TicketId unknown = TicketId.random();
        assertThat(store.findById(unknown)).isEmpty();
        assertThat(store.findByNumber(TicketNumberFormat.DEFAULT.format(store.nextSequence()).text())).isEmpty();
        assertThat(store.findByIdempotencyKey(new IdempotencyKey("prov-17", "never-used"))).isEmpty();
        assertThat(snapshot(unknown)).isEqualTo(Snapshot.NOTHING);
    }

    // ---------------------------------------------------------------------------------- sequence

    @Test
    @DisplayName("nextSequence is positive and strictly increasing in one thread")
    void sequenceIncreases() {
        long previous = 0;
        for (int i = 0; i < 20; i++) {
            long next = store.nextSequence();
            assertThat(next).as("call %d", i).isGreaterThan(previous);
            previous = next;
        }
    }

    @Test
    @DisplayName("nextSequence never repeats: 8 threads x 50 calls give 400 distinct positive values")
    void sequenceConcurrent() throws Exception {
        List<List<Long>> taken = onThreads(worker -> () -> {
            List<Long> values = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                values.add(store.nextSequence());
            }
            return values;
        });
        assertThat(taken).allSatisfy(values -> assertThat(values).isSorted());
        assertThat(taken.stream().flatMap(List::stream).toList())
                .hasSize(400).doesNotHaveDuplicates().allSatisfy(v -> assertThat(v).isPositive());
    }

    // ---------------------------------------------------------------------------------- update

    @Test
    @DisplayName("update returns version + 1, findById sees it, messages and audit events are appended in order")
    void updateAppends() {
        Ticket ticket = fixtures.newTicket("prov-17", "Invoice charged twice", "Please refund one payment");
        AuditEvent created = created(ticket);
        store.insert(ticket, List.of(created), null);

        clock.advance(Duration.ofMinutes(3));
        Message reply = fixtures.message(ticket, AGENT, "We are looking into it", Visibility.PUBLIC);
        Message note = fixtures.message(ticket, AGENT, "Check the gateway log", Visibility.INTERNAL);
        Ticket changed = ticket.withStatus(TicketStatus.OPEN, fixtures.now()).withAssignee("agent-1", fixtures.now())
                .withFirstResponse(fixtures.now());
        List<AuditEvent> firstEvents = List.of(
                fixtures.audit(ticket, AGENT, AuditAction.STATUS_CHANGED, "NEW", "OPEN"),
                fixtures.audit(ticket, AGENT, AuditAction.ASSIGNED, null, "agent-1", Visibility.INTERNAL),
                fixtures.audit(ticket, AGENT, AuditAction.REPLIED, null, reply.id().toString()));
        Ticket v2 = store.update(changed, List.of(reply, note), firstEvents);
        assertThat(v2).isEqualTo(changed.withVersion(2));
        assertThat(store.findById(ticket.id())).contains(v2);

        clock.advance(Duration.ofMinutes(1));
        Message thanks = fixtures.message(v2, requester(v2), "Dankie!", Visibility.PUBLIC);
        AuditEvent replied = fixtures.audit(v2, requester(v2), AuditAction.REPLIED, null, thanks.id().toString());
        Ticket v3 = store.update(v2.touchedAt(fixtures.now()), List.of(thanks), List.of(replied));
        assertThat(v3.version()).isEqualTo(3);
        assertThat(store.findByNumber(number(ticket))).contains(v3);
        assertThat(store.messages(ticket.id())).containsExactly(reply, note, thanks);
        List<AuditEvent> trail = new ArrayList<>(List.of(created));
        trail.addAll(firstEvents);
        trail.add(replied);
        assertThat(store.auditTrail(ticket.id())).containsExactlyElementsOf(trail);
    }

    @Test
    @DisplayName("update at a stale version throws ConcurrentUpdateException and changes nothing")
    void staleUpdateRejected() {
        Ticket read = insert(fixtures.newTicket("prov-17", "Invoice charged twice", "Please refund"));
        Ticket current = store.update(read.withAssignee("agent-1", fixtures.now()),
                List.of(fixtures.message(read, AGENT, "Mine", Visibility.INTERNAL)),
                List.of(fixtures.audit(read, AGENT, AuditAction.ASSIGNED, null, "agent-1")));
        Snapshot before = snapshot(read.id());
        assertThat(before.ticket()).contains(current);

        for (Ticket stale : List.of(read, current.withVersion(current.version() + 1))) {
            assertThatThrownBy(() -> store.update(stale.withStatus(TicketStatus.CLOSED, fixtures.now()),
                    List.of(fixtures.message(stale, AGENT, "Closing", Visibility.PUBLIC)),
                    List.of(fixtures.audit(stale, AGENT, AuditAction.STATUS_CHANGED, "NEW", "CLOSED"))))
                    .as("update at version %d", stale.version())
                    .isInstanceOf(ConcurrentUpdateException.class);
            assertThat(snapshot(read.id())).isEqualTo(before);
        }
    }

    @Test
    @DisplayName("update of a ticket that was never inserted throws TicketNotFoundException and stores nothing")
    void updateOfUnknownTicket() {
        Ticket never = fixtures.newTicket("prov-17", "Ghost", "Never inserted");
        assertThatThrownBy(() -> store.update(never, List.of(fixtures.message(never, AGENT, "Hello?", Visibility.PUBLIC)),
                List.of(created(never))))
                .isInstanceOf(TicketNotFoundException.class);
        assertThat(snapshot(never.id())).isEqualTo(Snapshot.NOTHING);
        assertThat(store.findByNumber(number(never))).isEmpty();
    }

    @Test
    @DisplayName("no lost update: 8 threads x 25 read-modify-writes with retry keep all 200 messages and tags")
    void noLostUpdate() throws Exception {
        Ticket ticket = insert(fixtures.newTicket("prov-17", "Busy ticket", "Everybody replies at once"));
        List<List<UUID>> written = onThreads(worker -> () -> {
            Actor author = Actor.agent("agent-" + worker, "Agent " + worker);
            List<UUID> ids = new ArrayList<>();
            for (int i = 0; i < 25; i++) {
                Message message = fixtures.message(ticket, author, "Reply " + i, Visibility.PUBLIC);
                AuditEvent replied = fixtures.audit(ticket, author, AuditAction.REPLIED, null, message.id().toString());
                String tag = "w" + worker + "-" + i;
                ids.add(message.id());
                retryOnConflict(() -> store.update(withTag(store.findById(ticket.id()).orElseThrow(), tag),
                        List.of(message), List.of(replied)));
            }
            return ids;
        });

        List<Message> stored = store.messages(ticket.id());
        assertThat(stored).hasSize(200).extracting(Message::id)
                .containsExactlyInAnyOrderElementsOf(written.stream().flatMap(List::stream).toList());
        for (int worker = 0; worker < THREADS; worker++) {
            String author = "agent-" + worker;
            assertThat(stored.stream().filter(m -> m.author().id().equals(author)).map(Message::id))
                    .as("messages of %s, in the order they were written", author)
                    .containsExactlyElementsOf(written.get(worker));
        }
        assertThat(store.auditTrail(ticket.id())).hasSize(201);
        assertThat(store.findById(ticket.id())).hasValueSatisfying(t -> {
            assertThat(t.version()).isEqualTo(201);
            assertThat(t.tags()).as("one tag added by every write").hasSize(200);
        });
    }

    // ---------------------------------------------------------------------------------- idempotency

    @Test
    @DisplayName("insert under a used idempotency key stores nothing and returns the first ticket")
    void idempotentInsert() {
        IdempotencyKey key = new IdempotencyKey("prov-17", "submit-7f3a");
        Ticket first = fixtures.newTicket("prov-17", "Invoice charged twice", "Please refund");
        assertThat(store.insert(first, List.of(created(first)), key)).isEqualTo(new InsertResult.Inserted(first));

        Ticket second = fixtures.newTicket("prov-17", "Invoice charged twice", "Please refund, sent again");
        assertThat(store.insert(second, List.of(created(second)), key)).isEqualTo(new InsertResult.KeyAlreadyUsed(first));
        assertThat(snapshot(second.id())).isEqualTo(Snapshot.NOTHING);
        assertThat(store.findByNumber(number(second))).isEmpty();
        assertThat(store.findByIdempotencyKey(key)).contains(first);
        assertThat(store.query(TicketQuery.all()).items()).containsExactly(first);
    }

    @Test
    @DisplayName("an idempotency key is scoped: the same key under another scope is another key")
    void idempotencyKeyIsScoped() {
        List<IdempotencyKey> keys = List.of(new IdempotencyKey("prov-17", "k-1"), new IdempotencyKey("prov-18", "k-1"),
                new IdempotencyKey("prov-1", "7k-1"));
        List<Ticket> tickets = new ArrayList<>();
        for (IdempotencyKey key : keys) {
            Ticket t = fixtures.newTicket(key.scope(), "Same key", "Different scope");
            assertThat(store.insert(t, List.of(created(t)), key)).as("%s", key).isEqualTo(new InsertResult.Inserted(t));
            tickets.add(t);
        }
        for (int i = 0; i < keys.size(); i++) {
            assertThat(store.findByIdempotencyKey(keys.get(i))).contains(tickets.get(i));
        }
    }

    @Test
    @DisplayName("8 threads inserting under one idempotency key (5 rounds): exactly one is inserted, all get its ticket")
    void idempotencyRace() throws Exception {
        for (int round = 0; round < 5; round++) {
            IdempotencyKey key = new IdempotencyKey("prov-17", "double-click-" + round);
            List<InsertResult> results = onThreads(worker -> {
                Ticket t = fixtures.newTicket("prov-17", "Submitted many times", "Attempt " + worker);
                List<AuditEvent> events = List.of(created(t));
                return () -> store.insert(t, events, key);
            });

            List<Ticket> inserted = results.stream().filter(InsertResult.Inserted.class::isInstance)
                    .map(InsertResult::ticket).toList();
            assertThat(inserted).as("inserted under %s", key).hasSize(1);
            assertThat(results).extracting(r -> r.ticket().id()).as("tickets returned for %s", key)
                    .containsOnly(inserted.get(0).id());
            assertThat(store.findByIdempotencyKey(key)).contains(inserted.get(0));
        }
        assertThat(store.query(TicketQuery.all()).items()).hasSize(5);
    }

    // ---------------------------------------------------------------------------------- history

    @Test
    @DisplayName("messages round-trip author, unicode body, visibility, attachments and instant, oldest first")
    void messagesRoundTrip() {
        Ticket ticket = insert(fixtures.newTicket("prov-17", "Payout missing", "Where is my payout?"));
        Ticket other = insert(fixtures.newTicket("prov-18", "Other ticket", "Not this one"));
        Actor thandi = Actor.requester("prov-17", "Thandi Nkosi-Ndlovu");
        Message first = fixtures.message(ticket, thandi, "Ek het twee keer betaal 💸 — Ñandú, 日本語, Straße\nline two",
                Visibility.PUBLIC, SCREENSHOT, PDF);
        clock.advance(ONE_MICRO);
        Message note = fixtures.message(ticket, AGENT, "Refund via EFT\tref 🧾", Visibility.INTERNAL);
        Message approval = fixtures.message(ticket, ADMIN, "Approved", Visibility.INTERNAL); // same instant as note
        Ticket v2 = store.update(ticket, List.of(first, note), List.of());
        store.update(other, List.of(fixtures.message(other, AGENT, "Elsewhere", Visibility.PUBLIC)), List.of());
        store.update(v2, List.of(approval), List.of());

        assertThat(store.messages(ticket.id())).containsExactly(first, note, approval);
        assertThat(store.messages(other.id())).singleElement().extracting(Message::body).isEqualTo("Elsewhere");
    }

    @Test
    @DisplayName("a message or audit event appended later with an earlier instant still comes back oldest first")
    void historyIsOldestFirst() {
        Ticket ticket = insert(fixtures.newTicket("prov-17", "Payout missing", "Where is my payout?"));
        clock.advance(java.time.Duration.ofSeconds(10));
        Message late = fixtures.message(ticket, AGENT, "written second", Visibility.PUBLIC);
        AuditEvent lateEvent = fixtures.audit(ticket, AGENT, AuditAction.REPLIED, null, "second");
        clock.advance(java.time.Duration.ofSeconds(-5));
        Message early = fixtures.message(ticket, AGENT, "written first, stored last", Visibility.PUBLIC);
        AuditEvent earlyEvent = fixtures.audit(ticket, AGENT, AuditAction.REPLIED, null, "first");
        Ticket v2 = store.update(ticket, List.of(late), List.of(lateEvent));
        store.update(v2, List.of(early), List.of(earlyEvent));

        assertThat(store.messages(ticket.id())).containsExactly(early, late);
        assertThat(store.auditTrail(ticket.id())).containsSubsequence(earlyEvent, lateEvent);
    }

    @Test
    @DisplayName("auditTrail round-trips actor, action, null before/after, visibility and instant, oldest first")
    void auditTrailRoundTrip() {
        Ticket ticket = fixtures.newTicket("prov-17", "Payout missing", "Where is my payout?");
        AuditEvent created = created(ticket);
        store.insert(ticket, List.of(created), null);
        clock.advance(ONE_MICRO);
        AuditEvent assigned = fixtures.audit(ticket, ADMIN, AuditAction.ASSIGNED, null, "agent-1", Visibility.INTERNAL);
        AuditEvent opened = fixtures.audit(ticket, AGENT, AuditAction.STATUS_CHANGED, "NEW", "OPEN");
        clock.advance(Duration.ofSeconds(1));
        AuditEvent unassigned = fixtures.audit(ticket, ADMIN, AuditAction.ASSIGNED, "agent-1", null, Visibility.INTERNAL);
        AuditEvent linked = fixtures.audit(ticket, requester(ticket), AuditAction.DUPLICATE_LINKED, null, null);
        Ticket v2 = store.update(ticket.withStatus(TicketStatus.OPEN, fixtures.now()), List.of(), List.of(assigned, opened));
        store.update(v2, List.of(), List.of(unassigned, linked));

        assertThat(store.auditTrail(ticket.id())).containsExactly(created, assigned, opened, unassigned, linked);
    }

    // ---------------------------------------------------------------------------------- query

    @Test
    @DisplayName("query filters by status and category; several values match any of them")
    void queryByStatusAndCategory() {
        Queue q = seedQueue();
        assertQuery(TicketQuery.builder().status(TicketStatus.NEW, TicketStatus.PENDING), q.login, q.crash, q.onboarding);
        assertQuery(TicketQuery.builder().active(), q.invoice, q.login, q.crash, q.onboarding);
        assertQuery(TicketQuery.builder().category(Category.BILLING), q.invoice, q.refund);
        assertQuery(TicketQuery.builder().category(Category.BILLING, Category.TECHNICAL), q.invoice, q.crash, q.refund);
        assertQuery(TicketQuery.builder().category(Category.of("onboarding")), q.onboarding);
    }

    @Test
    @DisplayName("query filters by priority and origin channel")
    void queryByPriorityAndOrigin() {
        Queue q = seedQueue();
        assertQuery(TicketQuery.builder().priority(Priority.URGENT, Priority.HIGH), q.invoice, q.crash);
        assertQuery(TicketQuery.builder().priority(Priority.NORMAL), q.login, q.onboarding);
        assertQuery(TicketQuery.builder().origin(OriginChannel.WHATSAPP), q.login);
        assertQuery(TicketQuery.builder().origin(OriginChannel.EMAIL, OriginChannel.PHONE), q.crash, q.refund);
    }

    @Test
    @DisplayName("query filters by assignee, unassigned and requester")
    void queryByPeople() {
        Queue q = seedQueue();
        assertQuery(TicketQuery.builder().assignee("agent-1"), q.invoice, q.onboarding);
        assertQuery(TicketQuery.builder().unassigned(), q.login, q.refund);
        assertQuery(TicketQuery.builder().requester("alice"), q.invoice, q.crash);
        assertQuery(TicketQuery.builder().requester("nobody"));
    }

    @Test
    @DisplayName("query text matches a whole word of subject or body, in any case")
    void queryByText() {
        Queue q = seedQueue();
        assertQuery(TicketQuery.builder().text("invoice"), q.invoice, q.crash);
        assertQuery(TicketQuery.builder().text("REFUND"), q.refund);
        assertQuery(TicketQuery.builder().text("Password"), q.login);
        assertQuery(TicketQuery.builder().text("printer"));
    }

    @Test
    @DisplayName("query combines filters with AND and keeps sequence order in both directions")
    void queryCombined() {
        Queue q = seedQueue();
        assertQuery(TicketQuery.builder().requester("alice").text("Invoice"), q.invoice, q.crash);
        assertQuery(TicketQuery.builder().requester("alice").text("invoice").status(TicketStatus.OPEN), q.invoice);
        assertQuery(TicketQuery.builder().active().category(Category.BILLING).unassigned());
        assertQuery(TicketQuery.builder().requester("bob").order(TicketQuery.Order.NEWEST_FIRST), q.onboarding, q.login);
        assertQuery(TicketQuery.builder().assignee("agent-1").origin(OriginChannel.API).priority(Priority.NORMAL),
                q.onboarding);
    }

    // ---------------------------------------------------------------------------------- paging

    @ParameterizedTest(name = "{0}")
    @EnumSource(TicketQuery.Order.class)
    @DisplayName("keyset paging: 25 tickets, 10 a page, give pages of 10, 10 and 5 in sequence order")
    void keysetPaging(TicketQuery.Order order) {
        List<Ticket> tickets = insertMany(25, "prov-17");
        List<Page<Ticket>> pages = pageThrough(TicketQuery.builder().order(order).limit(10).build(), () -> { });

        assertThat(pages).extracting(p -> p.items().size()).containsExactly(10, 10, 5);
        assertThat(pages).extracting(Page::hasNext).containsExactly(true, true, false);
        List<Ticket> expected = new ArrayList<>(tickets);
        if (order == TicketQuery.Order.NEWEST_FIRST) {
            expected.sort(bySequence().reversed());
        }
        assertThat(numbers(items(pages))).containsExactlyElementsOf(numbers(expected));
    }

    @Test
    @DisplayName("an empty result is a page without a next cursor")
    void emptyPage() {
        assertEmptyLastPage(TicketQuery.all());
        List<Ticket> tickets = insertMany(3, "prov-17");
        assertEmptyLastPage(TicketQuery.builder().requester("nobody").limit(1).build());
        long last = tickets.get(2).number().sequence();
        assertEmptyLastPage(TicketQuery.all().after(Cursor.after(last)));
        assertEmptyLastPage(TicketQuery.builder().order(TicketQuery.Order.NEWEST_FIRST).build()
                .after(Cursor.after(tickets.get(0).number().sequence())));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TicketQuery.Order.class)
    @DisplayName("paging while tickets arrive never repeats a ticket nor skips one that existed when paging began")
    void pagingWhileTicketsArrive(TicketQuery.Order order) throws Exception {
        List<Ticket> existing = insertMany(30, "early");
        TicketQuery query = TicketQuery.builder().order(order).limit(7).build();
        List<List<Ticket>> results = inParallel(List.of(
                () -> items(pageThrough(query, () -> insert(fixtures.newTicket("between", "Between pages", "Arrived")))),
                () -> insertMany(30, "late")));

        List<Ticket> seen = results.get(0);
        assertThat(seen).extracting(Ticket::id).doesNotHaveDuplicates()
                .containsAll(existing.stream().map(Ticket::id).toList());
        assertThat(seen).isSortedAccordingTo(order == TicketQuery.Order.OLDEST_FIRST ? bySequence() : bySequence().reversed());
        assertThat(store.query(TicketQuery.builder().requester("late").limit(50).build()).items()).hasSize(30);
    }

    // ---------------------------------------------------------------------------------- duplicates

    @Test
    @DisplayName("findActiveDuplicate returns the most recent active ticket of the requester with the fingerprint")
    void duplicateFound() {
        Ticket older = insert(fixtures.newTicket("prov-17", "Payout missing", "Where is my payout?"));
        clock.advance(Duration.ofMinutes(5));
        Ticket newer = insert(fixtures.newTicket("prov-17", "Payout missing", "Where is my payout?"));
        clock.advance(Duration.ofMinutes(1));
        insert(fixtures.newTicket("prov-18", "Payout missing", "Where is my payout?"));
        String fingerprint = newer.fingerprint();

        assertThat(store.findActiveDuplicate("prov-17", fingerprint, older.createdAt())).contains(newer);
        assertThat(store.findActiveDuplicate("prov-17", fingerprint, newer.createdAt())).contains(newer);
        Ticket pending = changeStatus(newer, TicketStatus.PENDING);
        assertThat(store.findActiveDuplicate("prov-17", fingerprint, older.createdAt())).contains(pending);
        changeStatus(pending, TicketStatus.RESOLVED);
        assertThat(store.findActiveDuplicate("prov-17", fingerprint, older.createdAt())).contains(older);
    }

    @Test
    @DisplayName("findActiveDuplicate ignores other requesters and fingerprints, resolved and closed tickets, and older ones")
    void duplicateNotFound() {
        Ticket ticket = insert(fixtures.newTicket("prov-17", "Payout missing", "Where is my payout?"));
        String fingerprint = ticket.fingerprint();
        Instant since = ticket.createdAt();
        assertThat(store.findActiveDuplicate("prov-17", fingerprint, since)).contains(ticket);
        assertThat(store.findActiveDuplicate("prov-18", fingerprint, since)).isEmpty();
        assertThat(store.findActiveDuplicate("prov-17", TicketFixtures.fingerprint("Payout missing", "Another body"), since))
                .isEmpty();
        assertThat(store.findActiveDuplicate("prov-17", fingerprint, since.plus(ONE_MICRO))).isEmpty();
        for (TicketStatus done : List.of(TicketStatus.RESOLVED, TicketStatus.CLOSED)) {
            Ticket t = insert(fixtures.newTicket("prov-" + done, "Payout missing", "Where is my payout?"));
            changeStatus(t, done);
            assertThat(store.findActiveDuplicate(t.requesterId(), fingerprint, since)).as("%s", done).isEmpty();
        }
    }

    // ---------------------------------------------------------------------------------- helpers

    /** The same five tickets, in sequence order, for every query test. */
    private record Queue(Ticket invoice, Ticket login, Ticket crash, Ticket refund, Ticket onboarding) {
    }

    private Queue seedQueue() {
        return new Queue(
                insert(fixtures.ticket("alice", "Invoice overdue", "My invoice for March is wrong")
                        .category(Category.BILLING).priority(Priority.HIGH).status(TicketStatus.OPEN)
                        .assignee("agent-1").build()),
                insert(fixtures.ticket("bob", "Cannot log in", "The password reset email never arrives")
                        .category(Category.ACCOUNT).origin(OriginChannel.WHATSAPP).build()),
                insert(fixtures.ticket("alice", "App crashes on upload", "It crashes when I upload an INVOICE photo")
                        .category(Category.TECHNICAL).priority(Priority.URGENT).origin(OriginChannel.EMAIL)
                        .status(TicketStatus.PENDING).assignee("agent-2").build()),
                insert(fixtures.ticket("carol", "Question about a refund", "When will my Refund arrive?")
                        .category(Category.BILLING).priority(Priority.LOW).origin(OriginChannel.PHONE)
                        .status(TicketStatus.RESOLVED).build()),
                insert(fixtures.ticket("bob", "Onboarding help", "How do I add my team?")
                        .category(Category.of("onboarding")).origin(OriginChannel.API).assignee("agent-1").build()));
    }

    private void assertQuery(TicketQuery.Builder query, Ticket... expected) {
        TicketQuery built = query.build();
        Page<Ticket> page = store.query(built);
        assertThat(numbers(page.items())).as("%s", built).containsExactlyElementsOf(numbers(List.of(expected)));
        assertThat(page.hasNext()).as("next cursor of %s", built).isFalse();
    }

    private void assertEmptyLastPage(TicketQuery query) {
        Page<Ticket> page = store.query(query);
        assertThat(page.items()).as("%s", query).isEmpty();
        assertThat(page.hasNext()).as("next cursor of %s", query).isFalse();
    }

    /** Follows next cursors, through their text form, running {@code betweenPages} before each next page. */
    private List<Page<Ticket>> pageThrough(TicketQuery query, Runnable betweenPages) {
        List<Page<Ticket>> pages = new ArrayList<>(List.of(store.query(query)));
        for (Page<Ticket> last = pages.get(0); last.hasNext(); last = pages.get(pages.size() - 1)) {
            assertThat(pages).as("pages of %s", query).hasSizeLessThan(MAX_PAGES);
            Cursor parsed = Cursor.parse(last.nextCursor().token());
            assertThat(parsed).isEqualTo(last.nextCursor());
            betweenPages.run();
            pages.add(store.query(query.after(parsed)));
        }
        return pages;
    }

    private static List<Ticket> items(List<Page<Ticket>> pages) {
        return pages.stream().flatMap(p -> p.items().stream()).toList();
    }

    private Ticket insert(Ticket ticket) {
        assertThat(store.insert(ticket, List.of(created(ticket)), null)).isEqualTo(new InsertResult.Inserted(ticket));
        return ticket;
    }

    private List<Ticket> insertMany(int count, String requesterId) {
        return IntStream.rangeClosed(1, count)
                .mapToObj(i -> insert(fixtures.newTicket(requesterId, "Request " + i, "Details of request " + i)))
                .toList();
    }

    private Ticket changeStatus(Ticket ticket, TicketStatus status) {
        return store.update(ticket.withStatus(status, fixtures.now()), List.of(),
                List.of(fixtures.audit(ticket, AGENT, AuditAction.STATUS_CHANGED, ticket.status().name(), status.name())));
    }

    private static Ticket withTag(Ticket t, String tag) {
        Set<String> tags = new HashSet<>(t.tags());
        tags.add(tag);
        return new Ticket(t.id(), t.number(), t.subject(), t.body(), t.category(), t.priority(), t.status(), t.origin(),
                t.requesterId(), t.assigneeId(), tags, t.attachments(), t.fingerprint(), t.createdAt(), t.updatedAt(),
                t.firstRespondedAt(), t.version());
    }

    private AuditEvent created(Ticket ticket) {
        return fixtures.audit(ticket, requester(ticket), AuditAction.CREATED, null, ticket.status().name());
    }

    private static Actor requester(Ticket ticket) {
        return Actor.requester(ticket.requesterId(), "Requester " + ticket.requesterId());
    }

    private static String number(Ticket ticket) {
        return ticket.number().text();
    }

    private static List<String> numbers(List<Ticket> tickets) {
        return tickets.stream().map(TicketStoreContract::number).toList();
    }

    private static Comparator<Ticket> bySequence() {
        return Comparator.comparingLong(t -> t.number().sequence());
    }

    /** Everything the store holds about one ticket id. */
    private record Snapshot(Optional<Ticket> ticket, List<Message> messages, List<AuditEvent> audit) {
        static final Snapshot NOTHING = new Snapshot(Optional.empty(), List.of(), List.of());
    }

    private Snapshot snapshot(TicketId id) {
        return new Snapshot(store.findById(id), store.messages(id), store.auditTrail(id));
    }

    private static <T> T retryOnConflict(Supplier<T> attempt) {
        for (int i = 0; i < MAX_ATTEMPTS && !Thread.currentThread().isInterrupted(); i++) {
            try {
                return attempt.get();
            } catch (ConcurrentUpdateException conflict) {
                // someone else wrote first: read again and retry
            }
        }
        throw new AssertionError("no write succeeded in " + MAX_ATTEMPTS + " attempts (or the worker was interrupted)");
    }

    private static <T> List<T> onThreads(IntFunction<Callable<T>> task) throws Exception {
        return inParallel(IntStream.range(0, THREADS).mapToObj(task).toList());
    }

    /** Runs the tasks at once on their own threads and returns their results in task order. */
    private static <T> List<T> inParallel(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                try {
                    results.add(future.get(deadline - System.nanoTime(), TimeUnit.NANOSECONDS));
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof Error error) {
                        throw error;
                    }
                    throw e.getCause() instanceof Exception cause ? cause : e;
                }
            }
            return results;
        } finally {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as("workers stopped").isTrue();
        }
    }
}
