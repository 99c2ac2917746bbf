package za.co.proconnectsa.support.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import za.co.proconnectsa.support.jdbc.testdb.TestDatabases;
import za.co.proconnectsa.support.testing.FaultyDataSource;
import za.co.proconnectsa.support.testing.FaultyDataSource.Fault;

/** The testing kit's {@link FaultyDataSource} on a real H2: seeded, in the shares asked for, lying commits stored. */
class FaultyDataSourceTest {

    @Test
    @DisplayName("the same seed fails the same calls; another seed fails others; the share is near the one asked for")
    void seededAndInShare() throws SQLException {
        try (HikariDataSource pool = TestDatabases.h2Memory().freshDatabase()) {
            List<Integer> first = failingPositions(pool, 7);
            List<Integer> again = failingPositions(pool, 7);
            List<Integer> other = failingPositions(pool, 8);
            assertThat(again).isEqualTo(first);
            assertThat(other).isNotEqualTo(first);
            // 2,000 executions at 10%: 200 expected, well inside 140..260
            assertThat(first).hasSizeBetween(140, 260);
        }
    }

    @Test
    @DisplayName("a failing commit stores the work and then throws; failures are transient connection errors (08006)")
    void commitThenFail() throws SQLException {
        try (HikariDataSource pool = TestDatabases.h2Memory().freshDatabase()) {
            execute(pool, "CREATE TABLE probe (id INT PRIMARY KEY)");
            FaultyDataSource faulty = FaultyDataSource.builder(pool).failing(Fault.COMMIT_THEN_FAIL, 1.0).build();
            try (Connection c = faulty.getConnection()) {
                c.setAutoCommit(false);
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO probe (id) VALUES (1)")) {
                    ps.executeUpdate();
                }
                assertThatThrownBy(c::commit).isInstanceOf(SQLTransientConnectionException.class)
                        .hasMessageStartingWith("injected")
                        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("08006"));
                c.setAutoCommit(true);
            }
            try (Connection c = pool.getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM probe")) {
                rs.next();
                assertThat(rs.getInt(1)).as("the row the lying commit stored").isEqualTo(1);
            }
            assertThat(faulty.injected(Fault.COMMIT_THEN_FAIL)).isEqualTo(1);

            FaultyDataSource refusing = FaultyDataSource.builder(pool).failing(Fault.CONNECTION, 1.0).build();
            assertThatThrownBy(refusing::getConnection).isInstanceOf(SQLTransientConnectionException.class);
            refusing.setEnabled(false);
            try (Connection c = refusing.getConnection()) {
                assertThat(c.isValid(1)).as("no fault while disabled").isTrue();
            }
            assertThat(refusing.calls(Fault.CONNECTION)).as("calls counted while enabled only").isEqualTo(1);
        }
    }

    /** @return the positions, among 2,000 executions, that a 10% execute fault fails with this seed */
    private static List<Integer> failingPositions(HikariDataSource pool, long seed) throws SQLException {
        FaultyDataSource faulty = FaultyDataSource.builder(pool).seed(seed).failing(Fault.EXECUTE, 0.10).build();
        List<Integer> failed = new ArrayList<>();
        try (Connection c = faulty.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT 1")) {
            for (int i = 0; i < 2000; i++) {
                try (ResultSet rs = ps.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                } catch (SQLTransientConnectionException e) {
                    failed.add(i);
                }
            }
        }
        assertThat(faulty.injected(Fault.EXECUTE)).isEqualTo(failed.size());
        return failed;
    }

    private static void execute(HikariDataSource pool, String sql) throws SQLException {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
