package za.co.proconnectsa.support.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import za.co.proconnectsa.support.SupportDesk;
import za.co.proconnectsa.support.access.AccessDeniedException;
import za.co.proconnectsa.support.access.AccessPolicy;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.access.Permission;
import za.co.proconnectsa.support.event.OutboxEntry;
import za.co.proconnectsa.support.event.TicketEvent;
import za.co.proconnectsa.support.sla.SlaPolicies;
import za.co.proconnectsa.support.sla.SlaPolicy;
import za.co.proconnectsa.support.sla.SlaState;
import za.co.proconnectsa.support.sla.SlaStatus;
import za.co.proconnectsa.support.sla.SlaTarget;
import za.co.proconnectsa.support.sla.SlaTargetType;
import za.co.proconnectsa.support.sla.SlaTimeline;
import za.co.proconnectsa.support.sla.SlaWatcher;
import za.co.proconnectsa.support.spi.EventOutbox;
import za.co.proconnectsa.support.spi.SlaStore;
import za.co.proconnectsa.support.spi.TicketStore;
import za.co.proconnectsa.support.ticket.AuditAction;
import za.co.proconnectsa.support.ticket.AuditEvent;
import za.co.proconnectsa.support.ticket.NewTicket;
import za.co.proconnectsa.support.ticket.Priority;
import za.co.proconnectsa.support.ticket.Reply;
import za.co.proconnectsa.support.ticket.SubmissionReceipt;
import za.co.proconnectsa.support.ticket.Ticket;
import za.co.proconnectsa.support.ticket.TicketId;
import za.co.proconnectsa.support.ticket.TicketNotFoundException;
import za.co.proconnectsa.support.ticket.TicketStatus;

/**
 * The desk's SLA clocks on a store that keeps their schedule ({@link SlaStore}): the receipt's promise, fulfilment
 * in the change's unit of work, the watcher's warnings and breaches announced once per target however many watchers
 * run on however many desks, pauses, the queue by due time, and a page's statuses read at once equal to the single
 * call's.
 *
 * <pre>{@code
 * class MySlaTest extends SlaContract {
 *     @Override
 *     protected TicketStore createStore() {
 *         return MyStore.createEmpty();   // must implement SlaStore and EventOutbox
 *     }
 * }
 * }</pre>
 */
public abstract class SlaContract {

    /** Monday 2 March 2026, 10:00 in Johannesburg: the desk is open (08:00 to 18:00 on weekdays). */
    protected static final Instant MONDAY_10AM = Instant.parse("2026-03-02T08:00:00Z");
    private static final Actor AGENT = Actor.agent("agent-3", "Sipho (Support)");
    private static final Actor THANDI = Actor.requester("provider-17", "Thandi");
    private static final SlaPolicies POLICIES = SlaPolicies.of(SlaPolicy.builder("standard")
            .target(SlaTarget.businessTime(SlaTargetType.FIRST_RESPONSE, Duration.ofHours(4)))
            .target(SlaTarget.businessTime(SlaTargetType.RESOLUTION, Duration.ofHours(16)))
            .build());

    /** The desks' time; back at {@link #MONDAY_10AM} before each test. */
    protected final SettableClock clock = SettableClock.at(MONDAY_10AM);
    private TicketStore store;
    private SupportDesk desk;

    /** @return a new, empty store implementing {@link SlaStore} and {@link EventOutbox} */
    protected abstract TicketStore createStore();

    /**
     * @return another store on the same data as the last {@link #createStore()} (another instance of the
     *         application); the same store by default
     */
    protected TicketStore sameDataAgain() {
        return store;
    }

    /** Makes the store and the desk for the next test. */
    @BeforeEach
    protected final void setUpSla() {
        clock.set(MONDAY_10AM);
        store = Objects.requireNonNull(createStore(), "createStore() returned null");
        assertThat(store).as("the store must implement SlaStore").isInstanceOf(SlaStore.class);
        desk = desk(store);
    }

    private SupportDesk desk(TicketStore on) {
        return SupportDesk.builder().store(on).clock(clock).slaPolicies(POLICIES).build();
    }

    private SubmissionReceipt submit(String subject) {
        return desk.tickets().submit(THANDI, NewTicket.builder().subject(subject).body("Since this morning").build());
    }

    private List<OutboxEntry> slaEvents() {
        EventOutbox outbox = (EventOutbox) store;
        String owner = "contract-" + System.nanoTime();
        List<OutboxEntry> all = outbox.claim(owner, 1000, Duration.ofMinutes(5), clock.instant());
        all.forEach(e -> outbox.release(e.id(), owner, clock.instant()));
        return all.stream().filter(e -> e.slaTarget() != null).toList();
    }

