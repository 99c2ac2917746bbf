package za.co.proconnectsa.support.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import za.co.proconnectsa.support.SupportDesk;
import za.co.proconnectsa.support.access.AccessDeniedException;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.assignment.Agent;
import za.co.proconnectsa.support.assignment.AgentNotFoundException;
import za.co.proconnectsa.support.assignment.AssignmentResult;
import za.co.proconnectsa.support.assignment.AssignmentService;
import za.co.proconnectsa.support.assignment.AssignmentStrategy;
import za.co.proconnectsa.support.assignment.Presence;
import za.co.proconnectsa.support.event.OutboxEntry;
import za.co.proconnectsa.support.event.TicketEvent;
import za.co.proconnectsa.support.spi.AgentRoster;
import za.co.proconnectsa.support.spi.EventOutbox;
import za.co.proconnectsa.support.spi.TicketStore;
import za.co.proconnectsa.support.ticket.AuditAction;
import za.co.proconnectsa.support.ticket.AuditEvent;
import za.co.proconnectsa.support.ticket.Category;
import za.co.proconnectsa.support.ticket.NewTicket;
import za.co.proconnectsa.support.ticket.Ticket;
import za.co.proconnectsa.support.ticket.TicketQuery;
import za.co.proconnectsa.support.ticket.TicketStatus;
import za.co.proconnectsa.support.ticket.Visibility;

/**
 * Automatic assignment on a store ({@code desk.assignment()} over an {@link AgentRoster}): round robin, least loaded
 * within capacity, category match, the fair-distribution limit, presence, the backlog given out oldest first when
 * room frees, assignments audited like assignments by hand, and the atomic claim with 8 threads on two desks.
 *
 * <pre>{@code
 * class MyStoreAssignmentTest extends AssignmentContract {
 *     @Override
 *     protected TicketStore createStore() {
 *         return MyTicketStore.createEmpty();   // must implement AgentRoster too
 *     }
 * }
 * }</pre>
 *
 * The desk needs a Jakarta Bean Validation provider (Hibernate Validator) on the test class path.
 */
public abstract class AssignmentContract {

    /** Where {@link #clock} stands at the start of every test. */
    protected static final Instant START = Instant.parse("2026-03-02T08:15:30.123456Z");
    private static final Actor ADMIN = Actor.admin("lead-1", "Lerato (Lead)");
    private static final Actor REQUESTER = Actor.requester("prov-17", "Thandi Nkosi");

    /** Dates every desk; back at {@link #START} before each test. */
    protected final SettableClock clock = SettableClock.at(START);
    /** The store under test. */
    protected TicketStore store;
    private final List<TicketEvent> events = Collections.synchronizedList(new ArrayList<>());

    /** @return a new, empty store that implements {@link AgentRoster} */
    protected abstract TicketStore createStore();

    /**
     * A second instance of the store made last by {@link #createStore()}, as another application instance would
     * have it: for a store on a database, a store of its own on the same database (through another pool). The
     * default returns the same store, which is right for a store that lives in one JVM's memory.
     *
     * @return another store on the same data
     */
    protected TicketStore createSecondInstance() {
        return store;
    }

    /**
     * How many tickets the round-robin test gives out; 10,000 unless a slow store lowers it.
     *
     * @return the number of tickets
     */
    protected int roundRobinTickets() {
        return 10_000;
    }

    /** Makes the store for the next test. */
    @BeforeEach
    protected final void setUpAssignment() {
        clock.set(START);
        events.clear();
        store = Objects.requireNonNull(createStore(), "createStore() returned null");
        assertThat(store).isInstanceOf(AgentRoster.class);
    }

    @Test
    @DisplayName("round robin over many tickets (10,000 unless the store lowers it): agents take turns in id order and their counts differ by at most 1")
    void roundRobinIsEven() {
        SupportDesk desk = desk(store, AssignmentStrategy.roundRobin(), true);
        List<String> agents = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            agents.add("agent-" + (char) ('a' + i));
            desk.assignment().saveAgent(ADMIN, Agent.builder(agents.get(i), "Agent " + i).capacity(Agent.MAX_CAPACITY).build());
        }
        int tickets = roundRobinTickets();
        Map<String, Integer> counts = new HashMap<>();
        List<String> firstRound = new ArrayList<>();
        for (int i = 0; i < tickets; i++) {
            String number = submit(desk, Category.GENERAL, "Question " + i);
            String assignee = store.findByNumber(number).orElseThrow().assigneeId();
            // answered at once, as a busy desk's tickets are: loads stay what they are in production
            desk.tickets().changeStatus(ADMIN, number, TicketStatus.RESOLVED);
            counts.merge(assignee, 1, Integer::sum);
            if (i < agents.size() + 1) {
                firstRound.add(assignee);
            }
        }

