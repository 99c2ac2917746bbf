package za.co.proconnectsa.support.whatsapp.inbox;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static za.co.proconnectsa.support.whatsapp.inbox.InboxFixture.THANDI;
import static za.co.proconnectsa.support.whatsapp.inbox.InboxFixture.textWebhook;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import za.co.proconnectsa.support.SupportDesk;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.conversation.DeliveryPricing;
import za.co.proconnectsa.support.conversation.MessageDelivery;
import za.co.proconnectsa.support.conversation.PricedMessages;
import za.co.proconnectsa.support.jdbc.JdbcTicketStore;
import za.co.proconnectsa.support.jdbc.testdb.TestDatabases;
import za.co.proconnectsa.support.queue.JobWorker;
import za.co.proconnectsa.support.spi.ConversationStore;
import za.co.proconnectsa.support.spi.TicketStore;
import za.co.proconnectsa.support.spi.WorkQueue;
import za.co.proconnectsa.support.store.InMemoryTicketStore;
import za.co.proconnectsa.support.testing.SettableClock;
import za.co.proconnectsa.support.ticket.Message;
import za.co.proconnectsa.support.ticket.Visibility;
import za.co.proconnectsa.support.whatsapp.cloud.RetryPolicy;
import za.co.proconnectsa.support.whatsapp.cloud.TemplateCategory;
import za.co.proconnectsa.support.whatsapp.cloud.WhatsAppCloudClient;
import za.co.proconnectsa.support.whatsapp.webhook.InboundMessageWorker;
import za.co.proconnectsa.support.whatsapp.webhook.WebhookReceipt;
import za.co.proconnectsa.support.whatsapp.webhook.WebhookReceiver;

/**
 * An agent's reply from the ticket to the customer's phone: queued with the reply, sent by the send worker, and
 * followed by WhatsApp's status webhooks to delivered, read or failed, whatever order they arrive in; a send Graph did
 * not answer is marked unknown and never sent again. On every store.
 */
@ParameterizedClass(name = "{0}")
@ValueSource(strings = {"memory", "h2-mem", "postgresql", "mariadb"})
class ReplyDeliveryTest {

    @RegisterExtension
    static final WireMockExtension GRAPH = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final Actor AGENT = Actor.agent("agent-3", "Sipho (Support)");
    private static final String REPLY = "Refunded, sorry about that!";

    @Parameter
    String database;

    private final SettableClock clock = SettableClock.at(Instant.parse("2026-03-02T08:00:00Z"));
    private HikariDataSource pool;
    private TicketStore store;
    private SupportDesk desk;
    private WhatsAppInbox inbox;
    private WebhookReceiver receiver;
    private InboundMessageWorker worker;
    private JobWorker sender;
    private String ticketNumber;
    private final List<MessageDelivery.State> observed = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() {
        GRAPH.resetAll();
        InboxFixture.graphAccepts(GRAPH);
        if (database.equals("memory")) {
            store = InMemoryTicketStore.create();
        } else {
            pool = TestDatabases.named(database).freshDatabase();
            store = JdbcTicketStore.create(pool);
        }
        build(InboxFixture.client(GRAPH, clock));
        byte[] body = textWebhook(THANDI, "Thandi Nkosi", "I was charged twice for March, please refund", clock.instant());
        assertThat(receiver.receive(body, InboxFixture.sign(body)).accepted()).isEqualTo(1);
        drain();
        ticketNumber = store.query(za.co.proconnectsa.support.ticket.TicketQuery.builder().build()).items().get(0)
                .number().text();
        observed.clear();   // the escalation's own texts
    }

    private void build(WhatsAppCloudClient client) {
        desk = SupportDesk.builder().store(store).clock(clock).build();
        observed.clear();
        inbox = WhatsAppInbox.builder().desk(desk).store(store).client(client).sendObserver(observed::add)
                .templateCategory("spring_promo", TemplateCategory.MARKETING)
                .templateCategory("booking_reminder", TemplateCategory.UTILITY).build();
        worker = InboundMessageWorker.builder(store, inbox).clock(clock).build();
        sender = inbox.sendWorker().clock(clock).build();
        receiver = WebhookReceiver.builder().appSecret(InboxFixture.SECRET).queue((WorkQueue) store).handler(inbox)
                .clock(clock).build();
    }

