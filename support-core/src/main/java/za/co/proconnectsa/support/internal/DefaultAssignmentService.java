package za.co.proconnectsa.support.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.access.AccessPolicy;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.access.Permission;
import za.co.proconnectsa.support.assignment.Agent;
import za.co.proconnectsa.support.assignment.AgentNotFoundException;
import za.co.proconnectsa.support.assignment.AssignmentResult;
import za.co.proconnectsa.support.assignment.AssignmentService;
import za.co.proconnectsa.support.assignment.AssignmentStrategy;
import za.co.proconnectsa.support.assignment.Presence;
import za.co.proconnectsa.support.spi.TicketStore;
import za.co.proconnectsa.support.ticket.Ticket;
import za.co.proconnectsa.support.ticket.TicketNotFoundException;
import za.co.proconnectsa.support.internal.Checks;
import za.co.proconnectsa.support.internal.Text;

/** The {@link AssignmentService} behind {@code desk.assignment()}: access checks, then the roster or the engine. */
public final class DefaultAssignmentService implements AssignmentService {

    private final TicketStore store;
    private final AccessPolicy policy;
    private final AssignmentEngine engine;

    /**
     * @param store  where tickets live
     * @param policy who may do what
     * @param engine automatic assignment
     */
    public DefaultAssignmentService(TicketStore store, AccessPolicy policy, AssignmentEngine engine) {
        this.store = store;
        this.policy = policy;
        this.engine = engine;
    }

    @Override
    public Agent saveAgent(Actor actor, Agent agent) {
        Checks.notNull(actor, "actor");
        Checks.notNull(agent, "agent");
        policy.check(actor, Permission.MANAGE_AGENTS, null);
        store.useTransaction(() -> {
            engine.roster().saveAgent(agent);
            if (agent.presence() == Presence.AVAILABLE) {
                engine.roomFreed();
            }
        });
        return agent;
    }

    @Override
    public Agent setPresence(Actor actor, String agentId, Presence presence) {
        Checks.notNull(actor, "actor");
        Text.identifier(agentId, "agentId");
        Checks.notNull(presence, "presence");
        // an agent says for themselves whether they take tickets now; anyone else's presence is an admin's
        if (!(actor.role().isSupport() && actor.id().equals(agentId))) {
            policy.check(actor, Permission.MANAGE_AGENTS, null);
        }
        return store.inTransaction(() -> {
            Agent changed = engine.roster().changePresence(agentId, presence)
                    .orElseThrow(() -> new AgentNotFoundException(agentId));
            if (presence == Presence.AVAILABLE) {
                engine.roomFreed();
            }
            return changed;
        });
    }

    @Override
    public Optional<Agent> agent(Actor actor, String agentId) {
        Checks.notNull(actor, "actor");
        Text.identifier(agentId, "agentId");
        policy.check(actor, Permission.VIEW_QUEUE, null);
        return engine.roster().findAgent(agentId);
    }

    @Override
    public List<Agent> agents(Actor actor) {
        Checks.notNull(actor, "actor");
        policy.check(actor, Permission.VIEW_QUEUE, null);
        return engine.roster().agents().stream().sorted(Comparator.comparing(Agent::id)).toList();
    }

    @Override
    public AssignmentResult assignNew(Actor actor, String ticketNumber) {
        Checks.notNull(actor, "actor");
        if (ticketNumber == null || ticketNumber.isBlank()) {
            throw InvalidInputException.of("ticketNumber", "must not be blank");
        }
        String number = Text.identifier(ticketNumber.strip(), "ticketNumber");
        policy.check(actor, Permission.ASSIGN, null);
        Ticket ticket = store.findByNumber(number).orElseThrow(() -> new TicketNotFoundException(number));
        return engine.assign(actor, ticket.id());
    }

    @Override
    public int drainBacklog(Actor actor) {
        Checks.notNull(actor, "actor");
        policy.check(actor, Permission.ASSIGN, null);
        return engine.drain();
    }

    @Override
    public AssignmentStrategy strategy() {
        return engine.strategy();
    }

    @Override
    public boolean assignsOnSubmit() {
        return engine.assignsOnSubmit();
    }
}
