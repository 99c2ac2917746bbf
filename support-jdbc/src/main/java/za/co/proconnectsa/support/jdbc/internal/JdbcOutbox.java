package za.co.proconnectsa.support.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import za.co.proconnectsa.support.internal.Checks;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.access.Role;
import za.co.proconnectsa.support.event.DeadLetter;
import za.co.proconnectsa.support.event.EventPayload;
import za.co.proconnectsa.support.event.OutboxEntry;
import za.co.proconnectsa.support.event.TicketEvent;
import za.co.proconnectsa.support.jdbc.Dialect;
import za.co.proconnectsa.support.sla.SlaTargetType;
import za.co.proconnectsa.support.ticket.AuditEvent;
import za.co.proconnectsa.support.ticket.Message;
import za.co.proconnectsa.support.ticket.Ticket;
import za.co.proconnectsa.support.ticket.TicketId;

/**
 * The outbox table: written inside the ticket store's transactions, claimed with {@code FOR UPDATE SKIP LOCKED}
 * so relays on several instances never wait for each other's rows, and deleted once delivered. A row that cannot
 * be read is made dead by the claim that meets it; dead rows are never claimed.
 */
public final class JdbcOutbox {

    private static final String COLUMNS = "id, event_type, ticket_id, actor_id, actor_role, actor_name, message_id, "
            + "sla_target, occurred_at, attempts";
    private static final String DEAD_COLUMNS = "id, event_type, ticket_id, occurred_at, attempts, last_error, dead_at";

    private final Tx tx;
    private final Dialect dialect;
    private final String insert;
    private final String selectClaimable;
    private final String claim;
    private final String park;
    private final String renew;
    private final String complete;
    private final String release;
    private final String bury;
    private final String countLive;
    private final String countDead;
    private final String listDead;
    private final String findDead;
    private final String retryDead;
    private final String deleteDead;

    /**
     * @param tx      the store's transactions
     * @param dialect the database
     * @param prefix  the table prefix
     */
    public JdbcOutbox(Tx tx, Dialect dialect, String prefix) {
        this.tx = tx;
        this.dialect = dialect;
        String table = prefix + "outbox";
        String held = " WHERE id = ? AND claimed_by = ? AND dead_at IS NULL";
        this.insert = "INSERT INTO " + table + " (event_type, ticket_id, actor_id, actor_role, actor_name, message_id, "
                + "occurred_at, sla_target, attempts, aggregate_type, payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, '"
                + EventPayload.AGGREGATE_TYPE + "', ?)";
        this.selectClaimable = "SELECT " + COLUMNS + " FROM " + table + " WHERE dead_at IS NULL "
                + "AND (claimed_until IS NULL OR claimed_until < ?) ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED";
        this.claim = "UPDATE " + table + " SET claimed_by = ?, claimed_until = ?, attempts = attempts + 1 WHERE id = ?";
        this.park = "UPDATE " + table + " SET claimed_by = NULL, claimed_until = NULL, dead_at = ?, last_error = ? "
                + "WHERE id = ?";
        this.renew = "UPDATE " + table + " SET claimed_until = ?" + held;
        this.complete = "DELETE FROM " + table + held;
        this.release = "UPDATE " + table + " SET claimed_by = NULL, claimed_until = ?" + held;
        this.bury = "UPDATE " + table + " SET claimed_by = NULL, claimed_until = NULL, dead_at = ?, last_error = ?" + held;
        this.countLive = "SELECT COUNT(*) FROM " + table + " WHERE dead_at IS NULL";
        this.countDead = "SELECT COUNT(*) FROM " + table + " WHERE dead_at IS NOT NULL";
        this.listDead = "SELECT " + DEAD_COLUMNS + " FROM " + table + " WHERE dead_at IS NOT NULL AND id > ? "
                + "ORDER BY id LIMIT ?";
        this.findDead = "SELECT " + DEAD_COLUMNS + " FROM " + table + " WHERE dead_at IS NOT NULL AND id = ?";
        this.retryDead = "UPDATE " + table + " SET dead_at = NULL, last_error = NULL, attempts = 0, claimed_by = NULL, "
                + "claimed_until = NULL WHERE id = ? AND dead_at IS NOT NULL";
        this.deleteDead = "DELETE FROM " + table + " WHERE id = ? AND dead_at IS NOT NULL";
    }

