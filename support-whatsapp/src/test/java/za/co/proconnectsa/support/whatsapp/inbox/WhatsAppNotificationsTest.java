package za.co.proconnectsa.support.whatsapp.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static za.co.proconnectsa.support.whatsapp.inbox.InboxFixture.THANDI;
import static za.co.proconnectsa.support.whatsapp.inbox.InboxFixture.textWebhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import za.co.proconnectsa.support.SupportDesk;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.conversation.MessageDelivery;
import za.co.proconnectsa.support.privacy.PurgeReport;
import za.co.proconnectsa.support.privacy.RetentionPolicy;
import za.co.proconnectsa.support.spi.DataSubjectStore;
import za.co.proconnectsa.support.notify.NotificationChannel;
import za.co.proconnectsa.support.notify.NotificationDelivery;
import za.co.proconnectsa.support.notify.NotificationType;
import za.co.proconnectsa.support.notify.RequesterContact;
import za.co.proconnectsa.support.queue.JobState;
import za.co.proconnectsa.support.queue.JobWorker;
import za.co.proconnectsa.support.satisfaction.SatisfactionSurvey;
import za.co.proconnectsa.support.satisfaction.SurveySettings;
import za.co.proconnectsa.support.store.InMemoryTicketStore;
import za.co.proconnectsa.support.testing.SettableClock;
import za.co.proconnectsa.support.ticket.AuditAction;
import za.co.proconnectsa.support.ticket.TicketStatus;

/**
 * Requester notifications on WhatsApp, through the inbox's send queue to the real Cloud API client and WireMock: the
 * notification's text inside the 24-hour window, its approved template outside it, nothing twice.
 */
class WhatsAppNotificationsTest {

    private static final Actor AGENT = Actor.agent("agent-3", "Sipho (Support)");

    @RegisterExtension
    static final WireMockExtension GRAPH = InboxFixture.graph();

    /** Monday 2 March 2026, 10:00 in Johannesburg. */
    private final SettableClock clock = SettableClock.startingAt("2026-03-02T08:00:00Z");
    private SupportDesk desk;
    private InMemoryTicketStore store;
    private WhatsAppInbox inbox;
    private JobWorker sends;
    private JobWorker notifications;

    @BeforeEach
    void setUp() {
        GRAPH.resetAll();
        InboxFixture.graphAccepts(GRAPH);
        store = InMemoryTicketStore.create();
        desk = SupportDesk.builder().store(store).clock(clock)
                .notifyRequesters(id -> Optional.of(new RequesterContact(id, null, "+" + THANDI, null, null)),
                        NotificationChannel.WHATSAPP, NotificationChannel.WEBHOOK)
                .satisfactionSurveys(SurveySettings.of(URI.create("https://portal.example/csat"),
                        "a survey link key of at least 32 bytes".getBytes(StandardCharsets.UTF_8)))
                .build();
        inbox = WhatsAppInbox.builder().desk(desk).store(store).client(InboxFixture.client(GRAPH, clock))
                .automationName("ProConnect Support").build();
        sends = inbox.sendWorker().clock(clock).build();
        notifications = desk.notifications().worker(List.of(inbox.notificationSender(Map.of(
                NotificationType.TICKET_RESOLVED, "ticket_resolved",
                NotificationType.SATISFACTION_SURVEY, "csat_survey"), "en"))).clock(clock).build();
    }

    private String escalatedTicket() {
        inbox.ingest(InboxFixture.inbound(textWebhook(THANDI, "Thandi Nkosi",
                "My invoice INV-2291 was charged twice, please refund", clock.instant())));
        InboxFixture.drain(sends);
        String number = desk.tickets().queue(AGENT, za.co.proconnectsa.support.ticket.TicketQuery.builder().build())
                .items().get(0).number().text();
        inbox.replyOnTicket(AGENT, number, "We are checking the charge");
        return number;
    }

    private void deliverAll() {
        while (notifications.runOnce() + sends.runOnce() > 0) {
            // until nothing is due
        }
    }

