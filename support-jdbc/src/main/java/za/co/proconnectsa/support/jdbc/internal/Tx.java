package za.co.proconnectsa.support.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import za.co.proconnectsa.support.DataRejectedException;
import za.co.proconnectsa.support.StoreUnavailableException;

/** Runs work in one transaction on a connection of the data source: commit on success, roll back on any failure. */
public final class Tx {

    /** Work inside a transaction. */
    @FunctionalInterface
    public interface Work<T> {
        /**
         * @param c the connection, auto-commit off
         * @return the result
         * @throws SQLException from the driver
         */
        T run(Connection c) throws SQLException;
    }

    /** Thrown inside the work to roll the transaction back when a unique key (idempotency key, message id) is taken. */
    public static final class KeyTaken extends RuntimeException {
        private static final long serialVersionUID = 1L;

        /** Without a stack trace: it is control flow. */
        public KeyTaken() {
            super(null, null, false, false);
        }
    }

    private final DataSource dataSource;

    /** @param dataSource the host's data source */
    public Tx(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * @param what what the work does, for the error message ("inserting a ticket")
     * @param work the work
     * @param <T>  its result type
     * @return its result
     * @throws StoreUnavailableException when the connection or a statement fails
     * @throws DataRejectedException     when the database refused a value (SQLState class 22 or 23)
     */
    public <T> T run(String what, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollback(c, e);
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    /**
     * Runs one self-contained statement in auto-commit mode: no transaction to begin and commit, one round trip
     * fewer. Only for work that is atomic on its own (a sequence's next value, a single read).
     *
     * @param what what the work does, for the error message
     * @param work the work
     * @param <T>  its result type
     * @return its result
     * @throws StoreUnavailableException when the connection or the statement fails
     * @throws DataRejectedException     when the database refused a value (SQLState class 22 or 23)
     */
    public <T> T autoCommit(String what, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            if (!autoCommit) {
                c.setAutoCommit(true);
            }
            try {
                return work.run(c);
            } finally {
                // the pool's connection goes back as it came
                if (!autoCommit) {
                    c.setAutoCommit(false);
                }
            }
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    /**
     * @param what     what it is for, for the error message ("taking a ticket number")
     * @param sequence the query of a sequence's next value ({@link Sql#nextValue})
     * @return the value, taken in auto-commit: it is atomic by itself
     */
    public long nextValue(String what, String sequence) {
        return autoCommit(what, c -> {
            try (PreparedStatement ps = c.prepareStatement(sequence); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /**
     * A data exception (SQLState class 22) or an integrity violation (class 23) that reaches here fails the same
     * way on every retry, so it is not reported as {@link StoreUnavailableException}, which tells a host to retry.
     *
     * @param what what the work did
     * @param e    the failure
     * @return the typed exception to throw
     */
    static RuntimeException failure(String what, SQLException e) {
        SQLException data = dataError(e);
        if (data != null) {
            return new DataRejectedException("The database refused a value while " + what + " (SQLState "
                    + data.getSQLState() + ", error " + data.getErrorCode() + ")", data.getSQLState(), e);
        }
        return new StoreUnavailableException("The JDBC ticket store failed while " + what + " (SQLState "
                + e.getSQLState() + ", error " + e.getErrorCode() + ")", e);
    }

    /**
     * @param e a failure, perhaps a batch failure with the statement's own failure chained behind it
     * @return the first data error or integrity violation in the chain, or {@code null}
     */
    public static SQLException dataError(SQLException e) {
        int depth = 0;
        for (SQLException s = e; s != null && depth < 8; s = s.getNextException(), depth++) {
            String state = s.getSQLState();
            if (state != null && (state.startsWith("22") || state.startsWith("23"))) {
                return s;
            }
        }
        return null;
    }

    private static void rollback(Connection c, Exception cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    /**
     * SQLState class 23 is an integrity violation; 23505 (and MariaDB's 23000 with error 1062) a duplicate key.
     *
     * @param e a failure
     * @return whether it is a duplicate key
     */
    public static boolean isUniqueViolation(SQLException e) {
        String state = e.getSQLState();
        return "23505".equals(state) || ("23000".equals(state) && e.getErrorCode() == 1062);
    }
}
