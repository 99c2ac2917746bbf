package za.co.proconnectsa.support.jdbc.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import za.co.proconnectsa.support.jdbc.Dialect;
import za.co.proconnectsa.support.queue.Job;
import za.co.proconnectsa.support.queue.JobState;
import za.co.proconnectsa.support.queue.QueueChecks;
import za.co.proconnectsa.support.internal.Checks;

/**
 * The jobs table: enqueued inside the store's transactions, claimed with {@code FOR UPDATE SKIP LOCKED} so workers
 * on several instances never wait for each other's rows, marked done inside the unit of work that applied the job.
 */
public final class JdbcWorkQueue {

    private static final String COLUMNS = "id, kind, job_key, payload, state, attempts, created_at, finished_at, last_error";

    private final Tx tx;
    private final Dialect dialect;
    private final String table;

    /**
     * @param tx      the store's transactions
     * @param dialect the database
     * @param prefix  the table prefix
     */
    public JdbcWorkQueue(Tx tx, Dialect dialect, String prefix) {
        this.tx = tx;
        this.dialect = dialect;
        this.table = prefix + "jobs";
    }

    /**
     * @param kind    the kind
     * @param key     the key
     * @param payload the data
     * @param at      when
     * @param about   the record it is about, or null
     * @return whether it was new
     */
    public boolean enqueue(String kind, String key, byte[] payload, Instant at, String about) {
        QueueChecks.kindAndKey(kind, key);
        QueueChecks.about(about);
        Checks.notNull(payload, "payload");
        Checks.notNull(at, "at");
        Tx.Work<Boolean> insert = c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " (kind, job_key, payload, state, "
                    + "attempts, available_at, created_at, about_ref) VALUES (?, ?, ?, 'PENDING', 0, ?, ?, ?)")) {
                ps.setString(1, kind);
                ps.setString(2, key);
                ps.setBytes(3, payload);
                Rows.setInstant(ps, 4, at, dialect);
                Rows.setInstant(ps, 5, at, dialect);
                ps.setString(6, about);
                ps.executeUpdate();
                return true;
            } catch (SQLException e) {
                throw Tx.unlessKeyTaken(e);
            }
        };
        try {
            // one statement is atomic by itself: outside a unit it needs no transaction around it
            return tx.inUnit() ? tx.runKeyed("enqueueing a job", insert) : tx.autoCommit("enqueueing a job", insert);
        } catch (Tx.KeyTaken taken) {
            return false;
        }
    }

    /**
     * @param kind  the kind
     * @param owner the claimer
     * @param max   how many
     * @param lease how long
     * @param now   when
     * @return the claimed jobs
     */
    public List<Job> claim(String kind, String owner, int max, Duration lease, Instant now) {
        QueueChecks.claim(kind, owner, max, lease, now);
        return tx.run("claiming jobs", c -> {
            List<Job> claimed = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM " + table
                    + " WHERE kind = ? AND state = 'PENDING' AND available_at <= ? ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED")) {
                ps.setString(1, kind);
                Rows.setInstant(ps, 2, now, dialect);
                ps.setInt(3, max);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        claimed.add(read(rs, 1));
                    }
                }
            }
            if (!claimed.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement("UPDATE " + table
                        + " SET claimed_by = ?, available_at = ?, attempts = attempts + 1 WHERE id = ?")) {
                    for (Job j : claimed) {
                        ps.setString(1, owner);
                        Rows.setInstant(ps, 2, now.plus(lease), dialect);
                        ps.setLong(3, j.id());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
            return claimed;
        });
    }

    /**
     * @param jobId the job
     * @param owner the claimer
     * @param until the new lease end
     * @return whether the owner held it
     */
    public boolean renew(long jobId, String owner, Instant until) {
        Checks.notNull(until, "until");
        return held("renewing a job", "available_at = ?", jobId, owner, until);
    }

    /**
     * @param jobId the job
     * @param owner the claimer
     * @param at    when
     * @return whether the owner held it
     */
    public boolean complete(long jobId, String owner, Instant at) {
        Checks.notNull(at, "at");
        return held("completing a job", "state = 'DONE', claimed_by = NULL, finished_at = ?", jobId, owner, at);
    }

    /**
     * @param jobId   the job
     * @param owner   the claimer
     * @param retryAt when it may be claimed again
     * @param error   why
     * @return whether the owner held it
     */
    public boolean release(long jobId, String owner, Instant retryAt, String error) {
        Checks.notNull(retryAt, "retryAt");
        return held("releasing a job", "claimed_by = NULL, available_at = ?, last_error = ?", jobId, owner, retryAt,
                QueueChecks.cut(error));
    }

    /**
     * @param jobId  the job
     * @param owner  the claimer
     * @param reason why
     * @param at     when
     * @return whether the owner held it
     */
    public boolean bury(long jobId, String owner, String reason, Instant at) {
        Checks.notNull(at, "at");
        return held("burying a job", "state = 'DEAD', claimed_by = NULL, finished_at = ?, last_error = ?", jobId, owner,
                at, QueueChecks.cut(reason));
    }

    private boolean held(String what, String set, long jobId, String owner, Object... values) {
        Checks.notNull(owner, "owner");
        return tx.run(what, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET " + set
                    + " WHERE id = ? AND claimed_by = ? AND state = 'PENDING'")) {
                int i = 1;
                for (Object v : values) {
                    if (v instanceof Instant instant) {
                        Rows.setInstant(ps, i++, instant, dialect);
                    } else {
                        ps.setString(i++, (String) v);
                    }
                }
                ps.setLong(i++, jobId);
                ps.setString(i, owner);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /**
     * @param kind the kind
     * @param key  the key
     * @return the job
     */
    public Optional<Job> find(String kind, String key) {
        QueueChecks.kindAndKey(kind, key);
        return tx.run("reading a job", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM " + table
                    + " WHERE kind = ? AND job_key = ?")) {
                ps.setString(1, kind);
                ps.setString(2, key);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(read(rs, 0)) : Optional.<Job>empty();
                }
            }
        });
    }

    /**
     * @param keys job keys
     * @return the jobs with one of these keys, any kind and state, by id
     */
    public List<Job> findByKeys(List<String> keys) {
        return tx.run("reading jobs by key", c -> {
            List<Job> out = new ArrayList<>();
            for (int from = 0; from < keys.size(); from += 500) {
                List<String> chunk = keys.subList(from, Math.min(keys.size(), from + 500));
                try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM " + table
                        + " WHERE job_key IN (" + Sql.placeholders(chunk.size()) + ")")) {
                    for (int i = 0; i < chunk.size(); i++) {
                        ps.setString(i + 1, chunk.get(i));
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.add(read(rs, 0));
                        }
                    }
                }
            }
            out.sort(java.util.Comparator.comparingLong(Job::id));
            return out;
        });
    }

    /**
     * @param kind    the kind
     * @param afterId after this id
     * @param limit   how many
     * @return dead jobs by id
     */
    public List<Job> dead(String kind, long afterId, int limit) {
        return list(kind, afterId, limit, true);
    }

    /**
     * @param kind    the kind
     * @param afterId after this id
     * @param limit   at most this many
     * @return jobs of the kind in any state, by id
     */
    public List<Job> all(String kind, long afterId, int limit) {
        return list(kind, afterId, limit, false);
    }

    private List<Job> list(String kind, long afterId, int limit, boolean deadOnly) {
        Checks.notNull(kind, "kind");
        QueueChecks.limit(limit);
        return tx.run(deadOnly ? "listing dead jobs" : "listing jobs", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM " + table
                    + " WHERE kind = ?" + (deadOnly ? " AND state = 'DEAD'" : "") + " AND id > ? ORDER BY id LIMIT ?")) {
                ps.setString(1, kind);
                ps.setLong(2, afterId);
                ps.setInt(3, limit);
                List<Job> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(read(rs, 0));
                    }
                }
                return out;
            }
        });
    }

    /**
     * @param jobId the job
     * @return whether it was dead
     */
    public boolean retryDead(long jobId) {
        return tx.run("retrying a dead job", c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET state = 'PENDING', attempts = 0, "
                    + "claimed_by = NULL, finished_at = NULL, available_at = ? WHERE id = ? AND state = 'DEAD'")) {
                Rows.setInstant(ps, 1, Instant.EPOCH, dialect);
                ps.setLong(2, jobId);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /**
     * @param kind the kind
     * @return pending jobs of the kind
     */
    public long pending(String kind) {
        Checks.notNull(kind, "kind");
        return tx.run("counting jobs", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + table
                    + " WHERE kind = ? AND state = 'PENDING'")) {
                ps.setString(1, kind);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /**
     * @param kind   the kind
     * @param before finished before
     * @return how many were removed
     */
    public int purgeDone(String kind, Instant before) {
        Checks.notNull(kind, "kind");
        Checks.notNull(before, "before");
        return tx.run("purging done jobs", c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table
                    + " WHERE kind = ? AND state = 'DONE' AND finished_at < ?")) {
                ps.setString(1, kind);
                Rows.setInstant(ps, 2, before, dialect);
                return ps.executeUpdate();
            }
        });
    }

    private Job read(ResultSet rs, int attemptsAdded) throws SQLException {
        return new Job(rs.getLong("id"), rs.getString("kind"), rs.getString("job_key"), rs.getBytes("payload"),
                JobState.valueOf(rs.getString("state")), rs.getInt("attempts") + attemptsAdded,
                Rows.getInstant(rs, "created_at", dialect), Rows.getInstant(rs, "finished_at", dialect),
                rs.getString("last_error"));
    }
}
