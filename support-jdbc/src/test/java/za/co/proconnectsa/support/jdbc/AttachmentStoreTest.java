package za.co.proconnectsa.support.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;
import za.co.proconnectsa.support.attachment.AttachmentRecord;
import za.co.proconnectsa.support.jdbc.testdb.TestDatabases;
import za.co.proconnectsa.support.spi.AttachmentStore;
import za.co.proconnectsa.support.testing.AttachmentStoreContract;

/** The attachment-store contract on every database, and that a save inside a unit of work rolls back with it. */
@ParameterizedClass(name = "{0}")
@ValueSource(strings = {"h2-mem", "postgresql", "mariadb"})
class AttachmentStoreTest extends AttachmentStoreContract {

    @Parameter
    String database;
    private HikariDataSource dataSource;
    private JdbcTicketStore tickets;

    @Override
    protected AttachmentStore createStore() {
        dataSource = TestDatabases.named(database).freshDatabase();
        tickets = JdbcTicketStore.create(dataSource);
        return tickets.attachments();
    }

    @AfterEach
    void dropDatabase() {
        dataSource.close();
    }

    @Test
    @DisplayName("a file saved in a unit of work that fails is not kept; one saved in a unit that commits is")
    void savesJoinTheUnitOfWork() {
        byte[] c = "bytes".getBytes(StandardCharsets.UTF_8);
        AttachmentRecord lost = record(c, "lost.pdf", null, Instant.now(), UUID.randomUUID(), null);
        assertThatThrownBy(() -> tickets.useTransaction(() -> {
            store.save(lost, c);
            throw new IllegalStateException("the job failed after the download");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(store.find(lost.id())).isEmpty();

        AttachmentRecord kept = record(c, "kept.pdf", null, Instant.now(), UUID.randomUUID(), null);
        tickets.useTransaction(() -> {
            store.save(kept, c);
            assertThat(store.save(kept, c)).as("a second save in the same unit").isEqualTo(kept);
        });
        assertThat(store.content(kept.id())).get().isEqualTo(c);
    }
}
