package za.co.proconnectsa.support.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import za.co.proconnectsa.support.ValidationException;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.access.Role;
import za.co.proconnectsa.support.event.OutboxEntry;
import za.co.proconnectsa.support.event.TicketEvent;
import za.co.proconnectsa.support.jdbc.Dialect;
import za.co.proconnectsa.support.ticket.AuditEvent;
import za.co.proconnectsa.support.ticket.Message;
import za.co.proconnectsa.support.ticket.TicketId;

/**
 * The outbox table: written inside the ticket store's transactions, claimed with {@code FOR UPDATE SKIP LOCKED}
 * so relays on several instances never wait for each other's rows, and deleted once delivered.
 */
public final class JdbcOutbox {

    private final Tx tx;
    private final Dialect dialect;
    private final String insert;
    private final String selectClaimable;
    private final String claim;
    private final String complete;
    private final String release;
    private final String count;

    /**
     * @param tx      the store's transactions
     * @param dialect the database
     * @param prefix  the table prefix
     */
    public JdbcOutbox(Tx tx, Dialect dialect, String prefix) {
        this.tx = tx;
        this.dialect = dialect;
        String table = prefix + "outbox";
        this.insert = "INSERT INTO " + table + " (event_type, ticket_id, actor_id, actor_role, actor_name, message_id, "
                + "occurred_at, attempts) VALUES (?, ?, ?, ?, ?, ?, ?, 0)";
        this.selectClaimable = "SELECT id, event_type, ticket_id, actor_id, actor_role, actor_name, message_id, "
                + "occurred_at, attempts FROM " + table + " WHERE claimed_until IS NULL OR claimed_until < ? "
                + "ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED";
        this.claim = "UPDATE " + table + " SET claimed_by = ?, claimed_until = ?, attempts = attempts + 1 WHERE id = ?";
        this.complete = "DELETE FROM " + table + " WHERE id = ? AND claimed_by = ?";
        this.release = "UPDATE " + table + " SET claimed_by = NULL, claimed_until = ? WHERE id = ? AND claimed_by = ?";
        this.count = "SELECT COUNT(*) FROM " + table;
    }

    /**
     * Writes the entry of one store write ({@link OutboxEntry#pending}), inside its transaction; nothing when the
     * write has no audit events.
     *
     * @param c           the transaction's connection
     * @param events      the write's audit events
     * @param newMessages the write's new messages
     * @throws SQLException from the driver
     */
    public void write(Connection c, List<AuditEvent> events, List<Message> newMessages) throws SQLException {
        Optional<OutboxEntry.Pending> pending = OutboxEntry.pending(events, newMessages);
        if (pending.isEmpty()) {
            return;
        }
        OutboxEntry.Pending entry = pending.get();
        try (PreparedStatement ps = c.prepareStatement(insert)) {
            ps.setString(1, entry.type().name());
            ps.setString(2, entry.ticketId().toString());
            ps.setString(3, entry.actor().id());
            ps.setString(4, entry.actor().role().name());
            ps.setString(5, entry.actor().displayName());
            ps.setString(6, entry.messageId() == null ? null : entry.messageId().toString());
            Rows.setInstant(ps, 7, entry.at(), dialect);
            ps.executeUpdate();
        }
    }

    /**
     * @param owner the claimer
     * @param max   at most this many
     * @param lease how long
     * @param now   the claimer's time
     * @return the claimed entries, oldest first
     */
    public List<OutboxEntry> claim(String owner, int max, Duration lease, Instant now) {
        if (owner == null || owner.isBlank() || owner.length() > 100) {
            throw ValidationException.of("owner", "must be 1 to 100 characters");
        }
        if (max < 1 || max > 1000) {
            throw ValidationException.of("max", "must be 1 to 1000, was " + max);
        }
        if (lease == null || lease.isNegative() || lease.isZero() || now == null) {
            throw ValidationException.of("lease", "must be positive, with a time to claim at");
        }
        return tx.run("claiming outbox entries", c -> {
            List<OutboxEntry> claimed = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(selectClaimable)) {
                Rows.setInstant(ps, 1, now, dialect);
                ps.setInt(2, max);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String message = rs.getString("message_id");
                        claimed.add(new OutboxEntry(rs.getLong("id"), TicketEvent.Type.valueOf(rs.getString("event_type")),
                                TicketId.parse(rs.getString("ticket_id")),
                                new Actor(rs.getString("actor_id"), Role.valueOf(rs.getString("actor_role")),
                                        rs.getString("actor_name")),
                                Rows.getInstant(rs, "occurred_at", dialect),
                                message == null ? null : UUID.fromString(message), rs.getInt("attempts") + 1));
                    }
                }
            }
            if (!claimed.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement(claim)) {
                    for (OutboxEntry e : claimed) {
                        ps.setString(1, owner);
                        Rows.setInstant(ps, 2, now.plus(lease), dialect);
                        ps.setLong(3, e.id());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
            return claimed;
        });
    }

    /**
     * @param entryId the entry
     * @param owner   the claimer
     * @return whether the owner held it and it was removed
     */
    public boolean complete(long entryId, String owner) {
        return tx.run("completing an outbox entry", c -> {
            try (PreparedStatement ps = c.prepareStatement(complete)) {
                ps.setLong(1, entryId);
                ps.setString(2, owner);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /**
     * @param entryId the entry
     * @param owner   the claimer
     * @param retryAt when it may be claimed again
     * @return whether the owner held it
     */
    public boolean release(long entryId, String owner, Instant retryAt) {
        return tx.run("releasing an outbox entry", c -> {
            try (PreparedStatement ps = c.prepareStatement(release)) {
                Rows.setInstant(ps, 1, retryAt, dialect);
                ps.setLong(2, entryId);
                ps.setString(3, owner);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** @return the number of rows */
    public long count() {
        return tx.run("counting outbox entries", c -> {
            try (PreparedStatement ps = c.prepareStatement(count); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }
}
