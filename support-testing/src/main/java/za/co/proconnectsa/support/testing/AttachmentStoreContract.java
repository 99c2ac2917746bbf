package za.co.proconnectsa.support.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.attachment.AttachmentKind;
import za.co.proconnectsa.support.attachment.AttachmentRecord;
import za.co.proconnectsa.support.spi.AttachmentStore;
import za.co.proconnectsa.support.ticket.TicketId;

/**
 * The contract of {@link AttachmentStore}: extend it with a {@link #createStore()} that returns a new, empty store.
 * Every store the library ships passes it (file system, memory, and JDBC on H2, PostgreSQL and MariaDB).
 */
public abstract class AttachmentStoreContract {

    private static final Instant AT = Instant.parse("2026-03-02T08:15:30.123456Z");

    /** The store under test, new for every test. */
    protected AttachmentStore store;

    /** @return a new, empty store */
    protected abstract AttachmentStore createStore();

    /** Creates the store before each test. */
    @BeforeEach
    protected final void setUpAttachmentStore() {
        store = createStore();
    }

    /**
     * @param content   the bytes
     * @param fileName  the name it came with, or null
     * @param caption   the caption, or null
     * @param at        when it was stored
     * @param convo     its conversation, or null
     * @param ticket    its ticket, or null
     * @return a record that fits the bytes
     */
    protected static AttachmentRecord record(byte[] content, String fileName, String caption, Instant at, UUID convo,
            TicketId ticket) {
        return new AttachmentRecord(UUID.randomUUID(), AttachmentKind.DOCUMENT, "application/pdf", content.length,
                AttachmentRecord.sha256Of(content), fileName, caption, at, convo, ticket, "user-42",
                "wamid.HBgLMjc2Nzk1MTgxMjQVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=");
    }

    @Test
    @DisplayName("a saved file reads back byte for byte, with its record exactly")
    void roundTrip() {
        byte[] content = new byte[70_000];
        new Random(7).nextBytes(content);
        UUID convo = UUID.randomUUID();
        TicketId ticket = TicketId.random();
        AttachmentRecord saved = store.save(record(content, "Invoice März 2026.pdf", "Here is the invoice 🧾\r\nline 2",
                AT, convo, ticket), content);

        assertThat(store.find(saved.id())).contains(saved);
        assertThat(store.content(saved.id())).get().isEqualTo(content);
        AttachmentRecord back = store.find(saved.id()).orElseThrow();
        assertThat(back.fileName()).isEqualTo("Invoice März 2026.pdf");
        assertThat(back.caption()).isEqualTo("Here is the invoice 🧾\r\nline 2");
        assertThat(back.createdAt()).isEqualTo(AT);
        assertThat(back.ticketId()).isEqualTo(ticket);
        assertThat(back.conversationId()).isEqualTo(convo);
        assertThat(back.requesterId()).isEqualTo("user-42");
    }

    @Test
    @DisplayName("an empty file and every hostile text the library keeps read back exactly")
    void hostileTexts() {
        byte[] empty = new byte[0];
        for (String text : HostileText.KEPT_TEXT) {
            String name = text.length() > AttachmentRecord.MAX_FILE_NAME ? text.substring(0, 200) : text;
            AttachmentRecord saved = store.save(record(empty, name, text, AT, null, null), empty);
            AttachmentRecord back = store.find(saved.id()).orElseThrow();
            assertThat(back.caption()).isEqualTo(text);
            assertThat(back.fileName()).isEqualTo(name);
            assertThat(store.content(saved.id())).get().isEqualTo(empty);
        }
    }

    @Test
    @DisplayName("saving the same id again keeps the first record and bytes: a retried download is one attachment")
    void idempotent() {
        byte[] first = "first".getBytes(StandardCharsets.UTF_8);
        AttachmentRecord r = record(first, "a.pdf", null, AT, UUID.randomUUID(), null);
        store.save(r, first);
        byte[] other = "other bytes".getBytes(StandardCharsets.UTF_8);
        AttachmentRecord again = new AttachmentRecord(r.id(), AttachmentKind.IMAGE, "image/png", other.length,
                AttachmentRecord.sha256Of(other), "b.png", "changed", AT.plusSeconds(60), r.conversationId(), null, null, null);

        assertThat(store.save(again, other)).isEqualTo(r);
        assertThat(store.content(r.id())).get().isEqualTo(first);
        assertThat(store.byConversation(r.conversationId())).containsExactly(r);
    }

