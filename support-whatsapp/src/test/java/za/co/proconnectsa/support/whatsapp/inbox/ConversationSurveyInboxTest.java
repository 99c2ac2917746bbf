package za.co.proconnectsa.support.whatsapp.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static za.co.proconnectsa.support.whatsapp.inbox.InboxFixture.THANDI;
import static za.co.proconnectsa.support.whatsapp.inbox.InboxFixture.textWebhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import za.co.proconnectsa.support.SupportDesk;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.analytics.AnalyticsQuery;
import za.co.proconnectsa.support.analytics.Satisfaction;
import za.co.proconnectsa.support.conversation.Conversation;
import za.co.proconnectsa.support.conversation.ConversationStatus;
import za.co.proconnectsa.support.privacy.PurgeReport;
import za.co.proconnectsa.support.privacy.RetentionPolicy;
import za.co.proconnectsa.support.queue.JobWorker;
import za.co.proconnectsa.support.satisfaction.ConversationSurvey;
import za.co.proconnectsa.support.store.InMemoryTicketStore;
import za.co.proconnectsa.support.testing.SettableClock;
import za.co.proconnectsa.support.ticket.Category;

/**
 * "How did we do?" when a WhatsApp conversation closes without a ticket, through the send queue to the real Cloud API
 * client and WireMock: reply buttons inside the window, the approved template outside it, one survey per
 * conversation and per contact in the loop guard's interval, a tap recorded once.
 */
class ConversationSurveyInboxTest {

    private static final Actor AGENT = Actor.agent("agent-3", "Sipho (Support)");
    private static final Actor ADMIN = Actor.admin("admin-1", "Lerato");
    private static final String PIETER = "27821234567";

    @RegisterExtension
    static final WireMockExtension GRAPH = InboxFixture.graph();

    /** Monday 2 March 2026, 10:00 in Johannesburg. */
    private final SettableClock clock = SettableClock.startingAt("2026-03-02T08:00:00Z");
    private InMemoryTicketStore store;
    private SupportDesk desk;
    private WhatsAppInbox inbox;
    private JobWorker sends;

    @BeforeEach
    void setUp() {
        GRAPH.resetAll();
        InboxFixture.graphAccepts(GRAPH);
        store = InMemoryTicketStore.create();
        desk = SupportDesk.builder().store(store).clock(clock).build();
        inbox = WhatsAppInbox.builder().desk(desk).store(store).client(InboxFixture.client(GRAPH, clock))
                .automationName("ProConnect Support").manualEscalationOnly()
                .surveyOnClose(Duration.ofDays(7)).surveyOnCloseTemplate("csat_chat", "en").build();
        sends = inbox.sendWorker().clock(clock).build();
    }

    private Conversation chat(String waId, String text) {
        Conversation c = inbox.ingest(InboxFixture.inbound(textWebhook(waId, "Thandi Nkosi", text, clock.instant())))
                .conversation();
        InboxFixture.drain(sends);
        return c;
    }

    private ConversationSurvey surveyOf(Conversation c) {
        return store.findConversationSurveyOf(c.id()).orElseThrow();
    }

    @Test
    @DisplayName("an agent closes a chat inside the window: reply buttons go out once and a tap is recorded once")
    void buttonsInsideTheWindow() throws Exception {
        Conversation chat = chat(THANDI, "Hello, can I change my profile photo?");
        int before = InboxFixture.sent(GRAPH).size();
        Conversation closed = inbox.close(AGENT, chat.number().text());
        assertThat(closed.status()).isEqualTo(ConversationStatus.CLOSED);
        assertThat(inbox.close(AGENT, chat.number().text()).status()).isEqualTo(ConversationStatus.CLOSED);
        InboxFixture.drain(sends);
        InboxFixture.drain(sends);

        ConversationSurvey survey = surveyOf(chat);
        assertThat(survey.conversationNumber()).isEqualTo(chat.number().text());
        assertThat(survey.contact()).isEqualTo(THANDI);
        assertThat(survey.answered()).isFalse();
        List<JsonNode> sent = InboxFixture.sent(GRAPH);
        assertThat(sent).hasSize(before + 1);
        String id = survey.id().toString();
        assertThat(sent.get(sent.size() - 1)).isEqualTo(new ObjectMapper().readTree("""
                {"messaging_product":"whatsapp","recipient_type":"individual","to":"%s","type":"interactive",
                 "interactive":{"type":"button","body":{"text":"How did we do? Tap a button to rate this chat (%s)."},
                  "action":{"buttons":[
                   {"type":"reply","reply":{"id":"csatc:5:%s","title":"Good"}},
                   {"type":"reply","reply":{"id":"csatc:3:%s","title":"Okay"}},
                   {"type":"reply","reply":{"id":"csatc:1:%s","title":"Poor"}}]}}}
                """.formatted(THANDI, chat.number().text(), id, id, id)));

        byte[] tap = InboxFixture.buttonReplyWebhook(THANDI, "Thandi Nkosi", "wamid.in.chat-good", "csatc:5:" + id,
                "Good", clock.instant());
        assertThat(inbox.ingest(InboxFixture.inbound(tap)).outcome()).isEqualTo(InboundResult.Outcome.SURVEY_ANSWERED);
        assertThat(surveyOf(chat).score()).isEqualTo(5);
        assertThat(inbox.ingest(InboxFixture.inbound(tap)).outcome()).isEqualTo(InboundResult.Outcome.DUPLICATE);
        assertThat(inbox.ingest(InboxFixture.inbound(InboxFixture.buttonReplyWebhook(THANDI, "Thandi Nkosi",
                "wamid.in.chat-poor", "csatc:1:" + id, "Poor", clock.instant()))).outcome())
                .isEqualTo(InboundResult.Outcome.SURVEY_ANSWERED);
        assertThat(surveyOf(chat).score()).as("the second tap changes nothing").isEqualTo(5);
        InboxFixture.drain(sends);
        assertThat(InboxFixture.sent(GRAPH)).as("no answer to a tap").hasSize(before + 1);
        assertThat(store.findActiveConversation(THANDI)).as("a tap waits for no agent").isEmpty();

        clock.advance(Duration.ofMinutes(5));
        assertThat(desk.analytics().report(ADMIN, AnalyticsQuery.of(clock.instant().minus(Duration.ofDays(1)),
                clock.instant())).conversationSatisfaction()).isEqualTo(Satisfaction.of(1, 5, 1));
    }

