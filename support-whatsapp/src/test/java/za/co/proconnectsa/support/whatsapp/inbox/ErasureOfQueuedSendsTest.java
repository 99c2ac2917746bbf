package za.co.proconnectsa.support.whatsapp.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static za.co.proconnectsa.support.whatsapp.inbox.InboxFixture.textWebhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;
import za.co.proconnectsa.support.SupportDesk;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.conversation.ConversationQuery;
import za.co.proconnectsa.support.conversation.MessageDelivery;
import za.co.proconnectsa.support.privacy.DataSubject;
import za.co.proconnectsa.support.privacy.PurgeReport;
import za.co.proconnectsa.support.privacy.RedactionReport;
import za.co.proconnectsa.support.privacy.RetentionPolicy;
import za.co.proconnectsa.support.queue.Job;
import za.co.proconnectsa.support.queue.JobWorker;
import za.co.proconnectsa.support.spi.ConversationStore;
import za.co.proconnectsa.support.spi.TicketStore;
import za.co.proconnectsa.support.spi.WorkQueue;
import za.co.proconnectsa.support.testing.SettableClock;
import za.co.proconnectsa.support.whatsapp.webhook.InboundMessageWorker;
import za.co.proconnectsa.support.whatsapp.webhook.WebhookReceipt;
import za.co.proconnectsa.support.whatsapp.webhook.WebhookReceiver;

/**
 * A person's WhatsApp data after an erasure or a retention purge, with the inbox's real workers and Graph faked by
 * WireMock: a reply still queued to an erased person never reaches Graph and its line says why, while another
 * contact's queued reply goes once; a purged conversation leaves no webhook body or send payload behind, and Meta
 * delivering its webhook again is still a duplicate. On every store.
 */
@ParameterizedClass(name = "{0}")
@ValueSource(strings = {"memory", "h2-mem", "postgresql", "mariadb"})
class ErasureOfQueuedSendsTest {

    @RegisterExtension
    static final WireMockExtension GRAPH = InboxFixture.graph();

    private static final Actor AGENT = Actor.agent("agent-3", "Sipho (Support)");
    private static final Actor ADMIN = Actor.admin("admin-1", "Naledi (Lead)");
    /** Not the fixture's THANDI: that number is also the business's own in the fixture's webhooks. */
    private static final String THANDI = "27821234567";
    private static final String PIETER = "27831112222";
    private static final String THANDI_EMAIL = "thandi.nkosi@example.co.za";

    @Parameter
    String database;

    private final SettableClock clock = SettableClock.at(Instant.parse("2026-03-02T08:00:00Z"));
    private InboxFixture.TestStore stores;
    private TicketStore store;
    private SupportDesk desk;
    private WhatsAppInbox inbox;
    private WebhookReceiver receiver;
    private InboundMessageWorker worker;
    private JobWorker sender;
    private byte[] thandiWrote;

    @BeforeEach
    void setUp() {
        GRAPH.resetAll();
        InboxFixture.graphAccepts(GRAPH);
        stores = InboxFixture.TestStore.named(database);
        store = stores.store();
        desk = SupportDesk.builder().store(store).clock(clock).build();
        inbox = WhatsAppInbox.builder().desk(desk).store(store).client(InboxFixture.client(GRAPH, clock)).build();
        worker = InboundMessageWorker.builder(store, inbox).clock(clock).build();
        sender = inbox.sendWorker().clock(clock).build();
        receiver = WebhookReceiver.builder().appSecret(InboxFixture.SECRET).queue((WorkQueue) store).handler(inbox)
                .clock(clock).build();
        thandiWrote = textWebhook(THANDI, "Thandi Nkosi", "Hi, Thandi Nkosi here, mail me at " + THANDI_EMAIL,
                clock.instant());
        assertThat(receiver.receive(thandiWrote, InboxFixture.sign(thandiWrote)).accepted()).isEqualTo(1);
        byte[] pieter = textWebhook(PIETER, "Pieter", "Hallo, Pieter here", clock.instant());
        assertThat(receiver.receive(pieter, InboxFixture.sign(pieter)).accepted()).isEqualTo(1);
        drain();
    }

    @AfterEach
    void closeStore() {
        stores.close();
    }

    /** Runs the workers until nothing is due, as their threads would, a status delay later. */
    private void drain() {
        clock.advance(WebhookReceiver.DEFAULT_STATUS_DELAY);
        InboxFixture.drain(worker, sender);
    }

    private String chatOf(String contact) {
        return ((ConversationStore) store).findActiveConversation(contact).orElseThrow().number().text();
    }