        List<String> expectedStart = new ArrayList<>(agents);
        expectedStart.add(agents.get(0));
        assertThat(firstRound).isEqualTo(expectedStart);
        assertThat(counts).containsOnlyKeys(agents);
        IntSummaryStatistics spread = counts.values().stream().mapToInt(Integer::intValue).summaryStatistics();
        assertThat(spread.getSum()).isEqualTo(tickets);
        assertThat(spread.getMax() - spread.getMin()).isLessThanOrEqualTo(1);
    }

    @Test
    @DisplayName("least loaded gives each ticket to the agent using the least of their capacity and never more than it")
    void leastLoadedWithinCapacity() {
        SupportDesk desk = desk(store, AssignmentStrategy.leastLoaded(), true);
        desk.assignment().saveAgent(ADMIN, Agent.builder("agent-a", "A").capacity(2).build());
        desk.assignment().saveAgent(ADMIN, Agent.builder("agent-b", "B").capacity(1).build());
        desk.assignment().saveAgent(ADMIN, Agent.builder("agent-c", "C").capacity(3).build());
        // agent-a holds a ticket given by hand: it counts towards their load
        String byHand = submit(desk, Category.GENERAL, "Given by hand");
        desk.tickets().unassign(ADMIN, byHand);
        desk.tickets().assign(ADMIN, byHand, "agent-a");

        List<String> assignees = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            assignees.add(assigneeOf(desk, submit(desk, Category.GENERAL, "Question " + i)));
        }

        // utilisation a 1/2, b 0, c 0 -> b; then a 1/2, c 0 -> c; a 1/2, c 1/3 -> c; a 1/2, c 2/3 -> a; then only c
        assertThat(assignees).containsExactly("agent-b", "agent-c", "agent-c", "agent-a", "agent-c", null);
        assertThat(openTickets(desk, "agent-a")).isEqualTo(2);
        assertThat(openTickets(desk, "agent-b")).isEqualTo(1);
        assertThat(openTickets(desk, "agent-c")).isEqualTo(3);
    }

    @Test
    @DisplayName("category match: only agents listing the ticket's category get it; a category nobody lists waits")
    void categoryMatch() {
        SupportDesk desk = desk(store, AssignmentStrategy.leastLoaded().onlyMatchingCategory(), true);
        desk.assignment().saveAgent(ADMIN, Agent.builder("billing", "Billing").categories(Category.BILLING).build());
        desk.assignment().saveAgent(ADMIN, Agent.builder("tech", "Tech").categories(Category.TECHNICAL, Category.ACCOUNT)
                .build());
        desk.assignment().saveAgent(ADMIN, Agent.builder("generalist", "Lists nothing").build());

        assertThat(assigneeOf(desk, submit(desk, Category.BILLING, "Invoice"))).isEqualTo("billing");
        assertThat(assigneeOf(desk, submit(desk, Category.BILLING, "Refund"))).as("though tech is less loaded")
                .isEqualTo("billing");
        assertThat(assigneeOf(desk, submit(desk, Category.ACCOUNT, "Password"))).isEqualTo("tech");
        String general = submit(desk, Category.GENERAL, "Hello");
        assertThat(assigneeOf(desk, general)).as("no one lists GENERAL").isNull();

        // once someone lists it, the waiting ticket is given out
        desk.assignment().saveAgent(ADMIN, Agent.builder("generalist", "Now general").categories(Category.GENERAL).build());
        assertThat(assigneeOf(desk, general)).isEqualTo("generalist");
        assertThat(openTickets(desk, "generalist")).isEqualTo(1);
    }

    @Test
    @DisplayName("the fair-distribution limit gives an agent at most N new tickets per window; the backlog goes out, oldest first, when the window moves on")
    void fairLimit() {
        SupportDesk desk = desk(store, AssignmentStrategy.builder().atMostPerAgent(2, Duration.ofHours(1)).roundRobin()
                .build(), true);
        desk.assignment().saveAgent(ADMIN, Agent.builder("agent-a", "A").build());
        desk.assignment().saveAgent(ADMIN, Agent.builder("agent-b", "B").build());

        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            numbers.add(submit(desk, Category.GENERAL, "Question " + i));
            clock.advance(Duration.ofMinutes(1));
        }
        assertThat(numbers).extracting(n -> assigneeOf(desk, n))
                .containsExactly("agent-a", "agent-b", "agent-a", "agent-b", null);

        clock.set(START.plus(Duration.ofMinutes(30)));
        String sixth = submit(desk, Category.GENERAL, "Question 5");
        assertThat(assigneeOf(desk, sixth)).isNull();
        assertThat(desk.assignment().drainBacklog(ADMIN)).as("still inside the window").isZero();

        // agent-a's first assignment (at START) leaves the window, agent-b's (a minute later) not yet
        clock.set(START.plus(Duration.ofMinutes(60)).plusSeconds(30));
        assertThat(desk.assignment().drainBacklog(ADMIN)).isEqualTo(1);
        assertThat(assigneeOf(desk, numbers.get(4))).as("the older waiting ticket first").isEqualTo("agent-a");
        assertThat(assigneeOf(desk, sixth)).isNull();
        clock.set(START.plus(Duration.ofMinutes(61)).plusSeconds(30));
        assertThat(desk.assignment().drainBacklog(ADMIN)).isEqualTo(1);
        assertThat(assigneeOf(desk, sixth)).isEqualTo("agent-b");
    }

    @Test
    @DisplayName("away and offline agents are never chosen; an agent sets their own presence, only an admin anyone's; AVAILABLE gives out the backlog")
    void presence() {
        SupportDesk desk = desk(store, AssignmentStrategy.roundRobin(), true);
        Actor a = Actor.agent("agent-a", "A");
        Actor b = Actor.agent("agent-b", "B");
        desk.assignment().saveAgent(ADMIN, Agent.builder("agent-a", "A").build());
        desk.assignment().saveAgent(ADMIN, Agent.builder("agent-b", "B").build());

        assertThat(desk.assignment().setPresence(b, "agent-b", Presence.AWAY).presence()).isEqualTo(Presence.AWAY);
        assertThat(List.of(submit(desk, Category.GENERAL, "One"), submit(desk, Category.GENERAL, "Two")))
                .extracting(n -> assigneeOf(desk, n)).containsOnly("agent-a");
        desk.assignment().setPresence(ADMIN, "agent-a", Presence.OFFLINE);
        String waiting = submit(desk, Category.GENERAL, "Three");
        assertThat(assigneeOf(desk, waiting)).isNull();

        assertThatThrownBy(() -> desk.assignment().setPresence(a, "agent-b", Presence.AVAILABLE))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> desk.assignment().setPresence(ADMIN, "agent-z", Presence.AVAILABLE))
                .isInstanceOf(AgentNotFoundException.class);
        assertThatThrownBy(() -> desk.assignment().saveAgent(a, Agent.builder("agent-a", "A").build()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> desk.assignment().agents(REQUESTER)).isInstanceOf(AccessDeniedException.class);
        assertThat(desk.assignment().agents(a)).extracting(Agent::id, Agent::presence)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("agent-a", Presence.OFFLINE),
                        org.assertj.core.groups.Tuple.tuple("agent-b", Presence.AWAY));
        assertThat(assigneeOf(desk, waiting)).as("nobody changed to AVAILABLE yet").isNull();

        desk.assignment().setPresence(b, "agent-b", Presence.AVAILABLE);
        assertThat(assigneeOf(desk, waiting)).isEqualTo("agent-b");
    }

    @Test
    @DisplayName("when room frees (a ticket resolved or closed, more capacity), the backlog goes out oldest first")
    void backlogOldestFirst() {
        SupportDesk desk = desk(store, AssignmentStrategy.leastLoaded(), true);
        desk.assignment().saveAgent(ADMIN, Agent.builder("agent-a", "A").capacity(1).build());
        desk.assignment().saveAgent(ADMIN, Agent.builder("agent-b", "B").capacity(1).build());
        List<String> t = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            t.add(submit(desk, Category.GENERAL, "Ticket " + i));
        }
        assertThat(t).extracting(n -> assigneeOf(desk, n))
                .containsExactly("agent-a", "agent-b", null, null, null, null);

        desk.tickets().changeStatus(ADMIN, t.get(0), TicketStatus.RESOLVED);
        assertThat(t).extracting(n -> assigneeOf(desk, n))
                .containsExactly("agent-a", "agent-b", "agent-a", null, null, null);
        desk.tickets().changeStatus(ADMIN, t.get(1), TicketStatus.CLOSED);
        assertThat(assigneeOf(desk, t.get(3))).isEqualTo("agent-b");
        desk.assignment().saveAgent(ADMIN, Agent.builder("agent-a", "A").capacity(2).build());
        assertThat(t).extracting(n -> assigneeOf(desk, n))
                .containsExactly("agent-a", "agent-b", "agent-a", "agent-b", "agent-a", null);

        // a new ticket waits behind the older one, which takes the next free room
        String newest = submit(desk, Category.GENERAL, "Newest");
        assertThat(assigneeOf(desk, newest)).isNull();
        desk.tickets().changeStatus(ADMIN, t.get(2), TicketStatus.PENDING);   // still open: frees nothing
        assertThat(assigneeOf(desk, t.get(5))).isNull();
        desk.tickets().changeStatus(ADMIN, t.get(2), TicketStatus.RESOLVED);
        assertThat(assigneeOf(desk, t.get(5))).isEqualTo("agent-a");
        assertThat(assigneeOf(desk, newest)).isNull();
    }

    @Test
    @DisplayName("an automatic assignment writes the audit event and the ticket event of one by hand; a reassignment by hand is audited the same way")
    void assignmentsAudited() {
        SupportDesk desk = desk(store, AssignmentStrategy.leastLoaded(), true);
        desk.assignment().saveAgent(ADMIN, Agent.builder("agent-a", "A").capacity(1).build());
        String number = submit(desk, Category.GENERAL, "Audited");
        Ticket auto = desk.tickets().get(ADMIN, number).ticket();
        desk.tickets().assign(ADMIN, number, "agent-b");
        assertThat(desk.tickets().changeStatus(ADMIN, number, TicketStatus.OPEN).assigneeId()).isEqualTo("agent-b");

        List<AuditEvent> assigned = store.auditTrail(auto.id()).stream()
                .filter(e -> e.action() == AuditAction.ASSIGNED).toList();
        assertThat(assigned).extracting(AuditEvent::actor, AuditEvent::before, AuditEvent::after, AuditEvent::visibility)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(AssignmentService.AUTOMATIC, null, "agent-a", Visibility.INTERNAL),
                        org.assertj.core.groups.Tuple.tuple(ADMIN, "agent-a", "agent-b", Visibility.INTERNAL));
        assertThat(events).filteredOn(e -> e.type() == TicketEvent.Type.ASSIGNED)
                .extracting(e -> e.actor().id(), e -> e.ticket().assigneeId())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(AssignmentService.AUTOMATIC.id(), "agent-a"),
                        org.assertj.core.groups.Tuple.tuple(ADMIN.id(), "agent-b"));
        if (store instanceof EventOutbox outbox) {
            List<OutboxEntry> entries = outbox.claim("assignment-contract", 100, Duration.ofMinutes(1), clock.instant());
            assertThat(entries).filteredOn(e -> e.ticketId().equals(auto.id()))
                    .extracting(OutboxEntry::type, e -> e.actor().id())
                    .contains(org.assertj.core.groups.Tuple.tuple(TicketEvent.Type.ASSIGNED, AssignmentService.AUTOMATIC.id()),
                            org.assertj.core.groups.Tuple.tuple(TicketEvent.Type.ASSIGNED, ADMIN.id()));
        }
        // agent-a's room came back with the reassignment; drainBacklog finds nothing waiting
        assertThat(desk.assignment().drainBacklog(ADMIN)).isZero();
    }

    @Test
    @DisplayName("assignNew assigns a waiting ticket once; an assigned, resolved or unknown ticket is left as it is")
    void assignNew() {
        SupportDesk desk = desk(store, AssignmentStrategy.roundRobin(), false);
        desk.assignment().saveAgent(ADMIN, Agent.builder("agent-a", "A").capacity(1).build());
        Actor agent = Actor.agent("agent-a", "A");
        String first = submit(desk, Category.GENERAL, "First");
        String second = submit(desk, Category.GENERAL, "Second");
        String third = submit(desk, Category.GENERAL, "Third");
        assertThat(assigneeOf(desk, first)).as("the desk does not assign on its own").isNull();
        desk.tickets().changeStatus(ADMIN, third, TicketStatus.CLOSED);

        AssignmentResult assigned = desk.assignment().assignNew(agent, first);
        assertThat(assigned.outcome()).isEqualTo(AssignmentResult.Outcome.ASSIGNED);
        assertThat(assigned.assignee()).contains("agent-a");
        assertThat(desk.assignment().assignNew(agent, first).outcome())
                .isEqualTo(AssignmentResult.Outcome.ALREADY_ASSIGNED);
        assertThat(desk.assignment().assignNew(agent, second).outcome()).as("agent-a is full")
                .isEqualTo(AssignmentResult.Outcome.NO_AGENT);
        assertThat(desk.assignment().assignNew(agent, third).outcome()).isEqualTo(AssignmentResult.Outcome.NOT_ACTIVE);
        assertThat(store.auditTrail(assigned.ticket().id())).filteredOn(e -> e.action() == AuditAction.ASSIGNED)
                .singleElement().satisfies(e -> assertThat(e.actor()).isEqualTo(agent));
        assertThatThrownBy(() -> desk.assignment().assignNew(REQUESTER, second)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> desk.assignment().assignNew(agent, "PCS-999999"))
                .isInstanceOf(za.co.proconnectsa.support.ticket.TicketNotFoundException.class);
    }

    @Test
    @DisplayName("a host strategy that throws, or chooses someone who is not a candidate, leaves the ticket unassigned and the submission stands")
    void faultyStrategy() {
        desk(store, AssignmentStrategy.leastLoaded(), false).assignment()
                .saveAgent(ADMIN, Agent.builder("agent-a", "A").build());
        SupportDesk throwing = desk(store, (ticket, candidates, context) -> {
            throw new IllegalStateException("host bug");
        }, true);
        SupportDesk stranger = desk(store, (ticket, candidates, context) -> Optional.of(
                new za.co.proconnectsa.support.assignment.AgentWorkload(Agent.builder("agent-x", "X").build(), 0)), true);

        assertThat(assigneeOf(throwing, submit(throwing, Category.GENERAL, "One"))).isNull();
        assertThat(assigneeOf(stranger, submit(stranger, Category.GENERAL, "Two"))).isNull();
        assertThat(desk(store, AssignmentStrategy.leastLoaded(), false).assignment().drainBacklog(ADMIN)).isEqualTo(2);
    }

    @Test
    @DisplayName("8 threads on two desks: no ticket assigned twice, no capacity exceeded, offline and away agents never chosen, and freed room takes the backlog oldest first")
    void concurrentClaims() throws Exception {
        TicketStore second = Objects.requireNonNull(createSecondInstance(), "createSecondInstance() returned null");
        List<String> overCapacity = Collections.synchronizedList(new ArrayList<>());
        Map<String, Integer> capacity = Map.of("agent-a", 3, "agent-b", 2, "agent-c", 3);
        Consumer<TicketEvent> check = e -> {
            // after each assignment commits, its agent holds no more than their capacity (resolutions only lower it)
            String agent = e.ticket().assigneeId();
            if (e.type() == TicketEvent.Type.ASSIGNED && agent != null) {
                int open = store.query(TicketQuery.builder().assignee(agent).active().limit(100).build()).items().size();
                if (open > capacity.getOrDefault(agent, 0)) {
                    overCapacity.add(agent + " held " + open);
                }
            }
        };
        SupportDesk one = desk(store, AssignmentStrategy.roundRobin(), true, check);
        SupportDesk two = desk(second, AssignmentStrategy.roundRobin(), true, check);
        capacity.forEach((id, cap) -> one.assignment().saveAgent(ADMIN, Agent.builder(id, id).capacity(cap).build()));
        one.assignment().saveAgent(ADMIN, Agent.builder("agent-off", "Off").capacity(50).presence(Presence.OFFLINE).build());
        two.assignment().saveAgent(ADMIN, Agent.builder("agent-away", "Away").capacity(50).presence(Presence.AWAY).build());

        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            // phase 1: 48 submissions at once; the 8 places go to the 8 oldest tickets
            List<String> numbers = inParallel(threads, t -> {
                SupportDesk desk = t % 2 == 0 ? one : two;
                List<String> mine = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    mine.add(submit(desk, Category.GENERAL, "Thread " + t + " ticket " + i));
                }
                return mine;
            });
            numbers.sort(null);
            assertThat(numbers).hasSize(48).doesNotHaveDuplicates();
            assertThat(assignedAmong(one, numbers)).isEqualTo(numbers.subList(0, 8));
            assertThat(openTickets(one, "agent-a")).isEqualTo(3);
            assertThat(openTickets(two, "agent-b")).isEqualTo(2);
            assertThat(openTickets(one, "agent-c")).isEqualTo(3);

            // phase 2: every assigned ticket resolved at once, each thread submitting two more after
            List<String> first = new ArrayList<>(numbers.subList(0, 8));
            List<String> more = inParallel(threads, t -> {
                SupportDesk desk = t % 2 == 0 ? two : one;
                desk.tickets().changeStatus(ADMIN, first.get(t), TicketStatus.RESOLVED);
                return List.of(submit(desk, Category.GENERAL, "Late " + t), submit(desk, Category.GENERAL, "Later " + t));
            });
            List<String> all = new ArrayList<>(numbers);
            all.addAll(more);
            all.sort(null);
            List<String> waiting = all.subList(8, all.size());
            assertThat(assignedAmong(two, waiting)).as("the 8 oldest of the backlog, no younger one")
                    .isEqualTo(waiting.subList(0, 8));

            for (String number : all) {
                Ticket ticket = one.tickets().get(ADMIN, number).ticket();
                assertThat(store.auditTrail(ticket.id())).filteredOn(e -> e.action() == AuditAction.ASSIGNED)
                        .as("assignments of %s", number).hasSizeLessThanOrEqualTo(1)
                        .allSatisfy(e -> assertThat(e.after()).isIn(capacity.keySet()));
            }
            capacity.forEach((id, cap) -> assertThat(openTickets(one, id)).as(id).isEqualTo(cap));
            assertThat(openTickets(one, "agent-off")).isZero();
            assertThat(openTickets(one, "agent-away")).isZero();
            assertThat(overCapacity).isEmpty();
        } finally {
            threads.shutdownNow();
        }
    }

    private interface ThreadWork {
        List<String> run(int thread) throws Exception;
    }

    private static List<String> inParallel(ExecutorService threads, ThreadWork work) throws Exception {
        List<Future<List<String>>> futures = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            futures.add(threads.submit(() -> work.run(thread)));
        }
        List<String> out = new ArrayList<>();
        for (Future<List<String>> f : futures) {
            out.addAll(f.get(120, TimeUnit.SECONDS));
        }
        return out;
    }

    private List<String> assignedAmong(SupportDesk desk, List<String> numbers) {
        return numbers.stream().filter(n -> desk.tickets().get(ADMIN, n).ticket().status().isActive()
                && assigneeOf(desk, n) != null).toList();
    }

    private SupportDesk desk(TicketStore on, AssignmentStrategy strategy, boolean auto) {
        return desk(on, strategy, auto, e -> { });
    }

    private SupportDesk desk(TicketStore on, AssignmentStrategy strategy, boolean auto, Consumer<TicketEvent> also) {
        return SupportDesk.builder().store(on).clock(clock).duplicateWindow(Duration.ZERO)
                .assignmentStrategy(strategy).autoAssign(auto)
                .listener(e -> {
                    events.add(e);
                    also.accept(e);
                })
                .build();
    }

    private static String submit(SupportDesk desk, Category category, String subject) {
        return desk.tickets().submit(REQUESTER, NewTicket.builder().subject(subject).body("About " + subject)
                .category(category).build()).ticketNumber().text();
    }

    private static String assigneeOf(SupportDesk desk, String number) {
        return desk.tickets().get(ADMIN, number).ticket().assigneeId();
    }

    private static int openTickets(SupportDesk desk, String agentId) {
        return desk.tickets().queue(ADMIN, TicketQuery.builder().assignee(agentId).active().limit(200).build())
                .items().size();
    }
}
