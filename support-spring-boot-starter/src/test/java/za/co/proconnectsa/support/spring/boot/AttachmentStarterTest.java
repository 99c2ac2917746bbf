package za.co.proconnectsa.support.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import za.co.proconnectsa.support.SupportDesk;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.attachment.AttachmentKind;
import za.co.proconnectsa.support.attachment.AttachmentRecord;
import za.co.proconnectsa.support.attachment.FileSystemAttachmentStore;
import za.co.proconnectsa.support.attachment.InMemoryAttachmentStore;
import za.co.proconnectsa.support.conversation.Conversation;
import za.co.proconnectsa.support.jdbc.JdbcTicketStore;
import za.co.proconnectsa.support.privacy.DataSubjectService;
import za.co.proconnectsa.support.queue.Job;
import za.co.proconnectsa.support.spi.AttachmentStore;
import za.co.proconnectsa.support.spi.ConversationStore;
import za.co.proconnectsa.support.spi.TicketStore;
import za.co.proconnectsa.support.spi.WorkQueue;
import za.co.proconnectsa.support.spring.boot.autoconfigure.SupportAutoConfiguration;
import za.co.proconnectsa.support.store.InMemoryTicketStore;
import za.co.proconnectsa.support.whatsapp.inbox.WhatsAppInbox;

/**
 * The desk's attachment store as the starter wires it: the application's bean wins, else
 * {@code support.attachments.directory}, else the JDBC store's table (memory for the in-memory store); the WhatsApp
 * inbox keeps its media in the same store, and the file-deletion worker runs with the context.
 */
class AttachmentStarterTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(SupportAutoConfigurationTest.ALL);

    @TempDir
    Path directory;

    private static AttachmentRecord keep(AttachmentStore store, String text, UUID conversation) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return store.save(new AttachmentRecord(UUID.randomUUID(), AttachmentKind.DOCUMENT, "text/plain", bytes.length,
                AttachmentRecord.sha256Of(bytes), "quote.txt", "the quote", Instant.now(), conversation, null, null,
                null), bytes);
    }

    @Test
    @DisplayName("an AttachmentStore bean of the application is the desk's, whatever the properties say")
    void applicationBeanWins() {
        InMemoryAttachmentStore own = InMemoryAttachmentStore.create();
        runner.withPropertyValues(SupportAutoConfigurationTest.h2(), "support.attachments.directory=" + directory)
                .withBean(AttachmentStore.class, () -> own).run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean(FileSystemAttachmentStore.class);
                    assertThat(context.getBean(SupportDesk.class).attachments()).containsSame(own);
                });
    }

    @Test
    @DisplayName("support.attachments.directory: the desk keeps its files in that directory")
    void directoryProperty() {
        runner.withPropertyValues(SupportAutoConfigurationTest.h2(), "support.attachments.directory=" + directory)
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(FileSystemAttachmentStore.class);
                    AttachmentStore files = context.getBean(SupportDesk.class).attachments().orElseThrow();
                    assertThat(files).isSameAs(context.getBean(FileSystemAttachmentStore.class));
                    AttachmentRecord kept = keep(files, "Quote 42: R 1,250.00", null);
                    try (var paths = Files.walk(directory)) {
                        List<String> contents = paths.filter(Files::isRegularFile).map(p -> {
                            try {
                                return Files.readString(p);
                            } catch (java.io.IOException e) {
                                throw new java.io.UncheckedIOException(e);
                            }
                        }).toList();
                        assertThat(contents).contains("Quote 42: R 1,250.00");
                    }
                    assertThat(files.content(kept.id())).hasValueSatisfying(bytes ->
                            assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("Quote 42: R 1,250.00"));
                });
    }

    @Test
    @DisplayName("neither: on a DataSource the JDBC store's own table, in memory without one, none when switched off")
    void documentedDefault() {
        runner.withPropertyValues(SupportAutoConfigurationTest.h2()).run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(AttachmentStore.class);
            AttachmentStore files = context.getBean(SupportDesk.class).attachments().orElseThrow();
            AttachmentRecord kept = keep(files, "kept in the database", null);
            // another attachment store on the same database reads it: the file is in stored_attachments
            JdbcTicketStore store = (JdbcTicketStore) context.getBean(TicketStore.class);
            assertThat(store.attachments().content(kept.id())).hasValueSatisfying(bytes ->
                    assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("kept in the database"));
        });
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(SupportAutoConfiguration.class))
                .run(context -> {
                    assertThat(context.getBean(TicketStore.class)).isInstanceOf(InMemoryTicketStore.class);
                    assertThat(context.getBean(SupportDesk.class).attachments())
                            .hasValueSatisfying(a -> assertThat(a).isInstanceOf(InMemoryAttachmentStore.class));
                });
        runner.withPropertyValues(SupportAutoConfigurationTest.h2(), "support.attachments.enabled=false")
                .run(context -> assertThat(context.getBean(SupportDesk.class).attachments()).isEmpty());
    }

    @Test
    @DisplayName("the WhatsApp inbox keeps its files in the desk's store; the media and file-deletion workers run with the context")
    void inboxUsesTheSameStore() {
        runner.withPropertyValues(SupportAutoConfigurationTest.h2(), "support.attachments.directory=" + directory,
                "support.whatsapp.cloud.phone-number-id=106540352242922",
                "support.whatsapp.cloud.access-token=test-access-token",
                "support.whatsapp.cloud.base-url=http://127.0.0.1:9",
                "support.whatsapp.workers.poll-interval=50ms").run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(WhatsAppInbox.class);
                    AttachmentStore files = context.getBean(FileSystemAttachmentStore.class);
                    ConversationStore conversations = (ConversationStore) context.getBean(TicketStore.class);
                    Conversation chat = ConversationSurveyStarterTest.openConversation(conversations, "27821234567",
                            "Thandi", Instant.now());
                    AttachmentRecord kept = keep(files, "the photo of the invoice", chat.id());

                    assertThat(context.getBean(WhatsAppInbox.class)
                            .conversation(Actor.agent("agent-3", "Sipho"), chat.number().text()).attachments())
                            .extracting(AttachmentRecord::id).containsExactly(kept.id());
                    assertThat(context.getBean("supportWhatsAppMediaWorker", SupportWorkerLifecycle.class).isRunning())
                            .isTrue();

                    // a deletion an erasure queued and could not run at once is run by the worker the context started
                    SupportWorkerLifecycle deletions = context.getBean("supportFileDeletionWorker",
                            SupportWorkerLifecycle.class);
                    assertThat(deletions.isRunning()).isTrue();
                    ((WorkQueue) conversations).enqueueJob(DataSubjectService.FILE_DELETION_KIND,
                            Job.keyOf("file:" + kept.id()), kept.id().toString().getBytes(StandardCharsets.US_ASCII),
                            Instant.now());
                    deletions.wakeUp();
                    Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> files.find(kept.id()).isEmpty());
                });
    }
}
