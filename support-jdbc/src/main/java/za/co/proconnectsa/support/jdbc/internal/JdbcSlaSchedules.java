package za.co.proconnectsa.support.jdbc.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.access.Role;
import za.co.proconnectsa.support.jdbc.Dialect;
import za.co.proconnectsa.support.sla.SlaTimeline;
import za.co.proconnectsa.support.ticket.Ticket;
import za.co.proconnectsa.support.ticket.TicketId;
import za.co.proconnectsa.support.ticket.TicketStatus;
import za.co.proconnectsa.support.ticket.Visibility;
import za.co.proconnectsa.support.internal.Checks;

/**
 * The SLA schedule of each ticket ({@code sla_schedule}: its nearest due instant and the watcher's next check, each
 * behind an index), the SLA events already announced ({@code sla_events}, unique per ticket and event), and the
 * timelines of a page of tickets read in one query.
 */
public final class JdbcSlaSchedules {

    private final Tx tx;
    private final Dialect dialect;
    private final String schedules;
    private final String events;
    private final String messages;
    private final String audit;

    /**
     * @param tx      the store's transactions
     * @param dialect the database
     * @param prefix  the table prefix
     */
    public JdbcSlaSchedules(Tx tx, Dialect dialect, String prefix) {
        this.tx = tx;
        this.dialect = dialect;
        this.schedules = prefix + "sla_schedule";
        this.events = prefix + "sla_events";
        this.messages = prefix + "messages";
        this.audit = prefix + "audit_events";
    }

    /** Sets a ticket's schedule: an update, or an insert for a ticket that has none yet. */
    public void save(TicketId ticketId, Instant nextDue, Instant nextCheck) {
        Checks.notNull(ticketId, "ticketId");
        tx.run("saving a ticket's SLA schedule", c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + schedules
                    + " SET next_due_at = ?, next_check_at = ? WHERE ticket_id = ?")) {
                Rows.setInstant(ps, 1, nextDue, dialect);
                Rows.setInstant(ps, 2, nextCheck, dialect);
                ps.setString(3, ticketId.toString());
                if (ps.executeUpdate() > 0) {
                    return null;
                }
            }
            // the first schedule of a ticket is written in the unit that inserts the ticket: nobody races for it
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + schedules
                    + " (ticket_id, next_due_at, next_check_at) VALUES (?, ?, ?)")) {
                ps.setString(1, ticketId.toString());
                Rows.setInstant(ps, 2, nextDue, dialect);
                Rows.setInstant(ps, 3, nextCheck, dialect);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Claims due checks with {@code FOR UPDATE SKIP LOCKED}, moving each a lease on. */
    public List<TicketId> claim(Instant now, Duration lease, int max) {
        Checks.notNull(now, "now");
        Checks.positive(lease, "lease");
        Checks.between(max, 1, 1000, "max");
        return tx.run("claiming SLA checks", c -> {
            List<TicketId> claimed = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT ticket_id FROM " + schedules
                    + " WHERE next_check_at <= ? ORDER BY next_check_at LIMIT ? FOR UPDATE SKIP LOCKED")) {
                Rows.setInstant(ps, 1, now, dialect);
                ps.setInt(2, max);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        claimed.add(TicketId.parse(rs.getString(1)));
                    }
                }
            }
            if (!claimed.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement("UPDATE " + schedules
                        + " SET next_check_at = ? WHERE ticket_id = ?")) {
                    for (TicketId id : claimed) {
                        Rows.setInstant(ps, 1, now.plus(lease), dialect);
                        ps.setString(2, id.toString());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
            return claimed;
        });
    }

    /** @return whether the event was recorded now */
    public boolean mark(TicketId ticketId, String eventKey, Instant at) {
        Checks.notNull(ticketId, "ticketId");
        Checks.notNull(at, "at");
        if (eventKey == null || eventKey.isEmpty() || eventKey.length() > 100) {
            throw InvalidInputException.of("eventKey", "must be 1 to 100 characters");
        }
        try {
            return tx.runKeyed("recording an SLA event", c -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + events
                        + " (ticket_id, event_key, announced_at) VALUES (?, ?, ?)")) {
                    ps.setString(1, ticketId.toString());
                    ps.setString(2, eventKey);
                    Rows.setInstant(ps, 3, at, dialect);
                    ps.executeUpdate();
                } catch (java.sql.SQLException e) {
                    throw Tx.unlessKeyTaken(e);
                }
                return true;
            });
        } catch (Tx.KeyTaken taken) {
            return false;
        }
    }

    /**
     * The SLA timelines of tickets in one query: their messages (author's role, visibility, time) and status changes
     * (before, after, time), each kind in the order {@code messages} and {@code auditTrail} read them, so each
     * timeline is built from the same moments in the same order as from those two reads.
     */
    public Map<TicketId, SlaTimeline> timelines(Collection<Ticket> tickets) {
        Map<TicketId, SlaTimeline.Builder> builders = new LinkedHashMap<>();
        for (Ticket t : Checks.notNull(tickets, "tickets")) {
            Checks.notNull(t, "tickets");
            builders.putIfAbsent(t.id(), SlaTimeline.createdAt(t.createdAt(), TicketStatus.NEW));
        }
        Checks.between(builders.size(), 0, 1000, "tickets");
        if (builders.isEmpty()) {
            return Map.of();
        }
        String in = Sql.placeholders(builders.size());
        String statement = "SELECT ticket_id, 0 AS kind, created_at AS at, pos, author_role AS role_or_before, "
                + "visibility AS visibility_or_after FROM " + messages + " WHERE ticket_id IN (" + in + ") "
                + "UNION ALL SELECT ticket_id, 1, at, pos, before_value, after_value FROM " + audit
                + " WHERE ticket_id IN (" + in + ") AND action = 'STATUS_CHANGED' AND before_value IS NOT NULL "
                + "AND after_value IS NOT NULL ORDER BY ticket_id, kind, at, pos";
        tx.run("reading SLA timelines", c -> {
            try (PreparedStatement ps = c.prepareStatement(statement)) {
                int i = 1;
                for (int branch = 0; branch < 2; branch++) {
                    for (TicketId id : builders.keySet()) {
                        ps.setString(i++, id.toString());
                    }
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        SlaTimeline.Builder timeline = builders.get(TicketId.parse(rs.getString("ticket_id")));
                        Instant at = Rows.getInstant(rs, "at", dialect);
                        String first = rs.getString("role_or_before");
                        String second = rs.getString("visibility_or_after");
                        if (rs.getInt("kind") == 0) {
                            timeline.message(Role.valueOf(first), Visibility.valueOf(second), at);
                        } else {
                            timeline.statusChanged(TicketStatus.valueOf(first), TicketStatus.valueOf(second), at);
                        }
                    }
                }
            }
            return null;
        });
        Map<TicketId, SlaTimeline> out = new LinkedHashMap<>();
        builders.forEach((id, timeline) -> out.put(id, timeline.build()));
        return out;
    }

    /** @return tickets due by then, nearest first, through the due index */
    public List<TicketId> dueBy(Instant until, int limit) {
        Checks.notNull(until, "until");
        Checks.between(limit, 1, 1000, "limit");
        return tx.run("listing tickets by SLA due time", c -> {
            List<TicketId> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT ticket_id FROM " + schedules
                    + " WHERE next_due_at <= ? ORDER BY next_due_at, ticket_id LIMIT ?")) {
                Rows.setInstant(ps, 1, until, dialect);
                ps.setInt(2, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(TicketId.parse(rs.getString(1)));
                    }
                }
            }
            return out;
        });
    }
}