    @Test
    @DisplayName("inside the window the requester gets the resolution as a text and the survey with reply buttons, once")
    void insideTheWindow() throws Exception {
        String number = escalatedTicket();
        deliverAll();
        int before = InboxFixture.sent(GRAPH).size();
        desk.tickets().changeStatus(AGENT, number, TicketStatus.RESOLVED);
        deliverAll();
        deliverAll();

        List<String> texts = InboxFixture.textsTo(GRAPH, THANDI);
        List<JsonNode> sent = InboxFixture.sent(GRAPH);
        assertThat(sent).hasSize(before + 2);
        assertThat(texts.get(texts.size() - 1)).contains(number).contains("resolved");
        assertThat(texts).filteredOn(t -> t.contains("We are checking the charge")).hasSize(1);
        assertThat(texts).noneMatch(t -> t.startsWith("How did we do?"));

        String token = number + "." + surveyToken(sent.get(sent.size() - 1));
        String text = "How did we do? Rate the help you got with ticket " + number
                + " from 1 (poor) to 5 (excellent): https://portal.example/csat?t=" + token;
        assertThat(sent.get(sent.size() - 1)).isEqualTo(new ObjectMapper().readTree("""
                {"messaging_product":"whatsapp","recipient_type":"individual","to":"%s","type":"interactive",
                 "interactive":{"type":"button","body":{"text":"%s"},"action":{"buttons":[
                   {"type":"reply","reply":{"id":"csat:5:%s","title":"Good"}},
                   {"type":"reply","reply":{"id":"csat:3:%s","title":"Okay"}},
                   {"type":"reply","reply":{"id":"csat:1:%s","title":"Poor"}}]}}}
                """.formatted(THANDI, text, token, token, token)));
        assertThat(desk.notifications().deliveries(AGENT, 0, 100)).extracting(NotificationDelivery::state)
                .containsOnly(JobState.DONE);
        assertThat(desk.notifications().deliveries(AGENT, 0, 100)).extracting(d -> d.notification().type())
                .containsExactly(NotificationType.TICKET_RECEIVED, NotificationType.AGENT_REPLIED,
                        NotificationType.TICKET_RESOLVED, NotificationType.SATISFACTION_SURVEY);
    }

    @Test
    @DisplayName("a ticket purged while its WhatsApp notifications wait in the send queue: nothing reaches Graph and their transcript lines say they were not sent because the ticket was purged")
    void purgedTicketsQueuedSendsAreMarked() {
        String number = escalatedTicket();
        deliverAll();
        String chat = inbox.conversation(AGENT, "WA-000001").conversation().id().toString();
        desk.tickets().changeStatus(AGENT, number, TicketStatus.RESOLVED);
        desk.tickets().changeStatus(AGENT, number, TicketStatus.CLOSED);
        // the notification worker queues the sends; the send worker has not run yet
        while (notifications.runOnce() > 0) {
            // until nothing is due
        }
        java.util.UUID conversation = java.util.UUID.fromString(chat);
        List<MessageDelivery> queued = store.conversationDeliveries(conversation).stream()
                .filter(d -> d.state() == MessageDelivery.State.QUEUED).toList();
        assertThat(queued).isNotEmpty();
        int before = InboxFixture.sent(GRAPH).size();
        clock.advance(Duration.ofDays(400));

        PurgeReport purged = desk.dataSubjects().purgeExpired(Actor.admin("admin-1", "Naledi (Lead)"),
                RetentionPolicy.builder().closedTickets(Duration.ofDays(365)).build());
        deliverAll();

        assertThat(purged.closedTickets()).isEqualTo(1);
        assertThat(InboxFixture.sent(GRAPH)).hasSize(before);
        for (MessageDelivery d : queued) {
            assertThat(store.findDelivery(d.messageId())).hasValueSatisfying(now -> {
                assertThat(now.state()).isEqualTo(MessageDelivery.State.FAILED);
                assertThat(now.detail()).isEqualTo(DataSubjectStore.PURGED_UNSENT);
                assertThat(now.at()).isEqualTo(clock.instant());
            });
        }
        assertThat(store.conversationDeliveries(conversation)).noneMatch(d -> d.state() == MessageDelivery.State.QUEUED);
        assertThat(store.pendingJobs(WhatsAppInbox.SEND_KIND)).isZero();
    }

