package za.co.proconnectsa.support.whatsapp.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static za.co.proconnectsa.support.whatsapp.inbox.InboxFixture.THANDI;
import static za.co.proconnectsa.support.whatsapp.inbox.InboxFixture.textWebhook;

import com.fasterxml.jackson.databind.JsonNode;
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
import za.co.proconnectsa.support.notify.NotificationChannel;
import za.co.proconnectsa.support.notify.NotificationDelivery;
import za.co.proconnectsa.support.notify.NotificationType;
import za.co.proconnectsa.support.notify.RequesterContact;
import za.co.proconnectsa.support.queue.JobState;
import za.co.proconnectsa.support.queue.JobWorker;
import za.co.proconnectsa.support.satisfaction.SurveySettings;
import za.co.proconnectsa.support.store.InMemoryTicketStore;
import za.co.proconnectsa.support.testing.SettableClock;
import za.co.proconnectsa.support.ticket.TicketStatus;
import za.co.proconnectsa.support.whatsapp.webhook.InboundMessage;
import za.co.proconnectsa.support.whatsapp.webhook.WhatsAppWebhook;

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
    private WhatsAppInbox inbox;
    private JobWorker sends;
    private JobWorker notifications;

    @BeforeEach
    void setUp() {
        GRAPH.resetAll();
        InboxFixture.graphAccepts(GRAPH);
        InMemoryTicketStore store = InMemoryTicketStore.create();
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
        inbox.ingest(WhatsAppWebhook.parse(textWebhook(THANDI, "Thandi Nkosi",
                        "My invoice INV-2291 was charged twice, please refund", clock.instant())).stream()
                .filter(e -> e instanceof InboundMessage).map(e -> (InboundMessage) e).findFirst().orElseThrow());
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
    @DisplayName("inside the window the requester gets the resolution and the survey as texts, once; nothing is said twice")
    void insideTheWindow() {
        String number = escalatedTicket();
        deliverAll();
        int before = InboxFixture.sent(GRAPH).size();
        desk.tickets().changeStatus(AGENT, number, TicketStatus.RESOLVED);
        deliverAll();
        deliverAll();

        List<String> texts = InboxFixture.textsTo(GRAPH, THANDI);
        assertThat(InboxFixture.sent(GRAPH)).hasSize(before + 2);
        assertThat(texts.get(texts.size() - 2)).contains(number).contains("resolved");
        assertThat(texts.get(texts.size() - 1)).startsWith("How did we do?")
                .contains("https://portal.example/csat?t=" + number + ".");
        assertThat(texts).filteredOn(t -> t.contains("We are checking the charge")).hasSize(1);
        assertThat(desk.notifications().deliveries(AGENT, 0, 100)).extracting(NotificationDelivery::state)
                .containsOnly(JobState.DONE);
        assertThat(desk.notifications().deliveries(AGENT, 0, 100)).extracting(d -> d.notification().type())
                .containsExactly(NotificationType.TICKET_RECEIVED, NotificationType.AGENT_REPLIED,
                        NotificationType.TICKET_RESOLVED, NotificationType.SATISFACTION_SURVEY);
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
