package za.co.proconnectsa.support.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import za.co.proconnectsa.support.StoreUnavailableException;
import za.co.proconnectsa.support.attachment.AttachmentKind;
import za.co.proconnectsa.support.attachment.AttachmentRecord;
import za.co.proconnectsa.support.attachment.FileSystemAttachmentStore;
import za.co.proconnectsa.support.notify.NotificationChannel;
import za.co.proconnectsa.support.notify.NotificationDelivery;
import za.co.proconnectsa.support.notify.NotificationService;
import za.co.proconnectsa.support.notify.NotificationType;
import za.co.proconnectsa.support.notify.RequesterContact;
import za.co.proconnectsa.support.privacy.DataSubjectService;
import za.co.proconnectsa.support.queue.Job;
import za.co.proconnectsa.support.queue.JobState;
import za.co.proconnectsa.support.queue.JobWorker;
import za.co.proconnectsa.support.spi.AttachmentStore;
import za.co.proconnectsa.support.SupportDesk;
import za.co.proconnectsa.support.access.AccessDeniedException;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.conversation.ContactIdentity;
import za.co.proconnectsa.support.conversation.Conversation;
import za.co.proconnectsa.support.conversation.ConversationMessage;
import za.co.proconnectsa.support.conversation.ConversationNumber;
import za.co.proconnectsa.support.conversation.ConversationStatus;
import za.co.proconnectsa.support.conversation.MessageDelivery;
import za.co.proconnectsa.support.privacy.ConsentChoice;
import za.co.proconnectsa.support.privacy.Correction;
import za.co.proconnectsa.support.privacy.DataSubject;
import za.co.proconnectsa.support.privacy.DataSubjectExport;
import za.co.proconnectsa.support.privacy.DataSubjectRequest;
import za.co.proconnectsa.support.privacy.PurgeReport;
import za.co.proconnectsa.support.privacy.RedactionReport;
import za.co.proconnectsa.support.privacy.RetentionPolicy;
import za.co.proconnectsa.support.event.OutboxEntry;
import za.co.proconnectsa.support.event.TicketEvent;
import za.co.proconnectsa.support.assignment.Agent;
import za.co.proconnectsa.support.notify.Notification;
import za.co.proconnectsa.support.satisfaction.ConversationSurvey;
import za.co.proconnectsa.support.satisfaction.SatisfactionSurvey;
import za.co.proconnectsa.support.spi.AgentRoster;
import za.co.proconnectsa.support.spi.ConversationSurveyStore;
import za.co.proconnectsa.support.spi.ConversationStore;
import za.co.proconnectsa.support.spi.EventOutbox;
import za.co.proconnectsa.support.spi.SatisfactionStore;
import za.co.proconnectsa.support.spi.DataSubjectStore;
import za.co.proconnectsa.support.spi.TicketStore;
import za.co.proconnectsa.support.spi.WorkQueue;
import za.co.proconnectsa.support.ticket.Attachment;
import za.co.proconnectsa.support.ticket.AuditAction;
import za.co.proconnectsa.support.ticket.AuditEvent;
import za.co.proconnectsa.support.ticket.Category;
import za.co.proconnectsa.support.ticket.NewTicket;
import za.co.proconnectsa.support.ticket.Reply;
import za.co.proconnectsa.support.ticket.Ticket;
import za.co.proconnectsa.support.ticket.TicketDetails;
import za.co.proconnectsa.support.ticket.TicketId;
import za.co.proconnectsa.support.ticket.TicketQuery;
import za.co.proconnectsa.support.ticket.TicketStatus;
import za.co.proconnectsa.support.ticket.Visibility;

/**
 * The rights of data subjects on a store that keeps their records ({@link DataSubjectStore}): an export holds
 * everything about one person and nothing of another; after an erasure no stored text holds their name, phone number
 * or e-mail address, and no file of the attachment store holds them either, while every count stays; anonymisation
 * keeps their words; corrections replace values; the consent ledger's latest line wins; retention purges racing on two
 * instances delete each record once and leave nothing of it behind, nor any notification of a purged ticket for a
 * worker to send; files are deleted through durable jobs that a crash does not lose; notifications and satisfaction
 * surveys of their tickets and conversations are exported and rewritten; an agent's export holds their roster line
 * and an agent's erasure takes the name off it; the sends queued to an erased person and the webhook bodies of their
 * messages are emptied with their keys kept, as are those of a purged conversation; a send dropped with a purged
 * ticket marks its transcript line failed.
 *
 * <pre>{@code
 * class MyDataSubjectTest extends DataSubjectContract {
 *     protected TicketStore createStore() { return MyStore.createEmpty(); }
 *     protected List<String> everyStoredText() { return ...every text value the store holds...; }
 * }
 * }</pre>
 */
public abstract class DataSubjectContract {

    /** Monday 2 March 2026, 10:00 in Johannesburg. */
    protected static final Instant START = Instant.parse("2026-03-02T08:00:00Z");
    private static final Actor ADMIN = Actor.admin("admin-1", "Naledi (Lead)");
    private static final Actor AGENT = Actor.agent("agent-3", "Sipho (Support)");
    private static final Actor THANDI = Actor.requester("provider-17", "Thandi Nkosi");
    private static final Actor LERATO = Actor.requester("provider-42", "Lerato Mokoena");
    private static final String PHONE = "27821234567";
    private static final String EMAIL = "thandi.nkosi@example.co.za";
    private static final DataSubject SUBJECT = DataSubject.builder("provider-17").whatsApp(PHONE).name("Thandi Nkosi")
            .email(EMAIL).build();

    /** The desk's time; back at {@link #START} before each test. */
    protected final SettableClock clock = SettableClock.at(START);
    /** Where the default attachment store keeps its files; new for each test. */
    @TempDir
    protected Path attachmentDirectory;
    private TicketStore store;
    private SupportDesk desk;
    private String thandiTicket;
    private String leratoTicket;
    private Conversation chat;
    private CountingAttachments attachments;
    private UUID chatFile;
    private UUID ticketFile;
    private UUID leratoFile;

    /**
     * @return a new, empty store implementing {@link DataSubjectStore}, {@link ConversationStore}, {@link WorkQueue},
     *         {@link SatisfactionStore}, {@link ConversationSurveyStore} and {@link AgentRoster}
     */
    protected abstract TicketStore createStore();

    /** @return another store on the same data (another instance of the application); the same store by default */
    protected TicketStore sameDataAgain() {
        return store;
    }

    /**
     * @return every text value the store holds, in every table and column (or every field of every record) that can
     *         hold text, ids included
     */
    protected abstract List<String> everyStoredText();

    /**
     * @param on the store under test
     * @return the attachment store the desk keeps its files in: by default a {@link FileSystemAttachmentStore} in
     *         {@link #attachmentDirectory}; a store that keeps files in its own tables returns its own
     */
    protected AttachmentStore createAttachments(TicketStore on) {
        return FileSystemAttachmentStore.create(attachmentDirectory);
    }