    private long audited(Ticket ticket, AuditAction action, SlaTargetType target) {
        return store.auditTrail(ticket.id()).stream()
                .filter(e -> e.action() == action && target.name().equals(e.after())).count();
    }

    @Test
    @DisplayName("the receipt promises the first reply: four business hours after Monday 10:00 is 14:00, said in the desk's zone")
    void receiptPromise() {
        SubmissionReceipt receipt = submit("Invoice missing");
        assertThat(receipt.expectedFirstResponse()).contains(MONDAY_10AM.plus(Duration.ofHours(4)));
        assertThat(receipt.confirmationText()).endsWith("We will reply by Mon 2 Mar at 14:00.");
    }

    @Test
    @DisplayName("an internal note fulfils nothing; the agent's public reply fulfils the first response in its own unit of work, announced once")
    void fulfilledByPublicReplyOnly() {
        String number = submit("Invoice missing").ticketNumber().text();
        clock.advance(Duration.ofHours(1));
        desk.tickets().reply(AGENT, number, Reply.internalNote("Checking with billing"));
        assertThat(desk.sla().status(AGENT, number).target(SlaTargetType.FIRST_RESPONSE)).map(s -> s.state())
                .contains(SlaState.ACTIVE);
        clock.advance(Duration.ofHours(1));
        desk.tickets().reply(AGENT, number, Reply.publicReply("Found it, sending a corrected invoice"));
        Ticket ticket = desk.tickets().get(AGENT, number).ticket();
        assertThat(desk.sla().status(AGENT, number).target(SlaTargetType.FIRST_RESPONSE)).map(s -> s.state())
                .contains(SlaState.FULFILLED);
        assertThat(audited(ticket, AuditAction.SLA_FULFILLED, SlaTargetType.FIRST_RESPONSE)).isEqualTo(1);
        desk.tickets().reply(AGENT, number, Reply.publicReply("Done"));
        assertThat(audited(ticket, AuditAction.SLA_FULFILLED, SlaTargetType.FIRST_RESPONSE)).isEqualTo(1);
    }

    @Test
    @DisplayName("the watcher warns at 80% and announces the breach once, in business hours; requesters cannot read the clocks")
    void watcherWarnsThenBreachesOnce() {
        String number = submit("App crashes").ticketNumber().text();
        Ticket ticket = desk.tickets().get(AGENT, number).ticket();
        SlaWatcher watcher = desk.sla().watcher().build();
        assertThat(watcher.runOnce()).as("nothing is due yet").isZero();
        clock.advance(Duration.ofMinutes(3 * 60 + 15));           // 13:15, past 80% of four hours
        assertThat(watcher.runOnce()).isEqualTo(1);
        assertThat(audited(ticket, AuditAction.SLA_WARNING, SlaTargetType.FIRST_RESPONSE)).isEqualTo(1);
        assertThat(audited(ticket, AuditAction.SLA_BREACHED, SlaTargetType.FIRST_RESPONSE)).isZero();
        clock.advance(Duration.ofMinutes(50));                     // 14:05
        watcher.runOnce();
        watcher.runOnce();
        clock.advance(Duration.ofMinutes(5));
        watcher.runOnce();
        assertThat(audited(ticket, AuditAction.SLA_BREACHED, SlaTargetType.FIRST_RESPONSE)).isEqualTo(1);
        assertThat(audited(ticket, AuditAction.SLA_WARNING, SlaTargetType.FIRST_RESPONSE)).isEqualTo(1);
        assertThat(desk.sla().status(AGENT, number).target(SlaTargetType.FIRST_RESPONSE)).map(s -> s.state())
                .contains(SlaState.BREACHED);
        // the late reply fulfils it late; the breach is not announced again
        desk.tickets().reply(AGENT, number, Reply.publicReply("Sorry for the wait"));
        assertThat(desk.sla().status(AGENT, number).target(SlaTargetType.FIRST_RESPONSE)).map(s -> s.state())
                .contains(SlaState.FULFILLED_LATE);
        assertThat(audited(ticket, AuditAction.SLA_BREACHED, SlaTargetType.FIRST_RESPONSE)).isEqualTo(1);
        assertThatThrownBy(() -> desk.sla().status(THANDI, number)).isInstanceOf(AccessDeniedException.class);
        assertThat(desk.tickets().myTicket(THANDI, number).history()).as("SLA events are internal")
                .noneMatch(e -> e.action().isSla());
    }

