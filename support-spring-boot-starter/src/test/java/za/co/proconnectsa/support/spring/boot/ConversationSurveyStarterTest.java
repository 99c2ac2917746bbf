package za.co.proconnectsa.support.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.conversation.Conversation;
import za.co.proconnectsa.support.conversation.ConversationNumber;
import za.co.proconnectsa.support.conversation.ConversationStatus;
import za.co.proconnectsa.support.spi.ConversationStore;
import za.co.proconnectsa.support.spi.ConversationSurveyStore;
import za.co.proconnectsa.support.spi.TicketStore;
import za.co.proconnectsa.support.spi.WorkQueue;
import za.co.proconnectsa.support.whatsapp.inbox.WhatsAppInbox;

/**
 * The survey on close and the idle timeout of the WhatsApp inbox, as the starter switches them on: both off by
 * default; on, an idle conversation is closed on the schedule with its survey and the survey's message queued.
 */
class ConversationSurveyStarterTest {

    private static final Actor AGENT = Actor.agent("agent-3", "Sipho");

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(SupportAutoConfigurationTest.ALL)
            .withPropertyValues(SupportAutoConfigurationTest.h2(),
                    "support.whatsapp.cloud.phone-number-id=106540352242922",
                    "support.whatsapp.cloud.access-token=test-access-token",
                    "support.whatsapp.cloud.base-url=http://127.0.0.1:9",
                    // nothing is sent: the test reads the send queue
                    "support.whatsapp.workers.enabled=false");

    /** @return an open conversation, stored, whose contact wrote and which last changed at {@code at} */
    static Conversation openConversation(ConversationStore store, String contact, String name, Instant at) {
        long seq = store.nextConversationSequence();
        Conversation chat = new Conversation(UUID.randomUUID(), new ConversationNumber(seq, "WA-" + seq), contact,
                name, "wa:" + contact, ConversationStatus.OPEN, null, null, at, at, at, 1);
        store.insertConversation(chat, List.of());
        return chat;
    }

    /** An open conversation whose contact wrote, and which last changed, ten minutes ago. */
    private static Conversation idleConversation(ConversationStore store, String contact) {
        return openConversation(store, contact, "Thandi", Instant.now().minus(Duration.ofMinutes(10)));
    }

    @Test
    @DisplayName("off by default: no idle timeout runs, and closing a conversation asks nothing")
    void offByDefault() {
        runner.run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean("supportWhatsAppCloseIdle");
            TicketStore store = context.getBean(TicketStore.class);
            Conversation chat = idleConversation((ConversationStore) store, "27821234567");
            context.getBean(WhatsAppInbox.class).close(AGENT, chat.number().text());
            assertThat(((ConversationSurveyStore) store).findConversationSurveyOf(chat.id())).isEmpty();
            assertThat(((WorkQueue) store).pendingJobs(WhatsAppInbox.SEND_KIND)).isZero();
        });
    }

    @Test
    @DisplayName("switched on: the idle timeout closes an idle conversation on its schedule, with its survey and the survey's message")
    void idleTimeoutAsksTheSurvey() {
        runner.withPropertyValues("support.whatsapp.survey-on-close.enabled=true",
                "support.whatsapp.survey-on-close.per-contact=7d", "support.whatsapp.close-idle.enabled=true",
                "support.whatsapp.close-idle.after=5m", "support.whatsapp.close-idle.interval=100ms").run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean("supportWhatsAppCloseIdle", SupportWorkerLifecycle.class).isRunning())
                            .isTrue();
                    TicketStore store = context.getBean(TicketStore.class);
                    ConversationStore conversations = (ConversationStore) store;
                    Conversation idle = idleConversation(conversations, "27821234567");
                    Conversation busy = openConversation(conversations, "27831112222", "Pieter", Instant.now());

                    Awaitility.await().atMost(Duration.ofSeconds(15)).until(() ->
                            conversations.findConversation(idle.id()).orElseThrow().status() == ConversationStatus.CLOSED);
                    assertThat(((ConversationSurveyStore) store).findConversationSurveyOf(idle.id()))
                            .hasValueSatisfying(s -> {
                                assertThat(s.contact()).isEqualTo("27821234567");
                                assertThat(s.answered()).isFalse();
                            });
                    assertThat(((WorkQueue) store).pendingJobs(WhatsAppInbox.SEND_KIND)).isEqualTo(1);
                    assertThat(conversations.findConversation(busy.id()).orElseThrow().status())
                            .isEqualTo(ConversationStatus.OPEN);
                });
    }

    @Test
    @DisplayName("an idle timeout under a minute is refused at start with the property's name")
    void badIdleTimeout() {
        runner.withPropertyValues("support.whatsapp.close-idle.enabled=true", "support.whatsapp.close-idle.after=30s")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause().isInstanceOf(InvalidInputException.class)
                            .hasMessageContaining("support.whatsapp.close-idle.after");
                });
    }
}
