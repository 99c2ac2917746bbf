package za.co.proconnectsa.support.whatsapp.inbox;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static za.co.proconnectsa.support.whatsapp.inbox.InboxFixture.THANDI;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import za.co.proconnectsa.support.SupportDesk;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.attachment.AttachmentKind;
import za.co.proconnectsa.support.attachment.AttachmentNotFoundException;
import za.co.proconnectsa.support.attachment.AttachmentRecord;
import za.co.proconnectsa.support.attachment.FileSystemAttachmentStore;
import za.co.proconnectsa.support.conversation.Conversation;
import za.co.proconnectsa.support.conversation.ConversationMessage;
import za.co.proconnectsa.support.conversation.ConversationQuery;
import za.co.proconnectsa.support.privacy.DataSubject;
import za.co.proconnectsa.support.privacy.DataSubjectExport;
import za.co.proconnectsa.support.privacy.RedactionReport;
import za.co.proconnectsa.support.queue.JobState;
import za.co.proconnectsa.support.queue.JobWorker;
import za.co.proconnectsa.support.store.InMemoryTicketStore;
import za.co.proconnectsa.support.testing.SettableClock;
import za.co.proconnectsa.support.ticket.Message;
import za.co.proconnectsa.support.ticket.Ticket;
import za.co.proconnectsa.support.ticket.TicketNotFoundException;
import za.co.proconnectsa.support.whatsapp.webhook.InboundMessageWorker;
import za.co.proconnectsa.support.whatsapp.webhook.WebhookReceiver;

/**
 * Inbound media end to end: signed webhooks through the real receiver and worker, the real Cloud API client against
 * WireMock standing in for Graph's media endpoints, files kept on the file system.
 */
class WhatsAppMediaTest {

    private static final Instant MONDAY_10AM = Instant.parse("2026-03-02T08:00:00Z");
    private static final Actor AGENT = Actor.agent("agent-3", "Sipho (Support)");
    private static final Actor THANDI_ON_WEB = Actor.requester("wa:" + THANDI, "Thandi Nkosi");
    private static final Actor SOMEONE_ELSE = Actor.requester("wa:27820000001", "Someone Else");
    private static final String TOKEN = "EAAG-inbox-test-token";
    private static final AtomicInteger IDS = new AtomicInteger();

    @RegisterExtension
    static final WireMockExtension GRAPH = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    @TempDir
    Path files;

    private final SettableClock clock = SettableClock.at(MONDAY_10AM);
    private InMemoryTicketStore store;
    private WhatsAppInbox inbox;
    private WebhookReceiver receiver;
    private InboundMessageWorker worker;
    private JobWorker downloads;

    @BeforeEach
    void setUp() {
        GRAPH.resetAll();
        InboxFixture.graphAccepts(GRAPH);
        store = InMemoryTicketStore.create();
        SupportDesk desk = SupportDesk.builder().store(store).clock(clock).build();
        inbox = WhatsAppInbox.builder().desk(desk).store(store).client(InboxFixture.client(GRAPH, clock))
                .attachments(FileSystemAttachmentStore.create(files)).build();
        worker = InboundMessageWorker.builder(store, inbox).clock(clock).build();
        downloads = inbox.mediaWorker().clock(clock).build();
        receiver = WebhookReceiver.builder().appSecret(InboxFixture.SECRET).queue(store).clock(clock).build();
    }

    private static byte[] bytes(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static String hex(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    private static String base64(byte[] content) throws Exception {
        return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(content));
    }

    /** Graph's metadata of a media id, pointing at a download address on WireMock. */
    private static void metadata(String mediaId, String mimeType, String sha256Hex, long size, String downloadPath) {
        GRAPH.stubFor(get(urlEqualTo("/v23.0/" + mediaId)).withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .willReturn(metadataAnswer(mediaId, mimeType, sha256Hex, size, downloadPath)));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder metadataAnswer(String mediaId,
            String mimeType, String sha256Hex, long size, String downloadPath) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"messaging_product\":\"whatsapp\",\"url\":\"" + GRAPH.baseUrl() + downloadPath
                        + "\",\"mime_type\":\"" + mimeType + "\",\"sha256\":\"" + sha256Hex
                        + "\",\"file_size\":" + size + ",\"id\":\"" + mediaId + "\"}");
    }