    @Test
    @DisplayName("a tap from another contact, or with an id nobody was sent, records nothing")
    void foreignTap() {
        Conversation chat = chat(THANDI, "Hello, can I change my profile photo?");
        inbox.close(AGENT, chat.number().text());
        String id = surveyOf(chat).id().toString();
        inbox.ingest(InboxFixture.inbound(InboxFixture.buttonReplyWebhook(PIETER, "Pieter", "wamid.in.other", "csatc:1:" + id,
                "Poor", clock.instant())));
        inbox.ingest(InboxFixture.inbound(InboxFixture.buttonReplyWebhook(THANDI, "Thandi Nkosi", "wamid.in.guess",
                "csatc:1:" + java.util.UUID.randomUUID(), "Poor", clock.instant())));
        assertThat(surveyOf(chat).answered()).isFalse();
    }

    @Test
    @DisplayName("one survey per contact within the loop guard; none for a chat that became a ticket")
    void loopGuardAndTickets() {
        Conversation first = chat(THANDI, "Hello, can I change my profile photo?");
        inbox.close(AGENT, first.number().text());
        clock.advance(Duration.ofHours(2));
        Conversation second = chat(THANDI, "And my cover photo?");
        inbox.close(AGENT, second.number().text());
        assertThat(store.findConversationSurveyOf(second.id())).isEmpty();

        Conversation billing = chat(PIETER, "My invoice is wrong");
        inbox.escalate(AGENT, billing.number().text(), Category.BILLING);
        inbox.close(AGENT, billing.number().text());
        assertThat(store.findConversationSurveyOf(billing.id())).isEmpty();

        clock.advance(Duration.ofDays(7));
        Conversation later = chat(THANDI, "Hello again");
        inbox.close(AGENT, later.number().text());
        assertThat(store.findConversationSurveyOf(later.id())).isPresent();
    }

    @Test
    @DisplayName("an idle chat past the window is closed with the approved template, once")
    void idleTimeoutOutsideTheWindow() {
        Conversation chat = chat(THANDI, "Hello, can I change my profile photo?");
        int before = InboxFixture.sent(GRAPH).size();
        clock.advance(Duration.ofMinutes(30));
        assertThat(inbox.closeIdle(Duration.ofHours(1))).as("not idle long enough").isZero();
        clock.advance(Duration.ofHours(25));
        assertThat(inbox.closeIdle(Duration.ofHours(1))).isEqualTo(1);
        assertThat(inbox.closeIdle(Duration.ofHours(1))).isZero();
        InboxFixture.drain(sends);

        assertThat(store.findConversationByNumber(chat.number().text()).orElseThrow().status())
                .isEqualTo(ConversationStatus.CLOSED);
        assertThat(surveyOf(chat).answered()).isFalse();
        List<JsonNode> sent = InboxFixture.sent(GRAPH);
        assertThat(sent).hasSize(before + 1);
        JsonNode template = sent.get(sent.size() - 1);
        assertThat(template.path("type").asText()).isEqualTo("template");
        assertThat(template.path("template").path("name").asText()).isEqualTo("csat_chat");
        assertThat(template.toString()).contains(chat.number().text());
    }

    @Test
    @DisplayName("a retention purge of a closed chat takes its queued survey with it: the sender sends nothing of it, and the other chats' messages still go")
    void purgedChatSendsNothing() {
        Conversation old = chat(THANDI, "Hello, can I change my profile photo?");
        clock.advance(Duration.ofHours(25));
        inbox.close(AGENT, old.number().text());
        clock.advance(Duration.ofDays(400));
        Conversation kept = chat(PIETER, "Where do I see my reviews?");
        clock.advance(Duration.ofHours(25));
        inbox.close(AGENT, kept.number().text());
        int before = InboxFixture.sent(GRAPH).size();

        PurgeReport purged = desk.dataSubjects().purgeExpired(ADMIN, RetentionPolicy.builder()
                .closedConversations(Duration.ofDays(365)).build());
        InboxFixture.drain(sends);

        assertThat(purged.closedConversations()).isEqualTo(1);
        assertThat(store.findConversationSurveyOf(old.id())).as("the survey went with its chat").isEmpty();
        assertThat(store.findConversationSurveyOf(kept.id())).isPresent();
        List<JsonNode> sent = InboxFixture.sent(GRAPH);
        assertThat(sent).hasSize(before + 1);
        assertThat(sent.get(sent.size() - 1).path("to").asText()).isEqualTo(PIETER);
        assertThat(sent.get(sent.size() - 1).toString()).contains(kept.number().text())
                .doesNotContain(old.number().text());
        assertThat(store.pendingJobs(WhatsAppInbox.SEND_KIND)).isZero();
        assertThat(store.deadJobs(WhatsAppInbox.SEND_KIND, 0, 10)).isEmpty();
    }
}