    @AfterEach
    void closePool() {
        if (pool != null) {
            pool.close();
        }
    }

    /** Runs the workers until nothing is due, as their threads would, a status delay later. */
    private void drain() {
        clock.advance(WebhookReceiver.DEFAULT_STATUS_DELAY);
        while (worker.runOnce() + sender.runOnce() > 0) {
            // until nothing is due
        }
    }

    private WebhookReceipt status(String wamid, String status, String errors) {
        return status(wamid, status, errors, null);
    }

    private WebhookReceipt status(String wamid, String status, String errors, String category) {
        String json = """
                {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"field":"messages",
                "value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881",
                "phone_number_id":"106540352242922"},"statuses":[{"id":"%s","status":"%s","timestamp":"%d",
                "recipient_id":"%s"%s%s}]}}]}]}""".formatted(wamid, status, clock.instant().getEpochSecond(), THANDI,
                errors == null ? "" : ",\"errors\":[" + errors + "]", category == null ? ""
                        : ",\"pricing\":{\"billable\":true,\"pricing_model\":\"PMP\",\"type\":\"regular\","
                                + "\"category\":\"" + category + "\"}");
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        WebhookReceipt receipt = receiver.receive(body, InboxFixture.sign(body));
        assertThat(receipt.httpStatus()).isEqualTo(200);
        return receipt;
    }

    private MessageDelivery delivery(String line) {
        return inbox.delivery(AGENT, line).orElseThrow();
    }

    private List<Message> notes() {
        return inbox == null ? List.of() : store.messages(store.query(za.co.proconnectsa.support.ticket.TicketQuery
                .builder().build()).items().get(0).id()).stream().filter(m -> m.visibility() == Visibility.INTERNAL)
                .toList();
    }

    @Test
    @DisplayName("queued with the reply, sent by the worker, then read: late and repeated reports never move it back")
    void statusesFollowTheReply() {
        TicketReplyResult reply = inbox.replyOnTicket(AGENT, ticketNumber, REPLY);
        assertThat(reply.delivery()).isEqualTo(ReplyDelivery.QUEUED);
        String line = reply.transcriptMessageId();
        assertThat(delivery(line).state()).isEqualTo(MessageDelivery.State.QUEUED);
        assertThat(InboxFixture.textsTo(GRAPH, THANDI)).doesNotContain(REPLY);

        drain();
        MessageDelivery sent = delivery(line);
        assertThat(sent.state()).isEqualTo(MessageDelivery.State.SENT);
        assertThat(observed).as("the send observer").containsExactly(MessageDelivery.State.SENT);
        String wamid = sent.providerMessageId();
        assertThat(InboxFixture.textsTo(GRAPH, THANDI)).filteredOn(REPLY::equals).hasSize(1);

        assertThat(status(wamid, "read", null).statusesApplied()).isEqualTo(1);
        assertThat(status(wamid, "read", null).statusesIgnored()).as("Meta's repeat").isEqualTo(1);
        status(wamid, "delivered", null);
        status(wamid, "sent", null);
        assertThat(delivery(line).state()).as("nothing applied before the status delay").isEqualTo(MessageDelivery.State.SENT);
        drain();
        assertThat(delivery(line).state()).isEqualTo(MessageDelivery.State.READ);
        assertThat(inbox.conversation(AGENT, "WA-000001").delivery(line)).map(MessageDelivery::state)
                .contains(MessageDelivery.State.READ);
        assertThat(((WorkQueue) store).pendingJobs(WebhookReceiver.STATUS_KIND)).isZero();
        assertThat(((WorkQueue) store).deadJobs(WebhookReceiver.STATUS_KIND, 0, 10)).isEmpty();
        // a status of a message this desk never sent is ignored, not left dead
        status("wamid.someone-else", "delivered", null);
        drain();
        assertThat(((WorkQueue) store).deadJobs(WebhookReceiver.STATUS_KIND, 0, 10)).isEmpty();
    }

