package za.co.proconnectsa.support.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.TimeZone;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import za.co.proconnectsa.support.jdbc.testdb.TestDatabase;
import za.co.proconnectsa.support.jdbc.testdb.TestDatabases;
import za.co.proconnectsa.support.testing.SettableClock;
import za.co.proconnectsa.support.testing.TicketFixtures;
import za.co.proconnectsa.support.ticket.Ticket;

/** Instants are stored in UTC and read back unchanged whatever the session's and the JVM's zones. */
class TimeZoneTest {

    private static final Instant CREATED = Instant.parse("2026-03-29T00:30:00.654321Z"); // London's DST night

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2-mem", "postgresql", "mariadb"})
    @DisplayName("written in a Johannesburg session, read in a New York session: the same instant, stored as UTC")
    void acrossSessionZones(String name) throws Exception {
        assertThat(TimeZone.getDefault().getID()).isEqualTo("Pacific/Auckland");
        TestDatabase db = TestDatabases.named(name);
        try (HikariDataSource johannesburg = db.freshDatabase("Africa/Johannesburg")) {
            JdbcTicketStore writer = JdbcTicketStore.create(johannesburg);
            Ticket ticket = TicketFixtures.forStore(writer, SettableClock.at(CREATED)).newTicket("prov-17", "Hi", "There");
            writer.insert(ticket, List.of(), null);

            // the same database through a pool whose sessions run in New York time
            String url = johannesburg.getJdbcUrl();
            db.dataSource("America/New_York"); // the test server learns the zone (MariaDB's zone tables start empty)
            try (HikariDataSource newYork = pool(url, johannesburg, "America/New_York", name)) {
                JdbcTicketStore reader = JdbcTicketStore.create(newYork);
                assertThat(reader.findById(ticket.id())).hasValueSatisfying(t -> assertThat(t.createdAt()).isEqualTo(CREATED));
                assertThat(storedWallClock(newYork, name)).isEqualTo("2026-03-29 00:30:00.654321");
            }
        }
    }

    private static HikariDataSource pool(String url, HikariDataSource like, String zone, String name) {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(url);
        ds.setUsername(like.getUsername());
        ds.setPassword(like.getPassword());
        ds.setMaximumPoolSize(2);
        ds.setConnectionInitSql(switch (name) {
            case "postgresql" -> "SET TIME ZONE '" + zone + "'";
            case "mariadb" -> "SET time_zone = '" + zone + "'";
            default -> "SET TIME ZONE '" + zone + "'";
        });
        return ds;
    }

    /** The stored value as UTC wall-clock text, read by the database itself. */
    private static String storedWallClock(HikariDataSource ds, String name) throws Exception {
        String sql = switch (name) {
            case "postgresql" -> "SELECT to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') FROM support_tickets";
            case "mariadb" -> "SELECT DATE_FORMAT(created_at, '%Y-%m-%d %H:%i:%s.%f') FROM support_tickets";
            default -> "SELECT FORMATDATETIME(created_at, 'yyyy-MM-dd HH:mm:ss.SSSSSS', 'en', 'UTC') FROM support_tickets";
        };
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }
}
