package za.co.proconnectsa.support.whatsapp.inbox;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static za.co.proconnectsa.support.whatsapp.inbox.InboxFixture.THANDI;
import static za.co.proconnectsa.support.whatsapp.inbox.InboxFixture.textWebhook;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;
import za.co.proconnectsa.support.SupportDesk;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.conversation.Conversation;
import za.co.proconnectsa.support.conversation.ConversationMessage;
import za.co.proconnectsa.support.conversation.ConversationQuery;
import za.co.proconnectsa.support.jdbc.JdbcTicketStore;
import za.co.proconnectsa.support.spi.ConversationStore;
import za.co.proconnectsa.support.spi.WorkQueue;
import za.co.proconnectsa.support.spi.TicketStore;
import za.co.proconnectsa.support.store.InMemoryTicketStore;
import za.co.proconnectsa.support.testing.SettableClock;
import za.co.proconnectsa.support.ticket.Ticket;
import za.co.proconnectsa.support.queue.JobWorker;
import za.co.proconnectsa.support.whatsapp.webhook.InboundMessageWorker;
import za.co.proconnectsa.support.whatsapp.webhook.WebhookReceiver;

/**
 * The inbox keeps a customer's emoji, right-to-left and combining text and profile name exactly, into the
 * transcript and the escalated ticket, and refuses an agent's text no store keeps before anything is sent.
 */
@ParameterizedClass(name = "{0}")
@ValueSource(strings = {"memory", "h2"})
class InboxHostileTextTest {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final String NAME = "Jürgen 🇿🇦 \u202Eznalp\u202C";
    private static final String TEXT = "I get an error 500 on the leads page 👨\u200D👩\u200D👧 e\u0301 مرحبا\nsecond line";

    @RegisterExtension
    static final WireMockExtension GRAPH = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    @Parameter
    String storeKind;

    private final SettableClock clock = SettableClock.at(Instant.parse("2026-03-02T08:00:00Z"));
    private final Actor agent = Actor.agent("agent-3", "Sipho");
    private TicketStore store;
    private WhatsAppInbox inbox;
    private WebhookReceiver receiver;

    @BeforeEach
    void setUp() {
        InboxFixture.graphAccepts(GRAPH);
        if (storeKind.equals("memory")) {
            store = InMemoryTicketStore.create();
        } else {
            JdbcDataSource db = new JdbcDataSource();
            db.setURL("jdbc:h2:mem:inbox-text" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
            store = JdbcTicketStore.create(db);
        }
        SupportDesk desk = SupportDesk.builder().store(store).clock(clock).build();
        inbox = WhatsAppInbox.builder().desk(desk).store(store).client(InboxFixture.client(GRAPH, clock)).build();
        InboundMessageWorker worker = InboundMessageWorker.builder(store, inbox).clock(clock).build();
        JobWorker sends = inbox.sendWorker().clock(clock).build();
        receiver = WebhookReceiver.builder().appSecret(InboxFixture.SECRET).queue((WorkQueue) store)
                .onStored(() -> InboxFixture.drain(worker, sends)).clock(clock).build();
    }

    private Conversation thandisConversation() {
        return ((ConversationStore) store).queryConversations(ConversationQuery.builder().contact(THANDI).build())
                .items().get(0);
    }

    @Test
    @DisplayName("a customer's Unicode text and name reach the transcript and the escalated ticket exactly")
    void unicodeKept() {
        byte[] body = textWebhook(THANDI, NAME, TEXT, clock.instant());
        assertThat(receiver.receive(body, InboxFixture.sign(body)).accepted()).isEqualTo(1);

        Conversation conversation = thandisConversation();
        assertThat(conversation.contactName()).isEqualTo(NAME);
        ConversationMessage first = ((ConversationStore) store).conversationMessages(conversation.id()).get(0);
        assertThat(first.body()).isEqualTo(TEXT);
        assertThat(first.authorName()).isEqualTo(NAME);
        assertThat(conversation.ticketId()).as("escalated").isNotNull();
        Ticket ticket = store.findById(conversation.ticketId()).orElseThrow();
        assertThat(ticket.body()).contains(NAME + ": " + TEXT);
        assertThat(ticket.subject()).startsWith("WhatsApp: I get an error 500");
    }

    @Test
    @DisplayName("an agent's text with NUL, a control character or a lone surrogate is refused before anything is sent")
    void agentTextRefusedBeforeSending() {
        byte[] body = textWebhook(THANDI, "Thandi", "Quick question about payouts", clock.instant());
        receiver.receive(body, InboxFixture.sign(body));
        String number = thandisConversation().number().text();
        int sentBefore = InboxFixture.sent(GRAPH).size();

        for (String bad : new String[] {"Hello\u0000", "Hello \uD83D", "bell \u0007", "C1 \u0085"}) {
            assertThatThrownBy(() -> inbox.reply(agent, number, bad)).isInstanceOfSatisfying(
                    InvalidInputException.class, e -> assertThat(e.fieldErrors()).extracting(f -> f.field()).contains("text"));
        }
        assertThatThrownBy(() -> inbox.conversation(agent, number + "\u0000")).isInstanceOfSatisfying(
                InvalidInputException.class, e -> assertThat(e.fieldErrors()).extracting(f -> f.field())
                        .contains("conversationNumber"));
        assertThat(InboxFixture.sent(GRAPH)).hasSize(sentBefore);
    }
}
