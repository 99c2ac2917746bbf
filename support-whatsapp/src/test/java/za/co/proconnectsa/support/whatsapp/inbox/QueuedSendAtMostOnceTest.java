package za.co.proconnectsa.support.whatsapp.inbox;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static za.co.proconnectsa.support.whatsapp.inbox.InboxFixture.THANDI;
import static za.co.proconnectsa.support.whatsapp.inbox.InboxFixture.textWebhook;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import za.co.proconnectsa.support.StoreUnavailableException;
import za.co.proconnectsa.support.SupportDesk;
import za.co.proconnectsa.support.queue.JobHandler;
import za.co.proconnectsa.support.queue.JobWorker;
import za.co.proconnectsa.support.spi.WorkQueue;
import za.co.proconnectsa.support.store.InMemoryTicketStore;
import za.co.proconnectsa.support.testing.SettableClock;
import za.co.proconnectsa.support.whatsapp.automation.AutoResponder;
import za.co.proconnectsa.support.whatsapp.automation.FaqEntry;
import za.co.proconnectsa.support.whatsapp.webhook.InboundMessage;
import za.co.proconnectsa.support.whatsapp.webhook.WhatsAppWebhook;

/**
 * A queued text is sent at most once even when its history mixes a "not sent" attempt with a later one that sent
 * and died before recording it: the older "not sent" does not vouch for the attempt in between.
 */
class QueuedSendAtMostOnceTest {

    @RegisterExtension
    static final WireMockExtension GRAPH = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @Test
    @DisplayName("rate-limited, then sent with the done mark lost, then tried again: the customer gets the text once")
    void notSentThenSentAndLostIsNotSentAgain() throws Exception {
        GRAPH.stubFor(post(urlEqualTo(InboxFixture.PATH)).inScenario("s").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Content-Type", "application/json").withBody(
                        "{\"error\":{\"message\":\"rate\",\"type\":\"OAuthException\",\"code\":130429,\"fbtrace_id\":\"x\"}}"))
                .willSetStateTo("ok"));
        GRAPH.stubFor(post(urlEqualTo(InboxFixture.PATH)).inScenario("s").whenScenarioStateIs("ok")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(
                        "{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"x\",\"wa_id\":\"x\"}],"
                                + "\"messages\":[{\"id\":\"wamid.out.1\"}]}")));
        SettableClock clock = SettableClock.at(Instant.parse("2026-03-02T08:00:00Z"));
        InMemoryTicketStore store = InMemoryTicketStore.create();
        SupportDesk desk = SupportDesk.builder().store(store).clock(clock).build();
        WhatsAppInbox inbox = WhatsAppInbox.builder().desk(desk).store(store).client(InboxFixture.client(GRAPH, clock))
                .autoResponder(AutoResponder.builder()
                        .faq(FaqEntry.of("registration", "To register you need your ID and a proof of address.",
                                "documents", "register"))
                        .businessHours(desk.businessHours()).build())
                .build();
        InboundMessage message = WhatsAppWebhook.parse(textWebhook(THANDI, "Thandi Nkosi",
                "What documents do I need to register?", clock.instant())).stream()
                .filter(InboundMessage.class::isInstance).map(InboundMessage.class::cast).findFirst().orElseThrow();
        store.inTransaction(() -> inbox.ingest(message));

        // the store goes down for the done mark and the release, as a crash right after the send would
        AtomicBoolean down = new AtomicBoolean();
        WorkQueue flaky = (WorkQueue) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {WorkQueue.class},
                (proxy, method, args) -> {
                    if (down.get() && Set.of("completeJob", "releaseJob").contains(method.getName())) {
                        throw new StoreUnavailableException("the database went away (simulated)", null);
                    }
                    try {
                        return method.invoke(store, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        Field field = WhatsAppInbox.class.getDeclaredField("queuedSends");
        field.setAccessible(true);
        JobWorker sender = JobWorker.builder(store, flaky, WhatsAppInbox.SEND_KIND, (JobHandler) field.get(inbox))
                .clock(clock).build();
        try {
            sender.runOnce();                       // 429: surely not sent, released for later
            clock.advance(Duration.ofMinutes(1));
            down.set(true);
            sender.runOnce();                       // sent; the done mark and the release are lost
            down.set(false);
            clock.advance(Duration.ofMinutes(5));
            sender.runOnce();                       // the attempt in between may have sent: not again
        } finally {
            sender.close();
        }
        // two requests: the rate-limited one and the one Graph accepted; a third would reach the customer twice
        assertThat(InboxFixture.textsTo(GRAPH, THANDI)).as("requests to Graph").hasSize(2);
        assertThat(store.deadJobs(WhatsAppInbox.SEND_KIND, 0, 10)).as("nothing dead: the line says what happened")
                .isEmpty();
        var conversation = store.queryConversations(za.co.proconnectsa.support.conversation.ConversationQuery.builder()
                .contact(THANDI).build()).items().get(0);
        assertThat(store.conversationDeliveries(conversation.id())).as("left for a person: its line is unknown")
                .singleElement().satisfies(d -> {
                    assertThat(d.state()).isEqualTo(za.co.proconnectsa.support.conversation.MessageDelivery.State.UNKNOWN);
                    assertThat(d.detail()).contains("may have reached WhatsApp");
                });
    }
}
