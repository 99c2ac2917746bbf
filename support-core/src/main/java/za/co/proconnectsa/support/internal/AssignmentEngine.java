package za.co.proconnectsa.support.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import za.co.proconnectsa.support.SupportException;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.assignment.AgentWorkload;
import za.co.proconnectsa.support.assignment.AssignmentContext;
import za.co.proconnectsa.support.assignment.AssignmentResult;
import za.co.proconnectsa.support.assignment.AssignmentService;
import za.co.proconnectsa.support.assignment.AssignmentStrategy;
import za.co.proconnectsa.support.spi.AgentRoster;
import za.co.proconnectsa.support.spi.TicketStore;
import za.co.proconnectsa.support.ticket.Page;
import za.co.proconnectsa.support.ticket.Ticket;
import za.co.proconnectsa.support.ticket.TicketId;
import za.co.proconnectsa.support.ticket.TicketNotFoundException;
import za.co.proconnectsa.support.ticket.TicketQuery;

/**
 * Automatic assignment: the atomic claim of one ticket, and the hand-out of the backlog, oldest first. A claim is one
 * unit of work that locks the AVAILABLE agents' roster entries, counts their open tickets, asks the strategy, moves
 * the rotations it read and writes the assignee with the ticket's version as read, so a ticket assigned (or
 * otherwise changed) meanwhile fails the write and the claim is tried again on the reloaded ticket.
 */
public final class AssignmentEngine {

    private static final Logger LOG = LoggerFactory.getLogger(AssignmentEngine.class);
    private static final TicketQuery BACKLOG = TicketQuery.builder().active().unassigned()
            .order(TicketQuery.Order.OLDEST_FIRST).limit(50).build();

    private final TicketStore store;
    private final AgentRoster roster;
    private final Clock clock;
    private final AssignmentStrategy strategy;
    private final boolean onSubmit;
    private final AssigneeWriter writer;
    private final Retries retries;

    /**
     * @param store       where tickets live
     * @param clock       the desk's clock
     * @param strategy    who gets a ticket
     * @param onSubmit    whether new tickets are assigned on submit and the backlog handed out when room frees
     * @param writer      writes the assignee with its audit and events
     * @param retries     how a claim that lost a race is tried again
     */
    public AssignmentEngine(TicketStore store, Clock clock, AssignmentStrategy strategy, boolean onSubmit,
            AssigneeWriter writer, Retries retries) {
        this.store = store;
        this.roster = store instanceof AgentRoster r ? r : null;
        this.clock = clock;
        this.strategy = strategy;
        this.onSubmit = onSubmit;
        this.writer = writer;
        this.retries = retries;
    }

    /** @return the strategy */
    public AssignmentStrategy strategy() {
        return strategy;
    }

    /** @return whether new tickets are assigned on submit */
    public boolean assignsOnSubmit() {
        return onSubmit;
    }

    /**
     * @return the store's roster
     * @throws SupportException when the store keeps none
     */
    public AgentRoster roster() {
        if (roster == null) {
            throw new SupportException("The desk's store keeps no agent roster: " + store.getClass().getName()
                    + " does not implement AgentRoster (the in-memory and JDBC stores do)");
        }
        return roster;
    }

    /**
     * Runs inside the unit of work that inserted a ticket: gives the oldest waiting ticket an agent with room can take
     * to that agent, in this unit. That is the new ticket unless older ones wait; then the new one waits its turn and
     * the backlog is handed out once the unit has committed.
     *
     * @param created the ticket just inserted
     */
    public void submitted(Ticket created) {
        if (!onSubmit) {
            return;
        }
        Optional<Ticket> assigned = next();
        if (assigned.isPresent() && !assigned.get().id().equals(created.id())) {
            store.afterCommit(this::drainQuietly);
        }
    }

    /** Runs inside a unit of work that freed room (a ticket resolved, an agent available): hands out the backlog after it. */
    public void roomFreed() {
        if (onSubmit) {
            store.afterCommit(this::drainQuietly);
        }
    }

    /**
     * @param actor who asks, named in the audit trail
     * @param id    the ticket
     * @return what happened
     */
    public AssignmentResult assign(Actor actor, TicketId id) {
        roster();
        return retries.onConflict("assignment", id.toString(), () -> store.inTransaction(() -> claim(actor, id)));
    }

    /**
     * Hands out the backlog, oldest first, one ticket a unit of work, until no waiting ticket can be given to an
     * available agent with room.
     *
     * @return how many tickets were assigned
     */
    public int drain() {
        roster();
        int assigned = 0;
        while (retries.onConflict("assignment", "the backlog", () -> store.inTransaction(this::next)).isPresent()) {
            assigned++;
        }
        return assigned;
    }

    private void drainQuietly() {
        try {
            int assigned = drain();
            LOG.debug("Handed out {} backlog tickets", assigned);
        } catch (SupportException e) {
            LOG.warn("Could not hand out the ticket backlog; it waits for the next hand-out", e);
        }
    }

