package za.co.proconnectsa.support.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import za.co.proconnectsa.support.DataRejectedException;
import za.co.proconnectsa.support.StoreUnavailableException;

/**
 * The store's transactions. A unit of work ({@link #inTransaction}) binds one connection to the calling thread;
 * every store call on that thread runs on it ({@link #run}) and only the unit commits. A store call outside a unit
 * is a unit of its own. When the host's connection comes already inside a transaction (auto-commit off) and the
 * store joins host transactions, the unit runs in the host's transaction and leaves commit and rollback to the
 * host.
 */
public final class Tx {

    private static final Logger LOG = LoggerFactory.getLogger(Tx.class);

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

    /** Thrown inside the work when a unique key (idempotency key, message id) is taken; see {@link #runKeyed}. */
    public static final class KeyTaken extends RuntimeException {
        private static final long serialVersionUID = 1L;

        /** Without a stack trace: it is control flow. */
        public KeyTaken() {
            super(null, null, false, false);
        }
    }

    /** The unit of work bound to a thread. */
    private static final class Unit {
        final Connection connection;
        final boolean own;
        final List<Runnable> afterCommit = new ArrayList<>();
        final Map<Object, Object> state = new HashMap<>();
        final List<Work<?>> beforeCommit = new ArrayList<>();
        /** A statement failed: whoever caught its exception, the unit must not commit (MariaDB may have rolled back). */
        boolean failed;

        Unit(Connection connection, boolean own) {
            this.connection = connection;
            this.own = own;
        }
    }

    private final DataSource dataSource;
    private final boolean joinHostTransactions;
    private final boolean readCommitted;
    private final ThreadLocal<Unit> current = new ThreadLocal<>();

    /**
     * A store's transactions on a database whose default isolation already lets a retried read see what others
     * committed (PostgreSQL and H2 default to READ COMMITTED).
     *
     * @param dataSource           the host's data source
     * @param joinHostTransactions whether a connection handed out with auto-commit off is the host's transaction to
     *                             join rather than a pooled connection to run our own transaction on
     */
    public Tx(DataSource dataSource, boolean joinHostTransactions) {
        this(dataSource, joinHostTransactions, false);
    }

    /**
     * @param dataSource           the host's data source
     * @param joinHostTransactions as above
     * @param readCommitted        whether the store's own units must lower the connection's isolation to READ
     *                             COMMITTED (MariaDB defaults to REPEATABLE READ, where a retried read sees an old
     *                             snapshot); asked only where needed, as asking costs a round trip on some drivers
     */
    public Tx(DataSource dataSource, boolean joinHostTransactions, boolean readCommitted) {
        this.dataSource = dataSource;
        this.joinHostTransactions = joinHostTransactions;
        this.readCommitted = readCommitted;
    }

    /** @return whether a unit of work is bound to the calling thread */
    public boolean inUnit() {
        return current.get() != null;
    }

    /**
     * Runs work as one unit, or inside the unit already bound to this thread.
     *
     * @param work the work
     * @param <T>  its result type
     * @return its result, after the commit
     * @throws StoreUnavailableException when the transaction cannot begin or commit
     */
    public <T> T inTransaction(Supplier<T> work) {
        if (current.get() != null) {
            return work.get();
        }
        Connection c;
        try {
            c = dataSource.getConnection();
        } catch (SQLException e) {
            throw unavailable("beginning a transaction", e);
        }
        Unit unit;
        boolean autoCommit;
        int isolation;
        try {
            autoCommit = c.getAutoCommit();
            boolean own = autoCommit || !joinHostTransactions;
            isolation = own && readCommitted ? c.getTransactionIsolation() : Connection.TRANSACTION_NONE;
            if (own) {
                if (autoCommit) {
                    c.setAutoCommit(false);
                }
                // a retried read must see what others committed meanwhile (MariaDB defaults to REPEATABLE READ)
                if (readCommitted && isolation > Connection.TRANSACTION_READ_COMMITTED) {
                    c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                }
            }
            unit = new Unit(c, own);
        } catch (SQLException e) {
            close(c, e);
            throw unavailable("beginning a transaction", e);
        }
        current.set(unit);
        T result;
        try {
            result = work.get();
            for (int i = 0; i < unit.beforeCommit.size(); i++) {
                Work<?> last = unit.beforeCommit.get(i);
                run("finishing a unit of work", last);
            }
            if (unit.failed) {
                // a caller swallowed a statement's failure; on MariaDB a deadlock has already undone the transaction
                throw new StoreUnavailableException("A statement of this unit of work failed; nothing of it is kept",
                        null);
            }
            if (unit.own) {
                commit(c);
            }
        } catch (Throwable e) {
            // any Throwable, checked ones thrown past the compiler included: a unit that did not finish is undone
            if (unit.own) {
                rollback(c, e);
            }
            throw e;
        } finally {
            current.remove();
            if (unit.own) {
                restore(c, autoCommit, isolation);
            }
            close(c, null);
        }
        // the connection is back in the pool first: an action that uses the store (handing out the ticket backlog)
        // must not hold two connections at once, or a few threads doing so exhaust a small pool
        unit.afterCommit.forEach(Tx::runAfterCommit);
        return result;
    }