    /**
     * Writes the entry of one store write ({@link OutboxEntry#pending}), inside its transaction, with its
     * {@link EventPayload} in the same insert; nothing when the write has no audit events.
     *
     * @param c           the transaction's connection
     * @param ticket      the ticket as the write stores it (its version too), for the payload
     * @param events      the write's audit events
     * @param newMessages the write's new messages
     * @throws SQLException from the driver
     */
    public void write(Connection c, Ticket ticket, List<AuditEvent> events, List<Message> newMessages)
            throws SQLException {
        List<OutboxEntry.Pending> pending = OutboxEntry.pending(events, newMessages);
        if (pending.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(insert)) {
            for (OutboxEntry.Pending entry : pending) {
                ps.setString(1, entry.type().name());
                ps.setString(2, entry.ticketId().toString());
                ps.setString(3, entry.actor().id());
                ps.setString(4, entry.actor().role().name());
                ps.setString(5, entry.actor().displayName());
                ps.setString(6, entry.messageId() == null ? null : entry.messageId().toString());
                Rows.setInstant(ps, 7, entry.at(), dialect);
                ps.setString(8, entry.slaTarget() == null ? null : entry.slaTarget().name());
                ps.setString(9, payload(entry, ticket, newMessages));
                if (pending.size() == 1) {
                    ps.executeUpdate();
                } else {
                    ps.addBatch();
                }
            }
            if (pending.size() > 1) {
                ps.executeBatch();
            }
        }
    }

    /**
     * @param entry       the entry
     * @param ticket      its ticket as stored
     * @param newMessages the messages its write added, among them the one it names
     * @return the payload of the event the relay would deliver for the entry right after the write
     */
    public static String payload(OutboxEntry.Pending entry, Ticket ticket, List<Message> newMessages) {
        Message message = entry.messageId() == null ? null : newMessages.stream()
                .filter(m -> m.id().equals(entry.messageId())).findFirst().orElse(null);
        return EventPayload.json(new TicketEvent(entry.type(), ticket, entry.actor(), entry.at(), message,
                entry.slaTarget()));
    }

