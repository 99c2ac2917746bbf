package za.co.proconnectsa.support.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import za.co.proconnectsa.support.jdbc.Dialect;
import za.co.proconnectsa.support.ticket.AuditAction;
import za.co.proconnectsa.support.ticket.AuditEvent;
import za.co.proconnectsa.support.ticket.Ticket;

/**
 * Keeps the analytics facts table ({@code ticket_facts}, one narrow row per ticket) in step with the tickets: every
 * unit of work that writes a ticket or its status events rewrites the ticket's row from the ticket and its audit
 * trail with one statement, on the unit's connection, so the facts commit or roll back with the change. The row is
 * derived exactly as the schema's fill statement derives it for tickets written before the table existed.
 */
public final class JdbcFacts {

    static final String DONE = "('RESOLVED', 'CLOSED')";
    private static final String COLUMNS = "ticket_id, created_at, origin, category, priority, assignee_id, open_now,"
            + " first_response_us, resolved_at, resolution_us, reopened";

    private final Dialect dialect;
    private final String table;
    private final String tickets;
    private final String audit;
    private final Runnable changed;

    /**
     * @param dialect the database
     * @param prefix  the table prefix
     * @param changed told whenever facts are written (the unit's cached analytics are then stale)
     */
    public JdbcFacts(Dialect dialect, String prefix, Runnable changed) {
        this.dialect = dialect;
        this.table = prefix + "ticket_facts";
        this.tickets = prefix + "tickets";
        this.audit = prefix + "audit_events";
        this.changed = changed;
    }

    /**
     * Exact microseconds from {@code a} to {@code b} (PostgreSQL: EXTRACT in numeric), for writing the facts.
     *
     * @param dialect the database
     * @param a       the start
     * @param b       the end
     * @return the SQL expression, NULL when either is NULL
     */
    static String exactMicros(Dialect dialect, String a, String b) {
        return switch (dialect) {
            case POSTGRESQL -> "CAST(EXTRACT(EPOCH FROM " + b + " - " + a + ") * 1000000 AS BIGINT)";
            case MARIADB -> "TIMESTAMPDIFF(MICROSECOND, " + a + ", " + b + ")";
            default -> "DATEDIFF(MICROSECOND, " + a + ", " + b + ")";
        };
    }

    /** The facts of the tickets with these ids, as the rows of a SELECT, each id bound twice (audit, then tickets). */
    private String select(int ids) {
        String in = "(" + Sql.placeholders(ids) + ")";
        return "SELECT t.id, t.created_at, t.origin, t.category, t.priority, t.assignee_id,"
                + " CASE WHEN t.status IN ('NEW', 'OPEN', 'PENDING', 'ON_HOLD') THEN 1 ELSE 0 END, "
                + exactMicros(dialect, "t.created_at", "t.first_responded_at") + ", r.resolved_at, "
                + exactMicros(dialect, "t.created_at", "r.resolved_at") + ", COALESCE(r.reopened, 0) FROM " + tickets
                + " t LEFT JOIN (SELECT ticket_id, MIN(CASE WHEN after_value IN " + DONE + " THEN at END) AS resolved_at,"
                + " MAX(CASE WHEN before_value IN " + DONE + " AND after_value NOT IN " + DONE
                + " THEN 1 ELSE 0 END) AS reopened FROM " + audit + " WHERE action = 'STATUS_CHANGED' AND ticket_id IN "
                + in + " GROUP BY ticket_id) r ON r.ticket_id = t.id WHERE t.id IN " + in;
    }

    private String upsert(int ids) {
        String[] columns = COLUMNS.split(", ");
        StringBuilder set = new StringBuilder();
        for (int i = 1; i < columns.length; i++) {
            set.append(i == 1 ? "" : ", ").append(columns[i]).append(" = ")
                    .append(dialect == Dialect.MARIADB ? "VALUES(" + columns[i] + ")" : "EXCLUDED." + columns[i]);
        }
        return switch (dialect) {
            case POSTGRESQL -> "INSERT INTO " + table + " (" + COLUMNS + ") " + select(ids)
                    + " ON CONFLICT (ticket_id) DO UPDATE SET " + set;
            case MARIADB -> "INSERT INTO " + table + " (" + COLUMNS + ") " + select(ids) + " ON DUPLICATE KEY UPDATE "
                    + set;
            default -> "MERGE INTO " + table + " (" + COLUMNS + ") KEY (ticket_id) " + select(ids);
        };
    }

    /**
     * Writes the facts row of a ticket just inserted in this unit. A new ticket without a first response or status
     * events has its row from its own values, bound as the ticket's row was bound (so the instants are stored alike);
     * any other is read back from its row and events by {@link #write}.
     *
     * @param c      the unit's connection, after the ticket and its events are written
     * @param ticket the new ticket
     * @param events its audit events
     * @throws SQLException when the statement fails
     */
    public void insert(Connection c, Ticket ticket, List<AuditEvent> events) throws SQLException {
        if (ticket.firstRespondedAt() != null
                || events.stream().anyMatch(e -> e.action() == AuditAction.STATUS_CHANGED)) {
            write(c, List.of(ticket.id().toString()));
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, NULL, NULL, NULL, 0)")) {
            ps.setString(1, ticket.id().toString());
            Rows.setInstant(ps, 2, ticket.createdAt(), dialect);
            ps.setString(3, ticket.origin().name());
            ps.setString(4, ticket.category().code());
            ps.setString(5, ticket.priority().name());
            ps.setString(6, ticket.assigneeId());
            ps.setInt(7, ticket.status().isActive() ? 1 : 0);
            ps.executeUpdate();
        }
        changed.run();
    }

    /**
     * Writes the facts rows of these tickets from their rows and audit events, inserting or replacing them.
     *
     * @param c   the unit's connection, after the tickets and their events are written
     * @param ids the tickets' ids
     * @throws SQLException when the statement fails
     */
    public void write(Connection c, List<String> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(upsert(ids.size()))) {
            int i = 1;
            for (int twice = 0; twice < 2; twice++) {
                for (String id : ids) {
                    ps.setString(i++, id);
                }
            }
            ps.executeUpdate();
        }
        changed.run();
    }

    /**
     * Deletes the facts rows of these tickets, before the tickets themselves.
     *
     * @param c   the unit's connection
     * @param ids the tickets' ids
     * @throws SQLException when the statement fails
     */
    public void delete(Connection c, List<String> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE ticket_id IN ("
                + Sql.placeholders(ids.size()) + ")")) {
            for (int i = 0; i < ids.size(); i++) {
                ps.setString(i + 1, ids.get(i));
            }
            ps.executeUpdate();
        }
        changed.run();
    }
}
