package za.co.proconnectsa.support.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.assignment.Agent;
import za.co.proconnectsa.support.assignment.AgentWorkload;
import za.co.proconnectsa.support.assignment.Presence;
import za.co.proconnectsa.support.spi.AgentRoster;
import za.co.proconnectsa.support.spi.TicketStore;
import za.co.proconnectsa.support.ticket.AuditAction;
import za.co.proconnectsa.support.ticket.Category;
import za.co.proconnectsa.support.ticket.Ticket;
import za.co.proconnectsa.support.ticket.TicketStatus;

/**
 * The behaviour of a store's agent roster ({@link AgentRoster}): agents saved, replaced, read back exactly and
 * listed; presence changed alone; loads counted from the tickets; assignments in a window counted from the audit
 * trail; rotations kept; the locks of an assignment held until its unit of work ends; and all of it taken back with
 * a unit that fails.
 *
 * <pre>{@code
 * class MyStoreRosterTest extends AgentRosterContract {
 *     @Override
 *     protected TicketStore createStore() {
 *         return MyTicketStore.createEmpty();   // must implement AgentRoster too
 *     }
 * }
 * }</pre>
 */
public abstract class AgentRosterContract {

    /** Where {@link #clock} stands at the start of every test. */
    protected static final Instant START = Instant.parse("2026-03-02T08:15:30.123456Z");
    private static final Actor ADMIN = Actor.admin("lead-1", "Lerato (Lead)");

    /** Dates the fixtures; back at {@link #START} before each test. */
    protected final SettableClock clock = SettableClock.at(START);
    /** The store under test. */
    protected TicketStore store;
    private AgentRoster roster;
    private TicketFixtures fixtures;

    /** @return a new, empty store that implements {@link AgentRoster} */
    protected abstract TicketStore createStore();

    /** Makes the store for the next test. */
    @BeforeEach
    protected final void setUpRoster() {
        clock.set(START);
        store = Objects.requireNonNull(createStore(), "createStore() returned null");
        assertThat(store).isInstanceOf(AgentRoster.class);
        roster = (AgentRoster) store;
        fixtures = TicketFixtures.forStore(store, clock);
    }

    @Test
    @DisplayName("an agent is saved, read back equal, listed once, and replaced whole by a second save")
    void saveFindListReplace() {
        Agent sipho = Agent.builder("agent-7", "Sipho Dlamini").capacity(5)
                .categories(Category.BILLING, Category.of("PAYROLL")).build();
        Agent thandi = Agent.builder("agent-3", "Thandi").presence(Presence.OFFLINE).capacity(0).build();
        roster.saveAgent(sipho);
        roster.saveAgent(thandi);

        assertThat(roster.findAgent("agent-7")).contains(sipho);
        assertThat(roster.findAgent("agent-3")).contains(thandi);
        assertThat(roster.findAgent("agent-9")).isEmpty();
        assertThat(roster.agents()).containsExactlyInAnyOrder(sipho, thandi);

        Agent changed = new Agent("agent-7", "Sipho D.", Presence.AWAY, 8, java.util.Set.of(Category.TECHNICAL));
        roster.saveAgent(changed);
        assertThat(roster.findAgent("agent-7")).contains(changed);
        assertThat(roster.agents()).hasSize(2);
    }

    @Test
    @DisplayName("names read back exactly (emoji, right-to-left, combining marks) and ids differing in case are two agents")
    void exactText() {
        int i = 0;
        for (String name : HostileText.KEPT_TEXT) {
            Agent agent = Agent.builder("agent-" + i++, name).build();
            roster.saveAgent(agent);
            assertThat(roster.findAgent(agent.id())).hasValueSatisfying(a -> assertThat(a.displayName()).isEqualTo(name));
        }
        List<String> ids = HostileText.lookAlikes("agent-x");
        for (String id : ids) {
            roster.saveAgent(Agent.builder(id, "Agent " + id).build());
        }
        for (String id : ids) {
            assertThat(roster.findAgent(id)).hasValueSatisfying(a -> assertThat(a.displayName()).isEqualTo("Agent " + id));
        }
        String longest = "a".repeat(200);
        roster.saveAgent(Agent.builder(longest, "😀".repeat(100)).build());
        assertThat(roster.findAgent(longest)).hasValueSatisfying(a -> assertThat(a.displayName()).isEqualTo("😀".repeat(100)));
        assertThat(roster.agents()).hasSize(HostileText.KEPT_TEXT.size() + ids.size() + 1);
    }

