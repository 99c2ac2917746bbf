package za.co.proconnectsa.support.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import za.co.proconnectsa.support.assignment.Agent;
import za.co.proconnectsa.support.assignment.AgentWorkload;
import za.co.proconnectsa.support.assignment.Presence;
import za.co.proconnectsa.support.ticket.AuditAction;
import za.co.proconnectsa.support.ticket.AuditEvent;
import za.co.proconnectsa.support.ticket.Ticket;
import za.co.proconnectsa.support.internal.Checks;
import za.co.proconnectsa.support.internal.Text;

/**
 * The in-memory store's agent roster and rotations. The store calls it under its write lock (reads under its read
 * lock), and a unit of work holds that lock from start to end, so what a unit reads here holds until it ends: the
 * locks of {@link za.co.proconnectsa.support.spi.AgentRoster} come for free.
 */
public final class InMemoryRoster {

    private final Map<String, Agent> agents = new HashMap<>();
    private final Map<String, String> rotations = new HashMap<>();
    private final UndoLog undo;

    /**
     * @param undo the store's record of the unit of work in progress
     */
    public InMemoryRoster(UndoLog undo) {
        this.undo = undo;
    }

    /** @param agent added or replaced */
    public void save(Agent agent) {
        Checks.notNull(agent, "agent");
        Agent before = agents.put(agent.id(), agent);
        undo.record(() -> restore(agent.id(), before));
    }

    /**
     * @param agentId an id
     * @return the agent
     */
    public Optional<Agent> find(String agentId) {
        return Optional.ofNullable(agents.get(agentId));
    }

    /** @return every agent */
    public List<Agent> all() {
        return List.copyOf(agents.values());
    }

    /**
     * @param agentId  an id
     * @param presence the new presence
     * @return the changed agent
     */
    public Optional<Agent> changePresence(String agentId, Presence presence) {
        Checks.notNull(presence, "presence");
        Agent before = agents.get(agentId);
        if (before == null) {
            return Optional.empty();
        }
        Agent changed = before.withPresence(presence);
        agents.put(agentId, changed);
        undo.record(() -> restore(agentId, before));
        return Optional.of(changed);
    }

    /**
     * @param tickets every stored ticket
     * @return the available agents with their open tickets
     */
    public List<AgentWorkload> available(Collection<Ticket> tickets) {
        Map<String, Integer> open = new HashMap<>();
        for (Ticket t : tickets) {
            if (t.assigneeId() != null && t.status().isActive()) {
                open.merge(t.assigneeId(), 1, Integer::sum);
            }
        }
        List<AgentWorkload> out = new ArrayList<>();
        for (Agent a : agents.values()) {
            if (a.presence() == Presence.AVAILABLE) {
                out.add(new AgentWorkload(a, open.getOrDefault(a.id(), 0)));
            }
        }
        return out;
    }

    /**
     * @param agentIds agents
     * @param since    start of the window
     * @param trails   every ticket's audit trail
     * @return assignments per agent
     */
    public Map<String, Integer> assignmentsSince(Collection<String> agentIds, Instant since,
            Collection<List<AuditEvent>> trails) {
        Checks.notNull(since, "since");
        Set<String> wanted = new HashSet<>(Checks.notNull(agentIds, "agentIds"));
        Map<String, Integer> counts = new HashMap<>();
        for (List<AuditEvent> trail : trails) {
            for (AuditEvent e : trail) {
                if (e.action() == AuditAction.ASSIGNED && e.after() != null && wanted.contains(e.after())
                        && !e.at().isBefore(since)) {
                    counts.merge(e.after(), 1, Integer::sum);
                }
            }
        }
        return counts;
    }

    /**
     * @param rotation a rotation
     * @return its position
     */
    public Optional<String> rotation(String rotation) {
        return Optional.ofNullable(rotations.get(AssignmentStrategies.rotationName(rotation)));
    }

    /**
     * @param rotation a rotation
     * @param agentId  its new position
     */
    public void moveRotation(String rotation, String agentId) {
        AssignmentStrategies.rotationName(rotation);
        Text.identifier(agentId, "agentId");
        String before = rotations.put(rotation, agentId);
        undo.record(() -> {
            if (before == null) {
                rotations.remove(rotation);
            } else {
                rotations.put(rotation, before);
            }
        });
    }

    private void restore(String agentId, Agent before) {
        if (before == null) {
            agents.remove(agentId);
        } else {
            agents.put(agentId, before);
        }
    }
}
