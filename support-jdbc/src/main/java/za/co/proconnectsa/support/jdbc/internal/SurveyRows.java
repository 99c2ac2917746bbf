package za.co.proconnectsa.support.jdbc.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import za.co.proconnectsa.support.jdbc.Dialect;

/** What the two survey tables (tickets' and conversations') do alike: open a survey once, find the last asked. */
final class SurveyRows {

    /** Binds a statement's parameters. */
    @FunctionalInterface
    interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private SurveyRows() {
    }

    /** @return whether the row was inserted; {@code false} when its unique key was taken */
    static boolean insertOnce(Tx tx, String what, String sql, Binder binder) {
        try {
            return tx.runKeyed(what, c -> {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    binder.bind(ps);
                    ps.executeUpdate();
                } catch (SQLException e) {
                    throw Tx.unlessKeyTaken(e);
                }
                return true;
            });
        } catch (Tx.KeyTaken taken) {
            return false;
        }
    }

    /** @return the latest {@code asked_at} of the rows whose {@code column} is {@code value} */
    static Optional<Instant> lastAsked(Tx tx, Dialect dialect, String table, String column, String value) {
        return tx.run("reading when someone was last surveyed", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT asked_at FROM " + table + " WHERE " + column
                    + " = ? ORDER BY asked_at DESC LIMIT 1")) {
                ps.setString(1, value);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(Rows.getInstant(rs, "asked_at", dialect)) : Optional.empty();
                }
            }
        });
    }

    /** @return whether the answer was recorded on the unanswered row whose {@code key} is {@code id} */
    static boolean answer(Tx tx, Dialect dialect, String table, String key, String id, int score, String comment,
            Instant at) {
        return tx.run("recording a satisfaction answer", c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + table
                    + " SET score = ?, answer_text = ?, answered_at = ? WHERE " + key + " = ? AND score IS NULL")) {
                ps.setInt(1, score);
                ps.setString(2, comment);
                Rows.setInstant(ps, 3, at, dialect);
                ps.setString(4, id);
                return ps.executeUpdate() == 1;
            }
        });
    }
}
