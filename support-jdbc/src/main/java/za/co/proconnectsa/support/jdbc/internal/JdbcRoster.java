package za.co.proconnectsa.support.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import za.co.proconnectsa.support.assignment.Agent;
import za.co.proconnectsa.support.assignment.AgentWorkload;
import za.co.proconnectsa.support.assignment.Presence;
import za.co.proconnectsa.support.jdbc.Dialect;
import za.co.proconnectsa.support.ticket.Category;
import za.co.proconnectsa.support.internal.Checks;
import za.co.proconnectsa.support.internal.Text;

/**
 * The agents and rotations tables. An assignment locks the rows of the AVAILABLE agents with {@code FOR UPDATE} in
 * agent-id order and counts their open tickets afterwards, on the index of tickets by assignee and status, so every
 * decision on an agent's load sees the assignments committed by the units that held the lock before.
 */
public final class JdbcRoster {

    private static final String AGENT_COLUMNS = "agent_id, display_name, presence, capacity, categories";

    private final Tx tx;
    private final Dialect dialect;
    private final String agents;
    private final String rotations;
    private final String tickets;
    private final String audit;

    /**
     * @param tx      the store's transactions
     * @param dialect the database
     * @param prefix  the table prefix
     */
    public JdbcRoster(Tx tx, Dialect dialect, String prefix) {
        this.tx = tx;
        this.dialect = dialect;
        this.agents = prefix + "agents";
        this.rotations = prefix + "assignment_rotations";
        this.tickets = prefix + "tickets";
        this.audit = prefix + "audit_events";
    }

    /** @param agent added or replaced */
    public void save(Agent agent) {
        Checks.notNull(agent, "agent");
        tx.run("saving an agent", c -> {
            try (PreparedStatement ps = c.prepareStatement(upsert(agents, "agent_id",
                    "display_name", "presence", "capacity", "categories"))) {
                ps.setString(1, agent.id());
                ps.setString(2, agent.displayName());
                ps.setString(3, agent.presence().name());
                ps.setInt(4, agent.capacity());
                ps.setString(5, String.join("\n", new TreeSet<>(agent.categories().stream().map(Category::code).toList())));
                return ps.executeUpdate();
            }
        });
    }

    /**
     * @param agentId an id
     * @return the agent
     */
    public Optional<Agent> find(String agentId) {
        Text.identifier(agentId, "agentId");
        return tx.run("reading an agent", c -> readAgents(c, "SELECT " + AGENT_COLUMNS + " FROM " + agents
                + " WHERE agent_id = ?", agentId).stream().findFirst());
    }

    /** @return every agent */
    public List<Agent> all() {
        return tx.run("listing agents", c -> readAgents(c, "SELECT " + AGENT_COLUMNS + " FROM " + agents));
    }

