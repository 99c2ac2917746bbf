package za.co.proconnectsa.support.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;
import za.co.proconnectsa.support.jdbc.testdb.TestDatabases;
import za.co.proconnectsa.support.queue.Job;
import za.co.proconnectsa.support.queue.JobState;

/**
 * The jobs' {@code about_ref} column on every database: a database made before it gets the column and its index when
 * a store starts on it, jobs queued before keep working, and a job queued after is found by the record it is about.
 */
@ParameterizedClass(name = "{0}")
@ValueSource(strings = {"h2-mem", "postgresql", "mariadb"})
class JobAboutColumnTest {

    private static final Instant AT = Instant.parse("2026-03-02T08:15:30.123456Z");

    @Parameter
    String database;
    private HikariDataSource dataSource;

    @BeforeEach
    void start() {
        dataSource = TestDatabases.named(database).freshDatabase();
    }

    @AfterEach
    void stop() {
        dataSource.close();
    }

    private boolean hasIndex() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            for (String table : new String[] {"support_jobs", "SUPPORT_JOBS"}) {
                try (ResultSet rs = meta.getIndexInfo(c.getCatalog(), null, table, false, false)) {
                    while (rs.next()) {
                        String name = rs.getString("INDEX_NAME");
                        if (name != null && name.toLowerCase(Locale.ROOT).equals("support_jobs_about")) {
                            return true;
                        }
                    }
                }
            }
            return false;
        }
    }

    @Test
    @DisplayName("a jobs table made before about_ref gets it, with its index, when a store starts on it; old jobs stay and new ones are found by their record")
    void upgrade() throws Exception {
        JdbcTicketStore before = JdbcTicketStore.create(dataSource);
        assertThat(hasIndex()).isTrue();
        assertThat(before.enqueueJob("whatsapp.send", "old-send", "queued before".getBytes(StandardCharsets.UTF_8), AT))
                .isTrue();
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute(database.equals("mariadb") ? "DROP INDEX support_jobs_about ON support_jobs"
                    : "DROP INDEX support_jobs_about");
            st.execute("ALTER TABLE support_jobs DROP COLUMN about_ref");
        }
        assertThat(hasIndex()).isFalse();

        JdbcTicketStore upgraded = JdbcTicketStore.create(dataSource);

        assertThat(hasIndex()).isTrue();
        assertThat(upgraded.enqueueJob("whatsapp.send", "new-send", "queued after".getBytes(StandardCharsets.UTF_8), AT,
                "line-1")).isTrue();
        assertThat(upgraded.enqueueJob("whatsapp.send", "old-send", new byte[0], AT, "line-1")).isFalse();
        Instant now = AT.plusSeconds(60);
        assertThat(upgraded.inTransaction(() -> upgraded.emptyJobs(Set.of(), Set.of("line-1"), "emptied", now)))
                .isEqualTo(1);
        assertThat(upgraded.findJob("whatsapp.send", "new-send")).hasValueSatisfying(job -> {
            assertThat(job.payload()).isEmpty();
            assertThat(job.state()).isEqualTo(JobState.DONE);
            assertThat(job.finishedAt()).isEqualTo(now);
            assertThat(job.lastError()).isEqualTo("emptied");
        });
        assertThat(upgraded.findJob("whatsapp.send", "old-send")).hasValueSatisfying(job -> {
            assertThat(new String(job.payload(), StandardCharsets.UTF_8)).isEqualTo("queued before");
            assertThat(job.state()).isEqualTo(JobState.PENDING);
        });
        // a second start on the upgraded schema changes nothing
        JdbcTicketStore again = JdbcTicketStore.create(dataSource);
        assertThat(again.findJob("whatsapp.send", "old-send").map(Job::state)).contains(JobState.PENDING);
        assertThat(hasIndex()).isTrue();
    }
}