    /**
     * @param files the attachment store {@link #createAttachments} returned
     * @return every file it keeps, as UTF-8 text (names, records and contents); by default every file under a
     *         {@link FileSystemAttachmentStore}'s directory. A store whose files live in the tables that
     *         {@link #everyStoredText()} reads returns nothing here.
     */
    protected List<String> everyStoredFile(AttachmentStore files) {
        if (!(files instanceof FileSystemAttachmentStore fs)) {
            return List.of();
        }
        try (var paths = Files.walk(fs.directory())) {
            List<String> out = new ArrayList<>();
            for (Path path : paths.filter(Files::isRegularFile).toList()) {
                out.add(path.getFileName().toString());
                out.add(new String(Files.readAllBytes(path), StandardCharsets.UTF_8));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The desk's attachment store, counting deletions and failing them on demand (a crash before they run). */
    private static final class CountingAttachments extends ForwardingAttachmentStore {
        private final AtomicBoolean failDeletes = new AtomicBoolean();
        private final List<UUID> deleted = new CopyOnWriteArrayList<>();

        CountingAttachments(AttachmentStore files) {
            super(files);
        }

        @Override
        public boolean delete(UUID id) {
            if (failDeletes.get()) {
                throw new StoreUnavailableException("the process ended before the file was deleted", null);
            }
            boolean was = super.delete(id);
            if (was) {
                deleted.add(id);
            }
            return was;
        }
    }

    private SupportDesk desk(TicketStore on) {
        return SupportDesk.builder().store(on).clock(clock).attachments(attachments).build();
    }

    private UUID keepFile(String fileName, String caption, String content, UUID conversation, TicketId ticket,
            String requesterId) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        return attachments.save(new AttachmentRecord(UUID.randomUUID(), AttachmentKind.DOCUMENT, "text/plain",
                bytes.length, AttachmentRecord.sha256Of(bytes), fileName, caption, clock.instant(), conversation, ticket,
                requesterId, null), bytes).id();
    }

    @BeforeEach
    void seed() {
        clock.set(START);
        store = createStore();
        attachments = new CountingAttachments(createAttachments(store));
        desk = desk(store);
        thandiTicket = desk.tickets().submit(THANDI, NewTicket.builder()
                .subject("Invoice INV-2291 charged twice")
                .body("Hi, this is Thandi Nkosi (" + EMAIL + ", 082 123 4567). My card was billed twice.")
                .category(Category.BILLING)
                .attachment(new Attachment("thandi-nkosi-statement.pdf", "application/pdf", 48_213, "s3://docs/77"))
                .build()).ticketNumber().text();
        clock.advance(Duration.ofMinutes(5));
        desk.tickets().reply(AGENT, thandiTicket, Reply.publicReply("Hi Thandi, sorry! Refund on its way."));
        desk.tickets().reply(AGENT, thandiTicket, Reply.internalNote("Called +27 82 123 4567, spoke to Ms Nkosi"));
        desk.tickets().reply(THANDI, thandiTicket, Reply.publicReply("Thanks. Thandi"));
        leratoTicket = desk.tickets().submit(LERATO, NewTicket.builder()
                .subject("Cannot add a service area").body("Lerato Mokoena here, the map stays empty.")
                .category(Category.TECHNICAL).build()).ticketNumber().text();
        ConversationStore conversations = (ConversationStore) store;
        long seq = conversations.nextConversationSequence();
        Conversation started = new Conversation(UUID.randomUUID(), new ConversationNumber(seq, "WA-" + seq), PHONE,
                "Thandi N", "wa:" + PHONE, ConversationStatus.OPEN, null, null, clock.instant(), clock.instant(),
                clock.instant(), 1);
        ConversationMessage hello = new ConversationMessage("wamid.HBgLMjc4MjEA", started.id(), PHONE,
                ConversationMessage.Author.CUSTOMER, PHONE, "Thandi N", "Hallo, dis Thandi. Mail " + EMAIL, clock.instant());
        ConversationMessage answer = new ConversationMessage("wamid.out.1", started.id(), PHONE,
                ConversationMessage.Author.AGENT, "agent-3", "Sipho (Support)", "Dankie Thandi, ons kyk", clock.instant());
        conversations.insertConversation(started, List.of(hello, answer));
        conversations.saveContactIdentity(new ContactIdentity(PHONE, PHONE, "ZA.1234567890", "thandi_n",
                clock.instant()));
        chat = started;
        ((WorkQueue) store).enqueueJob("whatsapp.inbound", "wamid.HBgLMjc4MjEA",
                ("{\"from\":\"" + PHONE + "\"}").getBytes(StandardCharsets.UTF_8), clock.instant());
        desk.dataSubjects().recordConsent(AGENT, PHONE, ConsentChoice.OPT_IN, "web signup by Thandi Nkosi");
        chatFile = keepFile("Thandi Nkosi ID.txt", "my ID, Thandi Nkosi 082 123 4567",
                "Identity document of Thandi Nkosi, " + EMAIL, chat.id(), null, "wa:" + PHONE);
        ticketFile = keepFile("statement-thandi-nkosi.txt", null, "Statement for Thandi Nkosi, " + PHONE, null,
                desk.tickets().get(ADMIN, thandiTicket).ticket().id(), "provider-17");
        leratoFile = keepFile("Lerato map.txt", "the empty map", "Service area map of Lerato Mokoena", null,
                desk.tickets().get(ADMIN, leratoTicket).ticket().id(), "provider-42");
    }

    /** Counts that an erasure must keep: tickets, messages and audit entries of each, conversation lines. */
    private List<Integer> counts() {
        List<Integer> out = new ArrayList<>();
        for (String number : List.of(thandiTicket, leratoTicket)) {
            TicketDetails d = desk.tickets().get(ADMIN, number);
            out.add(d.messages().size());
            out.add(d.history().size());
            out.add(d.ticket().attachments().size());
        }
        out.add(desk.tickets().queue(ADMIN, TicketQuery.all()).items().size());
        out.add(((ConversationStore) store).conversationMessages(chat.id()).size());
        return out;
    }

    /** Every stored text, lower case, and again without spaces, dashes, dots and brackets (for phone numbers). */
    private String storedText() {
        StringBuilder all = new StringBuilder();
        List<String> values = new ArrayList<>(everyStoredText());
        values.addAll(everyStoredFile(attachments.delegate()));
        for (String value : values) {
            if (value != null) {
                String lower = value.toLowerCase(Locale.ROOT);
                all.append(lower).append('\n').append(lower.replaceAll("[\\s\\-.()+]", "")).append('\n');
            }
        }
        return all.toString();
    }

    @Test
    @DisplayName("an export holds everything about the person (tickets, messages, attachments, audit, conversations, outbox, consent) and nothing of another")
    void exportIsComplete() {
        ((ConversationStore) store).recordDelivery(new MessageDelivery("wamid.out.1", MessageDelivery.State.FAILED,
                "wamid.provider.9", "131026 receiver incapable", clock.instant()));
        EventOutbox outbox = (EventOutbox) store;
        TicketId thandiId = desk.tickets().get(ADMIN, thandiTicket).ticket().id();
        TicketId leratoId = desk.tickets().get(ADMIN, leratoTicket).ticket().id();
        List<OutboxEntry> claimed = outbox.claim("contract", 1000, Duration.ofMinutes(1), clock.instant());
        OutboxEntry doomed = claimed.stream().filter(o -> o.ticketId().equals(thandiId)).findFirst().orElseThrow();
        assertThat(outbox.deadLetter(doomed.id(), "contract", "relay refused", clock.instant())).isTrue();
        OutboxEntry notTheirs = claimed.stream().filter(o -> o.ticketId().equals(leratoId)).findFirst().orElseThrow();
        assertThat(outbox.deadLetter(notTheirs.id(), "contract", "Lerato's relay refused", clock.instant())).isTrue();

        DataSubjectExport export = desk.dataSubjects().export(ADMIN, SUBJECT, "access request of 2 March");

        assertThat(export.deadOutboxEntries()).isEqualTo(1);
        assertThat(export.json()).doesNotContain(leratoId.toString());
        assertThat(export.files()).isEqualTo(2);
        AttachmentRecord idFile = attachments.find(chatFile).orElseThrow();
        assertThat(export.json()).contains("\"files\"", chatFile.toString(), ticketFile.toString(), "Thandi Nkosi ID.txt",
                "statement-thandi-nkosi.txt", "my ID, Thandi Nkosi 082 123 4567", idFile.sha256(), "\"text/plain\"",
                "\"sizeBytes\": " + idFile.sizeBytes(), "\"conversationId\": \"" + chat.id() + "\"",
                idFile.createdAt().toString()).doesNotContain(leratoFile.toString());
        assertThat(export.deliveries()).isEqualTo(1);
        assertThat(export.queuedJobs()).isEqualTo(1);
        assertThat(export.json()).contains("\"contactIdentities\"", "ZA.1234567890", "thandi_n");
        assertThat(export.json()).contains("\"deadOutbox\"", "relay refused", "wamid.provider.9",
                "131026 receiver incapable", "\"queuedJobs\"", "whatsapp.inbound",
                "\"payload\": \"{\\\"from\\\":\\\"" + PHONE);

        assertThat(export.tickets()).isEqualTo(1);
        assertThat(export.messages()).isEqualTo(3);
        assertThat(export.conversations()).isEqualTo(1);
        assertThat(export.transcriptLines()).isEqualTo(2);
        assertThat(export.consentEntries()).isEqualTo(1);
        List<AuditEvent> history = desk.tickets().get(ADMIN, thandiTicket).history();
        // the export saw the trail before its own entry was added
        assertThat(export.auditEvents()).isEqualTo(history.size() - 1);
        assertThat(history.get(history.size() - 1)).satisfies(e -> {
            assertThat(e.action()).isEqualTo(AuditAction.DATA_SUBJECT_REQUEST);
            assertThat(e.after()).isEqualTo("EXPORT");
            assertThat(e.actor()).isEqualTo(ADMIN);
            assertThat(e.visibility()).isEqualTo(Visibility.INTERNAL);
        });
        assertThat(desk.tickets().get(ADMIN, leratoTicket).history())
                .noneMatch(e -> e.action() == AuditAction.DATA_SUBJECT_REQUEST);
        assertThat(export.outboxEntries()).isPositive();
        assertThat(export.json())
                .contains(thandiTicket, "Invoice INV-2291 charged twice", "Refund on its way", "spoke to Ms Nkosi",
                        "thandi-nkosi-statement.pdf", "s3://docs/77", "Hallo, dis Thandi. Mail " + EMAIL,
                        "wa:" + PHONE, "web signup by Thandi Nkosi", "\"pendingOutbox\"", "\"audit\"")
                .doesNotContain("Lerato", leratoTicket, "provider-42");
        assertThat(desk.dataSubjects().requests(ADMIN, 10)).first().satisfies(q -> {
            assertThat(q.kind()).isEqualTo(DataSubjectRequest.Kind.EXPORT);
            assertThat(q.subjectRef()).isEqualTo("provider-17");
        });
    }

    @Test
    @DisplayName("after an erasure no stored text holds the person's name, phone number or e-mail, and every count stays")
    void erasureLeavesNothing() {
        TicketId thandiId = desk.tickets().get(ADMIN, thandiTicket).ticket().id();
        SatisfactionStore surveys = (SatisfactionStore) store;
        store.useTransaction(() -> {
            surveys.openSurvey(new SatisfactionSurvey(thandiId, thandiTicket, "provider-17", clock.instant(), null,
                    null, null));
            surveys.recordAnswer(thandiId, 5, "Thandi Nkosi here: great help, call me on 082 123 4567", clock.instant());
        });
        assertThat(storedText()).contains("nkosi", PHONE, EMAIL);
        List<Integer> before = counts();

        RedactionReport report = desk.dataSubjects().erase(ADMIN, SUBJECT, "erasure asked by Thandi Nkosi");

        assertThat(report.filesQueued()).isEqualTo(2);
        assertThat(attachments.deleted).containsExactlyInAnyOrder(chatFile, ticketFile);
        assertThat(attachments.find(chatFile)).isEmpty();
        assertThat(attachments.content(ticketFile)).isEmpty();
        assertThat(attachments.content(leratoFile)).isPresent();
        for (UUID file : List.of(chatFile, ticketFile)) {
            assertThat(((WorkQueue) store).findJob(DataSubjectService.FILE_DELETION_KIND, Job.keyOf("file:" + file)))
                    .hasValueSatisfying(job -> assertThat(job.state()).isEqualTo(JobState.DONE));
        }
        assertThat(report.subjectRef()).startsWith("erased-");
        assertThat(report.tickets()).isEqualTo(1);
        assertThat(report.conversations()).isEqualTo(1);
        assertThat(report.recordsChanged()).isPositive();
        assertThat(report.jobsDropped()).isEqualTo(1);
        assertThat(report.attachmentReferences()).containsExactly("s3://docs/77");
        String text = storedText();
        assertThat(text).doesNotContain("thandi", "nkosi", PHONE, "0821234567", EMAIL, "provider-17");
        assertThat(text).contains("lerato mokoena", "the map stays empty", "service area map of lerato mokoena");
        // every count stays but the erased ticket's trail, which gained the request itself
        List<Integer> after = counts();
        assertThat(after.get(1)).isEqualTo(before.get(1) + 1);
        after.set(1, before.get(1));
        assertThat(after).isEqualTo(before);
        List<AuditEvent> trail = desk.tickets().get(ADMIN, thandiTicket).history();
        assertThat(trail.get(trail.size() - 1)).satisfies(e -> {
            assertThat(e.action()).isEqualTo(AuditAction.DATA_SUBJECT_REQUEST);
            assertThat(e.after()).isEqualTo("ERASE");
            assertThat(e.actor()).isEqualTo(ADMIN);
        });
        // hosts that keep copies of the ticket hear of the erasure through the outbox
        TicketId erasedId = desk.tickets().get(ADMIN, thandiTicket).ticket().id();
        assertThat(((EventOutbox) store).claim("contract", 1000, Duration.ofMinutes(1), clock.instant()))
                .filteredOn(o -> o.ticketId().equals(erasedId)).extracting(OutboxEntry::type)
                .contains(TicketEvent.Type.DATA_SUBJECT_REQUEST);
        assertThat(surveys.findSurvey(thandiId)).hasValueSatisfying(survey -> {
            assertThat(survey.requesterId()).isEqualTo(report.subjectRef());
            assertThat(survey.comment()).isEqualTo("[erased]");
            assertThat(survey.score()).isEqualTo(5);
        });
        assertThat(surveys.lastSurveyAsked("provider-17")).isEmpty();
        assertThat(surveys.lastSurveyAsked(report.subjectRef())).isPresent();
        Ticket erased = desk.tickets().get(ADMIN, thandiTicket).ticket();
        assertThat(erased.requesterId()).isEqualTo(report.subjectRef());
        assertThat(erased.body()).isEqualTo("[erased]");
        assertThat(erased.category()).isEqualTo(Category.BILLING);
        assertThat(desk.tickets().get(ADMIN, thandiTicket).messages()).extracting(m -> m.body())
                .containsExactly("Hi [name], sorry! Refund on its way.", "Called [phone], spoke to Ms [name]", "[erased]");
        // the inbound job keeps its key, so a redelivery stays a duplicate, and loses the webhook body
        assertThat(((WorkQueue) store).findJob("whatsapp.inbound", "wamid.HBgLMjc4MjEA")).hasValueSatisfying(job -> {
            assertThat(job.payload()).isEmpty();
            assertThat(job.state()).isEqualTo(JobState.DONE);
        });
        assertThat(((ConversationStore) store).findActiveConversation(PHONE)).isEmpty();
        assertThat(((ConversationStore) store).findContactIdentity(PHONE)).isEmpty();
        assertThat(((ConversationStore) store).findContactIdentity("ZA.1234567890")).isEmpty();
        assertThat(desk.dataSubjects().mayMarketTo(PHONE)).isFalse();
        assertThat(desk.dataSubjects().requests(ADMIN, 10)).first().satisfies(q -> {
            assertThat(q.kind()).isEqualTo(DataSubjectRequest.Kind.ERASE);
            assertThat(q.subjectRef()).isEqualTo(report.subjectRef());
            assertThat(q.reason()).isEqualTo("erasure asked by [name]");
        });
        // a change read before the erasure cannot write the old text back: the version moved on
        assertThat(erased.version()).isGreaterThan(4);
        assertThat(desk.dataSubjects().export(ADMIN, SUBJECT, "again").tickets()).isZero();
    }

    @Test
    @DisplayName("anonymisation keeps what the person wrote, without their name, phone number or e-mail")
    void anonymisationKeepsWords() {
        RedactionReport report = desk.dataSubjects().anonymise(ADMIN, SUBJECT, "anonymise for analytics");

        Ticket ticket = desk.tickets().get(ADMIN, thandiTicket).ticket();
        assertThat(ticket.subject()).isEqualTo("Invoice INV-2291 charged twice");
        assertThat(ticket.body()).isEqualTo("Hi, this is [name] ([e-mail], [phone]). My card was billed twice.");
        assertThat(ticket.requesterId()).isEqualTo(report.subjectRef());
        assertThat(storedText()).doesNotContain("thandi", "nkosi", PHONE, EMAIL).contains("my card was billed twice");
    }

    @Test
    @DisplayName("a correction replaces the old value everywhere and keeps the person's ids")
    void correction() {
        desk.dataSubjects().correct(ADMIN, SUBJECT, Correction.builder().name("Nkosi", "Dlamini").build(),
                "surname changed");

        Ticket ticket = desk.tickets().get(ADMIN, thandiTicket).ticket();
        assertThat(ticket.requesterId()).isEqualTo("provider-17");
        assertThat(ticket.body()).startsWith("Hi, this is Thandi Dlamini (");
        assertThat(desk.tickets().myTicket(THANDI, thandiTicket).ticket().number().text()).isEqualTo(thandiTicket);
        // a correction rewrites text, not the files a person sent: they are kept as sent
        assertThat(attachments.deleted).isEmpty();
        assertThat(attachments.content(chatFile)).hasValueSatisfying(bytes -> assertThat(new String(bytes,
                StandardCharsets.UTF_8)).isEqualTo("Identity document of Thandi Nkosi, " + EMAIL));
        List.of(chatFile, ticketFile, leratoFile).forEach(attachments.delegate()::delete);
        assertThat(storedText()).doesNotContain("nkosi").contains("thandi dlamini");
    }

    @Test
    @DisplayName("data-subject requests are for admins; consent is recorded by the support team")
    void access() {
        assertThatThrownBy(() -> desk.dataSubjects().export(AGENT, SUBJECT, "curious"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> desk.dataSubjects().erase(THANDI, SUBJECT, "me"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> desk.dataSubjects().recordConsent(THANDI, PHONE, ConsentChoice.OPT_IN, "self"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> desk.dataSubjects().purgeExpired(AGENT, RetentionPolicy.builder().build()))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(desk.dataSubjects().requests(ADMIN, 10)).isEmpty();
    }

    @Test
    @DisplayName("the consent ledger is append-only and its latest line wins; no line means no marketing")
    void consentLedger() {
        assertThat(desk.dataSubjects().mayMarketTo(PHONE)).isTrue();
        desk.dataSubjects().recordConsent(AGENT, PHONE, ConsentChoice.OPT_OUT, "WhatsApp: STOP");
        assertThat(desk.dataSubjects().mayMarketTo(PHONE)).isFalse();
        clock.advance(Duration.ofDays(1));
        desk.dataSubjects().recordConsent(ADMIN, PHONE, ConsentChoice.OPT_IN, "campaign form");
        // the same instant: the line appended last wins
        desk.dataSubjects().recordConsent(ADMIN, PHONE, ConsentChoice.OPT_OUT, "phone call");
        assertThat(desk.dataSubjects().mayMarketTo(PHONE)).isFalse();
        assertThat(desk.dataSubjects().consentHistory(ADMIN, PHONE)).extracting(e -> e.source())
                .containsExactly("web signup by Thandi Nkosi", "WhatsApp: STOP", "campaign form", "phone call");
        assertThat(desk.dataSubjects().mayMarketTo("27830000000")).isFalse();
    }

    @Test
    @DisplayName("two purgers on two instances delete each expired closed ticket and conversation once, and nothing of them stays")
    void purgeRace() throws Exception {
        List<String> closed = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            String number = desk.tickets().submit(LERATO, NewTicket.builder().subject("Old question " + i)
                    .body("purge-marker-" + i).build()).ticketNumber().text();
            desk.tickets().reply(AGENT, number, Reply.publicReply("Answer " + i));
            desk.tickets().changeStatus(AGENT, number, TicketStatus.CLOSED);
            closed.add(number);
        }
        ((ConversationStore) store).updateConversation(chat.closedAt(clock.instant()), List.of());
        List<String> ids = closed.stream().map(n -> desk.tickets().get(ADMIN, n).ticket().id().toString()).toList();
        clock.advance(Duration.ofDays(400));
        String fresh = desk.tickets().submit(LERATO, NewTicket.builder().subject("New question").body("still here")
                .build()).ticketNumber().text();
        desk.tickets().changeStatus(AGENT, fresh, TicketStatus.CLOSED);
        RetentionPolicy policy = RetentionPolicy.builder().closedTickets(Duration.ofDays(365))
                .closedConversations(Duration.ofDays(365)).batchSize(5).build();
        SupportDesk other = desk(sameDataAgain());

        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<PurgeReport>> runs = new ArrayList<>();
            for (SupportDesk d : List.of(desk, other)) {
                runs.add(pool.submit(() -> {
                    go.await();
                    return d.dataSubjects().purgeExpired(ADMIN, policy);
                }));
            }
            go.countDown();
            int tickets = 0;
            int conversations = 0;
            for (Future<PurgeReport> run : runs) {
                PurgeReport report = run.get(60, TimeUnit.SECONDS);
                tickets += report.closedTickets();
                conversations += report.closedConversations();
            }
            assertThat(tickets).isEqualTo(24);
            assertThat(conversations).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        String text = storedText();
        for (int i = 0; i < closed.size(); i++) {
            assertThat(text).doesNotContain("purge-marker-" + i + "\n", ids.get(i).toLowerCase(Locale.ROOT));
            assertThat(store.findByNumber(closed.get(i))).isEmpty();
        }
        assertThat(text).contains("still here", "invoice inv-2291 charged twice", "lerato mokoena here");
        assertThat(((ConversationStore) store).findConversation(chat.id())).isEmpty();
        assertThat(desk.tickets().get(ADMIN, fresh).ticket().status()).isEqualTo(TicketStatus.CLOSED);
        assertThat(desk.dataSubjects().purgeExpired(ADMIN, policy).total()).isZero();
    }

    @Test
    @DisplayName("a crash between the erasure and the files' deletion loses nothing: the queued jobs delete each file later, once")
    void fileDeletionSurvivesACrash() {
        attachments.failDeletes.set(true);

        RedactionReport report = desk.dataSubjects().erase(ADMIN, SUBJECT, "erasure of 2 March");

        // the records are rewritten and committed; the files wait with their deletion jobs
        assertThat(report.filesQueued()).isEqualTo(2);
        assertThat(attachments.deleted).isEmpty();
        assertThat(attachments.content(chatFile)).isPresent();
        assertThat(attachments.content(ticketFile)).isPresent();
        WorkQueue queue = (WorkQueue) store;
        for (UUID file : List.of(chatFile, ticketFile)) {
            assertThat(queue.findJob(DataSubjectService.FILE_DELETION_KIND, Job.keyOf("file:" + file)))
                    .hasValueSatisfying(job -> assertThat(job.state()).isEqualTo(JobState.PENDING));
        }
        assertThat(desk.tickets().get(ADMIN, thandiTicket).ticket().body()).isEqualTo("[erased]");
        // the application starts again; an earlier attempt had deleted one file and ended before its done mark
        attachments.failDeletes.set(false);
        assertThat(attachments.delegate().delete(ticketFile)).isTrue();
        clock.advance(Duration.ofHours(1));
        try (JobWorker worker = desk(sameDataAgain()).dataSubjects().fileDeletionWorker().build()) {
            assertThat(worker.runOnce()).isEqualTo(2);
            clock.advance(Duration.ofHours(1));
            assertThat(worker.runOnce()).isZero();
        }
        assertThat(attachments.deleted).containsExactly(chatFile);
        for (UUID file : List.of(chatFile, ticketFile)) {
            assertThat(attachments.find(file)).isEmpty();
            assertThat(queue.findJob(DataSubjectService.FILE_DELETION_KIND, Job.keyOf("file:" + file)))
                    .hasValueSatisfying(job -> assertThat(job.state()).isEqualTo(JobState.DONE));
        }
        assertThat(attachments.content(leratoFile)).isPresent();
        assertThat(storedText()).doesNotContain("thandi", "nkosi", PHONE, "0821234567", EMAIL)
                .contains("service area map of lerato mokoena");
    }

    @Test
    @DisplayName("anonymisation deletes the person's files too, and a correction deletes none")
    void anonymisationDeletesFiles() {
        desk.dataSubjects().correct(ADMIN, SUBJECT, Correction.builder().name("Nkosi", "Dlamini").build(), "surname");
        assertThat(attachments.deleted).isEmpty();

        RedactionReport report = desk.dataSubjects().anonymise(ADMIN, SUBJECT, "anonymise for analytics");

        assertThat(report.filesQueued()).isEqualTo(2);
        assertThat(attachments.deleted).containsExactlyInAnyOrder(chatFile, ticketFile);
        assertThat(attachments.find(leratoFile)).isPresent();
    }

    @Test
    @DisplayName("a retention purge deletes the files of the tickets and conversations it deletes, through the same jobs")
    void purgeDeletesFiles() {
        String old = desk.tickets().submit(LERATO, NewTicket.builder().subject("Old question").body("long ago")
                .build()).ticketNumber().text();
        TicketId oldId = desk.tickets().get(ADMIN, old).ticket().id();
        UUID oldFile = keepFile("old.txt", null, "an old file", null, oldId, "provider-42");
        desk.tickets().changeStatus(AGENT, old, TicketStatus.CLOSED);
        ((ConversationStore) store).updateConversation(chat.closedAt(clock.instant()), List.of());
        clock.advance(Duration.ofDays(400));

        PurgeReport report = desk.dataSubjects().purgeExpired(ADMIN, RetentionPolicy.builder()
                .closedTickets(Duration.ofDays(365)).closedConversations(Duration.ofDays(365)).build());

        assertThat(report.closedTickets()).isEqualTo(1);
        assertThat(report.closedConversations()).isEqualTo(1);
        assertThat(report.filesQueued()).isEqualTo(2);
        assertThat(attachments.deleted).containsExactlyInAnyOrder(oldFile, chatFile);
        assertThat(attachments.find(ticketFile)).isPresent();
        assertThat(attachments.find(leratoFile)).isPresent();
        assertThat(((WorkQueue) store).findJob(DataSubjectService.FILE_DELETION_KIND, Job.keyOf("file:" + oldFile)))
                .hasValueSatisfying(job -> assertThat(job.state()).isEqualTo(JobState.DONE));
    }

    @Test
    @DisplayName("notifications of the person's tickets are exported with their delivery state; an erasure rewrites them in place")
    void notifications() {
        SupportDesk notifying = SupportDesk.builder().store(store).clock(clock).attachments(attachments)
                .notifyRequesters(id -> Optional.of(new RequesterContact(id, id.equals("provider-17") ? EMAIL
                        : "lerato@example.co.za", null, NotificationChannel.EMAIL, null)), NotificationChannel.EMAIL)
                .build();
        notifying.tickets().reply(AGENT, thandiTicket, Reply.publicReply("Thandi Nkosi, the refund to 082 123 4567 is done"));
        notifying.tickets().changeStatus(AGENT, thandiTicket, TicketStatus.RESOLVED);
        notifying.tickets().reply(AGENT, leratoTicket, Reply.publicReply("Lerato, the map works again"));
        WorkQueue queue = (WorkQueue) store;
        Job reply = queue.claimJobs(NotificationService.KIND, "contract", 10, Duration.ofMinutes(1), clock.instant())
                .stream().filter(j -> new String(j.payload(), StandardCharsets.UTF_8).contains("the refund"))
                .findFirst().orElseThrow();
        assertThat(queue.buryJob(reply.id(), "contract", "550 mailbox " + EMAIL + " is full", clock.instant())).isTrue();
        int logged = notifying.notifications().deliveries(ADMIN, 0, 100).size();

        DataSubjectExport export = notifying.dataSubjects().export(ADMIN, SUBJECT, "access request");

        assertThat(export.notifications()).isEqualTo(2);
        assertThat(export.json()).contains("\"notifications\"", "AGENT_REPLIED", "TICKET_RESOLVED",
                "the refund to 082 123 4567 is done", "\"state\": \"DEAD\"", "550 mailbox " + EMAIL + " is full")
                .doesNotContain("the map works again");

        RedactionReport report = notifying.dataSubjects().erase(ADMIN, SUBJECT, "erasure");

        List<NotificationDelivery> log = notifying.notifications().deliveries(ADMIN, 0, 100);
        assertThat(log).hasSize(logged);
        assertThat(log).filteredOn(d -> d.notification().type() == NotificationType.AGENT_REPLIED
                && d.notification().requesterId().equals(report.subjectRef())).singleElement().satisfies(d -> {
                    assertThat(d.notification().text()).contains("[name], the refund to [phone] is done");
                    assertThat(d.state()).isEqualTo(JobState.DEAD);
                    assertThat(d.lastError()).isEqualTo("550 mailbox [e-mail] is full");
                });
        assertThat(log).filteredOn(d -> d.notification().requesterId().equals("provider-42")).singleElement()
                .satisfies(d -> assertThat(d.notification().text()).contains("Lerato, the map works again"));
        assertThat(storedText()).doesNotContain("thandi", "nkosi", PHONE, "0821234567", EMAIL)
                .contains("lerato, the map works again");
    }

    @Test
    @DisplayName("an export lists the satisfaction surveys of the person's tickets and conversations, and after an erasure only their redacted form")
    void surveysAreExported() {
        TicketId thandiId = desk.tickets().get(ADMIN, thandiTicket).ticket().id();
        TicketId leratoId = desk.tickets().get(ADMIN, leratoTicket).ticket().id();
        SatisfactionStore surveys = (SatisfactionStore) store;
        ConversationSurveyStore chats = (ConversationSurveyStore) store;
        ConversationStore conversations = (ConversationStore) store;
        long seq = conversations.nextConversationSequence();
        Conversation other = new Conversation(UUID.randomUUID(), new ConversationNumber(seq, "WA-" + seq), "27831112222",
                "Pieter", "wa:27831112222", ConversationStatus.CLOSED, null, null, clock.instant(), clock.instant(),
                clock.instant(), 1);
        conversations.insertConversation(other, List.of());
        ConversationSurvey asked = ConversationSurvey.asked(chat.id(), chat.number().text(), PHONE, clock.instant());
        ConversationSurvey notHers = ConversationSurvey.asked(other.id(), other.number().text(), "27831112222",
                clock.instant());
        Instant answeredAt = clock.instant().plusSeconds(90);
        store.useTransaction(() -> {
            surveys.openSurvey(SatisfactionSurvey.asked(thandiId, thandiTicket, "provider-17", clock.instant()));
            surveys.recordAnswer(thandiId, 2, "Thandi Nkosi: slow refund", answeredAt);
            surveys.openSurvey(SatisfactionSurvey.asked(leratoId, leratoTicket, "provider-42", clock.instant()));
            assertThat(chats.openConversationSurvey(asked)).isTrue();
            assertThat(chats.recordConversationAnswer(asked.id(), 4, "Uitstekend! Thandi, 082 123 4567", answeredAt))
                    .isTrue();
            assertThat(chats.openConversationSurvey(notHers)).isTrue();
            chats.recordConversationAnswer(notHers.id(), 1, "Pieter was not helped", answeredAt);
        });

        DataSubjectExport export = desk.dataSubjects().export(ADMIN, SUBJECT, "access request of 2 March");

        assertThat(export.satisfactionSurveys()).isEqualTo(1);
        assertThat(export.conversationSurveys()).isEqualTo(1);
        assertThat(export.json()).contains("\"satisfactionSurveys\"", "\"conversationSurveys\"",
                "\"id\": \"" + asked.id() + "\"", "\"conversationId\": \"" + chat.id() + "\"",
                "\"conversationNumber\": \"" + chat.number().text() + "\"", "\"contact\": \"" + PHONE + "\"",
                "\"askedAt\": \"" + clock.instant() + "\"", "\"answeredAt\": \"" + answeredAt + "\"",
                "\"state\": \"ANSWERED\"", "\"score\": 4", "\"comment\": \"Uitstekend! Thandi, 082 123 4567\"",
                "\"ticketNumber\": \"" + thandiTicket + "\"", "\"score\": 2", "Thandi Nkosi: slow refund")
                .doesNotContain(notHers.id().toString(), "Pieter", leratoTicket);
        JsonNode conversationSurvey = json(export).path("conversationSurveys").get(0);
        assertThat(conversationSurvey.path("score").asInt()).isEqualTo(4);
        assertThat(conversationSurvey.path("comment").asText()).isEqualTo("Uitstekend! Thandi, 082 123 4567");
        assertThat(json(export).path("satisfactionSurveys").get(0).path("ticketId").asText())
                .isEqualTo(thandiId.toString());
        JsonNode unanswered = json(desk.dataSubjects().export(ADMIN, DataSubject.builder("provider-42").build(),
                "Lerato's access request")).path("satisfactionSurveys").get(0);
        assertThat(unanswered.path("state").asText()).isEqualTo("ASKED");
        assertThat(unanswered.path("score").isNull()).isTrue();
        assertThat(unanswered.path("answeredAt").isNull()).isTrue();

        RedactionReport erased = desk.dataSubjects().erase(ADMIN, SUBJECT, "erasure of 3 March");
        DataSubjectExport after = desk.dataSubjects().export(ADMIN, DataSubject.builder(erased.subjectRef()).build(),
                "what is kept under the pseudonym");

        assertThat(after.conversationSurveys()).isEqualTo(1);
        assertThat(after.satisfactionSurveys()).isEqualTo(1);
        assertThat(after.json()).contains("\"id\": \"" + asked.id() + "\"",
                "\"contact\": \"" + erased.subjectRef() + "\"", "\"comment\": \"[erased]\"", "\"score\": 4",
                "\"score\": 2", "\"state\": \"ANSWERED\"")
                .doesNotContain("Thandi", "Nkosi", PHONE, "082 123 4567", "Uitstekend", "slow refund");
        assertThat(chats.findConversationSurvey(notHers.id())).hasValueSatisfying(v ->
                assertThat(v.comment()).isEqualTo("Pieter was not helped"));
    }

    /** A transcript line queued for sending, and its send as the WhatsApp inbox queues it: keyed by its cause, about the line. */
    private String queueSend(Conversation on, String lineId, String contact, String text, boolean newConversation) {
        ConversationStore conversations = (ConversationStore) store;
        ConversationMessage line = new ConversationMessage(lineId, on.id(), contact, ConversationMessage.Author.AGENT,
                "agent-3", "Sipho (Support)", text, clock.instant());
        if (newConversation) {
            conversations.insertConversation(on, List.of(line));
        } else {
            conversations.updateConversation(on, List.of(line));
        }
        conversations.recordDelivery(new MessageDelivery(lineId, MessageDelivery.State.QUEUED, null, null,
                clock.instant()));
        String key = Job.keyOf("reply for " + lineId);
        assertThat(((WorkQueue) store).enqueueJob("whatsapp.send", key, ("contact=" + contact + "\ntext=" + text)
                .getBytes(StandardCharsets.UTF_8), clock.instant(), lineId)).isTrue();
        return key;
    }

    private Conversation otherConversation(String contact, String name, ConversationStatus status) {
        long seq = ((ConversationStore) store).nextConversationSequence();
        return new Conversation(UUID.randomUUID(), new ConversationNumber(seq, "WA-" + seq), contact, name,
                "wa:" + contact, status, null, null, clock.instant(), clock.instant(), clock.instant(), 1);
    }

    @Test
    @DisplayName("an erasure empties the person's queued sends, delivery reports and webhook bodies, keeping their keys: nothing of them is left to send, their line says why, another's send still goes")
    void erasureEmptiesQueuedSends() {
        emptiesQueuedSends(() -> desk.dataSubjects().erase(ADMIN, SUBJECT, "erasure of 2 March"));
    }

    @Test
    @DisplayName("an anonymisation empties the person's queued sends and webhook bodies as an erasure does")
    void anonymisationEmptiesQueuedSends() {
        emptiesQueuedSends(() -> desk.dataSubjects().anonymise(ADMIN, SUBJECT, "anonymise for analytics"));
    }

    private void emptiesQueuedSends(java.util.function.Supplier<RedactionReport> request) {
        ConversationStore conversations = (ConversationStore) store;
        WorkQueue queue = (WorkQueue) store;
        String theirs = queueSend(chat, "out.t.1", PHONE, "Thandi Nkosi, your refund to 082 123 4567 is done",
                false);
        assertThat(conversations.recordDelivery(new MessageDelivery("wamid.out.1", MessageDelivery.State.SENT,
                "wamid.provider.9", null, clock.instant()))).isTrue();
        String report = Job.keyOf("DELIVERED:wamid.provider.9");
        byte[] statusBody = ("{\"recipient_id\":\"" + PHONE + "\"}").getBytes(StandardCharsets.UTF_8);
        assertThat(queue.enqueueJob("whatsapp.status", report, statusBody, clock.instant())).isTrue();
        Conversation pieter = otherConversation("27831112222", "Pieter", ConversationStatus.OPEN);
        String his = queueSend(pieter, "out.p.1", "27831112222", "Pieter, your map is fixed", true);
        clock.advance(Duration.ofMinutes(1));

        RedactionReport result = request.get();

        // the inbound message, their send and the delivery report on their line
        assertThat(result.jobsDropped()).isEqualTo(3);
        for (String[] kindAndKey : List.of(new String[] {"whatsapp.inbound", "wamid.HBgLMjc4MjEA"},
                new String[] {"whatsapp.send", theirs}, new String[] {"whatsapp.status", report})) {
            assertThat(queue.findJob(kindAndKey[0], kindAndKey[1])).hasValueSatisfying(job -> {
                assertThat(job.payload()).isEmpty();
                assertThat(job.state()).isEqualTo(JobState.DONE);
                assertThat(job.finishedAt()).isEqualTo(clock.instant());
                assertThat(job.lastError()).contains("erased");
            });
        }
        assertThat(conversations.findDelivery("out.t.1")).hasValueSatisfying(d -> {
            assertThat(d.state()).isEqualTo(MessageDelivery.State.FAILED);
            assertThat(d.detail()).contains("Not sent", "erased");
        });
        // Meta delivers the same webhooks again: still duplicates
        assertThat(queue.enqueueJob("whatsapp.inbound", "wamid.HBgLMjc4MjEA", statusBody, clock.instant())).isFalse();
        assertThat(queue.enqueueJob("whatsapp.status", report, statusBody, clock.instant())).isFalse();
        assertThat(queue.claimJobs("whatsapp.inbound", "contract", 10, Duration.ofMinutes(1), clock.instant())).isEmpty();
        assertThat(queue.claimJobs("whatsapp.status", "contract", 10, Duration.ofMinutes(1), clock.instant())).isEmpty();
        assertThat(queue.claimJobs("whatsapp.send", "contract", 10, Duration.ofMinutes(1), clock.instant()))
                .singleElement().satisfies(job -> {
                    assertThat(job.key()).isEqualTo(his);
                    assertThat(new String(job.payload(), StandardCharsets.UTF_8)).contains("Pieter, your map is fixed");
                });
        assertThat(conversations.findDelivery("out.p.1")).hasValueSatisfying(d ->
                assertThat(d.state()).isEqualTo(MessageDelivery.State.QUEUED));
        assertThat(storedText()).doesNotContain("thandi", "nkosi", PHONE, "0821234567", EMAIL)
                .contains("pieter, your map is fixed", "27831112222");
    }

    @Test
    @DisplayName("a conversation purge empties its lines' webhook bodies, delivery reports and sends in its unit of work and keeps their keys: a redelivered webhook is still a duplicate")
    void conversationPurgeEmptiesItsJobs() {
        ConversationStore conversations = (ConversationStore) store;
        WorkQueue queue = (WorkQueue) store;
        // the inbound message was applied: its job is done, with the webhook body
        Job inbound = queue.claimJobs("whatsapp.inbound", "contract", 10, Duration.ofMinutes(1), clock.instant()).get(0);
        assertThat(queue.completeJob(inbound.id(), "contract", clock.instant())).isTrue();
        Instant applied = clock.instant();
        assertThat(conversations.recordDelivery(new MessageDelivery("wamid.out.1", MessageDelivery.State.SENT,
                "wamid.provider.9", null, clock.instant()))).isTrue();
        String report = Job.keyOf("READ:wamid.provider.9");
        byte[] statusBody = ("{\"recipient_id\":\"" + PHONE + "\",\"marker\":\"purge-marker-status\"}")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(queue.enqueueJob("whatsapp.status", report, statusBody, clock.instant())).isTrue();
        String send = queueSend(chat, "out.t.2", PHONE, "purge-marker-send for Thandi", false);
        Conversation closed = conversations.findConversation(chat.id()).orElseThrow();
        conversations.updateConversation(closed.closedAt(clock.instant()), List.of());
        Conversation pieter = otherConversation("27831112222", "Pieter", ConversationStatus.OPEN);
        String his = queueSend(pieter, "out.p.1", "27831112222", "Pieter, your map is fixed", true);
        clock.advance(Duration.ofDays(400));

        PurgeReport purged = desk.dataSubjects().purgeExpired(ADMIN, RetentionPolicy.builder()
                .closedConversations(Duration.ofDays(365)).build());

        assertThat(purged.closedConversations()).isEqualTo(1);
        assertThat(conversations.findConversation(chat.id())).isEmpty();
        assertThat(queue.findJob("whatsapp.inbound", "wamid.HBgLMjc4MjEA")).hasValueSatisfying(job -> {
            assertThat(job.payload()).isEmpty();
            assertThat(job.state()).isEqualTo(JobState.DONE);
            assertThat(job.finishedAt()).isEqualTo(applied);
            assertThat(job.lastError()).isNull();
        });
        for (String[] kindAndKey : List.of(new String[] {"whatsapp.status", report}, new String[] {"whatsapp.send", send})) {
            assertThat(queue.findJob(kindAndKey[0], kindAndKey[1])).hasValueSatisfying(job -> {
                assertThat(job.payload()).isEmpty();
                assertThat(job.state()).isEqualTo(JobState.DONE);
                assertThat(job.finishedAt()).isEqualTo(clock.instant());
                assertThat(job.lastError()).isEqualTo(DataSubjectStore.PURGED_JOB);
            });
        }
        // Meta delivers the same webhooks again after the purge: still duplicates, nothing is applied twice
        assertThat(queue.enqueueJob("whatsapp.inbound", "wamid.HBgLMjc4MjEA", statusBody, clock.instant())).isFalse();
        assertThat(queue.enqueueJob("whatsapp.status", report, statusBody, clock.instant())).isFalse();
        assertThat(queue.claimJobs("whatsapp.send", "contract", 10, Duration.ofMinutes(1), clock.instant()))
                .singleElement().satisfies(job -> assertThat(job.key()).isEqualTo(his));
        assertThat(storedText()).doesNotContain("purge-marker", "hallo, dis thandi", "dankie thandi")
                .contains("pieter, your map is fixed");
        for (String kind : List.of("whatsapp.inbound", "whatsapp.status", "whatsapp.send")) {
            assertThat(queue.jobs(kind, 0, 100)).allSatisfy(job -> assertThat(new String(job.payload(),
                    StandardCharsets.UTF_8)).doesNotContain(PHONE));
        }
    }

    @Test
    @DisplayName("an agent's erasure takes their name off the agent roster and keeps their line under its id, with its capacity and categories")
    void agentErasureRedactsTheRoster() {
        AgentRoster roster = (AgentRoster) store;
        roster.saveAgent(Agent.builder("agent-3", "Sipho Dube").capacity(7).categories(Category.BILLING).build());
        roster.saveAgent(Agent.builder("agent-4", "Zanele Khumalo").capacity(3).build());
        assertThat(storedText()).contains("sipho dube");

        RedactionReport report = desk.dataSubjects().erase(ADMIN, DataSubject.builder("agent-3").name("Sipho Dube")
                .build(), "the agent left and asked to be erased");

        assertThat(report.recordsChanged()).isPositive();
        assertThat(roster.findAgent("agent-3")).hasValueSatisfying(a -> {
            assertThat(a.displayName()).isEqualTo("[erased]");
            assertThat(a.capacity()).isEqualTo(7);
            assertThat(a.categories()).containsExactly(Category.BILLING);
        });
        assertThat(roster.findAgent("agent-4")).hasValueSatisfying(a ->
                assertThat(a.displayName()).isEqualTo("Zanele Khumalo"));
        assertThat(roster.agents()).extracting(Agent::id).containsExactlyInAnyOrder("agent-3", "agent-4");
        assertThat(storedText()).doesNotContain("sipho dube").contains("zanele khumalo");
    }

    @Test
    @DisplayName("an agent's anonymisation takes their name off the agent roster too")
    void agentAnonymisationRedactsTheRoster() {
        AgentRoster roster = (AgentRoster) store;
        roster.saveAgent(Agent.builder("agent-3", "Sipho Dube").capacity(7).build());

        desk.dataSubjects().anonymise(ADMIN, DataSubject.builder("agent-3").name("Sipho Dube").build(), "left");

        assertThat(roster.findAgent("agent-3")).hasValueSatisfying(a -> {
            assertThat(a.displayName()).isEqualTo("[erased]");
            assertThat(a.capacity()).isEqualTo(7);
        });
        assertThat(storedText()).doesNotContain("sipho dube");
    }

    private static JsonNode json(DataSubjectExport export) {
        try {
            return new ObjectMapper().readTree(export.json());
        } catch (IOException e) {
            throw new UncheckedIOException("the export is not JSON", e);
        }
    }

    @Test
    @DisplayName("an agent's export holds their line on the agent roster, and a requester's none")
    void agentProfileIsExported() {
        ((AgentRoster) store).saveAgent(Agent.builder("agent-3", "Sipho (Support)").capacity(7)
                .categories(Category.BILLING).build());

        DataSubjectExport agent = desk.dataSubjects().export(ADMIN, DataSubject.builder("agent-3").build(),
                "access request by an agent");
        DataSubjectExport requester = desk.dataSubjects().export(ADMIN, SUBJECT, "access request");

        assertThat(agent.agentProfiles()).isEqualTo(1);
        assertThat(agent.json()).contains("\"agentProfiles\"", "\"displayName\": \"Sipho (Support)\"",
                "\"capacity\": 7", "\"BILLING\"", "Refund on its way");
        assertThat(requester.agentProfiles()).isZero();
        assertThat(requester.json()).doesNotContain("\"displayName\": \"Sipho (Support)\"");
    }

    @Test
    @DisplayName("a purged ticket's notifications, pending, dead or sent, and the WhatsApp sends they became go with it: the workers send nothing of it, and everything else still goes")
    void purgeDropsQueuedNotifications() {
        SupportDesk notifying = SupportDesk.builder().store(store).clock(clock).attachments(attachments)
                .notifyRequesters(id -> Optional.of(new RequesterContact(id, id + "@example.co.za", null,
                        NotificationChannel.EMAIL, null)), NotificationChannel.EMAIL)
                .build();
        WorkQueue queue = (WorkQueue) store;
        String old = notifying.tickets().submit(LERATO, NewTicket.builder().subject("Old purge-marker question")
                .body("Lerato's old words").build()).ticketNumber().text();
        notifying.tickets().reply(AGENT, old, Reply.publicReply("Old answer for Lerato, purge-marker"));
        notifying.tickets().changeStatus(AGENT, old, TicketStatus.RESOLVED);
        // one of its notifications died; the WhatsApp sender had queued another as a send
        Job dead = queue.claimJobs(NotificationService.KIND, "contract", 10, Duration.ofMinutes(1), clock.instant())
                .stream().filter(j -> new String(j.payload(), StandardCharsets.UTF_8).contains("Old answer"))
                .findFirst().orElseThrow();
        assertThat(queue.buryJob(dead.id(), "contract", "550 mailbox full", clock.instant())).isTrue();
        String sendKey = Job.keyOf("notify:" + dead.key());
        Conversation leratoChat = otherConversation("27831112222", "Lerato M", ConversationStatus.OPEN);
        ((ConversationStore) store).insertConversation(leratoChat, List.of(new ConversationMessage("out.l.1",
                leratoChat.id(), "27831112222", ConversationMessage.Author.AUTOMATED, "notification", "ProConnect",
                "Old answer", clock.instant())));
        ((ConversationStore) store).recordDelivery(new MessageDelivery("out.l.1", MessageDelivery.State.QUEUED,
                null, null, clock.instant()));
        assertThat(queue.enqueueJob("whatsapp.send", sendKey, "purge-marker send".getBytes(StandardCharsets.UTF_8),
                clock.instant(), "out.l.1")).isTrue();
        notifying.tickets().changeStatus(AGENT, old, TicketStatus.CLOSED);
        clock.advance(Duration.ofDays(400));
        // everything else still goes: a reply on a kept ticket after the purge's cutoff
        notifying.tickets().reply(AGENT, thandiTicket, Reply.publicReply("Kept ticket, kept notification"));
        String fresh = notifying.tickets().submit(LERATO, NewTicket.builder().subject("New question")
                .body("still here").build()).ticketNumber().text();

        PurgeReport report = notifying.dataSubjects().purgeExpired(ADMIN, RetentionPolicy.builder()
                .closedTickets(Duration.ofDays(365)).build());

        assertThat(report.closedTickets()).isEqualTo(1);
        assertThat(queue.findJob(NotificationService.KIND, dead.key())).isEmpty();
        assertThat(queue.findJob("whatsapp.send", sendKey)).isEmpty();
        // its line in the conversation, which stays, says it was not sent and why, instead of staying queued
        assertThat(((ConversationStore) store).findDelivery("out.l.1")).hasValueSatisfying(d -> {
            assertThat(d.state()).isEqualTo(MessageDelivery.State.FAILED);
            assertThat(d.detail()).isEqualTo(DataSubjectStore.PURGED_UNSENT);
            assertThat(d.at()).isEqualTo(clock.instant());
        });
        assertThat(queue.deadJobs(NotificationService.KIND, 0, 100)).isEmpty();
        assertThat(notifying.notifications().deliveries(ADMIN, 0, 100))
                .noneMatch(d -> d.notification().ticketNumber().equals(old));
        RecordingSender email = new RecordingSender(NotificationChannel.EMAIL);
        try (JobWorker worker = notifying.notifications().worker(List.of(email)).clock(clock).owner("after-purge")
                .build()) {
            while (worker.runOnce() > 0) {
                clock.advance(Duration.ofSeconds(1));
            }
        }
        assertThat(email.sent).noneMatch(n -> n.ticketNumber().equals(old) || n.text().contains("purge-marker")
                || n.text().contains("Lerato's old words"));
        assertThat(email.sent).extracting(Notification::ticketNumber).containsExactlyInAnyOrder(thandiTicket, fresh);
        assertThat(notifying.notifications().deliveries(ADMIN, 0, 100)).allSatisfy(d -> {
            assertThat(d.state()).isEqualTo(JobState.DONE);
            assertThat(d.notification().ticketNumber()).isIn(thandiTicket, fresh);
        });
        assertThat(storedText()).doesNotContain("purge-marker", "lerato's old words").contains("still here");
    }
}
