package za.co.proconnectsa.support.whatsapp.inbox;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static za.co.proconnectsa.support.whatsapp.inbox.InboxFixture.THANDI;
import static za.co.proconnectsa.support.whatsapp.inbox.InboxFixture.textWebhook;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.zaxxer.hikari.HikariDataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;
import za.co.proconnectsa.support.StoreUnavailableException;
import za.co.proconnectsa.support.SupportDesk;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.conversation.Conversation;
import za.co.proconnectsa.support.conversation.MessageDelivery;
import za.co.proconnectsa.support.conversation.ConversationMessage.Author;
import za.co.proconnectsa.support.conversation.ConversationQuery;
import za.co.proconnectsa.support.jdbc.JdbcTicketStore;
import za.co.proconnectsa.support.jdbc.testdb.TestDatabases;
import za.co.proconnectsa.support.queue.JobState;
import za.co.proconnectsa.support.queue.JobWorker;
import za.co.proconnectsa.support.spi.ConversationStore;
import za.co.proconnectsa.support.spi.TicketStore;
import za.co.proconnectsa.support.spi.WorkQueue;
import za.co.proconnectsa.support.store.InMemoryTicketStore;
import za.co.proconnectsa.support.testing.SettableClock;
import za.co.proconnectsa.support.ticket.TicketQuery;
import za.co.proconnectsa.support.whatsapp.webhook.InboundMessageWorker;
import za.co.proconnectsa.support.whatsapp.webhook.WebhookReceiver;

/**
 * A crash at every step of applying an inbound message, and of sending the text it causes: the store fails at its
 * first, second, third... call while a worker runs (as a killed process or a lost database would), then the worker
 * tries again. On every store, whatever the step: one conversation, one transcript line for the message, at most one
 * ticket, the ticket number sent once at most, the jobs done and none dead, and Meta's redelivery a duplicate.
 */
@ParameterizedClass(name = "{0}")
@ValueSource(strings = {"memory", "h2-mem", "postgresql", "mariadb"})
class InboundCrashTest {

    /**
     * Calls that are not steps of applying the message: the unit's frame, and the worker's own bookkeeping before
     * and after the unit (claiming, renewing from its heartbeat thread, releasing after the crash).
     */
    private static final Set<String> NOT_STEPS = Set.of("inTransaction", "useTransaction", "afterCommit", "claimJobs",
            "renewJob", "releaseJob", "buryJob", "equals", "hashCode", "toString");

    @RegisterExtension
    static final WireMockExtension GRAPH = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @Parameter
    String database;
    private HikariDataSource pool;

    @AfterEach
    void closePool() {
        if (pool != null) {
            pool.close();
        }
    }

    private TicketStore freshStore() {
        if (database.equals("memory")) {
            return InMemoryTicketStore.create();
        }
        if (pool != null) {
            pool.close();
        }
        pool = TestDatabases.named(database).freshDatabase();
        return JdbcTicketStore.create(pool);
    }

    @Test
    @DisplayName("a question in a chat, a crash at each store call of applying it, then the retry: applied once, nothing lost")
    void crashAtEveryStepOfAQuestion() {
        int steps = 0;
        for (int crashAt = 1; ; crashAt++) {
            Run run = new Run(freshStore(), false);
            boolean crashed = run.applyCrashingAt(crashAt, "How do I add a service area to my profile?");
            if (!crashed) {
                steps = crashAt - 1;
                break;
            }
            run.retry();
            run.assertAppliedOnce(0);
        }
        assertThat(steps).as("the steps crashed at").isGreaterThan(5);
    }

    @Test
    @DisplayName("a billing message that becomes a ticket, a crash at each store call of applying it, then the retry: one ticket, one line, the number sent once")
    void crashAtEveryStepOfAnEscalation() {
        int steps = 0;
        for (int crashAt = 1; ; crashAt++) {
            Run run = new Run(freshStore(), true);
            boolean crashed = run.applyCrashingAt(crashAt, "I was charged twice for March, please refund");
            if (!crashed) {
                steps = crashAt - 1;
                break;
            }
            assertThat(InboxFixture.textsTo(GRAPH, THANDI)).as("nothing is sent from a unit that did not commit")
                    .isEmpty();
            run.retry();
            run.assertAppliedOnce(1);
            run.send();
            assertThat(InboxFixture.textsTo(GRAPH, THANDI)).as("notices after a crash at step %d", crashAt).hasSize(1);
        }
        assertThat(steps).as("the steps crashed at").isGreaterThan(5);
    }

