package za.co.proconnectsa.support.jdbc.testdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Smoke tests of the four test databases: they start, answer, keep session zones, and isolate. */
class TestDatabasesTest {

    private static final String JOHANNESBURG = "Africa/Johannesburg";
    private static final String NEW_YORK = "America/New_York";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2-mem", "h2-file", "postgresql", "mariadb"})
    @DisplayName("starts, answers SELECT 1, and runs the expected major version")
    void startsAndAnswers(String name) throws SQLException {
        TestDatabase db = TestDatabases.named(name);

        assertThat(db.name()).isEqualTo(name);
        assertThat(query(db.dataSource(), "SELECT 1")).isEqualTo("1");
        String version = db.serverVersion();
        switch (name) {
            case "postgresql" -> assertThat(version).as("PostgreSQL version").startsWith("17.");
            case "mariadb" -> assertThat(version).as("MariaDB version").startsWith("11.").contains("MariaDB");
            default -> assertThat(version).as("H2 version").startsWith("2.");
        }
        String charset = query(db.dataSource(), switch (name) {
            case "postgresql" -> "SELECT current_setting('server_encoding') || ' ' || datcollate FROM pg_database WHERE datname = 'postgres'";
            case "mariadb" -> "SELECT CONCAT(@@character_set_server, ' ', @@collation_server)";
            default -> "SELECT 'UTF-8'";
        });
        System.out.printf("testdb %-10s version %s, charset %s; server start %d ms%n",
                name, version, charset, ((PooledTestDatabase) db).startup().toMillis());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2-mem", "h2-file", "postgresql", "mariadb"})
    @DisplayName("a pool's connections have its session time zone, named or offset, DST included")
    void sessionTimeZone(String name) throws SQLException {
        TestDatabase db = TestDatabases.named(name);

        assertThat(sessionZone(name, db.dataSource(JOHANNESBURG))).isEqualTo(JOHANNESBURG);
        assertThat(sessionZone(name, db.dataSource(NEW_YORK))).isEqualTo(NEW_YORK);
        assertThat(sessionZone(name, db.dataSource())).isIn("UTC", "Etc/UTC");
        // winter, summer, and either side of New York's 2026 DST changes (08 March, 01 November)
        for (String instant : List.of("2026-01-15T12:00:00Z", "2026-07-15T12:00:00Z", "2026-03-08T06:30:00Z",
                "2026-03-08T07:30:00Z", "2026-11-01T05:30:00Z", "2026-11-01T06:30:00Z")) {
            for (String zone : List.of(JOHANNESBURG, NEW_YORK, "UTC", "+05:30", "-03:00")) {
                assertThat(localTime(name, db.dataSource(zone), instant)).as("%s in %s", instant, zone)
                        .isEqualTo(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                                .format(Instant.parse(instant).atZone(ZoneId.of(zone))));
            }
        }
        // a pool reached twice is the same pool
        assertThat(db.dataSource(JOHANNESBURG)).isSameAs(db.dataSource(JOHANNESBURG));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2-mem", "h2-file", "postgresql", "mariadb"})
    @DisplayName("freshDatabase() twice gives two empty, independent databases, dropped on close")
    void freshDatabases(String name) throws SQLException {
        TestDatabase db = TestDatabases.named(name);
        List<String> millis = new ArrayList<>();
        for (int i = 0; i < 5; i++) { // the first one warms up the driver and the server
            long start = System.nanoTime();
            HikariDataSource fresh = db.freshDatabase();
            long created = System.nanoTime();
            try (Connection c = fresh.getConnection()) {
                assertThat(tables(c)).isEmpty();
            }
            long closing = System.nanoTime();
            fresh.close();
            millis.add(String.format("%d+%d", (created - start) / 1_000_000, (System.nanoTime() - closing) / 1_000_000));
        }

        try (HikariDataSource a = db.freshDatabase(); HikariDataSource b = db.freshDatabase(JOHANNESBURG)) {
            assertThat(a.getJdbcUrl()).isNotEqualTo(b.getJdbcUrl());
            execute(a, "CREATE TABLE probe (id INT PRIMARY KEY)");
            execute(a, "INSERT INTO probe (id) VALUES (42)");
            try (Connection c = b.getConnection()) {
                assertThat(tables(c)).isEmpty();
            }
            execute(b, "CREATE TABLE probe (id INT PRIMARY KEY)"); // same name, no clash
            assertThat(query(b, "SELECT COUNT(*) FROM probe")).isEqualTo("0");
            assertThat(query(a, "SELECT id FROM probe")).isEqualTo("42");
            assertThat(sessionZone(name, b)).isEqualTo(JOHANNESBURG);
        }
        System.out.printf("testdb %-10s ms to create (freshDatabase()) + drop (close()): %s%n", name, millis);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"postgresql", "mariadb"})
    @DisplayName("closing a fresh database's pool drops the database on the server")
    void closeDropsTheDatabase(String name) throws SQLException {
        TestDatabase db = TestDatabases.named(name);
        HikariDataSource fresh = db.freshDatabase();
        String database;
        try (Connection c = fresh.getConnection()) {
            database = c.getCatalog();
        }
        String count = name.equals("postgresql")
                ? "SELECT COUNT(*) FROM pg_database WHERE datname = '" + database + "'"
                : "SELECT COUNT(*) FROM information_schema.schemata WHERE schema_name = '" + database + "'";
        assertThat(query(db.dataSource(), count)).isEqualTo("1");
        fresh.close();
        assertThat(query(db.dataSource(), count)).isEqualTo("0");
    }

    @Test
    @DisplayName("the accessors hand out one running instance each; unknown names and zones fail clearly")
    void accessors() {
        assertThat(TestDatabases.postgres()).isSameAs(TestDatabases.named("postgresql"));
        assertThat(TestDatabases.mariadb()).isSameAs(TestDatabases.named("mariadb"));
        assertThat(TestDatabases.h2Memory()).isSameAs(TestDatabases.named("h2-mem"));
        assertThat(TestDatabases.h2File()).isSameAs(TestDatabases.named("h2-file"));
        assertThat(TestDatabases.NAMES).containsExactly("h2-mem", "h2-file", "postgresql", "mariadb");
        assertThatThrownBy(() -> TestDatabases.named("oracle"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("oracle");
        assertThatThrownBy(() -> TestDatabases.h2Memory().dataSource("Africa/Jo'burg"))
                .isInstanceOf(java.time.DateTimeException.class);
    }

    /** @return the session time zone as the database names it */
    private static String sessionZone(String name, DataSource ds) throws SQLException {
        return query(ds, switch (name) {
            case "postgresql" -> "SHOW TimeZone";
            case "mariadb" -> "SELECT @@session.time_zone";
            default -> "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'TIME ZONE'";
        });
    }

    /** @return the session's wall-clock time ({@code yyyy-MM-dd HH:mm}) at {@code instant}, computed by the database */
    private static String localTime(String name, DataSource ds, String instant) throws SQLException {
        Instant i = Instant.parse(instant);
        String sql = switch (name) {
            case "postgresql" -> "SELECT to_char(to_timestamp(" + i.getEpochSecond() + "), 'YYYY-MM-DD HH24:MI')";
            case "mariadb" -> "SELECT DATE_FORMAT(FROM_UNIXTIME(" + i.getEpochSecond() + "), '%Y-%m-%d %H:%i')";
            default -> "SELECT CAST(CAST(TIMESTAMP WITH TIME ZONE '" + i.toString().replace('T', ' ').replace("Z", "+00")
                    + "' AS TIMESTAMP) AS VARCHAR)";
        };
        return query(ds, sql).substring(0, 16);
    }

    private static List<String> tables(Connection c) throws SQLException {
        List<String> tables = new ArrayList<>();
        DatabaseMetaData meta = c.getMetaData();
        try (ResultSet rs = meta.getTables(c.getCatalog(), c.getSchema(), "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                tables.add(rs.getString("TABLE_NAME"));
            }
        }
        return tables;
    }

    private static String query(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).as("a row from %s", sql).isTrue();
            return rs.getString(1);
        }
    }

    private static void execute(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