    /**
     * @param agentId  an id
     * @param presence the new presence
     * @return the changed agent, or empty when there is none
     */
    public Optional<Agent> changePresence(String agentId, Presence presence) {
        Text.identifier(agentId, "agentId");
        Checks.notNull(presence, "presence");
        return tx.run("changing an agent's presence", c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + agents + " SET presence = ? WHERE agent_id = ?")) {
                ps.setString(1, presence.name());
                ps.setString(2, agentId);
                if (ps.executeUpdate() == 0) {
                    return Optional.<Agent>empty();
                }
            }
            return readAgents(c, "SELECT " + AGENT_COLUMNS + " FROM " + agents + " WHERE agent_id = ?", agentId)
                    .stream().findFirst();
        });
    }

    /** @return the available agents, their rows locked until the unit ends, with their open tickets counted after */
    public List<AgentWorkload> lockAvailable() {
        return tx.run("locking the available agents", c -> {
            // one fixed order, so two units never wait on each other in a circle
            List<Agent> available = readAgents(c, "SELECT " + AGENT_COLUMNS + " FROM " + agents
                    + " WHERE presence = 'AVAILABLE' ORDER BY agent_id FOR UPDATE");
            if (available.isEmpty()) {
                return List.<AgentWorkload>of();
            }
            Map<String, Integer> open = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT assignee_id, COUNT(*) FROM " + tickets
                    + " WHERE assignee_id IN (" + Sql.placeholders(available.size()) + ")"
                    // the open statuses, not "NOT IN": the index is read for open tickets only, not for years of closed ones
                    + " AND status IN ('NEW', 'OPEN', 'PENDING', 'ON_HOLD') GROUP BY assignee_id")) {
                for (int i = 0; i < available.size(); i++) {
                    ps.setString(i + 1, available.get(i).id());
                }
                readCounts(ps, open);
            }
            List<AgentWorkload> out = new ArrayList<>(available.size());
            for (Agent a : available) {
                out.add(new AgentWorkload(a, open.getOrDefault(a.id(), 0)));
            }
            return out;
        });
    }

    /**
     * @param agentIds agents
     * @param since    the start of the window
     * @return their assignments since then
     */
    public Map<String, Integer> assignmentsSince(Collection<String> agentIds, Instant since) {
        Checks.notNull(agentIds, "agentIds");
        Checks.notNull(since, "since");
        List<String> ids = List.copyOf(agentIds);
        if (ids.isEmpty()) {
            return Map.of();
        }
        return tx.run("counting assignments", c -> {
            Map<String, Integer> counts = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT after_value, COUNT(*) FROM " + audit
                    + " WHERE action = 'ASSIGNED' AND after_value IN (" + Sql.placeholders(ids.size()) + ") AND at >= ?"
                    + " GROUP BY after_value")) {
                int i = 1;
                for (String id : ids) {
                    ps.setString(i++, id);
                }
                Rows.setInstant(ps, i, since, dialect);
                readCounts(ps, counts);
            }
            return counts;
        });
    }

    /**
     * @param rotation a rotation
     * @return the agent it chose last; its row locked until the unit ends
     */
    public Optional<String> lockRotation(String rotation) {
        // an over-long name is refused by the column, as DataRejectedException
        Text.identifier(rotation, "rotation");
        return tx.run("reading a rotation", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT last_agent_id FROM " + rotations
                    + " WHERE rotation = ? FOR UPDATE")) {
                ps.setString(1, rotation);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    /**
     * @param rotation a rotation
     * @param agentId  its new position
     */
    public void moveRotation(String rotation, String agentId) {
        Text.identifier(rotation, "rotation");
        Text.identifier(agentId, "agentId");
        tx.run("moving a rotation", c -> {
            try (PreparedStatement ps = c.prepareStatement(upsert(rotations, "rotation", "last_agent_id"))) {
                ps.setString(1, rotation);
                ps.setString(2, agentId);
                return ps.executeUpdate();
            }
        });
    }

    /** An insert that replaces the row with the same key: the key's parameter first, then the columns'. */
    private String upsert(String table, String key, String... columns) {
        String all = key + ", " + String.join(", ", columns);
        String values = "VALUES (" + Sql.placeholders(columns.length + 1) + ")";
        return switch (dialect) {
            case POSTGRESQL -> "INSERT INTO " + table + " (" + all + ") " + values + " ON CONFLICT (" + key
                    + ") DO UPDATE SET " + assignments(columns, "EXCLUDED.%s");
            case MARIADB -> "INSERT INTO " + table + " (" + all + ") " + values + " ON DUPLICATE KEY UPDATE "
                    + assignments(columns, "VALUES(%s)");
            default -> "MERGE INTO " + table + " (" + all + ") KEY (" + key + ") " + values;
        };
    }

    private static String assignments(String[] columns, String source) {
        List<String> out = new ArrayList<>();
        for (String column : columns) {
            out.add(column + " = " + String.format(source, column));
        }
        return String.join(", ", out);
    }

    private static void readCounts(PreparedStatement ps, Map<String, Integer> into) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                into.put(rs.getString(1), rs.getInt(2));
            }
        }
    }

    private static List<Agent> readAgents(Connection c, String statement, String... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(statement)) {
            for (int i = 0; i < params.length; i++) {
                ps.setString(i + 1, params[i]);
            }
            Map<String, Agent> out = new LinkedHashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    List<Category> categories = new ArrayList<>();
                    String codes = rs.getString("categories");
                    if (!codes.isEmpty()) {
                        for (String code : codes.split("\n")) {
                            categories.add(new Category(code));
                        }
                    }
                    Agent agent = new Agent(rs.getString("agent_id"), rs.getString("display_name"),
                            Presence.valueOf(rs.getString("presence")), rs.getInt("capacity"),
                            java.util.Set.copyOf(categories));
                    out.put(agent.id(), agent);
                }
            }
            return List.copyOf(out.values());
        }
    }
}
