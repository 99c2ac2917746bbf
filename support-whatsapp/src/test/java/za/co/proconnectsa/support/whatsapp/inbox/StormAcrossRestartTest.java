package za.co.proconnectsa.support.whatsapp.inbox;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static za.co.proconnectsa.support.whatsapp.inbox.InboxFixture.textWebhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
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
import java.util.stream.Collectors;
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
import za.co.proconnectsa.support.conversation.ConversationMessage;
import za.co.proconnectsa.support.conversation.ConversationMessage.Author;
import za.co.proconnectsa.support.conversation.ConversationQuery;
import za.co.proconnectsa.support.conversation.MessageDelivery;
import za.co.proconnectsa.support.jdbc.JdbcTicketStore;
import za.co.proconnectsa.support.jdbc.testdb.KillableDatabase;
import za.co.proconnectsa.support.queue.JobState;
import za.co.proconnectsa.support.queue.JobWorker;
import za.co.proconnectsa.support.whatsapp.webhook.InboundMessageWorker;
import za.co.proconnectsa.support.whatsapp.webhook.WebhookReceipt;
import za.co.proconnectsa.support.whatsapp.webhook.WebhookReceiver;

/**
 * The webhook storm across a hard stop of the database server (PostgreSQL: an immediate shutdown; MariaDB: the
 * process killed) and its restart on the same data: signed bodies, each delivered twice and shuffled, posted by 4
 * threads before, during and after the stop; a body the receiver cannot store is refused and posted again later, as
 * Meta does. Two inbound workers apply the messages and a send worker delivers the automated texts (each contact's
 * billing message becomes a ticket whose number is sent back) to WireMock standing in for Graph. Afterwards every
 * message is one transcript line of its contact's one conversation, no job is pending or dead, and no text reached
 * Graph twice.
 */
@ParameterizedClass(name = "{0}")
@ValueSource(strings = {"postgresql", "mariadb"})
class StormAcrossRestartTest {

    private static final int MESSAGES = 600;
    private static final int CONTACTS = 30;
    private static final int DELIVERIES = 2;
    private static final int SENDERS = 4;

    @RegisterExtension
    static final WireMockExtension GRAPH = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @Parameter
    String database;