    @Test
    @DisplayName("a presence change changes the presence only; an unknown agent is reported, not created")
    void presence() {
        Agent sipho = Agent.builder("agent-7", "Sipho").capacity(4).categories(Category.BILLING).build();
        roster.saveAgent(sipho);

        assertThat(roster.changePresence("agent-7", Presence.AWAY)).contains(sipho.withPresence(Presence.AWAY));
        assertThat(roster.findAgent("agent-7")).contains(sipho.withPresence(Presence.AWAY));
        assertThat(roster.changePresence("agent-8", Presence.AVAILABLE)).isEmpty();
        assertThat(roster.findAgent("agent-8")).isEmpty();
    }

    @Test
    @DisplayName("the available agents come with their open tickets: assigned, neither resolved nor closed")
    void workloads() {
        roster.saveAgent(Agent.builder("agent-1", "One").capacity(5).build());
        roster.saveAgent(Agent.builder("agent-2", "Two").capacity(5).build());
        roster.saveAgent(Agent.builder("agent-3", "Away").presence(Presence.AWAY).build());
        roster.saveAgent(Agent.builder("agent-4", "Offline").presence(Presence.OFFLINE).build());
        insert("agent-1", TicketStatus.NEW);
        insert("agent-1", TicketStatus.OPEN);
        insert("agent-1", TicketStatus.PENDING);
        insert("agent-1", TicketStatus.ON_HOLD);
        insert("agent-1", TicketStatus.RESOLVED);
        insert("agent-1", TicketStatus.CLOSED);
        insert("agent-3", TicketStatus.OPEN);
        insert("AGENT-2", TicketStatus.OPEN);   // another agent's id, not agent-2's
        insert(null, TicketStatus.NEW);

        Map<String, Integer> open = store.inTransaction(() -> roster.lockAvailableAgents()).stream()
                .collect(Collectors.toMap(AgentWorkload::agentId, AgentWorkload::openTickets));
        assertThat(open).containsOnly(Map.entry("agent-1", 4), Map.entry("agent-2", 0));
    }

    @Test
    @DisplayName("assignments in a window are counted from the ASSIGNED audit events naming the agent, from the start of the window on")
    void assignmentsInWindow() {
        Ticket first = insert(null, TicketStatus.NEW);
        Ticket second = insert(null, TicketStatus.NEW);
        assign(first, null, "agent-1");                      // at START
        clock.advance(Duration.ofMinutes(10));
        assign(second, null, "agent-1");                     // at START + 10 min
        clock.advance(Duration.ofMinutes(10));
        Ticket moved = store.findById(first.id()).orElseThrow();
        assign(moved, "agent-1", "agent-2");                 // at START + 20 min: agent-2 gets one, agent-1 gets none

        assertThat(roster.assignmentsSince(List.of("agent-1", "agent-2", "agent-3"), START))
                .containsOnly(Map.entry("agent-1", 2), Map.entry("agent-2", 1));
        assertThat(roster.assignmentsSince(List.of("agent-1", "agent-2"), START.plus(Duration.ofMinutes(10))))
                .containsOnly(Map.entry("agent-1", 1), Map.entry("agent-2", 1));
        assertThat(roster.assignmentsSince(List.of("agent-1"), START.plus(Duration.ofMinutes(10)).plusNanos(1000)))
                .isEmpty();
        assertThat(roster.assignmentsSince(List.of(), START)).isEmpty();
    }