    /**
     * Claims live rows; a row that cannot be read is made dead with the reason, in the same transaction.
     *
     * @param owner the claimer
     * @param max   at most this many
     * @param lease how long
     * @param now   the claimer's time
     * @return the claimed entries, oldest first
     */
    public List<OutboxEntry> claim(String owner, int max, Duration lease, Instant now) {
        if (owner == null || owner.isBlank() || owner.length() > 100) {
            throw InvalidInputException.of("owner", "must be 1 to 100 characters");
        }
        Checks.between(max, 1, 1000, "max");
        if (lease == null || lease.isNegative() || lease.isZero() || now == null) {
            throw InvalidInputException.of("lease", "must be positive, with a time to claim at");
        }
        return tx.run("claiming outbox entries", c -> {
            List<OutboxEntry> claimed = new ArrayList<>();
            List<Unreadable> unreadable = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(selectClaimable)) {
                Rows.setInstant(ps, 1, now, dialect);
                ps.setInt(2, max);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long id = rs.getLong("id");
                        try {
                            claimed.add(entry(rs, id));
                        } catch (RuntimeException e) {
                            unreadable.add(new Unreadable(id, why(rs.getString("event_type"), e)));
                        }
                    }
                }
            }
            if (!unreadable.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement(park)) {
                    for (Unreadable u : unreadable) {
                        Rows.setInstant(ps, 1, now, dialect);
                        ps.setString(2, u.reason());
                        ps.setLong(3, u.id());
                        ps.addBatch();
                    }
                    ps.executeBatch();
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

    private OutboxEntry entry(ResultSet rs, long id) throws SQLException {
        String message = rs.getString("message_id");
        return new OutboxEntry(id, TicketEvent.Type.valueOf(rs.getString("event_type")),
                TicketId.parse(rs.getString("ticket_id")),
                new Actor(rs.getString("actor_id"), Role.valueOf(rs.getString("actor_role")), rs.getString("actor_name")),
                Rows.getInstant(rs, "occurred_at", dialect),
                message == null ? null : UUID.fromString(message), rs.getInt("attempts") + 1,
                rs.getString("sla_target") == null ? null : SlaTargetType.valueOf(rs.getString("sla_target")));
    }

    private static String why(String type, RuntimeException e) {
        boolean known = Arrays.stream(TicketEvent.Type.values()).anyMatch(t -> t.name().equals(type));
        String reason = known
                ? "Unreadable entry: " + e.getClass().getSimpleName() + ": " + e.getMessage()
                : "Unreadable entry: unknown event type '" + type + "' (written by a newer version? retry it once every "
                        + "instance runs that version)";
        return cut(reason);
    }

    /**
     * @param entryId the entry
     * @param owner   the claimer
     * @param until   the claim's new end
     * @return whether the owner held it
     */
    public boolean renew(long entryId, String owner, Instant until) {
        if (until == null) {
            throw InvalidInputException.of("until", "must not be null");
        }
        return tx.run("renewing an outbox claim", c -> {
            try (PreparedStatement ps = c.prepareStatement(renew)) {
                Rows.setInstant(ps, 1, until, dialect);
                ps.setLong(2, entryId);
                ps.setString(3, owner);
                return ps.executeUpdate() == 1;
            }
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
        if (retryAt == null) {
            throw InvalidInputException.of("retryAt", "must not be null");
        }
        return tx.run("releasing an outbox entry", c -> {
            try (PreparedStatement ps = c.prepareStatement(release)) {
                Rows.setInstant(ps, 1, retryAt, dialect);
                ps.setLong(2, entryId);
                ps.setString(3, owner);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /**
     * @param entryId the entry
     * @param owner   the claimer
     * @param reason  why it dies
     * @param at      when
     * @return whether the owner held it
     */
    public boolean deadLetter(long entryId, String owner, String reason, Instant at) {
        if (reason == null || reason.isBlank()) {
            throw InvalidInputException.of("reason", "must not be blank");
        }
        if (at == null) {
            throw InvalidInputException.of("at", "must not be null");
        }
        return tx.run("moving an outbox entry to the dead letters", c -> {
            try (PreparedStatement ps = c.prepareStatement(bury)) {
                Rows.setInstant(ps, 1, at, dialect);
                ps.setString(2, cut(reason));
                ps.setLong(3, entryId);
                ps.setString(4, owner);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** @return the number of live rows */
    public long countLive() {
        return count("counting outbox entries", countLive);
    }

    /** @return the number of dead rows */
    public long countDead() {
        return count("counting dead letters", countDead);
    }

    private long count(String what, String statement) {
        return tx.run(what, c -> {
            try (PreparedStatement ps = c.prepareStatement(statement); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /**
     * @param afterId only greater ids
     * @param limit   at most this many
     * @return dead letters by id
     */
    public List<DeadLetter> deadLetters(long afterId, int limit) {
        Checks.between(limit, 1, 1000, "limit");
        return tx.run("listing dead letters", c -> {
            try (PreparedStatement ps = c.prepareStatement(listDead)) {
                ps.setLong(1, afterId);
                ps.setInt(2, limit);
                return deadLetters(ps);
            }
        });
    }

    /**
     * @param entryId the entry
     * @return the dead letter with that id, if it is one
     */
    public Optional<DeadLetter> findDeadLetter(long entryId) {
        return tx.run("reading a dead letter", c -> {
            try (PreparedStatement ps = c.prepareStatement(findDead)) {
                ps.setLong(1, entryId);
                return deadLetters(ps).stream().findFirst();
            }
        });
    }

    private List<DeadLetter> deadLetters(PreparedStatement ps) throws SQLException {
        List<DeadLetter> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new DeadLetter(rs.getLong("id"), rs.getString("event_type"), rs.getString("ticket_id"),
                        Rows.getInstant(rs, "occurred_at", dialect), rs.getInt("attempts"), rs.getString("last_error"),
                        Rows.getInstant(rs, "dead_at", dialect)));
            }
        }
        return out;
    }

    /**
     * @param entryId the entry
     * @return whether it was dead and is live again
     */
    public boolean retryDeadLetter(long entryId) {
        return updateOne("retrying a dead letter", retryDead, entryId);
    }

    /**
     * @param entryId the entry
     * @return whether it was dead and is deleted
     */
    public boolean deleteDeadLetter(long entryId) {
        return updateOne("deleting a dead letter", deleteDead, entryId);
    }

    private boolean updateOne(String what, String statement, long entryId) {
        return tx.run(what, c -> {
            try (PreparedStatement ps = c.prepareStatement(statement)) {
                ps.setLong(1, entryId);
                return ps.executeUpdate() == 1;
            }
        });
    }

    private static String cut(String reason) {
        return reason.length() <= DeadLetter.MAX_REASON_LENGTH ? reason : reason.substring(0, DeadLetter.MAX_REASON_LENGTH);
    }

    private record Unreadable(long id, String reason) {
    }
}