    @Test
    @DisplayName("600 messages delivered twice from 4 threads across a hard stop and restart: each applied once, refused ones redelivered, no text sent twice")
    void stormAcrossRestart() throws Exception {
        InboxFixture.graphAccepts(GRAPH);
        // Monday 10:00 in Johannesburg, ticking: inside business hours, and leases and retry pauses run out
        Instant monday = Instant.parse("2026-03-02T08:00:00Z");
        Clock clock = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), monday));
        Map<String, byte[]> bodies = new HashMap<>();
        Map<String, String> contactOf = new HashMap<>();
        for (int i = 0; i < MESSAGES; i++) {
            String contact = contact(i % CONTACTS);
            String id = "wamid.restart." + i;
            String text = i < CONTACTS ? "I was charged twice for invoice INV-" + (9000 + i) + ", please refund"
                    : "More about my request, note " + i;
            bodies.put(id, textWebhook(contact, "Contact " + (i % CONTACTS), text, monday, id));
            contactOf.put(id, contact);
        }
        List<String> deliveries = new ArrayList<>();
        for (int d = 0; d < DELIVERIES; d++) {
            deliveries.addAll(bodies.keySet());
        }
        Collections.shuffle(deliveries, new Random(20261207L));

        try (KillableDatabase server = KillableDatabase.start(database)) {
            HikariDataSource pool = server.pool(8);
            JdbcTicketStore store = JdbcTicketStore.create(pool);
            SupportDesk desk = SupportDesk.builder().store(store).clock(clock).build();
            WhatsAppInbox inbox = WhatsAppInbox.builder().desk(desk).store(store)
                    .client(InboxFixture.client(GRAPH, clock)).build();
            List<InboundMessageWorker> workers = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                workers.add(InboundMessageWorker.builder(store, inbox).owner("worker-" + w).clock(clock)
                        .pollInterval(Duration.ofMillis(20)).batchSize(10).lease(Duration.ofSeconds(3))
                        .retryDelay(Duration.ofMillis(200)).maxAttempts(1000).build());
            }
            JobWorker sender = inbox.sendWorker().owner("sender").clock(clock).pollInterval(Duration.ofMillis(20))
                    .lease(Duration.ofSeconds(3)).retryDelay(Duration.ofMillis(200)).maxAttempts(1000).build();
            WebhookReceiver receiver = WebhookReceiver.builder().appSecret(InboxFixture.SECRET).queue(store).clock(clock)
                    .onStored(() -> workers.forEach(InboundMessageWorker::wakeUp)).build();

            AtomicInteger posted = new AtomicInteger();
            AtomicInteger refused = new AtomicInteger();
            AtomicInteger accepted = new AtomicInteger();
            workers.forEach(InboundMessageWorker::start);
            sender.start();
            ExecutorService threads = Executors.newFixedThreadPool(SENDERS);
            try {
                List<Future<?>> sends = new ArrayList<>();
                for (int t = 0; t < SENDERS; t++) {
                    int thread = t;
                    sends.add(threads.submit(() -> {
                        for (int k = thread; k < deliveries.size(); k += SENDERS) {
                            byte[] body = bodies.get(deliveries.get(k));
                            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
                            while (true) {
                                int status;
                                try {
                                    WebhookReceipt receipt = receiver.receive(body, InboxFixture.sign(body));
                                    status = receipt.httpStatus();
                                    if (status == 200) {
                                        accepted.addAndGet(receipt.accepted());
                                    }
                                } catch (StoreUnavailableException e) {
                                    status = 503; // what the host's controller answers to a store that is down
                                }
                                if (status == 200) {
                                    break;
                                }
                                refused.incrementAndGet();
                                assertThat(System.nanoTime()).as("redelivered within 3 minutes").isLessThan(deadline);
                                Thread.sleep(100); // Meta retries later
                            }
                            posted.incrementAndGet();
                        }
                        return null;
                    }));
                }
                long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
                while (posted.get() < deliveries.size() / 3 && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                }
                int before = posted.get();
                server.kill();
                Thread.sleep(1000); // bodies posted now are refused and posted again after the restart
                server.restart();
                System.out.printf("StormAcrossRestartTest %s: killed after %d of %d deliveries%n", database, before,
                        deliveries.size());
                for (Future<?> send : sends) {
                    send.get(5, TimeUnit.MINUTES);
                }
                long drained = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
                while ((store.pendingJobs(WebhookReceiver.INBOUND_KIND) > 0 || store.pendingJobs(WhatsAppInbox.SEND_KIND) > 0)
                        && System.nanoTime() < drained) {
                    Thread.sleep(50);
                }
            } finally {
                threads.shutdownNow();
                workers.forEach(InboundMessageWorker::close);
                sender.close();
            }

            System.out.printf("StormAcrossRestartTest %s: %d deliveries, %d refused and posted again, %d stored first time%n",
                    database, deliveries.size(), refused.get(), accepted.get());
            assertThat(refused.get()).as("deliveries refused while the server was down").isPositive();
            assertThat(accepted.get()).as("stored once each at most").isLessThanOrEqualTo(MESSAGES);
            assertThat(store.pendingJobs(WebhookReceiver.INBOUND_KIND)).isZero();
            assertThat(store.pendingJobs(WhatsAppInbox.SEND_KIND)).isZero();
            assertThat(store.deadJobs(WebhookReceiver.INBOUND_KIND, 0, 10)).isEmpty();
            assertThat(store.deadJobs(WhatsAppInbox.SEND_KIND, 0, 10)).isEmpty();
            for (String id : bodies.keySet()) {
                assertThat(store.findConversationMessage(id)).as(id)
                        .hasValueSatisfying(m -> assertThat(m.contact()).isEqualTo(contactOf.get(id)));
                assertThat(store.findJob(WebhookReceiver.INBOUND_KIND, id).orElseThrow().state()).isEqualTo(JobState.DONE);
            }
            Actor agent = Actor.agent("agent-1", "Agent");
            int customerLines = 0;
            int sentLines = 0;
            int unknownLines = 0;
            List<JsonNode> requests = InboxFixture.sent(GRAPH);
            for (int c = 0; c < CONTACTS; c++) {
                String contact = contact(c);
                List<Conversation> conversations = store.queryConversations(ConversationQuery.builder().contact(contact)
                        .limit(100).build()).items();
                assertThat(conversations).as("conversations of %s", contact).hasSize(1);
                List<ConversationMessage> lines = store.conversationMessages(conversations.get(0).id());
                long customer = lines.stream().filter(m -> m.author() == Author.CUSTOMER).count();
                assertThat(lines.stream().filter(m -> m.author() == Author.CUSTOMER).map(ConversationMessage::id).distinct()
                        .count()).as("distinct customer lines of %s", contact).isEqualTo(customer);
                customerLines += (int) customer;
                int sentHere = 0;
                int unknownHere = 0;
                List<String> outbound = new ArrayList<>();
                for (ConversationMessage line : lines) {
                    if (line.author() == Author.CUSTOMER) {
                        continue;
                    }
                    MessageDelivery.State state = inbox.delivery(agent, line.id()).map(MessageDelivery::state).orElse(null);
                    outbound.add(line.author() + " " + state + " " + line.body());
                    if (state == MessageDelivery.State.UNKNOWN) {
                        unknownHere++;
                    } else if (state != null && state != MessageDelivery.State.QUEUED) {
                        sentHere++;
                    }
                }
                unknownLines += unknownHere;
                long toContact = requests.stream().filter(r -> r.path("to").asText().equals(contact)).count();
                assertThat(toContact).as("texts to %s: one request for each line sent, at most one for an unknown one",
                        contact).isGreaterThanOrEqualTo(sentHere);
                assertThat(sentHere + unknownHere).as("texts to %s sent, or marked unknown for an agent (its ticket"
                        + " number at least): %s", contact, outbound).isPositive();
                sentLines += sentHere;
            }
            Map<String, Long> twice = requests.stream().collect(Collectors.groupingBy(JsonNode::toString,
                    Collectors.counting())).entrySet().stream().filter(e -> e.getValue() > 1)
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            System.out.printf("StormAcrossRestartTest %s: %d customer lines, %d texts sent, %d unknown, %d Graph requests%n",
                    database, customerLines, sentLines, unknownLines, requests.size());
            assertThat(customerLines).as("one transcript line a message").isEqualTo(MESSAGES);
            assertThat(twice).as("texts that reached Graph twice").isEmpty();
            assertThat(requests.size()).as("Graph requests: the texts sent, plus at most the unknown ones")
                    .isBetween(sentLines, sentLines + unknownLines);
        }
    }

    private static String contact(int c) {
        return "2767952" + String.format("%04d", c);
    }
}
