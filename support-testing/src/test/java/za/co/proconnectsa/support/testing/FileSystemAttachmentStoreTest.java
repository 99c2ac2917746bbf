package za.co.proconnectsa.support.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import za.co.proconnectsa.support.attachment.AttachmentRecord;
import za.co.proconnectsa.support.attachment.FileSystemAttachmentStore;
import za.co.proconnectsa.support.spi.AttachmentStore;

/** The contract on the file system, and that nothing is written outside the store's directory. */
class FileSystemAttachmentStoreTest extends AttachmentStoreContract {

    @TempDir
    Path parent;

    private Path directory() {
        return parent.resolve("attachments");
    }

    @Override
    protected AttachmentStore createStore() {
        return FileSystemAttachmentStore.create(directory());
    }

    @Test
    @DisplayName("files are named by id only: a path in the file name writes nothing outside the directory")
    void namesNeverReachPaths() throws IOException {
        byte[] c = "secret-free bytes".getBytes(StandardCharsets.UTF_8);
        AttachmentRecord r = store.save(record(c, "../../escaped.pdf", null, Instant.now(), UUID.randomUUID(), null), c);

        try (Stream<Path> all = Files.walk(parent)) {
            List<Path> files = all.filter(Files::isRegularFile).toList();
            assertThat(files).allSatisfy(f -> assertThat(f.getParent()).isEqualTo(directory()));
            assertThat(files).extracting(f -> f.getFileName().toString())
                    .containsExactlyInAnyOrder(r.id() + ".bin", r.id() + ".properties");
        }
    }

    @Test
    @DisplayName("bytes left without a record (a crash between the two writes) are not an attachment")
    void bytesWithoutRecordAreInvisible() throws IOException {
        UUID id = UUID.randomUUID();
        Files.write(directory().resolve(id + ".bin"), new byte[] {1, 2, 3});
        Files.writeString(directory().resolve("not-a-uuid.properties"), "id=x");
        assertThat(store.find(id)).isEmpty();
        assertThat(store.content(id)).isEmpty();
        assertThat(store.byConversation(UUID.randomUUID())).isEmpty();
    }
}