    @Test
    @DisplayName("the ticket number's send crashing at each store call, then the retry: sent at most once, and when it may have gone out before the crash the ticket says so instead of sending again")
    void crashAtEveryStepOfTheSend() {
        int steps = 0;
        for (int crashAt = 1; ; crashAt++) {
            Run run = new Run(freshStore(), true);
            assertThat(run.applyCrashingAt(Integer.MAX_VALUE, "I was charged twice for March, please refund")).isFalse();
            boolean crashed = run.sendCrashingAt(crashAt);
            if (!crashed) {
                steps = crashAt - 1;
                assertThat(InboxFixture.textsTo(GRAPH, THANDI)).hasSize(1);
                break;
            }
            int sentBeforeTheCrash = InboxFixture.textsTo(GRAPH, THANDI).size();
            run.send();
            assertThat(InboxFixture.textsTo(GRAPH, THANDI)).as("notices after a crash at step %d", crashAt).hasSize(1);
            var ticket = run.real.query(TicketQuery.builder().build()).items().get(0);
            assertThat(run.real.messages(ticket.id())).as("the ticket says when it may or may not have gone out")
                    .filteredOn(m -> m.body().contains("may or may not have been told"))
                    .hasSize(sentBeforeTheCrash);
            assertThat(((WorkQueue) run.real).pendingJobs(WhatsAppInbox.SEND_KIND)).isZero();
        }
        assertThat(steps).as("the send's steps crashed at").isPositive();
    }

    @Test
    @DisplayName("an agent's reply on a WhatsApp ticket crashing at each store call: the reply, its transcript line and its queued send are all there or none is; the retry sends it once")
    void crashAtEveryStepOfAnAgentReply() {
        Actor agent = Actor.agent("agent-3", "Sipho (Support)");
        int steps = 0;
        for (int crashAt = 1; ; crashAt++) {
            Run run = new Run(freshStore(), true);
            assertThat(run.applyCrashingAt(Integer.MAX_VALUE, "I was charged twice for March, please refund")).isFalse();
            run.send();
            String number = run.real.query(TicketQuery.builder().build()).items().get(0).number().text();
            run.calls.set(0);
            run.crashAt = crashAt;
            boolean crashed;
            try {
                run.inbox.replyOnTicket(agent, number, "Refunded, sorry about that!");
                crashed = false;
            } catch (StoreUnavailableException e) {
                crashed = true;
            } finally {
                run.crashAt = 0;
            }
            var ticket = run.real.query(TicketQuery.builder().build()).items().get(0);
            long replies = run.real.messages(ticket.id()).stream().filter(m -> m.body().equals("Refunded, sorry about that!"))
                    .count();
            ConversationStore conversations = (ConversationStore) run.real;
            Conversation c = conversations.queryConversations(ConversationQuery.builder().contact(THANDI).build()).items()
                    .get(0);
            long lines = conversations.conversationMessages(c.id()).stream().filter(m -> m.author() == Author.AGENT).count();
            long queued = ((WorkQueue) run.real).pendingJobs(WhatsAppInbox.SEND_KIND);
            if (!crashed) {
                steps = crashAt - 1;
                assertThat(List.of(replies, lines, queued)).containsExactly(1L, 1L, 1L);
                break;
            }
            assertThat(List.of(replies, lines, queued)).as("after a crash at store call %d", crashAt)
                    .containsExactly(0L, 0L, 0L);
            TicketReplyResult retry = run.inbox.replyOnTicket(agent, number, "Refunded, sorry about that!");
            run.send();
            assertThat(InboxFixture.textsTo(GRAPH, THANDI)).filteredOn("Refunded, sorry about that!"::equals).hasSize(1);
            assertThat(conversations.findDelivery(retry.transcriptMessageId())).map(MessageDelivery::state)
                    .contains(MessageDelivery.State.SENT);
        }
        assertThat(steps).as("the reply's steps crashed at").isGreaterThan(3);
    }