    private static void download(String path, byte[] content, String mimeType) {
        GRAPH.stubFor(get(urlPathEqualTo(path)).withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", mimeType).withBody(content)));
    }

    /** Delivers one media message and applies it, as the webhook worker would; returns its message id. */
    private String deliver(String type, String mediaId, String mimeType, String webhookSha, String fileName,
            String caption) {
        String messageId = "wamid.media." + IDS.incrementAndGet();
        byte[] body = InboxFixture.mediaWebhook(THANDI, "Thandi Nkosi", messageId, type, mediaId, mimeType, webhookSha,
                fileName, caption, clock.instant());
        assertThat(receiver.receive(body, InboxFixture.sign(body)).accepted()).isEqualTo(1);
        assertThat(worker.runOnce()).isEqualTo(1);
        return messageId;
    }

    private int runDownloads() {
        int done = downloads.runOnce();
        clock.advance(Duration.ofHours(2));
        return done;
    }

    private Conversation only() {
        return store.queryConversations(ConversationQuery.builder().contact(THANDI).build()).items().get(0);
    }

    private List<String> customerLines() {
        return store.conversationMessages(only().id()).stream()
                .filter(m -> m.author() == ConversationMessage.Author.CUSTOMER).map(ConversationMessage::body).toList();
    }

    private Ticket ticket() {
        return store.findById(only().ticketId()).orElseThrow();
    }

    private List<String> notes() {
        return store.messages(ticket().id()).stream().map(Message::body).filter(b -> b.contains("was not kept")).toList();
    }

    @Test
    @DisplayName("an image is kept byte for byte with its caption, on the conversation and its ticket; the caption is the transcript's text")
    void imageKept() throws Exception {
        byte[] jpeg = bytes(200_000, 1);
        metadata("1003383421387256", "image/jpeg", hex(jpeg), jpeg.length, "/media/dl/1003383421387256");
        download("/media/dl/1003383421387256", jpeg, "image/jpeg");

        String messageId = deliver("image", "1003383421387256", "image/jpeg", base64(jpeg), null,
                "The leak under the sink 💧");
        assertThat(customerLines()).containsExactly("The leak under the sink 💧");
        assertThat(inbox.conversation(AGENT, only().number().text()).attachments()).as("pending until downloaded")
                .isEmpty();

        assertThat(runDownloads()).isEqualTo(1);
        ConversationDetails details = inbox.conversation(AGENT, only().number().text());
        assertThat(details.attachments(messageId)).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AttachmentKind.IMAGE);
            assertThat(a.contentType()).isEqualTo("image/jpeg");
            assertThat(a.sizeBytes()).isEqualTo(jpeg.length);
            assertThat(a.sha256()).isEqualTo(hex(jpeg));
            assertThat(a.caption()).isEqualTo("The leak under the sink 💧");
            assertThat(a.conversationId()).isEqualTo(only().id());
            assertThat(a.ticketId()).as("the image escalated the chat first").isEqualTo(only().ticketId());
            assertThat(a.requesterId()).isEqualTo("wa:" + THANDI);
        });
        AttachmentRecord kept = details.attachments().get(0);
        assertThat(inbox.attachmentContent(AGENT, kept.id())).isEqualTo(jpeg);
        assertThat(inbox.ticketAttachments(AGENT, ticket().number().text())).containsExactly(kept);
        assertThat(store.findJob(WhatsAppInbox.MEDIA_KIND, messageId).orElseThrow().state()).isEqualTo(JobState.DONE);
        GRAPH.verify(1, getRequestedFor(urlPathEqualTo("/media/dl/1003383421387256"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
    }

    @Test
    @DisplayName("the requester reads their own ticket's files; another requester gets 'not found' for the ticket and the file")
    void requesterSeesOwnOnly() throws Exception {
        byte[] pdf = "%PDF-1.7 invoice".getBytes(StandardCharsets.UTF_8);
        metadata("2001", "application/pdf", hex(pdf), pdf.length, "/media/dl/2001");
        download("/media/dl/2001", pdf, "application/pdf");
        deliver("document", "2001", "application/pdf", base64(pdf), "Invoice März.pdf", "the invoice");
        runDownloads();
        String number = ticket().number().text();

        List<AttachmentRecord> own = inbox.ticketAttachments(THANDI_ON_WEB, number);
        assertThat(own).singleElement().extracting(AttachmentRecord::fileName).isEqualTo("Invoice März.pdf");
        assertThat(inbox.attachmentContent(THANDI_ON_WEB, own.get(0).id())).isEqualTo(pdf);

        assertThatThrownBy(() -> inbox.ticketAttachments(SOMEONE_ELSE, number))
                .isInstanceOf(TicketNotFoundException.class);
        assertThatThrownBy(() -> inbox.attachmentContent(SOMEONE_ELSE, own.get(0).id()))
                .isInstanceOf(AttachmentNotFoundException.class);
        assertThatThrownBy(() -> inbox.attachments(THANDI_ON_WEB, only().number().text()))
                .as("the conversation view is for support staff")
                .isInstanceOf(za.co.proconnectsa.support.access.AccessDeniedException.class);
    }

    @Test
    @DisplayName("an expired download address (404) is asked for afresh and the file fetched from the new one")
    void expiredAddressRefetched() throws Exception {
        byte[] jpeg = bytes(5_000, 2);
        String meta = "/v23.0/3001";
        GRAPH.stubFor(get(urlEqualTo(meta)).inScenario("expiry").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(metadataAnswer("3001", "image/png", hex(jpeg), jpeg.length, "/media/old"))
                .willSetStateTo("asked once"));
        GRAPH.stubFor(get(urlEqualTo(meta)).inScenario("expiry").whenScenarioStateIs("asked once")
                .willReturn(metadataAnswer("3001", "image/png", hex(jpeg), jpeg.length, "/media/fresh")));
        GRAPH.stubFor(get(urlEqualTo("/media/old")).willReturn(aResponse().withStatus(404)));
        download("/media/fresh", jpeg, "image/png");

        deliver("image", "3001", "image/png", null, null, null);
        assertThat(runDownloads()).isEqualTo(1);

        assertThat(inbox.ticketAttachments(AGENT, ticket().number().text())).singleElement()
                .extracting(AttachmentRecord::contentType).isEqualTo("image/png");
        GRAPH.verify(2, getRequestedFor(urlEqualTo(meta)));
        assertThat(customerLines()).containsExactly("[image]");
    }

    @Test
    @DisplayName("a checksum that does not match is downloaded again, then refused with a note on the ticket after three tries")
    void wrongChecksum() throws Exception {
        byte[] jpeg = bytes(1_000, 3);
        metadata("4001", "image/jpeg", hex("something else".getBytes(StandardCharsets.UTF_8)), jpeg.length,
                "/media/dl/4001");
        download("/media/dl/4001", jpeg, "image/jpeg");
        String messageId = deliver("image", "4001", "image/jpeg", null, null, "see this");

        assertThat(runDownloads()).isZero();
        assertThat(store.findJob(WhatsAppInbox.MEDIA_KIND, messageId).orElseThrow().lastError()).contains("SHA-256");
        assertThat(notes()).isEmpty();
        runDownloads();
        runDownloads();

        assertThat(inbox.ticketAttachments(AGENT, ticket().number().text())).isEmpty();
        assertThat(notes()).singleElement().asString().contains("image").contains("checksum did not match");
        assertThat(store.findJob(WhatsAppInbox.MEDIA_KIND, messageId).orElseThrow().state()).isEqualTo(JobState.DONE);
        GRAPH.verify(3, getRequestedFor(urlPathEqualTo("/media/dl/4001")));
    }

    @Test
    @DisplayName("an image over 5 MB is refused before it is downloaded, with a clear note on the ticket")
    void tooLargeStated() throws Exception {
        metadata("5001", "image/jpeg", hex(new byte[0]), 6 * 1024 * 1024, "/media/dl/5001");
        deliver("image", "5001", "image/jpeg", null, null, "huge photo");
        assertThat(runDownloads()).isEqualTo(1);

        assertThat(notes()).singleElement().asString()
                .contains("The customer's image sent on WhatsApp in conversation " + only().number().text())
                .contains("over the 5 MB limit for images");
        GRAPH.verify(0, getRequestedFor(urlPathEqualTo("/media/dl/5001")));
        assertThat(inbox.ticketAttachments(AGENT, ticket().number().text())).isEmpty();
    }

    @Test
    @DisplayName("an image whose size Graph leaves out is cut off once the bytes pass 5 MB, and refused")
    void tooLargeWhileReading() throws Exception {
        byte[] big = bytes(5 * 1024 * 1024 + 1, 5);
        GRAPH.stubFor(get(urlEqualTo("/v23.0/5002")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"url\":\"" + GRAPH.baseUrl()
                        + "/media/dl/5002\",\"mime_type\":\"image/jpeg\",\"id\":\"5002\"}")));
        download("/media/dl/5002", big, "image/jpeg");
        deliver("image", "5002", "image/jpeg", null, null, null);
        assertThat(runDownloads()).isEqualTo(1);
        assertThat(notes()).singleElement().asString().contains("over the 5 MB limit");
        assertThat(inbox.ticketAttachments(AGENT, ticket().number().text())).isEmpty();
    }

    @Test
    @DisplayName("a document of a type WhatsApp does not carry is refused with a note, whatever the webhook said")
    void badContentType() throws Exception {
        byte[] exe = "MZ not a pdf".getBytes(StandardCharsets.UTF_8);
        metadata("6001", "application/x-msdownload", hex(exe), exe.length, "/media/dl/6001");
        download("/media/dl/6001", exe, "application/x-msdownload");
        deliver("document", "6001", "application/pdf", null, "invoice.pdf.exe", "my invoice");
        assertThat(runDownloads()).isEqualTo(1);

        assertThat(notes()).singleElement().asString().contains("\"invoice.pdf.exe\"")
                .contains("its type application/x-msdownload is not one WhatsApp carries as a document");
        assertThat(inbox.ticketAttachments(AGENT, ticket().number().text())).isEmpty();
    }

    @Test
    @DisplayName("a media id Graph no longer knows (expired after 7 days) is refused with a note, not retried")
    void mediaIdExpired() {
        GRAPH.stubFor(get(urlEqualTo("/v23.0/7001")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":{\"message\":\"Unsupported get"
                        + " request. Object with ID '7001' does not exist\",\"type\":\"GraphMethodException\","
                        + "\"code\":100,\"error_subcode\":33,\"fbtrace_id\":\"Az8or2yhqkZfEZ-_4Qn_Bam\"}}")));
        deliver("video", "7001", "video/mp4", null, null, "what happened");
        assertThat(runDownloads()).isEqualTo(1);
        assertThat(notes()).singleElement().asString().contains("WhatsApp no longer has it");
    }

    @Test
    @DisplayName("Graph down at first: the download is retried by the queue and the file kept once it answers")
    void graphDownThenUp() throws Exception {
        byte[] jpeg = bytes(3_000, 4);
        GRAPH.stubFor(get(urlEqualTo("/v23.0/8001")).inScenario("down").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        GRAPH.stubFor(get(urlEqualTo("/v23.0/8001")).inScenario("down").whenScenarioStateIs("up")
                .willReturn(metadataAnswer("8001", "image/jpeg", hex(jpeg), jpeg.length, "/media/dl/8001")));
        download("/media/dl/8001", jpeg, "image/jpeg");
        String messageId = deliver("image", "8001", "image/jpeg", base64(jpeg), null, null);

        assertThat(runDownloads()).isZero();
        assertThat(store.findJob(WhatsAppInbox.MEDIA_KIND, messageId).orElseThrow().state()).isEqualTo(JobState.PENDING);
        assertThat(runDownloads()).isEqualTo(1);
        assertThat(inbox.ticketAttachments(AGENT, ticket().number().text())).hasSize(1);
        assertThat(notes()).isEmpty();
    }

    @Test
    @DisplayName("Meta's redelivery of a media message queues no second download and keeps one attachment")
    void redeliveryIsOneAttachment() throws Exception {
        byte[] jpeg = bytes(2_000, 6);
        metadata("9001", "image/jpeg", hex(jpeg), jpeg.length, "/media/dl/9001");
        download("/media/dl/9001", jpeg, "image/jpeg");
        String messageId = "wamid.media.redelivered";
        byte[] body = InboxFixture.mediaWebhook(THANDI, "Thandi Nkosi", messageId, "image", "9001", "image/jpeg", null,
                null, "once", clock.instant());
        receiver.receive(body, InboxFixture.sign(body));
        worker.runOnce();
        runDownloads();
        // the webhook log forgets after its retention; the inbox still sees the message recorded and queues nothing new
        inbox.ingest(za.co.proconnectsa.support.whatsapp.webhook.WhatsAppWebhook.parse(body).stream()
                .filter(e -> e instanceof za.co.proconnectsa.support.whatsapp.webhook.InboundMessage)
                .map(e -> (za.co.proconnectsa.support.whatsapp.webhook.InboundMessage) e).findFirst().orElseThrow());
        assertThat(runDownloads()).isZero();
        assertThat(inbox.ticketAttachments(AGENT, ticket().number().text())).hasSize(1);
        assertThat(customerLines()).containsExactly("once");
    }

    private JobWorker sender() {
        return inbox.sendWorker().clock(clock).build();
    }

    private static void uploadAnswers(String mediaId) {
        GRAPH.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlEqualTo("/v23.0/"
                + InboxFixture.PHONE_NUMBER_ID + "/media")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":\"" + mediaId + "\"}")));
    }

    @Test
    @DisplayName("an agent's PDF goes through the send queue: kept, uploaded, sent as a document once, and the requester can read it")
    void agentSendsUploadedDocument() {
        deliver("image", "9100", "image/jpeg", null, null, "my quote please");
        uploadAnswers("media-up-1");
        byte[] pdf = "%PDF-1.7 the quote".getBytes(StandardCharsets.UTF_8);

        ConversationReplyResult result = inbox.replyWithMedia(AGENT, only().number().text(),
                MediaReply.upload(AttachmentKind.DOCUMENT, pdf, "application/pdf", "Quote 42.pdf", "Your quote"));
        assertThat(result.delivery()).isEqualTo(ReplyDelivery.QUEUED);
        JobWorker sender = sender();
        while (sender.runOnce() > 0) {
            // until nothing is due
        }

        List<com.fasterxml.jackson.databind.JsonNode> documents = InboxFixture.sent(GRAPH).stream()
                .filter(b -> b.path("type").asText().equals("document")).toList();
        assertThat(documents).singleElement().satisfies(b -> {
            assertThat(b.path("to").asText()).isEqualTo(THANDI);
            assertThat(b.path("document").path("id").asText()).isEqualTo("media-up-1");
            assertThat(b.path("document").path("filename").asText()).isEqualTo("Quote 42.pdf");
            assertThat(b.path("document").path("caption").asText()).isEqualTo("Your quote");
        });
        String upload = GRAPH.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                urlEqualTo("/v23.0/" + InboxFixture.PHONE_NUMBER_ID + "/media"))).get(0).getBodyAsString();
        assertThat(upload).contains("name=\"messaging_product\"").contains("%PDF-1.7 the quote")
                .contains("application/pdf");
        assertThat(inbox.delivery(AGENT, result.transcriptMessageId())).get()
                .extracting(za.co.proconnectsa.support.conversation.MessageDelivery::state)
                .isEqualTo(za.co.proconnectsa.support.conversation.MessageDelivery.State.SENT);
        List<AttachmentRecord> forThandi = inbox.ticketAttachments(THANDI_ON_WEB, ticket().number().text());
        assertThat(forThandi).extracting(AttachmentRecord::fileName).containsExactly("Quote 42.pdf");
        assertThat(inbox.attachmentContent(THANDI_ON_WEB, forThandi.get(0).id())).isEqualTo(pdf);
    }

    @Test
    @DisplayName("an agent's image by link is sent with the link; a file over the limit or of a wrong type is refused before anything is queued")
    void agentSendsLinkAndLimits() {
        deliver("image", "9200", "image/jpeg", null, null, "hello");
        ConversationReplyResult result = inbox.replyWithMedia(AGENT, only().number().text(), MediaReply.link(
                AttachmentKind.IMAGE, java.net.URI.create("https://cdn.example.co.za/how-to.png"), null, "Like this"));
        assertThat(result.delivery()).isEqualTo(ReplyDelivery.QUEUED);
        JobWorker sender = sender();
        while (sender.runOnce() > 0) {
            // until nothing is due
        }
        assertThat(InboxFixture.sent(GRAPH)).filteredOn(b -> b.path("type").asText().equals("image")).singleElement()
                .satisfies(b -> assertThat(b.path("image").path("link").asText())
                        .isEqualTo("https://cdn.example.co.za/how-to.png"));

        assertThatThrownBy(() -> MediaReply.upload(AttachmentKind.IMAGE, new byte[5 * 1024 * 1024 + 1], "image/jpeg",
                null, null)).isInstanceOf(za.co.proconnectsa.support.InvalidInputException.class)
                .hasMessageContaining("5 MB");
        assertThatThrownBy(() -> MediaReply.upload(AttachmentKind.DOCUMENT, new byte[10], "application/x-msdownload",
                "a.exe", null)).isInstanceOf(za.co.proconnectsa.support.InvalidInputException.class);
        assertThatThrownBy(() -> MediaReply.link(AttachmentKind.IMAGE, java.net.URI.create("http://insecure.example/x.png"),
                null, null)).isInstanceOf(za.co.proconnectsa.support.InvalidInputException.class);
    }

    @Test
    @DisplayName("outside the 24-hour window an agent's file is not queued")
    void agentFileWindowClosed() {
        deliver("image", "9300", "image/jpeg", null, null, "hello");
        clock.advance(Duration.ofHours(25));
        long queuedBefore = store.pendingJobs(WhatsAppInbox.SEND_KIND);
        ConversationReplyResult result = inbox.replyWithMedia(AGENT, only().number().text(), MediaReply.upload(
                AttachmentKind.IMAGE, new byte[] {1, 2, 3}, "image/png", null, null));
        assertThat(result.delivery()).isEqualTo(ReplyDelivery.WINDOW_CLOSED);
        assertThat(store.pendingJobs(WhatsAppInbox.SEND_KIND)).isEqualTo(queuedBefore);
        assertThat(inbox.attachments(AGENT, only().number().text())).isEmpty();
    }

    /** An inbox on a desk that keeps the attachment store itself: the inbox takes the desk's. */
    private SupportDesk deskWithFiles(Path directory) {
        SupportDesk desk = SupportDesk.builder().store(store).clock(clock)
                .attachments(FileSystemAttachmentStore.create(directory)).build();
        inbox = WhatsAppInbox.builder().desk(desk).store(store).client(InboxFixture.client(GRAPH, clock)).build();
        worker = InboundMessageWorker.builder(store, inbox).clock(clock).build();
        downloads = inbox.mediaWorker().clock(clock).build();
        return desk;
    }

    @Test
    @DisplayName("the inbox keeps media in the desk's attachment store, so a data-subject export lists the file and an erasure deletes it")
    void erasureReachesMedia() throws Exception {
        Path directory = files.resolve("desk");
        SupportDesk desk = deskWithFiles(directory);
        byte[] pdf = "%PDF-1.7 ID document of Thandi Nkosi".getBytes(StandardCharsets.UTF_8);
        metadata("7001", "application/pdf", hex(pdf), pdf.length, "/media/dl/7001");
        download("/media/dl/7001", pdf, "application/pdf");
        deliver("document", "7001", "application/pdf", base64(pdf), "Thandi Nkosi ID.pdf", "my ID, Thandi Nkosi");
        assertThat(runDownloads()).isEqualTo(1);
        String number = ticket().number().text();
        AttachmentRecord kept = inbox.ticketAttachments(AGENT, number).get(0);
        assertThat(desk.attachments().orElseThrow().find(kept.id())).contains(kept);
        Actor admin = Actor.admin("lead-1", "Lerato (Lead)");
        DataSubject thandi = DataSubject.builder("wa:" + THANDI).whatsApp(THANDI).name("Thandi Nkosi").build();

        DataSubjectExport export = desk.dataSubjects().export(admin, thandi, "access request");
        RedactionReport erased = desk.dataSubjects().erase(admin, thandi, "erasure request");

        assertThat(export.files()).isEqualTo(1);
        assertThat(export.json()).contains("Thandi Nkosi ID.pdf", kept.sha256(), kept.id().toString());
        assertThat(erased.filesQueued()).isEqualTo(1);
        assertThat(desk.attachments().orElseThrow().find(kept.id())).isEmpty();
        assertThat(inbox.ticketAttachments(AGENT, number)).isEmpty();
        try (var left = java.nio.file.Files.list(directory)) {
            assertThat(left.toList()).as("no file of hers stays").isEmpty();
        }
    }

    @Test
    @DisplayName("an inbox refuses an attachment store other than the desk's: data-subject requests would not reach it")
    void anotherStoreRefused() {
        SupportDesk desk = deskWithFiles(files.resolve("desk"));
        assertThatThrownBy(() -> WhatsAppInbox.builder().desk(desk).store(store).client(InboxFixture.client(GRAPH, clock))
                .attachments(FileSystemAttachmentStore.create(files.resolve("other"))).build())
                .isInstanceOf(za.co.proconnectsa.support.InvalidInputException.class)
                .hasMessageContaining("desk's attachment store");
        assertThat(WhatsAppInbox.builder().desk(desk).store(store).client(InboxFixture.client(GRAPH, clock))
                .attachments(desk.attachments().orElseThrow()).build()).isNotNull();
    }
}