    @Test
    @DisplayName("a failure report marks the reply failed with WhatsApp's reason and notes it on the ticket once, however often it arrives")
    void failureNotedOnce() {
        TicketReplyResult reply = inbox.replyOnTicket(AGENT, ticketNumber, REPLY);
        drain();
        String wamid = delivery(reply.transcriptMessageId()).providerMessageId();
        String error = "{\"code\":131047,\"title\":\"Re-engagement message\",\"message\":\"Re-engagement message\"}";
        status(wamid, "delivered", null);
        status(wamid, "failed", error);
        drain();
        status(wamid, "failed", error);
        drain();
        assertThat(delivery(reply.transcriptMessageId())).satisfies(d -> {
            assertThat(d.state()).isEqualTo(MessageDelivery.State.FAILED);
            assertThat(d.detail()).contains("131047").contains("Re-engagement message");
        });
        assertThat(notes()).filteredOn(m -> m.body().contains("could not deliver")).singleElement()
                .satisfies(m -> assertThat(m.body()).contains("131047"));
    }

    @Test
    @DisplayName("Graph accepting the reply but answering after the client's timeout: marked unknown, noted, never sent again")
    void timeoutIsUnknownAndNotResent() {
        build(WhatsAppCloudClient.builder().baseUrl(URI.create("http://127.0.0.1:" + GRAPH.getPort()))
                .apiVersion("v23.0").phoneNumberId(InboxFixture.PHONE_NUMBER_ID).accessToken("EAAG-inbox-test-token")
                .requestTimeout(Duration.ofMillis(300)).retryPolicy(RetryPolicy.noRetries()).clock(clock).build());
        GRAPH.stubFor(post(urlEqualTo(InboxFixture.PATH)).willReturn(aResponse().withStatus(200).withFixedDelay(1500)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"messaging_product\":\"whatsapp\",\"messages\":[{\"id\":\"wamid.late\"}]}")));
        int before = InboxFixture.textsTo(GRAPH, THANDI).size();

        TicketReplyResult reply = inbox.replyOnTicket(AGENT, ticketNumber, REPLY);
        drain();
        clock.advance(Duration.ofHours(1));
        drain();