    /** One message's life on a fresh store: stored, applied with a crash, applied again. */
    private final class Run {
        final TicketStore real;
        final TicketStore store;
        final SettableClock clock = SettableClock.at(Instant.parse("2026-03-02T08:00:00Z"));
        final AtomicInteger calls = new AtomicInteger();
        volatile int crashAt;
        final InboundMessageWorker worker;
        final JobWorker sender;
        final WebhookReceiver receiver;
        final WhatsAppInbox inbox;
        byte[] body;

        Run(TicketStore real, boolean escalateByRule) {
            GRAPH.resetAll();
            InboxFixture.graphAccepts(GRAPH);
            this.real = real;
            this.store = crashing(real);
            SupportDesk desk = SupportDesk.builder().store(store).clock(clock).build();
            WhatsAppInbox.Builder inbox = WhatsAppInbox.builder().desk(desk).store(store)
                    .client(InboxFixture.client(GRAPH, clock));
            if (!escalateByRule) {
                inbox.manualEscalationOnly();
            }
            WhatsAppInbox built = inbox.build();
            this.inbox = built;
            worker = InboundMessageWorker.builder(store, built).clock(clock).build();
            sender = built.sendWorker().clock(clock).build();
            receiver = WebhookReceiver.builder().appSecret(InboxFixture.SECRET).queue((WorkQueue) store).clock(clock)
                    .build();
        }

        /** @return whether the crash happened (false: the message took fewer steps than {@code step}) */
        boolean applyCrashingAt(int step, String text) {
            body = textWebhook(THANDI, "Thandi Nkosi", text, clock.instant(), "wamid.crash." + step);
            assertThat(receiver.receive(body, InboxFixture.sign(body)).accepted()).isEqualTo(1);
            calls.set(0);
            crashAt = step;
            int applied = worker.runOnce();
            crashAt = 0;
            return applied == 0;
        }

        /** @return whether the send crashed (false: it took fewer store calls than {@code step}) */
        boolean sendCrashingAt(int step) {
            calls.set(0);
            crashAt = step;
            int sent = sender.runOnce();
            crashAt = 0;
            return sent == 0;
        }

        /** Lets the sender deliver what is due, a minute later. */
        void send() {
            clock.advance(Duration.ofMinutes(1));
            while (sender.runOnce() > 0) {
                // until nothing is due
            }
        }

        void retry() {
            clock.advance(Duration.ofMinutes(1));
            assertThat(worker.runOnce()).as("the retry applies it").isEqualTo(1);
            assertThat(receiver.receive(body, InboxFixture.sign(body)).duplicates()).as("Meta's redelivery").isEqualTo(1);
            assertThat(worker.runOnce()).isZero();
        }

        void assertAppliedOnce(int tickets) {
            ConversationStore conversations = (ConversationStore) real;
            List<Conversation> all = conversations.queryConversations(ConversationQuery.builder().contact(THANDI).build())
                    .items();
            assertThat(all).hasSize(1);
            assertThat(conversations.conversationMessages(all.get(0).id()))
                    .filteredOn(m -> m.author() == Author.CUSTOMER).hasSize(1);
            assertThat(real.query(TicketQuery.builder().build()).items()).hasSize(tickets);
            WorkQueue jobs = (WorkQueue) real;
            assertThat(jobs.findJob(WebhookReceiver.INBOUND_KIND, "wamid.crash." + crashStep()).orElseThrow().state())
                    .isEqualTo(JobState.DONE);
            assertThat(jobs.deadJobs(WebhookReceiver.INBOUND_KIND, 0, 10)).isEmpty();
        }

        private String crashStep() {
            String json = new String(body, java.nio.charset.StandardCharsets.UTF_8);
            int at = json.indexOf("wamid.crash.") + "wamid.crash.".length();
            return json.substring(at, json.indexOf('"', at));
        }

        /** The real store behind a proxy that fails the {@code crashAt}-th call while armed. */
        private TicketStore crashing(TicketStore target) {
            return (TicketStore) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {TicketStore.class, ConversationStore.class, WorkQueue.class}, (proxy, method, args) -> {
                        if (crashAt > 0 && !NOT_STEPS.contains(method.getName())
                                && calls.incrementAndGet() == crashAt) {
                            throw new StoreUnavailableException("the process died at store call " + crashAt
                                    + " (" + method.getName() + ")", null);
                        }
                        try {
                            return method.invoke(target, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }
    }
}
