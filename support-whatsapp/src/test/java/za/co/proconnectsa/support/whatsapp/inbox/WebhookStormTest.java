package za.co.proconnectsa.support.whatsapp.inbox;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static za.co.proconnectsa.support.whatsapp.inbox.InboxFixture.textWebhook;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import za.co.proconnectsa.support.SupportDesk;
import za.co.proconnectsa.support.conversation.Conversation;
import za.co.proconnectsa.support.conversation.ConversationMessage;
import za.co.proconnectsa.support.conversation.ConversationMessage.Author;
import za.co.proconnectsa.support.conversation.ConversationQuery;
import za.co.proconnectsa.support.jdbc.JdbcTicketStore;
import za.co.proconnectsa.support.jdbc.testdb.TestDatabases;
import za.co.proconnectsa.support.queue.JobState;
import za.co.proconnectsa.support.testing.SettableClock;
import za.co.proconnectsa.support.whatsapp.webhook.InboundMessageWorker;
import za.co.proconnectsa.support.whatsapp.webhook.WebhookReceipt;
import za.co.proconnectsa.support.whatsapp.webhook.WebhookReceiver;

/**
 * A storm on a real PostgreSQL: two application instances (two pools, stores, desks and inboxes) with two workers
 * each; 1,000 signed webhook bodies from 40 contacts, each delivered 3 times, shuffled, from 8 threads to either
 * instance. Every message is stored once, applied once (one transcript line), and no job is left pending or dead.
 */
class WebhookStormTest {

    private static final int MESSAGES = 1000;
    private static final int CONTACTS = 40;
    private static final int DELIVERIES = 3;

    @RegisterExtension
    static final WireMockExtension GRAPH = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @Test
    @DisplayName("1,000 messages delivered 3 times, shuffled, 8 threads, 2 instances with 2 workers each: each stored once, applied once, none dead")
    void storm() throws Exception {
        InboxFixture.graphAccepts(GRAPH);
        // Monday 10:00 in Johannesburg: inside business hours, so no out-of-hours replies
        SettableClock clock = SettableClock.at(Instant.parse("2026-03-02T08:00:00Z"));
        try (HikariDataSource first = TestDatabases.named("postgresql").freshDatabase();
             HikariDataSource second = copy(first)) {
            List<Instance> instances = List.of(new Instance(first, clock, "a"), new Instance(second, clock, "b"));
            Map<String, byte[]> bodies = new HashMap<>();
            Map<String, String> contactOf = new HashMap<>();
            for (int i = 0; i < MESSAGES; i++) {
                String contact = "2767951" + String.format("%04d", i % CONTACTS);
                String id = "wamid.storm." + i;
                bodies.put(id, textWebhook(contact, "Contact " + (i % CONTACTS), "Question number " + i,
                        clock.instant(), id));
                contactOf.put(id, contact);
            }
            List<String> deliveries = new ArrayList<>();
            for (int d = 0; d < DELIVERIES; d++) {
                deliveries.addAll(bodies.keySet());
            }
            Collections.shuffle(deliveries, new Random(20261206L));

            instances.forEach(Instance::start);
            AtomicInteger accepted = new AtomicInteger();
            AtomicInteger duplicates = new AtomicInteger();
            ExecutorService threads = Executors.newFixedThreadPool(8);
            try {
                List<Future<?>> sends = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    int thread = t;
                    sends.add(threads.submit(() -> {
                        for (int k = thread; k < deliveries.size(); k += 8) {
                            byte[] body = bodies.get(deliveries.get(k));
                            WebhookReceipt receipt = instances.get(k % 2).receiver.receive(body, InboxFixture.sign(body));
                            assertThat(receipt.httpStatus()).isEqualTo(200);
                            accepted.addAndGet(receipt.accepted());
                            duplicates.addAndGet(receipt.duplicates());
                        }
                    }));
                }
                for (Future<?> send : sends) {
                    send.get(5, TimeUnit.MINUTES);
                }
                JdbcTicketStore store = instances.get(0).store;
                long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
                while (store.pendingJobs(WebhookReceiver.INBOUND_KIND) > 0 && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
            } finally {
                threads.shutdownNow();
                instances.forEach(Instance::close);
            }

            JdbcTicketStore store = instances.get(0).store;
            assertThat(accepted.get()).as("stored once each").isEqualTo(MESSAGES);
            assertThat(duplicates.get()).isEqualTo(MESSAGES * (DELIVERIES - 1));
            assertThat(store.pendingJobs(WebhookReceiver.INBOUND_KIND)).isZero();
            assertThat(store.deadJobs(WebhookReceiver.INBOUND_KIND, 0, 10)).isEmpty();
            int customerLines = 0;
            int automatedLines = 0;
            for (int c = 0; c < CONTACTS; c++) {
                String contact = "2767951" + String.format("%04d", c);
                List<Conversation> conversations = store.queryConversations(ConversationQuery.builder().contact(contact)
                        .limit(100).build()).items();
                assertThat(conversations).as("conversations of %s", contact).hasSize(1);
                List<ConversationMessage> lines = store.conversationMessages(conversations.get(0).id());
                customerLines += (int) lines.stream().filter(m -> m.author() == Author.CUSTOMER).count();
                automatedLines += (int) lines.stream().filter(m -> m.author() == Author.AUTOMATED).count();
            }
            assertThat(customerLines).as("one transcript line a message").isEqualTo(MESSAGES);
            for (String id : bodies.keySet()) {
                assertThat(store.findConversationMessage(id)).as(id).hasValueSatisfying(
                        m -> assertThat(m.contact()).isEqualTo(contactOf.get(id)));
                assertThat(store.findJob(WebhookReceiver.INBOUND_KIND, id).orElseThrow().state()).isEqualTo(JobState.DONE);
            }
            assertThat(InboxFixture.sent(GRAPH)).as("every automated reply sent once and recorded once")
                    .hasSize(automatedLines);
        }
    }

    /** One application instance: its own pool, store, desk, inbox, receiver and two workers. */
    private static final class Instance {
        final JdbcTicketStore store;
        final WebhookReceiver receiver;
        final List<InboundMessageWorker> workers = new ArrayList<>();

        Instance(HikariDataSource pool, SettableClock clock, String name) {
            store = JdbcTicketStore.create(pool);
            SupportDesk desk = SupportDesk.builder().store(store).clock(clock).build();
            WhatsAppInbox inbox = WhatsAppInbox.builder().desk(desk).store(store).manualEscalationOnly()
                    .client(InboxFixture.client(GRAPH, clock)).build();
            for (int w = 0; w < 2; w++) {
                workers.add(InboundMessageWorker.builder(store, inbox).owner(name + "-worker-" + w).clock(clock)
                        .pollInterval(Duration.ofMillis(20)).batchSize(10).build());
            }
            receiver = WebhookReceiver.builder().appSecret(InboxFixture.SECRET).queue(store).clock(clock)
                    .onStored(() -> workers.forEach(InboundMessageWorker::wakeUp)).build();
        }

        void start() {
            workers.forEach(InboundMessageWorker::start);
        }

        void close() {
            workers.forEach(InboundMessageWorker::close);
        }
    }

    private static HikariDataSource copy(HikariDataSource like) {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(like.getJdbcUrl());
        ds.setUsername(like.getUsername());
        ds.setPassword(like.getPassword());
        ds.setMaximumPoolSize(6);
        return ds;
    }
}