    /** Every payload and last error of every WhatsApp job, as text. */
    private String jobTexts() {
        StringBuilder out = new StringBuilder();
        for (String kind : List.of(WebhookReceiver.INBOUND_KIND, WebhookReceiver.STATUS_KIND, WhatsAppInbox.SEND_KIND,
                WhatsAppInbox.MEDIA_KIND)) {
            for (Job job : ((WorkQueue) store).jobs(kind, 0, 1000)) {
                out.append(new String(job.payload(), StandardCharsets.UTF_8)).append('\n').append(job.lastError())
                        .append('\n');
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    @Test
    @DisplayName("replies queued to an erased person never reach Graph and their lines say why; another contact's queued reply goes once")
    void erasedPersonsQueuedReplyIsNotSent() {
        ConversationReplyResult toThandi = inbox.reply(AGENT, chatOf(THANDI),
                "Thandi Nkosi, the refund to 082 123 4567 is on its way");
        ConversationReplyResult toPieter = inbox.reply(AGENT, chatOf(PIETER), "Pieter, your map is fixed");
        assertThat(toThandi.delivery()).isEqualTo(ReplyDelivery.QUEUED);
        assertThat(toPieter.delivery()).isEqualTo(ReplyDelivery.QUEUED);
        int before = InboxFixture.sent(GRAPH).size();

        RedactionReport report = desk.dataSubjects().erase(ADMIN, DataSubject.builder("wa:" + THANDI).whatsApp(THANDI)
                .name("Thandi Nkosi").email(THANDI_EMAIL).build(), "erasure asked by e-mail");
        drain();
        clock.advance(Duration.ofHours(1));
        drain();

        assertThat(report.conversations()).isEqualTo(1);
        List<JsonNode> after = InboxFixture.sent(GRAPH).subList(before, InboxFixture.sent(GRAPH).size());
        assertThat(after).singleElement().satisfies(body -> {
            assertThat(body.path("to").asText()).isEqualTo(PIETER);
            assertThat(body.path("text").path("body").asText()).isEqualTo("Pieter, your map is fixed");
        });
        assertThat(after.toString()).doesNotContain(THANDI, "Thandi", "Nkosi", "123 4567");
        assertThat(inbox.delivery(AGENT, toThandi.transcriptMessageId())).hasValueSatisfying(d -> {
            assertThat(d.state()).isEqualTo(MessageDelivery.State.FAILED);
            assertThat(d.detail()).contains("Not sent", "erased");
        });
        assertThat(inbox.delivery(AGENT, toPieter.transcriptMessageId())).hasValueSatisfying(d ->
                assertThat(d.state()).isEqualTo(MessageDelivery.State.SENT));
        WorkQueue queue = (WorkQueue) store;
        assertThat(queue.pendingJobs(WhatsAppInbox.SEND_KIND)).isZero();
        assertThat(queue.deadJobs(WhatsAppInbox.SEND_KIND, 0, 10)).isEmpty();
        assertThat(jobTexts()).doesNotContain(THANDI, "thandi", "nkosi", THANDI_EMAIL).contains(PIETER);
        // Meta delivers her message again after the erasure: a duplicate, nothing of it comes back
        WebhookReceipt again = receiver.receive(thandiWrote, InboxFixture.sign(thandiWrote));
        assertThat(again.accepted()).isZero();
        assertThat(again.duplicates()).isEqualTo(1);
        drain();
        assertThat(((ConversationStore) store).findActiveConversation(THANDI)).isEmpty();
        assertThat(jobTexts()).doesNotContain(THANDI, "thandi");
    }

    @Test
    @DisplayName("a purged conversation leaves no webhook body or send payload behind, and Meta delivering its webhook again is still a duplicate")
    void purgedConversationsWebhookIsStillADuplicate() {
        ConversationReplyResult reply = inbox.reply(AGENT, chatOf(THANDI), "Thandi, we mailed you");
        drain();
        assertThat(inbox.delivery(AGENT, reply.transcriptMessageId()).map(MessageDelivery::state))
                .contains(MessageDelivery.State.SENT);
        assertThat(jobTexts()).contains(THANDI, "thandi nkosi here");
        inbox.close(AGENT, chatOf(THANDI));
        inbox.close(AGENT, chatOf(PIETER));
        clock.advance(Duration.ofDays(400));

        PurgeReport report = desk.dataSubjects().purgeExpired(ADMIN, RetentionPolicy.builder()
                .closedConversations(Duration.ofDays(365)).build());

        assertThat(report.closedConversations()).isEqualTo(2);
        assertThat(jobTexts()).doesNotContain(THANDI, "thandi", PIETER, "hallo, pieter here");
        assertThat(((WorkQueue) store).findJob(WebhookReceiver.INBOUND_KIND, InboxFixture.inbound(thandiWrote).messageId()))
                .hasValueSatisfying(job -> assertThat(job.payload()).isEmpty());
        WebhookReceipt again = receiver.receive(thandiWrote, InboxFixture.sign(thandiWrote));
        assertThat(again.accepted()).isZero();
        assertThat(again.duplicates()).isEqualTo(1);
        drain();
        assertThat(((ConversationStore) store).findActiveConversation(THANDI)).isEmpty();
        assertThat(((ConversationStore) store).queryConversations(ConversationQuery.builder().build()).items())
                .isEmpty();
        assertThat(jobTexts()).doesNotContain(THANDI, "thandi");
    }
}
