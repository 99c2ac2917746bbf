package za.co.proconnectsa.support.whatsapp.inbox;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static za.co.proconnectsa.support.whatsapp.inbox.InboxFixture.THANDI;
import static za.co.proconnectsa.support.whatsapp.inbox.InboxFixture.textWebhook;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import za.co.proconnectsa.support.SupportDesk;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.conversation.ConversationMessage.Author;
import za.co.proconnectsa.support.conversation.ConversationQuery;
import za.co.proconnectsa.support.conversation.ConversationStatus;
import za.co.proconnectsa.support.conversation.MessageDelivery;
import za.co.proconnectsa.support.jdbc.JdbcTicketStore;
import za.co.proconnectsa.support.testing.SettableClock;
import za.co.proconnectsa.support.ticket.TicketStatus;
import za.co.proconnectsa.support.queue.JobWorker;
import za.co.proconnectsa.support.whatsapp.webhook.InboundMessageWorker;
import za.co.proconnectsa.support.whatsapp.webhook.WebhookReceiver;

/** The same inbox on the JDBC store (H2): webhooks survive a restart of the application. */
class InboxOnJdbcTest {

    private static final AtomicInteger N = new AtomicInteger();

    @RegisterExtension
    static final WireMockExtension GRAPH = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    @Test
    @DisplayName("escalation, the customer's follow-up and the agent's reply, then a restart: nothing is handled twice")
    void survivesRestart() {
        InboxFixture.graphAccepts(GRAPH);
        JdbcDataSource db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:inbox" + N.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
        SettableClock clock = SettableClock.at(Instant.parse("2026-03-02T08:00:00Z"));

        JdbcTicketStore store = JdbcTicketStore.create(db);
        SupportDesk desk = SupportDesk.builder().store(store).clock(clock).build();
        WhatsAppInbox inbox = WhatsAppInbox.builder().desk(desk).store(store).client(InboxFixture.client(GRAPH, clock))
                .build();
        InboundMessageWorker worker = InboundMessageWorker.builder(store, inbox).clock(clock).build();
        JobWorker sends = inbox.sendWorker().clock(clock).build();
        WebhookReceiver receiver = WebhookReceiver.builder().appSecret(InboxFixture.SECRET).queue(store)
                .onStored(() -> InboxFixture.drain(worker, sends)).clock(clock).build();

        byte[] first = textWebhook(THANDI, "Thandi Nkosi", "I get an error 500 on the leads page", clock.instant());
        assertThat(receiver.receive(first, InboxFixture.sign(first)).httpStatus()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(3));
        byte[] second = textWebhook(THANDI, "Thandi Nkosi", "Since this morning", clock.instant());
        assertThat(receiver.receive(second, InboxFixture.sign(second)).httpStatus()).isEqualTo(200);
        var conversation = store.queryConversations(ConversationQuery.builder().contact(THANDI).build()).items().get(0);
        assertThat(conversation.status()).isEqualTo(ConversationStatus.ESCALATED);
        String number = store.findById(conversation.ticketId()).orElseThrow().number().text();
        TicketReplyResult reply = inbox.replyOnTicket(Actor.agent("agent-3", "Sipho"), number, "We are on it");
        assertThat(reply.delivery()).isEqualTo(ReplyDelivery.QUEUED);
        InboxFixture.drain(sends);
        assertThat(store.findDelivery(reply.transcriptMessageId())).map(MessageDelivery::state)
                .contains(MessageDelivery.State.SENT);

        // a new application instance on the same database
        JdbcTicketStore restarted = JdbcTicketStore.create(db);
        SupportDesk desk2 = SupportDesk.builder().store(restarted).clock(clock).build();
        WhatsAppInbox inbox2 = WhatsAppInbox.builder().desk(desk2).store(restarted)
                .client(InboxFixture.client(GRAPH, clock)).build();
        InboundMessageWorker worker2 = InboundMessageWorker.builder(restarted, inbox2).clock(clock).build();
        JobWorker sends2 = inbox2.sendWorker().clock(clock).build();
        WebhookReceiver receiver2 = WebhookReceiver.builder().appSecret(InboxFixture.SECRET).queue(restarted)
                .onStored(() -> InboxFixture.drain(worker2, sends2)).clock(clock).build();
        assertThat(receiver2.receive(second, InboxFixture.sign(second)).duplicates()).isEqualTo(1);

        var details = inbox2.conversation(Actor.agent("agent-3", "Sipho"), conversation.number().text());
        assertThat(details.messages()).extracting(m -> m.author()).containsExactly(Author.CUSTOMER, Author.AUTOMATED,
                Author.CUSTOMER, Author.AGENT);
        var ticket = desk2.tickets().get(Actor.agent("agent-3", "Sipho"), number);
        assertThat(ticket.ticket().status()).isEqualTo(TicketStatus.OPEN);
        assertThat(ticket.messages()).extracting(m -> m.body()).containsExactly("Since this morning", "We are on it");
        assertThat(InboxFixture.textsTo(GRAPH, THANDI)).hasSize(2);
    }
}
