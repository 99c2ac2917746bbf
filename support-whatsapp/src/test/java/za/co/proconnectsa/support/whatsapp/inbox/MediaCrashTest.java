package za.co.proconnectsa.support.whatsapp.inbox;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static za.co.proconnectsa.support.whatsapp.inbox.InboxFixture.THANDI;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;
import za.co.proconnectsa.support.StoreUnavailableException;
import za.co.proconnectsa.support.SupportDesk;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.attachment.AttachmentRecord;
import za.co.proconnectsa.support.attachment.FileSystemAttachmentStore;
import za.co.proconnectsa.support.conversation.Conversation;
import za.co.proconnectsa.support.conversation.ConversationMessage;
import za.co.proconnectsa.support.conversation.ConversationQuery;
import za.co.proconnectsa.support.jdbc.JdbcTicketStore;
import za.co.proconnectsa.support.jdbc.testdb.TestDatabases;
import za.co.proconnectsa.support.queue.JobState;
import za.co.proconnectsa.support.queue.JobWorker;
import za.co.proconnectsa.support.spi.AttachmentStore;
import za.co.proconnectsa.support.spi.ConversationStore;
import za.co.proconnectsa.support.spi.TicketStore;
import za.co.proconnectsa.support.spi.WorkQueue;
import za.co.proconnectsa.support.store.InMemoryTicketStore;
import za.co.proconnectsa.support.testing.ForwardingAttachmentStore;
import za.co.proconnectsa.support.testing.SettableClock;
import za.co.proconnectsa.support.ticket.Ticket;
import za.co.proconnectsa.support.ticket.TicketQuery;
import za.co.proconnectsa.support.whatsapp.webhook.InboundMessageWorker;
import za.co.proconnectsa.support.whatsapp.webhook.WebhookReceiver;

/**
 * A download that fails after its message was stored, and a process that dies after the file was kept but before the
 * download was marked done: on every store (memory with files on disk; H2, PostgreSQL and MariaDB with the files in
 * the database), the message is recorded once, the download is retried through the queue, and one attachment is kept.
 */
@ParameterizedClass(name = "{0}")
@ValueSource(strings = {"memory", "h2-mem", "postgresql", "mariadb"})
class MediaCrashTest {

    private static final Actor AGENT = Actor.agent("agent-3", "Sipho (Support)");

    @RegisterExtension
    static final WireMockExtension GRAPH = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    @Parameter
    String database;
    @TempDir
    Path files;
    private HikariDataSource pool;

    @AfterEach
    void closePool() {
        if (pool != null) {
            pool.close();
        }
    }

    /** Keeps files in a real store, and dies once right after a save, before its unit commits. */
    private static final class DiesAfterSave extends ForwardingAttachmentStore {
        final AtomicBoolean armed = new AtomicBoolean();

        DiesAfterSave(AttachmentStore real) {
            super(real);
        }

        @Override
        public AttachmentRecord save(AttachmentRecord record, byte[] content) {
            AttachmentRecord saved = super.save(record, content);
            if (armed.compareAndSet(true, false)) {
                throw new StoreUnavailableException("the process died after keeping the file", null);
            }
            return saved;
        }
    }

