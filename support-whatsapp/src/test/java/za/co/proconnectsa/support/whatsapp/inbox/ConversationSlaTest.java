package za.co.proconnectsa.support.whatsapp.inbox;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static za.co.proconnectsa.support.whatsapp.inbox.InboxFixture.THANDI;
import static za.co.proconnectsa.support.whatsapp.inbox.InboxFixture.textWebhook;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import za.co.proconnectsa.support.SupportDesk;
import za.co.proconnectsa.support.SupportException;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.queue.JobWorker;
import za.co.proconnectsa.support.sla.SlaPolicies;
import za.co.proconnectsa.support.sla.SlaPolicy;
import za.co.proconnectsa.support.sla.SlaState;
import za.co.proconnectsa.support.sla.SlaTarget;
import za.co.proconnectsa.support.sla.SlaTargetType;
import za.co.proconnectsa.support.store.InMemoryTicketStore;
import za.co.proconnectsa.support.testing.SettableClock;
import za.co.proconnectsa.support.ticket.OriginChannel;
import za.co.proconnectsa.support.whatsapp.automation.AutoResponder;
import za.co.proconnectsa.support.whatsapp.automation.FaqEntry;
import za.co.proconnectsa.support.whatsapp.webhook.InboundMessageWorker;
import za.co.proconnectsa.support.whatsapp.webhook.WebhookReceiver;

/** A WhatsApp conversation's first response has an SLA target too; automated answers never meet it. */
class ConversationSlaTest {

    @RegisterExtension
    static final WireMockExtension GRAPH = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final Actor AGENT = Actor.agent("agent-3", "Sipho (Support)");

    private final SettableClock clock = SettableClock.at(Instant.parse("2026-03-02T08:00:00Z"));   // Mon 10:00 SAST

    private WhatsAppInbox inbox(SupportDesk desk, InMemoryTicketStore store) {
        return WhatsAppInbox.builder().desk(desk).store(store).client(InboxFixture.client(GRAPH, clock))
                .manualEscalationOnly()
                .autoResponder(AutoResponder.builder()
                        .faq(FaqEntry.of("service-areas", "Add service areas under Profile > Areas.", "service area"))
                        .businessHours(desk.businessHours()).build())
                .build();
    }

    @Test
    @DisplayName("the chat's first response is due an hour after the first message; the FAQ answer does not meet it, the agent's reply does")
    void firstResponseOfAChat() {
        GRAPH.resetAll();
        InboxFixture.graphAccepts(GRAPH);
        InMemoryTicketStore store = InMemoryTicketStore.create();
        SupportDesk desk = SupportDesk.builder().store(store).clock(clock)
                .slaPolicies(SlaPolicies.builder(SlaPolicy.builder("tickets")
                                .target(SlaTarget.businessTime(SlaTargetType.FIRST_RESPONSE, Duration.ofHours(8))).build())
                        .forOrigin(OriginChannel.WHATSAPP, SlaPolicy.builder("chats")
                                .target(SlaTarget.businessTime(SlaTargetType.FIRST_RESPONSE, Duration.ofHours(1))).build())
                        .build())
                .build();
        WhatsAppInbox inbox = inbox(desk, store);
        InboundMessageWorker worker = InboundMessageWorker.builder(store, inbox).clock(clock).build();
        JobWorker sender = inbox.sendWorker().clock(clock).build();
        WebhookReceiver receiver = WebhookReceiver.builder().appSecret(InboxFixture.SECRET).queue(store).clock(clock)
                .onStored(() -> InboxFixture.drain(worker, sender)).build();
        byte[] body = textWebhook(THANDI, "Thandi Nkosi", "How do I add a service area?", clock.instant());
        receiver.receive(body, InboxFixture.sign(body));
        assertThat(InboxFixture.textsTo(GRAPH, THANDI)).hasSize(1);

        clock.advance(Duration.ofMinutes(20));
        var status = inbox.slaStatus(AGENT, "WA-000001").target(SlaTargetType.FIRST_RESPONSE).orElseThrow();
        assertThat(status.state()).as("the FAQ answer is automated").isEqualTo(SlaState.ACTIVE);
        assertThat(status.dueAt()).isEqualTo(Instant.parse("2026-03-02T09:00:00Z"));

        inbox.reply(AGENT, "WA-000001", "Did that help?");
        assertThat(inbox.slaStatus(AGENT, "WA-000001").target(SlaTargetType.FIRST_RESPONSE).orElseThrow().state())
                .isEqualTo(SlaState.FULFILLED);
    }

    @Test
    @DisplayName("a desk without SLA policies says so")
    void noPolicies() {
        InMemoryTicketStore store = InMemoryTicketStore.create();
        SupportDesk desk = SupportDesk.builder().store(store).clock(clock).build();
        WhatsAppInbox inbox = inbox(desk, store);
        inbox.ingest(za.co.proconnectsa.support.whatsapp.webhook.WhatsAppWebhook.parse(
                textWebhook(THANDI, "Thandi Nkosi", "Hello", clock.instant())).stream()
                .map(e -> (za.co.proconnectsa.support.whatsapp.webhook.InboundMessage) e).findFirst().orElseThrow());
        assertThatThrownBy(() -> inbox.slaStatus(AGENT, "WA-000001")).isInstanceOf(SupportException.class)
                .hasMessageContaining("slaPolicies");
    }
}