    @Test
    @DisplayName("a tapped survey button records its score once: a second tap and a redelivered webhook change nothing")
    void tappedSurveyButton() {
        String number = escalatedTicket();
        desk.tickets().changeStatus(AGENT, number, TicketStatus.RESOLVED);
        deliverAll();
        List<JsonNode> sent = InboxFixture.sent(GRAPH);
        String token = number + "." + surveyToken(sent.get(sent.size() - 1));

        byte[] tap = InboxFixture.buttonReplyWebhook(THANDI, "Thandi Nkosi", "wamid.in.tap-good", "csat:5:" + token,
                "Good", clock.instant());
        InboundResult first = inbox.ingest(InboxFixture.inbound(tap));
        assertThat(first.outcome()).isEqualTo(InboundResult.Outcome.SURVEY_ANSWERED);
        assertThat(first.ticketNumber().text()).isEqualTo(number);
        SatisfactionSurvey answered = desk.satisfaction().survey(AGENT, number).orElseThrow();
        assertThat(answered.score()).isEqualTo(5);
        assertThat(answered.comment()).isNull();
        // the tap does not reopen the resolved ticket
        assertThat(desk.tickets().get(AGENT, number).ticket().status()).isEqualTo(TicketStatus.RESOLVED);

        assertThat(inbox.ingest(InboxFixture.inbound(tap)).outcome()).isEqualTo(InboundResult.Outcome.DUPLICATE);
        InboundResult again = inbox.ingest(InboxFixture.inbound(InboxFixture.buttonReplyWebhook(THANDI, "Thandi Nkosi",
                "wamid.in.tap-poor", "csat:1:" + token, "Poor", clock.instant())));
        assertThat(again.outcome()).isEqualTo(InboundResult.Outcome.SURVEY_ANSWERED);
        assertThat(desk.satisfaction().survey(AGENT, number).orElseThrow()).isEqualTo(answered);
        assertThat(desk.tickets().get(AGENT, number).history()).filteredOn(e -> e.action() == AuditAction.SATISFACTION_RATED)
                .hasSize(1);
        deliverAll();
        assertThat(InboxFixture.sent(GRAPH)).as("a tap is not answered by the auto-responder").hasSize(sent.size());
    }

    @Test
    @DisplayName("a button id with a forged signature records nothing")
    void forgedSurveyButton() {
        String number = escalatedTicket();
        desk.tickets().changeStatus(AGENT, number, TicketStatus.RESOLVED);
        deliverAll();
        InboundResult forged = inbox.ingest(InboxFixture.inbound(InboxFixture.buttonReplyWebhook(THANDI, "Thandi Nkosi",
                "wamid.in.forged", "csat:1:" + number + "." + "0".repeat(64), "Poor", clock.instant())));
        assertThat(forged.outcome()).isEqualTo(InboundResult.Outcome.SURVEY_ANSWERED);
        assertThat(forged.ticketNumber()).isNull();
        assertThat(desk.satisfaction().survey(AGENT, number).orElseThrow().answered()).isFalse();
    }

    private static String surveyToken(JsonNode interactive) {
        String id = interactive.path("interactive").path("action").path("buttons").path(0).path("reply").path("id")
                .asText();
        assertThat(id).matches("csat:5:PCS-\\d{6}\\.[0-9a-f]{64}");
        return id.substring(id.lastIndexOf('.') + 1);
    }

    @Test
    @DisplayName("outside the window the approved templates go out, with the ticket number as their parameter")
    void outsideTheWindow() {
        String number = escalatedTicket();
        deliverAll();
        clock.advance(Duration.ofHours(25));
        desk.tickets().changeStatus(AGENT, number, TicketStatus.RESOLVED);
        deliverAll();

        List<JsonNode> templates = InboxFixture.sent(GRAPH).stream()
                .filter(b -> b.path("type").asText().equals("template")).toList();
        assertThat(templates).extracting(b -> b.path("template").path("name").asText())
                .containsExactly("ticket_resolved", "csat_survey");
        assertThat(templates.get(0).toString()).contains(number);
        assertThat(templates).allSatisfy(b -> assertThat(b.path("to").asText()).isEqualTo(THANDI));
    }
}
