package za.co.proconnectsa.support.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import za.co.proconnectsa.support.SupportDesk;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.event.OutboxRelay;
import za.co.proconnectsa.support.event.TicketEvent;
import za.co.proconnectsa.support.jdbc.testdb.TestDatabase;
import za.co.proconnectsa.support.jdbc.testdb.TestDatabases;
import za.co.proconnectsa.support.ticket.NewTicket;
import za.co.proconnectsa.support.ticket.Reply;
import za.co.proconnectsa.support.ticket.TicketDetails;
import za.co.proconnectsa.support.ticket.TicketQuery;

/** Two application instances (two pools, two stores, two desks) on one database, 8 threads at once. */
class MultiInstanceTest {

    private static final int THREADS = 8;
    private static final int TICKETS_PER_THREAD = 10;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"postgresql", "mariadb"})
    @DisplayName("no duplicate ticket numbers, no lost reply, and every outbox event relayed once, across two store instances")
    void twoInstances(String name) throws Exception {
        TestDatabase db = TestDatabases.named(name);
        List<TicketEvent> relayed = Collections.synchronizedList(new ArrayList<>());
        try (HikariDataSource first = db.freshDatabase(); HikariDataSource second = TestDatabases.anotherPool(first)) {
            JdbcTicketStore storeA = JdbcTicketStore.create(first);
            JdbcTicketStore storeB = JdbcTicketStore.create(second);
            SupportDesk a = SupportDesk.builder().store(storeA).duplicateWindow(java.time.Duration.ZERO).build();
            SupportDesk b = SupportDesk.builder().store(storeB).duplicateWindow(java.time.Duration.ZERO).build();
            // one relay per instance, claiming from the one outbox table while the writers run; the relays are
            // closed before the pools, also when an assertion fails
            try (OutboxRelay relayA = OutboxRelay.builder(storeA).owner("instance-a").batchSize(7)
                    .pollInterval(Duration.ofMillis(10)).listener(relayed::add).build().start();
                 OutboxRelay relayB = OutboxRelay.builder(storeB).owner("instance-b").batchSize(7)
                    .pollInterval(Duration.ofMillis(10)).listener(relayed::add).build().start()) {
                writeAndCheck(a, b, storeA, relayed);
            }
        }
    }

    private static void writeAndCheck(SupportDesk a, SupportDesk b, JdbcTicketStore storeA, List<TicketEvent> relayed)
            throws Exception {
        Actor agent = Actor.agent("agent-1", "Sipho");
        String shared = a.tickets().submit(Actor.requester("prov-0", "Thandi"),
                NewTicket.builder().subject("Shared").body("Everyone replies here").build()).ticketNumber().text();

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<List<String>>> futures = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            SupportDesk desk = t % 2 == 0 ? a : b;
            Actor provider = Actor.requester("prov-" + t, "Provider " + t);
            futures.add(pool.submit(() -> {
                List<String> numbers = new ArrayList<>();
                for (int i = 0; i < TICKETS_PER_THREAD; i++) {
                    numbers.add(desk.tickets().submit(provider, NewTicket.builder().subject("Question " + i)
                            .body("From " + provider.id()).build()).ticketNumber().text());
                    desk.tickets().reply(agent, shared, Reply.publicReply(provider.id() + " reply " + i));
                }
                return numbers;
            }));
        }
        List<String> numbers = new ArrayList<>();
        try {
            for (Future<List<String>> f : futures) {
                numbers.addAll(f.get(120, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }

        Set<String> distinct = new HashSet<>(numbers);
        assertThat(distinct).hasSize(THREADS * TICKETS_PER_THREAD).doesNotContain(shared);
        TicketDetails details = b.tickets().get(agent, shared);
        assertThat(details.messages()).hasSize(THREADS * TICKETS_PER_THREAD);
        assertThat(details.ticket().version()).isEqualTo(1 + THREADS * TICKETS_PER_THREAD);
        assertThat(a.tickets().queue(agent, TicketQuery.builder().limit(200).build()).items())
                .hasSize(THREADS * TICKETS_PER_THREAD + 1);

        int events = 1 + 2 * THREADS * TICKETS_PER_THREAD;
        await().atMost(Duration.ofSeconds(60)).until(() -> relayed.size() >= events && storeA.pendingCount() == 0);
        assertThat(relayed).hasSize(events);
        assertThat(relayed.stream().map(e -> e.type() + " " + e.ticket().number() + " " + e.at() + " "
                + (e.message() == null ? "" : e.message().id())).distinct()).hasSize(events);
        assertThat(relayed).filteredOn(e -> e.type() == TicketEvent.Type.REPLIED).hasSize(THREADS * TICKETS_PER_THREAD)
                .allSatisfy(e -> assertThat(e.message()).isNotNull());
    }
}