    @Test
    @DisplayName("bytes whose size or SHA-256 is not the record's are refused and nothing is kept")
    void refusesMismatch() {
        byte[] content = "the real bytes".getBytes(StandardCharsets.UTF_8);
        AttachmentRecord r = record(content, "a.pdf", null, AT, null, null);
        byte[] sameLength = "the fake bytes".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> store.save(r, sameLength)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("SHA-256");
        assertThatThrownBy(() -> store.save(r, new byte[3])).isInstanceOf(InvalidInputException.class);
        assertThat(store.find(r.id())).isEmpty();
        assertThat(store.content(r.id())).isEmpty();
    }

    @Test
    @DisplayName("a file name with a path in it is only data: it reads back as sent and is findable only by id")
    void pathLikeNames() {
        byte[] content = "x".getBytes(StandardCharsets.UTF_8);
        List<AttachmentRecord> saved = new ArrayList<>();
        for (String name : List.of("../../etc/passwd", "..\\..\\windows\\win.ini", "/absolute/path.pdf", "CON", ".",
                "..", "a/../../b")) {
            saved.add(store.save(record(content, name, null, AT, null, null), content));
        }
        for (AttachmentRecord r : saved) {
            assertThat(store.find(r.id()).orElseThrow().fileName()).isEqualTo(r.fileName());
            assertThat(store.content(r.id())).get().isEqualTo(content);
        }
    }

    @Test
    @DisplayName("a conversation's and a ticket's attachments are listed oldest first, and only theirs")
    void listing() {
        UUID convo = UUID.randomUUID();
        TicketId ticket = TicketId.random();
        byte[] c = "c".getBytes(StandardCharsets.UTF_8);
        AttachmentRecord second = store.save(record(c, "2", null, AT.plusSeconds(2), convo, ticket), c);
        AttachmentRecord first = store.save(record(c, "1", null, AT, convo, null), c);
        AttachmentRecord third = store.save(record(c, "3", null, AT.plusSeconds(3), convo, ticket), c);
        store.save(record(c, "elsewhere", null, AT, UUID.randomUUID(), TicketId.random()), c);

        assertThat(store.byConversation(convo)).containsExactly(first, second, third);
        assertThat(store.byTicket(ticket)).containsExactly(second, third);
        assertThat(store.byConversation(UUID.randomUUID())).isEmpty();
        assertThat(store.byTicket(TicketId.random())).isEmpty();
    }

    @Test
    @DisplayName("a deleted attachment is gone with its bytes; deleting it again says so")
    void delete() {
        byte[] c = "c".getBytes(StandardCharsets.UTF_8);
        UUID convo = UUID.randomUUID();
        AttachmentRecord r = store.save(record(c, "1", null, AT, convo, null), c);
        assertThat(store.delete(r.id())).isTrue();
        assertThat(store.delete(r.id())).isFalse();
        assertThat(store.find(r.id())).isEmpty();
        assertThat(store.content(r.id())).isEmpty();
        assertThat(store.byConversation(convo)).isEmpty();
    }

    @Test
    @DisplayName("eight threads saving the same attachment at once keep one, with its bytes")
    void concurrentSaves() throws Exception {
        byte[] content = new byte[100_000];
        new Random(3).nextBytes(content);
        AttachmentRecord r = record(content, "same.pdf", null, AT, UUID.randomUUID(), null);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<AttachmentRecord>> tasks = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                tasks.add(() -> store.save(r, content));
            }
            for (Future<AttachmentRecord> f : pool.invokeAll(tasks)) {
                assertThat(f.get()).isEqualTo(r);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(store.byConversation(r.conversationId())).containsExactly(r);
        assertThat(store.content(r.id())).get().isEqualTo(content);
    }
}