    @Test
    @DisplayName("a policy change applies to an open ticket from that moment on: two of four hours used, then a one-hour target is due at the change")
    void policyChangeOnAnOpenTicket() {
        Instant noon = MONDAY_10AM.plus(Duration.ofHours(2));
        SlaPolicies stricter = SlaPolicies.of(SlaPolicy.builder("stricter")
                .target(SlaTarget.businessTime(SlaTargetType.FIRST_RESPONSE, Duration.ofHours(1))).build());
        desk = SupportDesk.builder().store(store).clock(clock)
                .slaTerms(za.co.proconnectsa.support.sla.SlaTerms.of(POLICIES, desk.businessHours())
                        .changedAt(noon, stricter, desk.businessHours()))
                .build();
        String before = submit("Before the change").ticketNumber().text();
        clock.advance(Duration.ofHours(1));
        // an hour used of four at 11:00, two by noon: the one-hour target that takes over then is already used up
        assertThat(desk.sla().status(AGENT, before).target(SlaTargetType.FIRST_RESPONSE)).hasValueSatisfying(t -> {
            assertThat(t.state()).isEqualTo(SlaState.ACTIVE);
            assertThat(t.dueAt()).as("the known change makes it due at noon, not 14:00").isEqualTo(noon);
        });
        clock.set(noon.plus(Duration.ofMinutes(30)));
        assertThat(desk.sla().status(AGENT, before).target(SlaTargetType.FIRST_RESPONSE)).hasValueSatisfying(t -> {
            assertThat(t.dueAt()).isEqualTo(noon);
            assertThat(t.state()).isEqualTo(SlaState.BREACHED);
        });
        clock.set(noon.plus(Duration.ofHours(1)));
        assertThat(submit("After the change").expectedFirstResponse()).contains(noon.plus(Duration.ofHours(2)));
    }

