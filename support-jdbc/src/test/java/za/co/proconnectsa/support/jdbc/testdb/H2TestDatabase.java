package za.co.proconnectsa.support.jdbc.testdb;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * H2 in this JVM, in memory ({@code jdbc:h2:mem:<db>;DB_CLOSE_DELAY=-1}) or in files under
 * {@code target/testdb/h2-file-<pid>/<db>/} ({@code jdbc:h2:file:...;DB_CLOSE_DELAY=-1}), in H2's own
 * mode. A database lives until it is dropped ({@code SHUTDOWN}, and its files deleted) or this closes.
 */
final class H2TestDatabase extends PooledTestDatabase {

    private static final String SHARED = "shared";

    private final Path directory; // null: in memory
    private final Set<String> databases = ConcurrentHashMap.newKeySet();

    private H2TestDatabase(String name, Path directory) {
        super(name, SHARED, Duration.ZERO);
        this.directory = directory;
        databases.add(SHARED);
    }

    /** @return H2 in memory */
    static H2TestDatabase memory() {
        return new H2TestDatabase("h2-mem", null);
    }

    /** @return H2 in files under {@code target/testdb/h2-file-<pid>/} */
    static H2TestDatabase file() {
        return new H2TestDatabase("h2-file", ownDirectory(targetDirectory().resolve("testdb"), "h2-file-"));
    }

    @Override
    String jdbcUrl(String database) {
        // one JVM may hold h2-mem and h2-file: the mem names carry a prefix so they never meet
        return (directory == null ? "jdbc:h2:mem:testdb-" + database
                : "jdbc:h2:file:" + directory.resolve(database).resolve("db")) + ";DB_CLOSE_DELAY=-1";
    }

    @Override
    String user() {
        return "sa";
    }

    @Override
    void createDatabase(String database) {
        databases.add(database); // H2 creates it on the first connection
    }

    @Override
    void dropDatabase(String database) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl(database), user(), ""); Statement s = c.createStatement()) {
            s.execute("SHUTDOWN");
        }
        databases.remove(database);
        if (directory != null) {
            deleteTree(directory.resolve(database));
        }
    }

    @Override
    String setTimeZoneSql(ZoneId zone) {
        return "SET TIME ZONE '" + (zone instanceof ZoneOffset offset ? isoOffset(offset) : zone.getId()) + "'";
    }

    @Override
    void stopServer() throws SQLException {
        for (String database : Set.copyOf(databases)) {
            dropDatabase(database);
        }
        if (directory != null) {
            deleteTree(directory);
        }
    }
}
