package za.co.proconnectsa.support.testing;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A {@link DataSource} in front of your real one that fails on purpose, for testing that a store (or your own code
 * around it) loses and doubles nothing when the database misbehaves. Each kind of call ({@link Fault}) fails for a
 * share of its calls; the calls that are not failed go to the real database unchanged.
 *
 * <p>Which calls fail is decided by its seed and the call's position among the calls of its kind: the n-th
 * {@code prepareStatement} of a run with seed 42 fails or not whatever the thread and the time. A single-threaded
 * test therefore fails at the same calls on every run; with several threads the same positions fail, while which
 * thread makes the n-th call depends on scheduling.
 *
 * <p>Every injected failure is a {@link SQLTransientConnectionException} with SQLState {@code 08006} (connection
 * failure) and a message starting with {@code "injected"}, as a lost connection would be reported: a store treats it
 * as worth retrying. A {@link Fault#COMMIT_THEN_FAIL} commits first and then throws, as when the connection drops while
 * the database's answer to a commit is on its way: the work is stored, but the caller is told it failed.
 *
 * <pre>{@code
 * FaultyDataSource faulty = FaultyDataSource.builder(pool).seed(42)
 *         .failing(FaultyDataSource.Fault.CONNECTION, 0.05)
 *         .failing(FaultyDataSource.Fault.PREPARE, 0.05)
 *         .failing(FaultyDataSource.Fault.EXECUTE, 0.05)
 *         .failing(FaultyDataSource.Fault.COMMIT_THEN_FAIL, 0.01)
 *         .build();
 * TicketStore store = JdbcTicketStore.create(faulty);
 * }</pre>
 *
 * <p>Safe to use from many threads. {@link #setEnabled(boolean)} turns the faults off and on, e.g. while a store
 * creates its schema or while a test checks the result.
 */
public final class FaultyDataSource implements DataSource {

    /** The calls that can be made to fail. */
    public enum Fault {
        /** {@code DataSource.getConnection()}: no connection is taken from the real data source. */
        CONNECTION,
        /** {@code Connection.prepareStatement}, {@code prepareCall} and {@code createStatement}: nothing reaches the database. */
        PREPARE,
        /** {@code execute}, {@code executeQuery}, {@code executeUpdate}, {@code executeBatch} and their variants: the statement does not run. */
        EXECUTE,
        /** {@code Connection.commit()}: the real commit succeeds, then the caller gets an exception. */
        COMMIT_THEN_FAIL
    }

    /** The golden-ratio increment of SplitMix64: consecutive positions land far apart before mixing. */
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private final DataSource target;
    private final long seed;
    private final Map<Fault, Double> shares;
    private final Map<Fault, AtomicLong> calls = new EnumMap<>(Fault.class);
    private final Map<Fault, AtomicLong> injected = new EnumMap<>(Fault.class);
    private volatile boolean enabled = true;

    private FaultyDataSource(Builder builder) {
        this.target = builder.target;
        this.seed = builder.seed;
        this.shares = new EnumMap<>(builder.shares);
        for (Fault fault : Fault.values()) {
            calls.put(fault, new AtomicLong());
            injected.put(fault, new AtomicLong());
        }
    }

    /**
     * Starts a faulty data source in front of a real one; no fault is injected until {@link Builder#failing} says so.
     *
     * @param target the real data source, e.g. your connection pool
     * @return a builder, seed 0
     */
    public static Builder builder(DataSource target) {
        return new Builder(Objects.requireNonNull(target, "target"));
    }

    /** @return the real data source behind this one */
    public DataSource target() {
        return target;
    }

    /**
     * Turns the faults off (every call goes through) or on again. Calls made while the faults are off are not counted.
     *
     * @param enabled whether faults are injected
     */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /**
     * @param fault a kind of call
     * @return how many calls of that kind were made while the faults were on
     */
    public long calls(Fault fault) {
        return calls.get(Objects.requireNonNull(fault, "fault")).get();
    }

    /**
     * @param fault a kind of call
     * @return how many of those calls were made to fail
     */
    public long injected(Fault fault) {
        return injected.get(Objects.requireNonNull(fault, "fault")).get();
    }

    @Override
    public Connection getConnection() throws SQLException {
        fail(Fault.CONNECTION, "getConnection()");
        return wrap(target.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        fail(Fault.CONNECTION, "getConnection(user, password)");
        return wrap(target.getConnection(username, password));
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return target.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        target.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        target.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return target.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return target.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : target.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || target.isWrapperFor(type);
    }

    @Override
    public String toString() {
        return "FaultyDataSource" + shares + " seed " + seed + " in front of " + target;
    }

    /** @return whether the next call of this kind fails, counting it */
    private boolean decide(Fault fault) {
        Double share = shares.get(fault);
        if (!enabled || share == null) {
            return false;
        }
        long position = calls.get(fault).getAndIncrement();
        // SplitMix64's finaliser over seed, kind and position: a position always decides alike for one seed
        long z = seed + GOLDEN * (position + 1) + (long) fault.ordinal() * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z ^= z >>> 31;
        boolean fails = (z >>> 11) * 0x1.0p-53 < share;
        if (fails) {
            injected.get(fault).incrementAndGet();
        }
        return fails;
    }

    private void fail(Fault fault, String call) throws SQLException {
        if (decide(fault)) {
            throw injectedFailure(call);
        }
    }

    private static SQLException injectedFailure(String what) {
        return new SQLTransientConnectionException("injected failure of " + what, "08006");
    }

    private Connection wrap(Connection connection) {
        return (Connection) Proxy.newProxyInstance(FaultyDataSource.class.getClassLoader(),
                new Class<?>[] {Connection.class}, new ConnectionHandler(connection));
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** A connection whose statements, and commit, may fail. */
    private final class ConnectionHandler implements InvocationHandler {
        private final Connection connection;

        ConnectionHandler(Connection connection) {
            this.connection = connection;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            switch (name) {
                case "prepareStatement", "prepareCall", "createStatement" -> {
                    fail(Fault.PREPARE, name + "()");
                    Object statement = FaultyDataSource.invoke(connection, method, args);
                    Class<?> type = method.getReturnType(); // Statement, PreparedStatement or CallableStatement
                    return Proxy.newProxyInstance(FaultyDataSource.class.getClassLoader(), new Class<?>[] {type},
                            new StatementHandler(statement, (Connection) proxy));
                }
                case "commit" -> {
                    connection.commit();
                    if (decide(Fault.COMMIT_THEN_FAIL)) {
                        throw new SQLTransientConnectionException(
                                "injected failure after a successful commit: the work is stored", "08006");
                    }
                    return null;
                }
                case "unwrap" -> {
                    Class<?> type = (Class<?>) args[0];
                    return type.isInstance(proxy) ? proxy : connection.unwrap(type);
                }
                case "isWrapperFor" -> {
                    Class<?> type = (Class<?>) args[0];
                    return type.isInstance(proxy) || connection.isWrapperFor(type);
                }
                case "equals" -> {
                    return proxy == args[0];
                }
                case "hashCode" -> {
                    return System.identityHashCode(proxy);
                }
                case "toString" -> {
                    return "faulty " + connection;
                }
                default -> {
                    return FaultyDataSource.invoke(connection, method, args);
                }
            }
        }
    }

    /** A statement whose executions may fail. */
    private final class StatementHandler implements InvocationHandler {
        private final Object statement;
        private final Connection connection;

        StatementHandler(Object statement, Connection connection) {
            this.statement = statement;
            this.connection = connection;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            if (name.startsWith("execute")) {
                fail(Fault.EXECUTE, name + "()");
            }
            return switch (name) {
                case "getConnection" -> connection;
                case "unwrap" -> ((Class<?>) args[0]).isInstance(proxy) ? proxy
                        : ((Statement) statement).unwrap((Class<?>) args[0]);
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                case "toString" -> "faulty " + statement;
                default -> FaultyDataSource.invoke(statement, method, args);
            };
        }
    }

    /** Says which calls fail and how often; {@link #build()} makes the data source. */
    public static final class Builder {
        private final DataSource target;
        private final Map<Fault, Double> shares = new EnumMap<>(Fault.class);
        private long seed;

        private Builder(DataSource target) {
            this.target = target;
        }

        /**
         * @param seed the number that, with each call's position, decides which calls fail
         * @return this builder
         */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Makes a share of one kind of call fail.
         *
         * @param fault the kind of call
         * @param share the share that fails, from 0 (none) to 1 (all), e.g. 0.05 for 5%
         * @return this builder
         * @throws IllegalArgumentException when the share is not between 0 and 1
         */
        public Builder failing(Fault fault, double share) {
            Objects.requireNonNull(fault, "fault");
            if (!(share >= 0 && share <= 1)) {
                throw new IllegalArgumentException("a share between 0 and 1, not " + share);
            }
            shares.put(fault, share);
            return this;
        }

        /** @return the faulty data source, faults on */
        public FaultyDataSource build() {
            return new FaultyDataSource(this);
        }
    }
}