    /**
     * Runs inside a unit of work: under the locks of the available agents, gives the oldest waiting ticket that the
     * strategy gives to someone to that agent. Every such step holds the same locks, so steps on any instance run one
     * at a time and each sees the backlog as the one before left it: the backlog goes out strictly oldest first.
     */
    private Optional<Ticket> next() {
        Decision decision = lockedDecision();
        if (decision.free.isEmpty()) {
            return Optional.empty();
        }
        TicketQuery query = BACKLOG;
        while (true) {
            Page<Ticket> page = store.query(query);
            for (Ticket waiting : page.items()) {
                Optional<AgentWorkload> chosen = decision.choose(waiting);
                if (chosen.isPresent()) {
                    return Optional.of(write(AssignmentService.AUTOMATIC, waiting, chosen.get(), decision));
                }
            }
            if (page.next().isEmpty()) {
                return Optional.empty();
            }
            query = query.after(page.next().get());
        }
    }

    /** One claim of a given ticket; runs inside a unit of work. */
    private AssignmentResult claim(Actor actor, TicketId id) {
        Optional<AssignmentResult> settled = settled(load(id));
        if (settled.isPresent()) {
            return settled.get();
        }
        Decision decision = lockedDecision();
        // read again under the locks: a claim that held them before has committed, and its assignee is seen now
        Ticket current = load(id);
        settled = settled(current);
        if (settled.isPresent()) {
            return settled.get();
        }
        Optional<AgentWorkload> chosen = decision.choose(current);
        if (chosen.isEmpty()) {
            return new AssignmentResult(AssignmentResult.Outcome.NO_AGENT, current);
        }
        return new AssignmentResult(AssignmentResult.Outcome.ASSIGNED, write(actor, current, chosen.get(), decision));
    }

    /** Locks the available agents' roster entries for the rest of the unit and starts a decision on them. */
    private Decision lockedDecision() {
        List<AgentWorkload> free = roster().lockAvailableAgents().stream().filter(w -> w.room() > 0)
                .sorted(Comparator.comparing(AgentWorkload::agentId)).toList();
        return new Decision(clock.instant().truncatedTo(ChronoUnit.MICROS), free);
    }

    /** Writes the assignee with the ticket's version as read, and moves the rotations the decision read. */
    private Ticket write(Actor actor, Ticket current, AgentWorkload chosen, Decision decision) {
        String agentId = chosen.agentId();
        decision.positions.keySet().forEach(rotation -> roster.moveRotation(rotation, agentId));
        Ticket stored = writer.write(actor, current, agentId, decision.now);
        LOG.debug("Ticket {} assigned to {} by {}", stored.number(), agentId, strategy);
        return stored;
    }

    private static Optional<AssignmentResult> settled(Ticket ticket) {
        if (ticket.assigneeId() != null) {
            return Optional.of(new AssignmentResult(AssignmentResult.Outcome.ALREADY_ASSIGNED, ticket));
        }
        if (!ticket.status().isActive()) {
            return Optional.of(new AssignmentResult(AssignmentResult.Outcome.NOT_ACTIVE, ticket));
        }
        return Optional.empty();
    }

    private Ticket load(TicketId id) {
        return store.findById(id).orElseThrow(() -> new TicketNotFoundException(id.toString()));
    }

    /**
     * The strategy's decisions in one unit of work, on the agents locked for it (those with room, by id), and what
     * they read through the context: the rotations read are moved to the agent finally chosen.
     */
    private final class Decision implements AssignmentContext {
        final Instant now;
        final List<AgentWorkload> free;
        final Map<String, Optional<String>> positions = new LinkedHashMap<>();
        final Map<Instant, Map<String, Integer>> counts = new HashMap<>();

        Decision(Instant now, List<AgentWorkload> free) {
            this.now = now;
            this.free = free;
        }

        Optional<AgentWorkload> choose(Ticket ticket) {
            if (free.isEmpty()) {
                return Optional.empty();
            }
            Optional<AgentWorkload> chosen;
            try {
                chosen = strategy.choose(ticket, free, this);
            } catch (SupportException e) {
                throw e;   // the store failed under the context, or the strategy was handed a bad rotation name
            } catch (RuntimeException e) {
                LOG.warn("The assignment strategy {} failed on ticket {}; it stays unassigned", strategy,
                        ticket.number(), e);
                return Optional.empty();
            }
            if (chosen == null || chosen.isEmpty()) {
                return Optional.empty();
            }
            String id = chosen.get().agentId();
            Optional<AgentWorkload> candidate = free.stream().filter(w -> w.agentId().equals(id)).findFirst();
            if (candidate.isEmpty()) {
                LOG.warn("The assignment strategy {} chose {} for ticket {}, who is not a candidate (away, offline, "
                        + "full or unknown); the ticket stays unassigned", strategy, id, ticket.number());
            }
            return candidate;
        }

        @Override
        public Instant now() {
            return now;
        }

        @Override
        public Optional<String> lastChosen(String rotation) {
            return positions.computeIfAbsent(AssignmentStrategies.rotationName(rotation), roster::lockRotation);
        }

        @Override
        public int assignedSince(String agentId, Instant since) {
            Map<String, Integer> perAgent = counts.computeIfAbsent(since, s -> roster.assignmentsSince(
                    free.stream().map(AgentWorkload::agentId).toList(), s));
            Integer count = perAgent.get(agentId);
            if (count == null && free.stream().noneMatch(w -> w.agentId().equals(agentId))) {
                count = roster.assignmentsSince(List.of(agentId), since).get(agentId);
            }
            return count == null ? 0 : count;
        }
    }
}
