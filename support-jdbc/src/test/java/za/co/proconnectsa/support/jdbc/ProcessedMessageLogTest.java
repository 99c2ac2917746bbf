package za.co.proconnectsa.support.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;
import za.co.proconnectsa.support.jdbc.testdb.TestDatabases;
import za.co.proconnectsa.support.spi.ProcessedMessageLog;
import za.co.proconnectsa.support.testing.ProcessedMessageLogContract;

/** Processed WhatsApp message ids on every database, durable across store instances. */
@ParameterizedClass(name = "{0}")
@ValueSource(strings = {"h2-mem", "postgresql", "mariadb"})
class ProcessedMessageLogTest extends ProcessedMessageLogContract {

    @Parameter
    String database;
    private HikariDataSource dataSource;

    @Override
    protected ProcessedMessageLog createLog() {
        dataSource = TestDatabases.named(database).freshDatabase();
        return JdbcTicketStore.create(dataSource);
    }

    @AfterEach
    void dropDatabase() {
        dataSource.close();
    }

    @Test
    @DisplayName("a second store instance on the same database (a restart, another node) remembers the id")
    void durable() {
        log.firstSeen("wamid.durable", Instant.parse("2026-03-02T08:15:30Z"));
        assertThat(JdbcTicketStore.create(dataSource).firstSeen("wamid.durable", Instant.now())).isFalse();
    }
}