        assertThat(InboxFixture.textsTo(GRAPH, THANDI)).as("requests to Graph").hasSize(before + 1);
        assertThat(delivery(reply.transcriptMessageId())).satisfies(d -> {
            assertThat(d.state()).isEqualTo(MessageDelivery.State.UNKNOWN);
            assertThat(d.providerMessageId()).isNull();
        });
        assertThat(notes()).filteredOn(m -> m.body().contains("may or may not have been told")).hasSize(1);
        assertThat(observed).as("the send observer, told once").containsExactly(MessageDelivery.State.UNKNOWN);
        assertThat(((WorkQueue) store).pendingJobs(WhatsAppInbox.SEND_KIND)).isZero();
        assertThat(((WorkQueue) store).deadJobs(WhatsAppInbox.SEND_KIND, 0, 10)).isEmpty();
        assertThat(((ConversationStore) store).conversationDeliveries(
                inbox.conversation(AGENT, "WA-000001").conversation().id())).extracting(MessageDelivery::state)
                .containsExactly(MessageDelivery.State.SENT, MessageDelivery.State.UNKNOWN);
    }

    @Test
    @DisplayName("a chat reply is queued and followed the same way; outside the window nothing is queued")
    void chatReply() {
        inbox.close(AGENT, "WA-000001");
        byte[] body = textWebhook(THANDI, "Thandi Nkosi", "Is Sipho in today?", clock.instant());
        receiver.receive(body, InboxFixture.sign(body));
        drain();
        String chat = "WA-000002";
        ConversationReplyResult reply = inbox.reply(AGENT, chat, "Yes, until 5.");
        assertThat(reply.delivery()).isEqualTo(ReplyDelivery.QUEUED);
        drain();
        assertThat(delivery(reply.transcriptMessageId()).state()).isEqualTo(MessageDelivery.State.SENT);
        assertThat(InboxFixture.textsTo(GRAPH, THANDI)).filteredOn("Yes, until 5."::equals).hasSize(1);

        clock.advance(Duration.ofHours(25));
        ConversationReplyResult late = inbox.reply(AGENT, chat, "Still there?");
        assertThat(late.delivery()).isEqualTo(ReplyDelivery.WINDOW_CLOSED);
        assertThat(late.transcriptLine()).isEmpty();
        assertThat(((WorkQueue) store).pendingJobs(WhatsAppInbox.SEND_KIND)).isZero();
    }

    private void graphRefuses(int status, String fixture) {
        try (var in = getClass().getResourceAsStream("/cloud/responses/errors/" + fixture)) {
            GRAPH.resetAll();
            GRAPH.stubFor(post(urlEqualTo(InboxFixture.PATH)).willReturn(aResponse().withStatus(status)
                    .withHeader("Content-Type", "application/json")
                    .withBody(new String(in.readAllBytes(), StandardCharsets.UTF_8))));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource({
        "401, 190-access-token-expired.json,           configuration error",
        "400, 133010-phone-number-not-registered.json, configuration error",
        "404, 132001-template-does-not-exist.json,     configuration error",
        "400, 100-invalid-parameter.json,              error 100",
        "400, 131026-message-undeliverable.json,       error 131026",
        "400, 131049-ecosystem-engagement.json,        error 131049",
    })
    @DisplayName("a data or configuration error is never retried by the send queue: one request, failed, noted once")
    void refusedNotRetried(int status, String fixture, String words) {
        graphRefuses(status, fixture);
        TicketReplyResult reply = inbox.replyOnTicket(AGENT, ticketNumber, REPLY);
        drain();
        clock.advance(Duration.ofHours(1));
        drain();

        assertThat(InboxFixture.textsTo(GRAPH, THANDI)).as("requests to Graph").containsExactly(REPLY);
        assertThat(delivery(reply.transcriptMessageId())).satisfies(d -> {
            assertThat(d.state()).isEqualTo(MessageDelivery.State.FAILED);
            assertThat(d.detail()).contains(words).doesNotContain("retryable");
        });
        assertThat(notes()).filteredOn(m -> m.body().contains("not delivered on WhatsApp")).singleElement()
                .satisfies(m -> assertThat(m.body()).contains(words));
        assertThat(((WorkQueue) store).pendingJobs(WhatsAppInbox.SEND_KIND)).isZero();
    }

    @Test
    @DisplayName("a rate limit (130429) is tried again by the send queue and sent once Graph accepts")
    void rateLimitRetried() {
        graphRefuses(400, "130429-rate-limit-hit.json");
        TicketReplyResult reply = inbox.replyOnTicket(AGENT, ticketNumber, REPLY);
        drain();
        assertThat(delivery(reply.transcriptMessageId()).state()).isEqualTo(MessageDelivery.State.QUEUED);
        assertThat(((WorkQueue) store).pendingJobs(WhatsAppInbox.SEND_KIND)).isEqualTo(1);

        GRAPH.resetAll();
        InboxFixture.graphAccepts(GRAPH);
        clock.advance(Duration.ofHours(1));
        drain();

        assertThat(delivery(reply.transcriptMessageId()).state()).isEqualTo(MessageDelivery.State.SENT);
        assertThat(InboxFixture.textsTo(GRAPH, THANDI)).containsExactly(REPLY);
        assertThat(notes()).noneMatch(m -> m.body().contains("not delivered on WhatsApp"));
    }

    @Test
    @DisplayName("each status report's pricing is kept with the reply's delivery and counted by category for analytics")
    void pricingKept() {
        TicketReplyResult first = inbox.replyOnTicket(AGENT, ticketNumber, REPLY);
        TicketReplyResult second = inbox.replyOnTicket(AGENT, ticketNumber, "And the receipt is attached.");
        drain();
        String one = delivery(first.transcriptMessageId()).providerMessageId();
        String two = delivery(second.transcriptMessageId()).providerMessageId();
        status(one, "sent", null, "service");
        status(one, "delivered", null, "service");
        status(two, "sent", null, "utility");
        status("wamid.someone-else", "sent", null, "marketing");
        drain();

        assertThat(delivery(first.transcriptMessageId()).state()).isEqualTo(MessageDelivery.State.DELIVERED);
        assertThat(inbox.pricing(AGENT, first.transcriptMessageId()))
                .contains(new DeliveryPricing("pmp", "service", "regular"));
        Actor admin = Actor.admin("admin-1", "Lerato (Admin)");
        assertThat(inbox.pricedMessages(admin, clock.instant().minus(Duration.ofDays(1)), clock.instant().plusSeconds(1)))
                .containsExactly(new PricedMessages(new DeliveryPricing("pmp", "service", "regular"), 1),
                        new PricedMessages(new DeliveryPricing("pmp", "utility", "regular"), 1));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> inbox.pricedMessages(
                Actor.requester("wa:" + THANDI, "Thandi"), clock.instant().minus(Duration.ofDays(1)), clock.instant()))
                .isInstanceOf(za.co.proconnectsa.support.access.AccessDeniedException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> inbox.pricedMessages(admin, clock.instant(),
                clock.instant())).isInstanceOf(za.co.proconnectsa.support.InvalidInputException.class);
    }

    private WebhookReceipt fixture(String name) {
        try (var in = getClass().getResourceAsStream("/webhooks/versions/" + name)) {
            byte[] body = in.readAllBytes();
            WebhookReceipt receipt = receiver.receive(body, InboxFixture.sign(body));
            assertThat(receipt.httpStatus()).isEqualTo(200);
            drain();
            return receipt;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> customerLines(String conversation) {
        return inbox.conversation(AGENT, conversation).messages().stream()
                .filter(m -> m.author() == za.co.proconnectsa.support.conversation.ConversationMessage.Author.CUSTOMER)
                .map(za.co.proconnectsa.support.conversation.ConversationMessage::body).toList();
    }

    private com.fasterxml.jackson.databind.JsonNode lastSent() {
        List<com.fasterxml.jackson.databind.JsonNode> sent = InboxFixture.sent(GRAPH);
        return sent.get(sent.size() - 1);
    }

    @Test
    @DisplayName("webhooks of v22 to v26: one contact by phone, then user id, then username only, then a new user id, stays one conversation; a contact with no phone number is answered with the recipient field")
    void businessScopedUserIds() {
        clock.set(Instant.ofEpochSecond(1776211200L));
        String phone = "16505551234";
        fixture("v22_text.json");
        fixture("v24_text_bsuid.json");
        fixture("v25_text_username_only.json");
        String sheena = "WA-000002";
        assertThat(customerLines(sheena)).containsExactly("Hi, my booking for Saturday is missing",
                "It was booking PC-77, the plumber", "Any news? 🙏");
        assertThat(inbox.conversation(AGENT, sheena).conversation().contact()).isEqualTo(phone);
        assertThat(inbox.contactIdentity(AGENT, "US.13491208655302741918")).contains(new za.co.proconnectsa.support
                .conversation.ContactIdentity(phone, phone, "US.13491208655302741918", "@sheena",
                        Instant.ofEpochSecond(1776211380L)));

        assertThat(inbox.reply(AGENT, sheena, "The plumber arrives at 10.").delivery()).isEqualTo(ReplyDelivery.QUEUED);
        drain();
        assertThat(lastSent().path("to").asText()).as("her phone number is known").isEqualTo(phone);

        fixture("v26_system_user_changed_user_id.json");
        fixture("v26_text_new_user_id.json");
        assertThat(customerLines(sheena)).hasSize(4).last().isEqualTo("Still waiting, thanks");
        assertThat(inbox.contactIdentity(AGENT, phone)).map(za.co.proconnectsa.support.conversation.ContactIdentity::userId)
                .contains("US.77001208655302741999");

        fixture("v26_text_username_only_new_contact.json");
        String lindiwe = "WA-000003";
        assertThat(inbox.conversation(AGENT, lindiwe).conversation().contact()).isEqualTo("US.55501208655302741777");
        ConversationReplyResult answer = inbox.reply(AGENT, lindiwe, "Yes: two in Soweto, both free on Monday.");
        assertThat(answer.delivery()).isEqualTo(ReplyDelivery.QUEUED);
        drain();
        assertThat(delivery(answer.transcriptMessageId()).state()).isEqualTo(MessageDelivery.State.SENT);
        assertThat(lastSent().path("recipient").asText()).isEqualTo("US.55501208655302741777");
        assertThat(lastSent().has("to")).as("no phone number to send to").isFalse();
        assertThat(lastSent().path("text").path("body").asText()).isEqualTo("Yes: two in Soweto, both free on Monday.");

        fixture("v26_unsupported.json");
        assertThat(customerLines(lindiwe)).containsExactly("Do you have electricians in Soweto?");
        assertThat(((WorkQueue) store).deadJobs(WebhookReceiver.INBOUND_KIND, 0, 10)).isEmpty();
    }

    @Test
    @DisplayName("opening a conversation marks the customer's latest message read; while an answer is written the customer sees typing, only inside the window of an open chat")
    void readReceiptsAndTyping() {
        GRAPH.stubFor(post(urlEqualTo(InboxFixture.PATH)).withRequestBody(
                com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath("$.status", com.github.tomakehurst
                        .wiremock.client.WireMock.equalTo("read"))).willReturn(aResponse().withStatus(200)
                        .withHeader("Content-Type", "application/json").withBody("{\"success\":true}")));
        String escalatedFrom = inbox.conversation(AGENT, "WA-000001").messages().get(0).id();
        assertThat(inbox.markRead(AGENT, "WA-000001")).contains(new za.co.proconnectsa.support.whatsapp.cloud
                .SendOutcome.Sent(escalatedFrom));
        assertThat(lastSent().path("message_id").asText()).isEqualTo(escalatedFrom);
        assertThat(lastSent().has("typing_indicator")).isFalse();
        assertThat(inbox.showTyping(AGENT, "WA-000001")).as("a ticket is answered on the ticket").isEmpty();

        inbox.close(AGENT, "WA-000001");
        byte[] body = InboxFixture.textWebhook(THANDI, "Thandi Nkosi", "Is Sipho in today?", clock.instant(), "wamid.in.typing");
        receiver.receive(body, InboxFixture.sign(body));
        drain();
        int before = InboxFixture.sent(GRAPH).size();
        assertThat(inbox.showTyping(AGENT, "WA-000002")).contains(new za.co.proconnectsa.support.whatsapp.cloud
                .SendOutcome.Sent("wamid.in.typing"));
        assertThat(lastSent().path("message_id").asText()).isEqualTo("wamid.in.typing");
        assertThat(lastSent().path("typing_indicator").path("type").asText()).isEqualTo("text");
        assertThat(((WorkQueue) store).pendingJobs(WhatsAppInbox.SEND_KIND)).as("never queued").isZero();

        clock.advance(Duration.ofHours(25));
        assertThat(inbox.showTyping(AGENT, "WA-000002")).as("no answer can follow outside the window").isEmpty();
        assertThat(InboxFixture.sent(GRAPH)).hasSize(before + 1);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> inbox.markRead(Actor.requester("wa:" + THANDI,
                "Thandi"), "WA-000002")).isInstanceOf(za.co.proconnectsa.support.access.AccessDeniedException.class);
    }

    private List<com.fasterxml.jackson.databind.JsonNode> marketingSent() {
        return GRAPH.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlEqualTo(MARKETING_PATH)))
                .stream().map(r -> {
                    try {
                        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.getBodyAsString());
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException(e);
                    }
                }).toList();
    }

    private static final String MARKETING_PATH = "/v23.0/" + InboxFixture.PHONE_NUMBER_ID + "/marketing_messages";

    @Test
    @DisplayName("a marketing template needs the ledger's opt-in (refused with a typed error, nothing queued), goes to the Marketing Messages API; Meta moving a template to marketing applies to the next send")
    void marketingTemplates() {
        GRAPH.stubFor(post(urlEqualTo(MARKETING_PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"messaging_product\":\"whatsapp\",\"messages\":[{\"id\":\"wamid.mm.1\"}]}")));
        Actor admin = Actor.admin("admin-1", "Lerato (Admin)");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> inbox.sendTemplate(AGENT, "WA-000001", "spring_promo",
                "en", "20% off geysers")).isInstanceOf(MarketingConsentRequiredException.class)
                .isInstanceOf(za.co.proconnectsa.support.SupportException.class).hasMessageContaining("spring_promo");
        assertThat(((WorkQueue) store).pendingJobs(WhatsAppInbox.SEND_KIND)).isZero();

        desk.dataSubjects().recordConsent(admin, THANDI, za.co.proconnectsa.support.privacy.ConsentChoice.OPT_IN,
                "web signup form");
        ConversationReplyResult promo = inbox.sendTemplate(AGENT, "WA-000001", "spring_promo", "en", "20% off geysers");
        assertThat(promo.delivery()).isEqualTo(ReplyDelivery.QUEUED);
        drain();
        assertThat(delivery(promo.transcriptMessageId()).state()).isEqualTo(MessageDelivery.State.SENT);
        assertThat(marketingSent()).singleElement().satisfies(b -> {
            assertThat(b.path("to").asText()).isEqualTo(THANDI);
            assertThat(b.path("template").path("name").asText()).isEqualTo("spring_promo");
            assertThat(b.path("template").path("components").path(0).path("parameters").path(0).path("text").asText())
                    .isEqualTo("20% off geysers");
        });

        // a utility template needs no consent and uses the messages endpoint
        ConversationReplyResult reminder = inbox.sendTemplate(AGENT, "WA-000001", "booking_reminder", "en", "PC-77");
        drain();
        assertThat(delivery(reminder.transcriptMessageId()).state()).isEqualTo(MessageDelivery.State.SENT);
        assertThat(lastSent().path("template").path("name").asText()).isEqualTo("booking_reminder");
        assertThat(marketingSent()).hasSize(1);

        // an opt-out between queueing and delivery stops the send
        ConversationReplyResult late = inbox.sendTemplate(AGENT, "WA-000001", "spring_promo", "en", "Last chance");
        desk.dataSubjects().recordConsent(admin, THANDI, za.co.proconnectsa.support.privacy.ConsentChoice.OPT_OUT,
                "WhatsApp: STOP");
        drain();
        assertThat(delivery(late.transcriptMessageId())).satisfies(d -> {
            assertThat(d.state()).isEqualTo(MessageDelivery.State.FAILED);
            assertThat(d.detail()).contains("opted in to marketing");
        });
        assertThat(marketingSent()).hasSize(1);

        // Meta moves booking_reminder to marketing: the next send of it needs the opt-in she withdrew
        try (var in = getClass().getResourceAsStream("/webhooks/template_category_update.json")) {
            byte[] body = in.readAllBytes();
            assertThat(receiver.receive(body, InboxFixture.sign(body)).httpStatus()).isEqualTo(200);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        assertThat(inbox.templateCategory("booking_reminder")).contains(TemplateCategory.MARKETING);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> inbox.sendTemplate(AGENT, "WA-000001",
                "booking_reminder", "en", "PC-78")).isInstanceOf(MarketingConsentRequiredException.class);
    }
}