    /** @return whether a unit of the store's own (not a joined host transaction) is bound to the calling thread */
    public boolean inOwnUnit() {
        Unit unit = current.get();
        return unit != null && unit.own;
    }

    /** Thrown by {@link #inSnapshot} when it could not begin: no connection, or the snapshot could not be read. */
    public static final class SnapshotRefused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SnapshotRefused(String message, SQLException cause) {
            super(message + " (SQLState " + cause.getSQLState() + ")", cause);
        }
    }

    /**
     * PostgreSQL: runs read-only work as a unit of its own, on a new connection whose transaction reads a snapshot
     * exported by another transaction ({@code pg_export_snapshot()}): {@code SET TRANSACTION ISOLATION LEVEL
     * REPEATABLE READ, READ ONLY} then {@code SET TRANSACTION SNAPSHOT}, both inside the transaction (nothing is set on
     * the session, so a pooler handing the server session to another client passes nothing on), so that every
     * statement of the work sees exactly what the exporting transaction saw when it exported it. Every call of this
     * store on the calling thread runs on that connection until the work returns; the transaction is then rolled
     * back, as it wrote nothing.
     *
     * @param snapshot the exported snapshot's identifier
     * @param work     the work
     * @param <T>      its result type
     * @return its result
     * @throws SnapshotRefused when no connection could be had or the snapshot could not be read (its transaction
     *                         ended; another server), before the work ran
     */
    public <T> T inSnapshot(String snapshot, Supplier<T> work) {
        if (snapshot == null || !snapshot.matches("[0-9A-F]+(-[0-9A-F]+)+")) {
            throw new IllegalArgumentException("not a snapshot identifier: " + snapshot);
        }
        if (current.get() != null) {
            throw new IllegalStateException("a unit of work is already bound to this thread");
        }
        Connection c;
        try {
            c = dataSource.getConnection();
        } catch (SQLException e) {
            throw new SnapshotRefused("No connection to read a report's snapshot", e);
        }
        boolean autoCommit = true;
        try {
            autoCommit = c.getAutoCommit();
            if (!autoCommit) {
                // a pooled connection handed out inside a transaction of its own: end it before taking the snapshot
                c.rollback();
            }
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
                // the identifier is checked above: hexadecimal digits and dashes only
                st.execute("SET TRANSACTION SNAPSHOT '" + snapshot + "'");
            }
        } catch (SQLException e) {
            rollback(c, e);
            restore(c, autoCommit, Connection.TRANSACTION_NONE);
            close(c, e);
            throw new SnapshotRefused("A report's snapshot could not be read", e);
        }
        current.set(new Unit(c, true));
        try {
            return work.get();
        } finally {
            current.remove();
            try {
                c.rollback();
            } catch (SQLException e) {
                LOG.debug("Could not end a snapshot's read-only transaction", e);
            }
            restore(c, autoCommit, Connection.TRANSACTION_NONE);
            close(c, null);
        }
    }

    /**
     * Runs an action after the unit bound to this thread commits, or at once when none is bound. In a joined host
     * transaction the store cannot see the host's commit: the action runs when the store's unit ends.
     *
     * @param action the action
     */
    public void afterCommit(Runnable action) {
        Unit unit = current.get();
        if (unit == null) {
            runAfterCommit(action);
        } else {
            unit.afterCommit.add(action);
        }
    }

    /**
     * State kept for the unit bound to this thread, made on first use: the store uses it to collect what the unit
     * changed, and {@code onFirstUse} registers the work that writes it down just before the commit (after all other
     * writes of the unit, so that a lock it takes is held only for the commit).
     *
     * @param key        identifies the state
     * @param initial    makes the state
     * @param onFirstUse registers a before-commit step for the new state
     * @param <S>        the state's type
     * @return the state of the current unit
     * @throws IllegalStateException when no unit is bound (a store bug)
     */
    @SuppressWarnings("unchecked")
    public <S> S unitState(Object key, Supplier<S> initial, java.util.function.Function<S, Work<?>> onFirstUse) {
        Unit unit = current.get();
        if (unit == null) {
            throw new IllegalStateException("no unit of work is bound to this thread");
        }
        Object existing = unit.state.get(key);
        if (existing != null) {
            return (S) existing;
        }
        S created = initial.get();
        unit.state.put(key, created);
        unit.beforeCommit.add(onFirstUse.apply(created));
        return created;
    }

    /**
     * Runs one store call: in the unit bound to this thread, or as a unit of its own.
     *
     * @param what what the work does, for the error message ("inserting a ticket")
     * @param work the work
     * @param <T>  its result type
     * @return its result
     * @throws StoreUnavailableException when the connection or a statement fails
     * @throws DataRejectedException     when the database refused a value (SQLState class 22 or 23)
     */
    public <T> T run(String what, Work<T> work) {
        Unit unit = current.get();
        if (unit == null) {
            return inTransaction(() -> run(what, work));
        }
        try {
            return work.run(unit.connection);
        } catch (SQLException e) {
            unit.failed = true;
            throw failure(what, e);
        }
    }

    /**
     * Runs a store call that may find a unique key taken and throw {@link KeyTaken}: behind a savepoint, so that the
     * call's writes are taken back and the unit stays usable (PostgreSQL refuses every statement of a transaction
     * after a failed one). The caller catches {@link KeyTaken} and reads who holds the key.
     *
     * @param what what the work does, for the error message
     * @param work the work
     * @param <T>  its result type
     * @return its result
     * @throws KeyTaken when the work found its key taken; its writes are undone
     */
    public <T> T runKeyed(String what, Work<T> work) {
        if (current.get() == null) {
            // a unit of its own rolls all of it back on a taken key; in a joined host transaction only a savepoint
            // keeps the host's work (PostgreSQL aborts the whole transaction on a failed statement)
            return inTransaction(() -> current.get().own ? run(what, work) : run(what, c -> savepointed(c, work)));
        }
        return run(what, c -> savepointed(c, work));
    }

    private static <T> T savepointed(Connection c, Work<T> work) throws SQLException {
        Savepoint savepoint = c.setSavepoint();
        try {
            T result = work.run(c);
            c.releaseSavepoint(savepoint);
            return result;
        } catch (KeyTaken taken) {
            c.rollback(savepoint);
            throw taken;
        }
    }

    /**
     * Runs one self-contained statement in auto-commit mode when no unit is bound: no transaction to begin and
     * commit, one round trip fewer. Only for work that is atomic on its own (a sequence's next value, a single read).
     *
     * @param what what the work does, for the error message
     * @param work the work
     * @param <T>  its result type
     * @return its result
     * @throws StoreUnavailableException when the connection or the statement fails
     * @throws DataRejectedException     when the database refused a value (SQLState class 22 or 23)
     */
    public <T> T autoCommit(String what, Work<T> work) {
        if (current.get() != null) {
            return run(what, work);
        }
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            if (!autoCommit && joinHostTransactions) {
                // the host's transaction: the statement joins it, behind a savepoint so that a taken key or a refused
                // value leaves the host's transaction usable
                Savepoint savepoint = c.setSavepoint();
                try {
                    T result = work.run(c);
                    c.releaseSavepoint(savepoint);
                    return result;
                } catch (SQLException | RuntimeException e) {
                    c.rollback(savepoint);
                    throw e;
                }
            }
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
     * @return the value, taken in auto-commit outside a unit: it is atomic by itself
     */
    public long nextValue(String what, String sequence) {
        return autoCommit(what, c -> {
            try (PreparedStatement ps = c.prepareStatement(sequence); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private static void commit(Connection c) {
        try {
            c.commit();
        } catch (SQLException e) {
            throw new StoreUnavailableException("The JDBC ticket store could not commit a unit of work (SQLState "
                    + e.getSQLState() + ", error " + e.getErrorCode() + "); it may or may not have been stored", e);
        }
    }

    private static void runAfterCommit(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            LOG.warn("An after-commit action failed; the unit of work is committed", e);
        }
    }

    private static void restore(Connection c, boolean autoCommit, int isolation) {
        try {
            if (isolation != Connection.TRANSACTION_NONE && c.getTransactionIsolation() != isolation) {
                c.setTransactionIsolation(isolation);
            }
            if (autoCommit) {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            LOG.debug("Could not restore a pooled connection's settings", e);
        }
    }

    private static void close(Connection c, Exception cause) {
        try {
            c.close();
        } catch (SQLException e) {
            if (cause != null) {
                cause.addSuppressed(e);
            } else {
                LOG.debug("Could not close a connection", e);
            }
        }
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

    private static void rollback(Connection c, Throwable cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private static StoreUnavailableException unavailable(String what, SQLException e) {
        return new StoreUnavailableException("The JDBC ticket store failed while " + what + " (SQLState "
                + e.getSQLState() + ", error " + e.getErrorCode() + ")", e);
    }

    /**
     * For a keyed write's catch block: {@code catch (SQLException e) { throw Tx.unlessKeyTaken(e); }}.
     *
     * @param e a failure of the write
     * @return {@code e}, to rethrow, when it is not a duplicate key
     * @throws KeyTaken when it is a duplicate key
     */
    public static SQLException unlessKeyTaken(SQLException e) {
        if (isUniqueViolation(e)) {
            throw new KeyTaken();
        }
        return e;
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