    @Test
    @DisplayName("the download fails after the message is stored, then the process dies after keeping the file: retried, one attachment, the message not doubled")
    void downloadFailsThenProcessDies() throws Exception {
        GRAPH.resetAll();
        InboxFixture.graphAccepts(GRAPH);
        TicketStore store;
        AttachmentStore real;
        if (database.equals("memory")) {
            store = InMemoryTicketStore.create();
            real = FileSystemAttachmentStore.create(files);
        } else {
            pool = TestDatabases.named(database).freshDatabase();
            JdbcTicketStore jdbc = JdbcTicketStore.create(pool);
            store = jdbc;
            real = jdbc.attachments();
        }
        DiesAfterSave attachments = new DiesAfterSave(real);
        SettableClock clock = SettableClock.at(Instant.parse("2026-03-02T08:00:00Z"));
        SupportDesk desk = SupportDesk.builder().store(store).clock(clock).build();
        WhatsAppInbox inbox = WhatsAppInbox.builder().desk(desk).store(store).client(InboxFixture.client(GRAPH, clock))
                .attachments(attachments).build();
        InboundMessageWorker worker = InboundMessageWorker.builder(store, inbox).clock(clock).build();
        JobWorker downloads = inbox.mediaWorker().clock(clock).build();
        WebhookReceiver receiver = WebhookReceiver.builder().appSecret(InboxFixture.SECRET).queue((WorkQueue) store)
                .clock(clock).build();

        byte[] jpeg = new byte[40_000];
        new Random(9).nextBytes(jpeg);
        String sha = AttachmentRecord.sha256Of(jpeg);
        String meta = "{\"url\":\"" + GRAPH.baseUrl() + "/media/dl/crash\",\"mime_type\":\"image/jpeg\",\"sha256\":\""
                + sha + "\",\"file_size\":" + jpeg.length + ",\"id\":\"4242\"}";
        GRAPH.stubFor(get(urlEqualTo("/v23.0/4242")).inScenario("graph").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500)).willSetStateTo("up"));
        GRAPH.stubFor(get(urlEqualTo("/v23.0/4242")).inScenario("graph").whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(meta)));
        GRAPH.stubFor(get(urlEqualTo("/media/dl/crash")).willReturn(aResponse().withStatus(200).withBody(jpeg)));

        String messageId = "wamid.media.crash";
        byte[] body = InboxFixture.mediaWebhook(THANDI, "Thandi Nkosi", messageId, "image", "4242", "image/jpeg", null,
                null, "the broken geyser", clock.instant());
        assertThat(receiver.receive(body, InboxFixture.sign(body)).accepted()).isEqualTo(1);
        assertThat(worker.runOnce()).isEqualTo(1);
        WorkQueue queue = (WorkQueue) store;

        // 1: Graph fails; the message is there, the download waits
        assertThat(downloads.runOnce()).isZero();
        assertThat(queue.findJob(WhatsAppInbox.MEDIA_KIND, messageId).orElseThrow().state()).isEqualTo(JobState.PENDING);
        assertThat(customerLines(store)).containsExactly("the broken geyser");

        // Meta delivers the webhook again meanwhile: a duplicate, no second download
        assertThat(receiver.receive(body, InboxFixture.sign(body)).duplicates()).isEqualTo(1);
        assertThat(worker.runOnce()).isZero();

        // 2: the file is kept, then the process dies before the download is marked done
        clock.advance(Duration.ofHours(1));
        attachments.armed.set(true);
        assertThat(downloads.runOnce()).isZero();
        assertThat(attachments.armed).as("the crash happened").isFalse();
        assertThat(queue.findJob(WhatsAppInbox.MEDIA_KIND, messageId).orElseThrow().state()).isEqualTo(JobState.PENDING);

        // 3: the retry
        clock.advance(Duration.ofHours(1));
        assertThat(downloads.runOnce()).isEqualTo(1);
        assertThat(downloads.runOnce()).isZero();

        Conversation c = only(store);
        Ticket ticket = store.findById(c.ticketId()).orElseThrow();
        List<AttachmentRecord> kept = inbox.ticketAttachments(AGENT, ticket.number().text());
        assertThat(kept).singleElement().satisfies(a -> {
            assertThat(a.sha256()).isEqualTo(sha);
            assertThat(a.caption()).isEqualTo("the broken geyser");
        });
        assertThat(inbox.attachmentContent(AGENT, kept.get(0).id())).isEqualTo(jpeg);
        assertThat(real.byConversation(c.id())).hasSize(1);
        assertThat(customerLines(store)).containsExactly("the broken geyser");
        assertThat(store.query(TicketQuery.builder().build()).items()).hasSize(1);
        assertThat(queue.findJob(WhatsAppInbox.MEDIA_KIND, messageId).orElseThrow().state()).isEqualTo(JobState.DONE);
        assertThat(queue.deadJobs(WhatsAppInbox.MEDIA_KIND, 0, 10)).isEmpty();
    }

    private static Conversation only(TicketStore store) {
        List<Conversation> all = ((ConversationStore) store)
                .queryConversations(ConversationQuery.builder().contact(THANDI).build()).items();
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    private static List<String> customerLines(TicketStore store) {
        return ((ConversationStore) store).conversationMessages(only(store).id()).stream()
                .filter(m -> m.author() == ConversationMessage.Author.CUSTOMER).map(ConversationMessage::body).toList();
    }
}
