package za.co.proconnectsa.support.jdbc.testdb;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * The pool bookkeeping every {@link TestDatabase} shares; subclasses say how to reach, create, drop
 * and stop their database.
 */
abstract class PooledTestDatabase implements TestDatabase {

    static final int MAX_POOL_SIZE = 10;
    private static final String DEFAULT_ZONE = "UTC";
    /** JVM-wide, so no two fresh databases share a name even across restarts of one server. */
    private static final AtomicInteger FRESH = new AtomicInteger();

    private final String name;
    private final String defaultDatabase;
    private final Duration startup;
    private final Map<String, HikariDataSource> sharedPools = new HashMap<>();
    private final Set<HikariDataSource> freshPools = ConcurrentHashMap.newKeySet();
    private HikariDataSource admin;
    private volatile boolean closed;

    /**
     * @param name            the {@link #name()}
     * @param defaultDatabase the database {@link #dataSource()} connects to
     * @param startup         how long the server took to start
     */
    PooledTestDatabase(String name, String defaultDatabase, Duration startup) {
        this.name = name;
        this.defaultDatabase = defaultDatabase;
        this.startup = startup;
    }

    /** @return the JDBC URL of {@code database} on this server */
    abstract String jdbcUrl(String database);

    /** @return the user every pool connects as */
    abstract String user();

    /** Creates the empty database {@code database}. */
    abstract void createDatabase(String database) throws SQLException;

    /** Drops {@code database}, whose pool is closed already. */
    abstract void dropDatabase(String database) throws SQLException;

    /** @return the statement that sets a connection's session time zone to {@code zone} */
    abstract String setTimeZoneSql(ZoneId zone) throws SQLException;

    /** Stops the server and deletes its files; every pool is closed already. */
    abstract void stopServer() throws Exception;

    @Override
    public final String name() {
        return name;
    }

    /** @return how long the server took to start (binaries unpacked, installed, running) */
    final Duration startup() {
        return startup;
    }

    final boolean isClosed() {
        return closed;
    }

    @Override
    public final DataSource dataSource() {
        return dataSource(DEFAULT_ZONE);
    }

    @Override
    public final synchronized DataSource dataSource(String sessionTimeZone) {
        ensureOpen();
        ZoneId zone = ZoneId.of(sessionTimeZone);
        HikariDataSource pool = sharedPools.get(zone.getId());
        if (pool == null) {
            pool = new HikariDataSource(config(defaultDatabase, zone, "-" + zone.getId()));
            sharedPools.put(zone.getId(), pool);
        }
        return pool;
    }

    @Override
    public final HikariDataSource freshDatabase() {
        return freshDatabase(DEFAULT_ZONE);
    }

    @Override
    public final HikariDataSource freshDatabase(String sessionTimeZone) {
        ensureOpen();
        ZoneId zone = ZoneId.of(sessionTimeZone);
        String database = "t_" + FRESH.incrementAndGet();
        try {
            createDatabase(database);
        } catch (SQLException e) {
            throw new IllegalStateException(name + ": cannot create database " + database + ": " + e.getMessage(), e);
        }
        try {
            FreshPool pool = new FreshPool(config(database, zone, "-" + database), database);
            freshPools.add(pool);
            return pool;
        } catch (RuntimeException e) {
            try {
                dropDatabase(database);
            } catch (SQLException | RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    @Override
    public final String serverVersion() {
        try (Connection c = admin().getConnection()) {
            return c.getMetaData().getDatabaseProductVersion();
        } catch (SQLException e) {
            throw new IllegalStateException(name + ": cannot read the server version: " + e.getMessage(), e);
        }
    }

    @Override
    public final void close() {
        List<HikariDataSource> pools;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            pools = new ArrayList<>(sharedPools.values());
            sharedPools.clear();
            if (admin != null) {
                pools.add(admin);
            }
        }
        pools.addAll(freshPools);
        freshPools.clear();
        pools.forEach(HikariDataSource::close); // a FreshPool drops nothing now: the server goes
        try {
            stopServer();
        } catch (Exception e) {
            throw new IllegalStateException(name + ": cannot stop the server: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return name;
    }

    /** Runs {@code sql} on a connection without session settings, to the default database. */
    final void execute(String sql) throws SQLException {
        try (Connection c = admin().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** @return a small pool without session settings on the default database, for DDL */
    final synchronized DataSource admin() {
        ensureOpen();
        if (admin == null) {
            HikariConfig config = config(defaultDatabase, null, "-admin");
            config.setMaximumPoolSize(2);
            admin = new HikariDataSource(config);
        }
        return admin;
    }

    /** @return {@code zone} as {@code +HH:MM} (MariaDB, H2 and the SQL standard's notation) */
    static String isoOffset(ZoneOffset zone) {
        return zone.equals(ZoneOffset.UTC) ? "+00:00" : zone.getId();
    }

    /**
     * Deletes {@code prefix<pid>} directories under {@code parent} whose JVM is gone (killed before its
     * shutdown hook ran), then returns this JVM's directory {@code parent/prefix<pid>}, empty.
     */
    static Path ownDirectory(Path parent, String prefix) {
        try {
            Files.createDirectories(parent);
            try (Stream<Path> children = Files.list(parent)) {
                children.filter(p -> p.getFileName().toString().matches("\\Q" + prefix + "\\E\\d+"))
                        .filter(p -> ProcessHandle.of(Long.parseLong(p.getFileName().toString()
                                .substring(prefix.length()))).map(ph -> !ph.isAlive()).orElse(true))
                        .forEach(PooledTestDatabase::deleteTree);
            }
            Path own = parent.resolve(prefix + ProcessHandle.current().pid());
            deleteTree(own);
            return Files.createDirectories(own);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes {@code dir} and everything under it, if it exists. */
    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(dir)) {
            for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }

    /** @return {@code target/} of the module under test (surefire's {@code basedir}, else the working directory) */
    static Path targetDirectory() {
        return Path.of(System.getProperty("basedir", "")).toAbsolutePath().resolve("target");
    }

    private HikariConfig config(String database, ZoneId zone, String poolSuffix) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("testdb-" + name + poolSuffix);
        config.setJdbcUrl(jdbcUrl(database));
        config.setUsername(user());
        config.setPassword("");
        config.setMaximumPoolSize(MAX_POOL_SIZE);
        // keep nothing idle: a test class may open dozens of fresh databases and forget to close them
        config.setMinimumIdle(0);
        config.setIdleTimeout(Duration.ofSeconds(10).toMillis());
        config.setConnectionTimeout(Duration.ofSeconds(10).toMillis());
        if (zone != null) {
            try {
                config.setConnectionInitSql(setTimeZoneSql(zone));
            } catch (SQLException e) {
                throw new IllegalStateException(name + ": cannot prepare time zone " + zone + ": " + e.getMessage(), e);
            }
        }
        return config;
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException(name + " is closed; get a running one from TestDatabases");
        }
    }

    /** A pool on a fresh database: closing it drops the database, unless the whole server is going. */
    private final class FreshPool extends HikariDataSource {
        private final String database;

        FreshPool(HikariConfig config, String database) {
            super(config);
            this.database = database;
        }

        @Override
        public void close() {
            if (isClosed()) {
                return;
            }
            super.close();
            if (freshPools.remove(this) && !closed) {
                try {
                    dropDatabase(database);
                } catch (SQLException e) {
                    throw new IllegalStateException(name + ": cannot drop database " + database + ": " + e.getMessage(), e);
                }
            }
        }
    }
}
