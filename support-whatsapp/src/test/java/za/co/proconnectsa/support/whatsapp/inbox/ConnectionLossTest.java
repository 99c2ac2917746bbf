package za.co.proconnectsa.support.whatsapp.inbox;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static za.co.proconnectsa.support.whatsapp.inbox.InboxFixture.THANDI;
import static za.co.proconnectsa.support.whatsapp.inbox.InboxFixture.textWebhook;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.zaxxer.hikari.HikariDataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;
import za.co.proconnectsa.support.StoreUnavailableException;
import za.co.proconnectsa.support.SupportDesk;
import za.co.proconnectsa.support.conversation.Conversation;
import za.co.proconnectsa.support.conversation.ConversationMessage.Author;
import za.co.proconnectsa.support.conversation.ConversationQuery;
import za.co.proconnectsa.support.jdbc.JdbcTicketStore;
import za.co.proconnectsa.support.jdbc.testdb.TestDatabases;
import za.co.proconnectsa.support.queue.JobWorker;
import za.co.proconnectsa.support.testing.SettableClock;
import za.co.proconnectsa.support.ticket.TicketQuery;
import za.co.proconnectsa.support.whatsapp.webhook.InboundMessageWorker;
import za.co.proconnectsa.support.whatsapp.webhook.WebhookReceiver;

/**
 * The database connection lost at every statement of applying an inbound message that becomes a ticket: on every
 * database the driver's statement fails as a dropped connection would (a failing data source), and on PostgreSQL the
 * server itself ends the session ({@code pg_terminate_backend}) just before the statement runs. Then the worker tries
 * again: one conversation, one transcript line, one ticket, the ticket number sent once.
 */
@ParameterizedClass(name = "{0}")
@ValueSource(strings = {"h2-mem:fail", "postgresql:fail", "mariadb:fail", "postgresql:terminate"})
class ConnectionLossTest {

    @RegisterExtension
    static final WireMockExtension GRAPH = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @Parameter
    String setup;
    private HikariDataSource pool;

    @AfterEach
    void closePool() {
        if (pool != null) {
            pool.close();
        }
    }

    @Test
    @DisplayName("the connection lost at each statement of applying a billing message, then the retry: one ticket, one line, one notice")
    void connectionLostAtEveryStatement() throws Exception {
        int statements = 0;
        for (int lostAt = 1; ; lostAt++) {
            if (pool != null) {
                pool.close();
            }
            pool = TestDatabases.named(setup.substring(0, setup.indexOf(':'))).freshDatabase();
            GRAPH.resetAll();
            InboxFixture.graphAccepts(GRAPH);
            Losing losing = new Losing(pool, setup.endsWith(":terminate"));
            JdbcTicketStore store = JdbcTicketStore.create(losing.dataSource());
            SettableClock clock = SettableClock.at(Instant.parse("2026-03-02T08:00:00Z"));
            SupportDesk desk = SupportDesk.builder().store(store).clock(clock).build();
            WhatsAppInbox inbox = WhatsAppInbox.builder().desk(desk).store(store)
                    .client(InboxFixture.client(GRAPH, clock)).build();
            InboundMessageWorker worker = InboundMessageWorker.builder(store, inbox).clock(clock).build();
            JobWorker sender = inbox.sendWorker().clock(clock).build();
            WebhookReceiver receiver = WebhookReceiver.builder().appSecret(InboxFixture.SECRET).queue(store)
                    .clock(clock).build();
            byte[] body = textWebhook(THANDI, "Thandi Nkosi", "I was charged twice for March, please refund",
                    clock.instant(), "wamid.lost." + lostAt);
            assertThat(receiver.receive(body, InboxFixture.sign(body)).accepted()).isEqualTo(1);

            losing.loseAt(lostAt);
            int applied;
            try {
                applied = worker.runOnce();
            } catch (StoreUnavailableException beforeTheUnit) {
                // the connection was lost while claiming: nothing was claimed
                applied = 0;
            }
            boolean lost = losing.disarm();
            if (!lost) {
                assertThat(applied).isEqualTo(1);
                statements = lostAt - 1;
                break;
            }
            assertThat(applied).as("the attempt that lost its connection").isZero();
            clock.advance(Duration.ofMinutes(1));
            assertThat(worker.runOnce()).as("the retry, statement %d lost before", lostAt).isEqualTo(1);
            while (sender.runOnce() > 0) {
                // deliver the ticket number
            }
            List<Conversation> conversations = store.queryConversations(ConversationQuery.builder().contact(THANDI)
                    .build()).items();
            assertThat(conversations).hasSize(1);
            assertThat(store.conversationMessages(conversations.get(0).id()))
                    .filteredOn(m -> m.author() == Author.CUSTOMER).hasSize(1);
            assertThat(store.query(TicketQuery.builder().build()).items()).hasSize(1);
            assertThat(InboxFixture.textsTo(GRAPH, THANDI)).as("notices, statement %d lost", lostAt).hasSize(1);
            assertThat(store.pendingJobs(WebhookReceiver.INBOUND_KIND)).isZero();
            assertThat(store.deadJobs(WebhookReceiver.INBOUND_KIND, 0, 10)).isEmpty();
        }
        assertThat(statements).as("statements of applying the message").isGreaterThan(10);
    }

    /** A data source whose connections lose their session at the N-th statement executed while armed. */
    private static final class Losing {
        private final HikariDataSource pool;
        private final boolean terminate;
        private final AtomicInteger executed = new AtomicInteger();
        private volatile int lostAt;
        private volatile boolean lost;

        Losing(HikariDataSource pool, boolean terminate) {
            this.pool = pool;
            this.terminate = terminate;
        }

        void loseAt(int statement) {
            executed.set(0);
            lost = false;
            lostAt = statement;
        }

        boolean disarm() {
            lostAt = 0;
            return lost;
        }

        DataSource dataSource() {
            return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                    (proxy, method, args) -> {
                        Object result = invoke(pool, method, args);
                        return method.getName().equals("getConnection") ? connection((Connection) result) : result;
                    });
        }

        private Connection connection(Connection real) {
            return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, args) -> {
                        Object result = invoke(real, method, args);
                        if (result instanceof Statement statement && !method.getName().equals("unwrap")) {
                            return statement(statement, real, method.getReturnType());
                        }
                        return result;
                    });
        }

        private Object statement(Statement real, Connection connection, Class<?> type) {
            return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
                if (method.getName().startsWith("execute") && lostAt > 0 && executed.incrementAndGet() == lostAt) {
                    lost = true;
                    if (terminate) {
                        terminate(connection);
                    } else {
                        throw new SQLException("Connection reset (simulated at statement " + lostAt + ")", "08006");
                    }
                }
                return invoke(real, method, args);
            });
        }

        /** Asks the server, from another session, to end this connection's session now. */
        private void terminate(Connection connection) throws SQLException {
            int pid;
            try (Statement st = connection.unwrap(Connection.class).createStatement();
                    ResultSet rs = st.executeQuery("SELECT pg_backend_pid()")) {
                rs.next();
                pid = rs.getInt(1);
            }
            try (Connection admin = pool.getConnection(); Statement st = admin.createStatement()) {
                st.execute("SELECT pg_terminate_backend(" + pid + ")");
            }
        }

        private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}