    @Test
    @DisplayName("a rotation starts nowhere, keeps the agent it was moved to, and rotations are independent")
    void rotations() {
        assertThat(store.inTransaction(() -> roster.lockRotation("round-robin"))).isEmpty();
        roster.moveRotation("round-robin", "agent-2");
        roster.moveRotation("billing-team", "agent-9");
        roster.moveRotation("round-robin", "agent-3");

        assertThat(store.inTransaction(() -> roster.lockRotation("round-robin"))).contains("agent-3");
        assertThat(store.inTransaction(() -> roster.lockRotation("billing-team"))).contains("agent-9");
        assertThat(store.inTransaction(() -> roster.lockRotation("Round-Robin"))).isEmpty();
    }

    @Test
    @DisplayName("a unit that fails takes back its agents, presence changes and rotation moves")
    void rollsBack() {
        Agent sipho = Agent.builder("agent-7", "Sipho").build();
        roster.saveAgent(sipho);
        roster.moveRotation("round-robin", "agent-7");
        IllegalStateException crash = new IllegalStateException("crash");

        assertThatThrownBy(() -> store.useTransaction(() -> {
            roster.saveAgent(Agent.builder("agent-8", "New").build());
            roster.saveAgent(sipho.withCapacity(99));
            roster.changePresence("agent-7", Presence.OFFLINE);
            roster.moveRotation("round-robin", "agent-8");
            roster.moveRotation("new-rotation", "agent-8");
            throw crash;
        })).isSameAs(crash);

        assertThat(roster.agents()).containsExactly(sipho);
        assertThat(store.inTransaction(() -> roster.lockRotation("round-robin"))).contains("agent-7");
        assertThat(store.inTransaction(() -> roster.lockRotation("new-rotation"))).isEmpty();
    }

    @Test
    @DisplayName("a unit holding the available agents makes another unit wait for them until it commits, and the waiter then counts the new assignment")
    void locksHeldToTheEnd() throws Exception {
        roster.saveAgent(Agent.builder("agent-1", "One").capacity(5).build());
        Ticket waiting = insert(null, TicketStatus.NEW);
        CountDownLatch locked = new CountDownLatch(1);
        AtomicLong committedAt = new AtomicLong();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> holder = threads.submit(() -> store.useTransaction(() -> {
                roster.lockAvailableAgents();
                locked.countDown();
                sleep(400);
                assign(store.findById(waiting.id()).orElseThrow(), null, "agent-1");
                committedAt.set(System.nanoTime());   // the commit follows at once
            }));
            assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
            Future<List<AgentWorkload>> waiter = threads.submit(() -> store.inTransaction(roster::lockAvailableAgents));
            List<AgentWorkload> seen = waiter.get(30, TimeUnit.SECONDS);
            long returnedAt = System.nanoTime();
            holder.get(30, TimeUnit.SECONDS);

            assertThat(returnedAt).as("the second unit got the agents after the first had finished").isGreaterThan(committedAt.get());
            assertThat(seen).extracting(AgentWorkload::openTickets).containsExactly(1);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    @DisplayName("a unit holding a rotation makes another unit reading it wait until it commits, and the waiter reads the new position")
    void rotationHeldToTheEnd() throws Exception {
        roster.moveRotation("round-robin", "agent-1");
        CountDownLatch locked = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> holder = threads.submit(() -> store.useTransaction(() -> {
                roster.lockRotation("round-robin");
                locked.countDown();
                sleep(300);
                roster.moveRotation("round-robin", "agent-2");
            }));
            assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
            Future<java.util.Optional<String>> waiter = threads.submit(() ->
                    store.inTransaction(() -> roster.lockRotation("round-robin")));
            assertThat(waiter.get(30, TimeUnit.SECONDS)).contains("agent-2");
            holder.get(30, TimeUnit.SECONDS);
        } finally {
            threads.shutdownNow();
        }
    }

    private Ticket insert(String assignee, TicketStatus status) {
        Ticket t = fixtures.ticket("prov-1", "Subject", "Body").assignee(assignee).status(status).build();
        store.insert(t, List.of(fixtures.audit(t, Actor.requester("prov-1", "Thandi"), AuditAction.CREATED, null, "NEW")),
                null);
        return t;
    }

    private void assign(Ticket current, String before, String after) {
        store.update(current.withAssignee(after, fixtures.now()), List.of(),
                List.of(fixtures.audit(current, ADMIN, AuditAction.ASSIGNED, before, after)));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