    @Test
    @DisplayName("SLA events reach the outbox typed, with their target, beside the change that decided them")
    void eventsInTheOutbox() {
        String number = submit("Payout late").ticketNumber().text();
        clock.advance(Duration.ofHours(1));
        desk.tickets().reply(AGENT, number, Reply.publicReply("Looking into it"));
        assertThat(slaEvents()).extracting(OutboxEntry::type, OutboxEntry::slaTarget)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(TicketEvent.Type.SLA_FULFILLED,
                        SlaTargetType.FIRST_RESPONSE));
    }

    @Test
    @DisplayName("PENDING pauses the clocks: no breach while waiting on the requester, and the queue leaves the ticket out")
    void pendingPauses() {
        String number = submit("Need my tax number?").ticketNumber().text();
        clock.advance(Duration.ofMinutes(30));
        desk.tickets().reply(AGENT, number, Reply.publicReply("Which invoice is it?"));
        desk.tickets().changeStatus(AGENT, number, TicketStatus.PENDING);
        clock.advance(Duration.ofDays(3));
        desk.sla().watcher().build().runOnce();
        SlaStatus status = desk.sla().status(AGENT, number);
        assertThat(status.target(SlaTargetType.RESOLUTION)).map(s -> s.state()).contains(SlaState.PAUSED);
        assertThat(desk.sla().dueWithin(AGENT, Duration.ofDays(30), 10)).isEmpty();
        desk.tickets().changeStatus(AGENT, number, TicketStatus.OPEN);
        assertThat(desk.sla().dueWithin(AGENT, Duration.ofDays(30), 10)).extracting(t -> t.number().text())
                .containsExactly(number);
    }

    @Test
    @DisplayName("started again with a stricter policy, rescheduleOpenTickets moves the open tickets' schedules to it")
    void rescheduleAfterATermsChange() {
        String number = submit("Invoice missing").ticketNumber().text();
        SupportDesk stricter = SupportDesk.builder().store(store).clock(clock).slaPolicies(SlaPolicies.of(
                SlaPolicy.builder("stricter").target(SlaTarget.businessTime(SlaTargetType.FIRST_RESPONSE,
                        Duration.ofHours(1))).build())).build();
        assertThat(stricter.sla().status(AGENT, number).target(SlaTargetType.FIRST_RESPONSE)).map(s -> s.dueAt())
                .as("statuses read the current terms").contains(MONDAY_10AM.plus(Duration.ofHours(1)));
        assertThat(stricter.sla().dueWithin(AGENT, Duration.ofHours(2), 10)).as("the schedule is the old one")
                .isEmpty();
        assertThat(stricter.sla().rescheduleOpenTickets(AGENT)).isEqualTo(1);
        assertThat(stricter.sla().dueWithin(AGENT, Duration.ofHours(2), 10)).extracting(t -> t.number().text())
                .containsExactly(number);
        assertThatThrownBy(() -> stricter.sla().rescheduleOpenTickets(THANDI)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    @DisplayName("the queue by urgency lists the tickets due within the window, nearest first")
    void dueWithin() {
        String first = submit("First").ticketNumber().text();
        clock.advance(Duration.ofHours(1));
        String second = submit("Second").ticketNumber().text();
        assertThat(desk.sla().dueWithin(AGENT, Duration.ofHours(3), 10)).extracting(t -> t.number().text())
                .containsExactly(first);
        assertThat(desk.sla().dueWithin(AGENT, Duration.ofHours(4), 10)).extracting(t -> t.number().text())
                .containsExactly(first, second);
        assertThatThrownBy(() -> desk.sla().dueWithin(THANDI, Duration.ofHours(4), 10))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    @DisplayName("watchers of two desks on the same data, two threads each: exactly one breach event per breached target")
    void oneBreachPerTargetAcrossWatchers() throws Exception {
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            numbers.add(submit("Ticket " + i).ticketNumber().text());
        }
        clock.advance(Duration.ofDays(7));
        SupportDesk other = desk(sameDataAgain());
        List<SlaWatcher> watchers = List.of(desk.sla().watcher().batchSize(3).build(),
                desk.sla().watcher().batchSize(3).build(), other.sla().watcher().batchSize(3).build(),
                other.sla().watcher().batchSize(3).build());
        ExecutorService pool = Executors.newFixedThreadPool(watchers.size());
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> runs = new ArrayList<>();
            for (SlaWatcher w : watchers) {
                runs.add(pool.submit(() -> {
                    go.await();
                    while (w.runOnce() > 0) {
                        // until nothing is claimable
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : runs) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        for (String number : numbers) {
            Ticket ticket = desk.tickets().get(AGENT, number).ticket();
            assertThat(audited(ticket, AuditAction.SLA_BREACHED, SlaTargetType.FIRST_RESPONSE)).as(number).isEqualTo(1);
            assertThat(audited(ticket, AuditAction.SLA_BREACHED, SlaTargetType.RESOLUTION)).as(number).isEqualTo(1);
        }
        assertThat(slaEvents()).filteredOn(e -> e.type() == TicketEvent.Type.SLA_BREACHED)
                .hasSize(numbers.size() * 2);
        long audits = numbers.stream().mapToLong(n -> store.auditTrail(desk.tickets().get(AGENT, n).ticket().id())
                .stream().map(AuditEvent::action).filter(AuditAction::isSla).count()).sum();
        assertThat(audits).as("one breach per target and nothing else: no warning after the breach").isEqualTo(
                numbers.size() * 2L);
    }

    @Test
    @DisplayName("a page's statuses at once equal the single call's for every ticket (new, answered, paused, breached, "
            + "resolved, internal note only, no targets); someone else's ticket is left out exactly as a missing one")
    void statusesOfAPageEqualTheSingleCall() {
        // a policy without targets for LOW tickets, and an access policy that hides "Hidden" tickets from everyone
        SlaPolicies withNone = SlaPolicies.builder(POLICIES.defaultPolicy())
                .forPriority(Priority.LOW, SlaPolicy.builder("no targets").build()).build();
        AccessPolicy hiding = (actor, permission, ticket) -> !(permission == Permission.VIEW_TICKET && ticket != null
                && ticket.subject().startsWith("Hidden")) && AccessPolicy.standard().permits(actor, permission, ticket);
        SupportDesk page = SupportDesk.builder().store(store).clock(clock).slaPolicies(withNone).accessPolicy(hiding)
                .build();
        List<String> numbers = new ArrayList<>();
        java.util.function.BiFunction<String, Priority, String> open = (subject, priority) -> {
            String n = page.tickets().submit(THANDI, NewTicket.builder().subject(subject).body("Since this morning")
                    .priority(priority).build()).ticketNumber().text();
            numbers.add(n);
            return n;
        };
        open.apply("Breached: the app crashes", Priority.NORMAL);
        String hidden = open.apply("Hidden: a payout to another account", Priority.NORMAL);
        clock.advance(Duration.ofMinutes(30));
        String answered = open.apply("Answered", Priority.NORMAL);
        page.tickets().reply(AGENT, answered, Reply.publicReply("Looking into it"));
        String paused = open.apply("Paused", Priority.NORMAL);
        // a reply and a status change at the same instant: the order of equal instants must be kept
        page.tickets().reply(AGENT, paused, Reply.publicReply("Which invoice is it?"));
        page.tickets().changeStatus(AGENT, paused, TicketStatus.PENDING);
        String resolved = open.apply("Resolved", Priority.NORMAL);
        page.tickets().reply(AGENT, resolved, Reply.publicReply("Fixed"));
        clock.advance(Duration.ofMinutes(5));
        page.tickets().changeStatus(AGENT, resolved, TicketStatus.RESOLVED);
        String noted = open.apply("Internal note only", Priority.NORMAL);
        page.tickets().reply(AGENT, noted, Reply.internalNote("Asked billing"));
        String none = open.apply("No targets", Priority.LOW);
        clock.set(MONDAY_10AM.plus(Duration.ofHours(5)));
        String fresh = open.apply("Fresh", Priority.NORMAL);
        clock.advance(Duration.ofMinutes(10));

        List<TicketId> ids = new ArrayList<>();
        numbers.forEach(n -> ids.add(store.findByNumber(n).orElseThrow().id()));
        TicketId missing = new TicketId(java.util.UUID.randomUUID());
        List<TicketId> asked = new ArrayList<>(ids);
        asked.add(2, missing);
        asked.add(ids.get(0));   // the same ticket twice counts once
        Map<TicketId, SlaStatus> statuses = page.sla().statuses(AGENT, asked);

        TicketId hiddenId = ids.get(numbers.indexOf(hidden));
        List<TicketId> visible = ids.stream().filter(id -> !id.equals(hiddenId)).toList();
        assertThat(statuses.keySet()).as("every visible ticket once, in the order asked").containsExactlyElementsOf(
                visible);
        for (String number : numbers) {
            TicketId id = store.findByNumber(number).orElseThrow().id();
            if (number.equals(hidden)) {
                assertThatThrownBy(() -> page.sla().status(AGENT, number)).isInstanceOf(TicketNotFoundException.class);
                continue;
            }
            assertThat(statuses.get(id)).as(number).isEqualTo(page.sla().status(AGENT, number));
        }
        assertThat(page.sla().statuses(AGENT, List.of(hiddenId))).as("someone else's ticket, as a missing one")
                .isEqualTo(page.sla().statuses(AGENT, List.of(missing))).isEmpty();
        // the scenario holds what it says
        Map<String, SlaStatus> byNumber = new java.util.HashMap<>();
        numbers.stream().filter(n -> !n.equals(hidden)).forEach(n -> byNumber.put(n,
                statuses.get(store.findByNumber(n).orElseThrow().id())));
        assertThat(byNumber.get(numbers.get(0)).target(SlaTargetType.FIRST_RESPONSE)).map(t -> t.state())
                .contains(SlaState.BREACHED);
        assertThat(byNumber.get(answered).target(SlaTargetType.FIRST_RESPONSE)).map(t -> t.state())
                .contains(SlaState.FULFILLED);
        assertThat(byNumber.get(paused).target(SlaTargetType.RESOLUTION)).map(t -> t.state())
                .contains(SlaState.PAUSED);
        assertThat(byNumber.get(resolved).target(SlaTargetType.RESOLUTION)).map(t -> t.state())
                .contains(SlaState.FULFILLED);
        assertThat(byNumber.get(noted).target(SlaTargetType.FIRST_RESPONSE)).map(t -> t.state())
                .contains(SlaState.BREACHED);
        assertThat(byNumber.get(none).targets()).as("a policy without targets").isEmpty();
        assertThat(byNumber.get(fresh).target(SlaTargetType.FIRST_RESPONSE)).map(t -> t.state())
                .contains(SlaState.ACTIVE);

        // the store's timelines are moment for moment those of its messages and audit trail
        List<Ticket> stored = ids.stream().map(id -> store.findById(id).orElseThrow()).toList();
        assertThat(store.findByIds(asked)).as("findByIds: found ones once, in the order asked")
                .containsExactlyElementsOf(stored);
        Map<TicketId, SlaTimeline> timelines = ((SlaStore) store).slaTimelines(stored);
        assertThat(timelines.keySet()).containsExactlyElementsOf(ids);
        for (Ticket t : stored) {
            assertThat(timelines.get(t.id()).moments()).as(t.number().text()).isEqualTo(SlaTimeline.ofTicket(t,
                    store.messages(t.id()), store.auditTrail(t.id())).moments());
        }
        assertThat(((SlaStore) store).slaTimelines(List.of())).isEmpty();

        assertThat(page.sla().statuses(AGENT, List.of())).isEmpty();
        assertThatThrownBy(() -> page.sla().statuses(THANDI, ids)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> page.sla().statuses(null, ids))
                .isInstanceOf(za.co.proconnectsa.support.InvalidInputException.class);
    }
}
