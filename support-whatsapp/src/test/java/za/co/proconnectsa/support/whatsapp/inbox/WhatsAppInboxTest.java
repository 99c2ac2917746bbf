package za.co.proconnectsa.support.whatsapp.inbox;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static za.co.proconnectsa.support.whatsapp.inbox.InboxFixture.THANDI;
import static za.co.proconnectsa.support.whatsapp.inbox.InboxFixture.THANDI_MASKED;
import static za.co.proconnectsa.support.whatsapp.inbox.InboxFixture.textWebhook;
import static za.co.proconnectsa.support.whatsapp.inbox.InboxFixture.textsTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import za.co.proconnectsa.support.SupportDesk;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.access.AccessDeniedException;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.conversation.Conversation;
import za.co.proconnectsa.support.conversation.ConversationMessage;
import za.co.proconnectsa.support.conversation.MessageDelivery;
import za.co.proconnectsa.support.conversation.ConversationMessage.Author;
import za.co.proconnectsa.support.conversation.ConversationNotFoundException;
import za.co.proconnectsa.support.conversation.ConversationQuery;
import za.co.proconnectsa.support.conversation.ConversationStatus;
import za.co.proconnectsa.support.store.InMemoryTicketStore;
import za.co.proconnectsa.support.testing.SettableClock;
import za.co.proconnectsa.support.ticket.Category;
import za.co.proconnectsa.support.ticket.Message;
import za.co.proconnectsa.support.ticket.NewTicket;
import za.co.proconnectsa.support.ticket.OriginChannel;
import za.co.proconnectsa.support.ticket.Ticket;
import za.co.proconnectsa.support.ticket.TicketDetails;
import za.co.proconnectsa.support.ticket.TicketStatus;
import za.co.proconnectsa.support.ticket.Visibility;
import za.co.proconnectsa.support.whatsapp.automation.AutoReply;
import za.co.proconnectsa.support.whatsapp.automation.AutoResponder;
import za.co.proconnectsa.support.whatsapp.automation.FaqEntry;
import za.co.proconnectsa.support.whatsapp.automation.ResponseTemplate;
import za.co.proconnectsa.support.whatsapp.automation.ResponseTemplates;
import za.co.proconnectsa.support.whatsapp.cloud.SendOutcome;
import za.co.proconnectsa.support.whatsapp.webhook.WebhookReceipt;
import za.co.proconnectsa.support.queue.JobWorker;
import za.co.proconnectsa.support.whatsapp.webhook.InboundMessageWorker;
import za.co.proconnectsa.support.whatsapp.webhook.WebhookReceiver;

/**
 * The inbox end to end: signed webhook bodies through the real receiver, the in-memory store, the real Cloud API
 * client talking to WireMock. Monday 2 March 2026, 10:00 in Johannesburg: support is open.
 */
class WhatsAppInboxTest {

    private static final Instant MONDAY_10AM = Instant.parse("2026-03-02T08:00:00Z");
    private static final Actor AGENT = Actor.agent("agent-3", "Sipho (Support)");

    @RegisterExtension
    static final WireMockExtension GRAPH = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    private final SettableClock clock = SettableClock.at(MONDAY_10AM);
    private InMemoryTicketStore store;
    private SupportDesk desk;
    private WhatsAppInbox inbox;
    private WebhookReceiver receiver;
    private JobWorker sender;

    @BeforeEach
    void setUp() {
        GRAPH.resetAll();
        InboxFixture.graphAccepts(GRAPH);
        store = InMemoryTicketStore.create();
        desk = SupportDesk.builder().store(store).clock(clock).build();
        inbox = inbox(WhatsAppInbox.builder());
    }

    private WhatsAppInbox inbox(WhatsAppInbox.Builder builder) {
        WhatsAppInbox built = builder.desk(desk).store(store).client(InboxFixture.client(GRAPH, clock))
                .automationName("ProConnect Support")
                .autoResponder(AutoResponder.builder()
                        .faq(FaqEntry.of("registration", "To register you need your ID and a proof of address.",
                                "documents", "register", "sign up"))
                        .faq(FaqEntry.of("service-areas", "Add service areas under Profile > Areas.", "service area",
                                "service areas", "areas"))
                        .businessHours(desk.businessHours())
                        .build())
                .build();
        InboundMessageWorker worker = InboundMessageWorker.builder(store, built).clock(clock).build();
        JobWorker sends = built.sendWorker().clock(clock).build();
        sender = sends;
        receiver = WebhookReceiver.builder().appSecret(InboxFixture.SECRET).queue(store)
                .onStored(() -> InboxFixture.drain(worker, sends)).clock(clock).build();
        return built;
    }

    /** Delivers a body through the receiver, as the servlet would. */
    private WebhookReceipt deliver(byte[] body) {
        WebhookReceipt receipt = receiver.receive(body, InboxFixture.sign(body));
        assertThat(receipt.httpStatus()).as("HTTP status answered to Meta").isEqualTo(200);
        return receipt;
    }

    private InboundResult say(String text) {
        InboundResult result = inbox.ingest(za.co.proconnectsa.support.whatsapp.webhook.WhatsAppWebhook.parse(
                textWebhook(THANDI, "Thandi Nkosi", text, clock.instant())).stream()
                .filter(e -> e instanceof za.co.proconnectsa.support.whatsapp.webhook.InboundMessage)
                .map(e -> (za.co.proconnectsa.support.whatsapp.webhook.InboundMessage) e).findFirst().orElseThrow());
        InboxFixture.drain(sender);
        return result;
    }

    private Conversation only() {
        List<Conversation> all = store.queryConversations(ConversationQuery.builder().contact(THANDI).build()).items();
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    @Nested
    @DisplayName("quick questions")
    class QuickQuestions {

        @Test
        @DisplayName("an FAQ question is answered on WhatsApp and both messages are in the numbered conversation")
        void faqAnswered() {
            deliver(textWebhook(THANDI, "Thandi Nkosi", "Hi! How do I add a service area?", clock.instant()));

            assertThat(textsTo(GRAPH, THANDI)).containsExactly("Add service areas under Profile > Areas.");
            Conversation c = only();
            assertThat(c.number().text()).isEqualTo("WA-000001");
            assertThat(c.status()).isEqualTo(ConversationStatus.OPEN);
            assertThat(c.requesterId()).isEqualTo("wa:" + THANDI);
            assertThat(store.conversationMessages(c.id())).extracting(ConversationMessage::author, ConversationMessage::body)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(Author.CUSTOMER, "Hi! How do I add a service area?"),
                            org.assertj.core.groups.Tuple.tuple(Author.AUTOMATED, "Add service areas under Profile > Areas."));
            // recorded when queued, in the unit of the message that caused it; the send worker delivered it
            assertThat(store.conversationMessages(c.id()).get(1).id()).startsWith("out.");
            assertThat(store.query(za.co.proconnectsa.support.ticket.TicketQuery.builder().build()).items()).isEmpty();
        }

        @Test
        @DisplayName("a question no FAQ entry knows waits for an agent during hours: nothing is sent")
        void waitsForAgent() {
            InboundResult result = say("Hello, is Sipho working today?");
            assertThat(result.outcome()).isEqualTo(InboundResult.Outcome.WAITING_FOR_AGENT);
            assertThat(result.autoReply()).isInstanceOfSatisfying(AutoReply.Silent.class,
                    s -> assertThat(s.reason()).isEqualTo(AutoReply.Reason.NO_MATCH));
            assertThat(InboxFixture.sent(GRAPH)).isEmpty();
        }

        @Test
        @DisplayName("after hours the notice gives the hours and the next opening, once a closed period")
        void outOfHours() {
            clock.set(Instant.parse("2026-03-06T17:30:00Z")); // Friday 19:30 in Johannesburg
            InboundResult first = say("Hello, anyone there?");
            assertThat(first.outcome()).isEqualTo(InboundResult.Outcome.AUTO_REPLIED);
            assertThat(textsTo(GRAPH, THANDI)).containsExactly("Thanks Thandi Nkosi, we are closed right now. Our hours "
                    + "are Mon-Fri 8am-6pm; we will reply from Mon 9 Mar at 8:00am.");

            clock.advance(Duration.ofHours(20)); // Saturday
            InboundResult second = say("Hello??");
            assertThat(second.autoReply()).isInstanceOfSatisfying(AutoReply.Silent.class,
                    s -> assertThat(s.reason()).isEqualTo(AutoReply.Reason.ALREADY_NOTIFIED));
            assertThat(textsTo(GRAPH, THANDI)).hasSize(1);

            clock.set(Instant.parse("2026-03-09T17:00:00Z")); // Monday 19:00: a new closed period
            assertThat(say("Me again").outcome()).isEqualTo(InboundResult.Outcome.AUTO_REPLIED);
            assertThat(textsTo(GRAPH, THANDI)).hasSize(2).last().asString().contains("Tue 10 Mar at 8:00am");
        }

        @Test
        @DisplayName("loop guards: at most 3 automated replies a day, none to an auto-reply")
        void loopGuards() {
            for (int i = 0; i < 5; i++) {
                say("Which documents do I need? (" + i + ")");
                clock.advance(Duration.ofMinutes(1));
            }
            assertThat(textsTo(GRAPH, THANDI)).hasSize(3);
            clock.advance(Duration.ofHours(24));
            assertThat(say("This is an automated message: out of office until Monday. Documents?").autoReply())
                    .isInstanceOfSatisfying(AutoReply.Silent.class,
                            s -> assertThat(s.reason()).isEqualTo(AutoReply.Reason.AUTOMATED_MESSAGE));
            assertThat(say("Sorry about that. Which documents do I need?").outcome())
                    .isEqualTo(InboundResult.Outcome.AUTO_REPLIED);
            assertThat(textsTo(GRAPH, THANDI)).hasSize(4);
        }

        @Test
        @DisplayName("a status update is never answered")
        void statusNotAnswered() {
            byte[] status = ("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\",\"changes\":[{\"field\":"
                    + "\"messages\",\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":"
                    + "\"27679518124\",\"phone_number_id\":\"106540352242922\"},\"statuses\":[{\"id\":\"wamid.out.1\","
                    + "\"status\":\"read\",\"timestamp\":\"1772438400\",\"recipient_id\":\"27679518124\"}]}}]}]}")
                    .getBytes(StandardCharsets.UTF_8);
            WebhookReceipt receipt = deliver(status);
            assertThat(receipt.statusesApplied()).isEqualTo(1);
            assertThat(InboxFixture.sent(GRAPH)).isEmpty();
            assertThat(store.queryConversations(ConversationQuery.builder().build()).items()).isEmpty();
        }
    }

    @Nested
    @DisplayName("escalation")
    class Escalation {

        @Test
        @DisplayName("a billing message becomes a WhatsApp ticket with the transcript; the number goes back to the customer")
        void billingEscalates() {
            say("Hi there");
            clock.advance(Duration.ofMinutes(2));
            InboundResult result = say("My invoice INV-2291 was charged twice, please refund");

            assertThat(result.outcome()).isEqualTo(InboundResult.Outcome.ESCALATED);
            String number = result.ticketNumber().text();
            TicketDetails ticket = desk.tickets().get(AGENT, number);
            assertThat(ticket.ticket().origin()).isEqualTo(OriginChannel.WHATSAPP);
            assertThat(ticket.ticket().category()).isEqualTo(Category.BILLING);
            assertThat(ticket.ticket().requesterId()).isEqualTo("wa:" + THANDI);
            assertThat(ticket.ticket().subject()).isEqualTo("WhatsApp: My invoice INV-2291 was charged twice, please refund");
            assertThat(ticket.ticket().body())
                    .startsWith("WhatsApp conversation WA-000001 with Thandi Nkosi (" + THANDI_MASKED + ")")
                    .contains("[Mon 2 Mar 10:00] Thandi Nkosi: Hi there")
                    .contains("[Mon 2 Mar 10:02] Thandi Nkosi: My invoice INV-2291 was charged twice, please refund")
                    .doesNotContain(THANDI);
            assertThat(ticket.ticket().tags()).contains("whatsapp");

            assertThat(textsTo(GRAPH, THANDI)).containsExactly("Thanks Thandi Nkosi, we have opened ticket " + number
                    + " for this so nothing gets lost. We will reply here; please quote " + number
                    + " if you contact us another way.");
            Conversation c = only();
            assertThat(c.status()).isEqualTo(ConversationStatus.ESCALATED);
            assertThat(c.ticketId()).isEqualTo(ticket.ticket().id());
            // the provider sees it among their tickets too: the requester id is the contact's
            assertThat(desk.tickets().myTickets(Actor.requester("wa:" + THANDI, "Thandi"),
                    za.co.proconnectsa.support.ticket.TicketQuery.builder().build()).items()).hasSize(1);
        }

        @Test
        @DisplayName("on a desk that assigns on submit, the escalated ticket goes to an agent who handles its category, in the unit that files it")
        void escalationAssigned() {
            desk = SupportDesk.builder().store(store).clock(clock).autoAssign(true)
                    .assignmentStrategy(za.co.proconnectsa.support.assignment.AssignmentStrategy.leastLoaded()
                            .onlyMatchingCategory())
                    .build();
            inbox = inbox(WhatsAppInbox.builder());
            Actor lead = Actor.admin("lead-1", "Lerato");
            desk.assignment().saveAgent(lead, za.co.proconnectsa.support.assignment.Agent.builder("agent-7", "Tech")
                    .categories(Category.TECHNICAL).build());
            desk.assignment().saveAgent(lead, za.co.proconnectsa.support.assignment.Agent.builder("agent-9", "Billing")
                    .categories(Category.BILLING).build());

            String number = say("My invoice INV-2291 was charged twice, please refund").ticketNumber().text();

            Ticket ticket = desk.tickets().get(AGENT, number).ticket();
            assertThat(ticket.origin()).isEqualTo(OriginChannel.WHATSAPP);
            assertThat(ticket.assigneeId()).isEqualTo("agent-9");
            assertThat(store.auditTrail(ticket.id())).filteredOn(e -> e.action()
                    == za.co.proconnectsa.support.ticket.AuditAction.ASSIGNED).singleElement()
                    .satisfies(e -> assertThat(e.actor())
                            .isEqualTo(za.co.proconnectsa.support.assignment.AssignmentService.AUTOMATIC));
        }

        @Test
        @DisplayName("later messages become the customer's replies on the ticket, without automated answers")
        void laterMessagesReachTicket() {
            String number = say("The app crashes when I open messages").ticketNumber().text();
            clock.advance(Duration.ofMinutes(5));
            InboundResult more = say("It happens on my Samsung too. Which documents do you need?");
            assertThat(more.outcome()).isEqualTo(InboundResult.Outcome.ADDED_TO_TICKET);
            assertThat(more.ticketNumber().text()).isEqualTo(number);
            assertThat(desk.tickets().get(AGENT, number).messages()).extracting(Message::body)
                    .containsExactly("It happens on my Samsung too. Which documents do you need?");
            assertThat(textsTo(GRAPH, THANDI)).hasSize(1);
        }

        @Test
        @DisplayName("a screenshot is a case file: it escalates; the caption is the transcript text (the file is an attachment)")
        void imageEscalates() {
            deliver(InboxFixture.imageWebhook(THANDI, "Thandi Nkosi", "see this", clock.instant()));
            Conversation c = only();
            assertThat(c.status()).isEqualTo(ConversationStatus.ESCALATED);
            Ticket t = store.findById(c.ticketId()).orElseThrow();
            assertThat(t.body()).contains("Thandi Nkosi: see this");
        }

        @Test
        @DisplayName("an agent escalates a quick chat; escalating it twice is refused with its ticket number")
        void agentEscalates() {
            say("Hello, a question about my profile");
            Conversation c = only();
            EscalationResult result = inbox.escalate(AGENT, c.number().text(), Category.ACCOUNT);
            assertThat(result.receipt().outcome()).isEqualTo(za.co.proconnectsa.support.ticket.SubmissionReceipt.Outcome.CREATED);
            assertThat(result.notice()).as("queued, delivered by the send worker").isEmpty();
            Ticket t = store.findById(result.conversation().ticketId()).orElseThrow();
            InboxFixture.drain(sender);
            assertThat(textsTo(GRAPH, THANDI)).last().asString().contains(t.number().text());
            assertThat(t.category()).isEqualTo(Category.ACCOUNT);
            assertThat(t.requesterId()).isEqualTo("wa:" + THANDI);
            assertThat(store.auditTrail(t.id()).get(0).actor()).isEqualTo(AGENT);
            assertThatThrownBy(() -> inbox.escalate(AGENT, c.number().text(), Category.ACCOUNT))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("already ticket " + t.number());
        }

        @Test
        @DisplayName("once the ticket is closed, the next message starts a new conversation")
        void closedTicketStartsOver() {
            String number = say("I was billed twice").ticketNumber().text();
            desk.tickets().changeStatus(AGENT, number, TicketStatus.RESOLVED);
            desk.tickets().changeStatus(AGENT, number, TicketStatus.CLOSED);
            InboundResult next = say("Hi again, a quick question");
            assertThat(next.conversation().number().text()).isEqualTo("WA-000002");
            assertThat(store.queryConversations(ConversationQuery.builder().contact(THANDI).build()).items())
                    .extracting(Conversation::status).containsExactly(ConversationStatus.OPEN, ConversationStatus.CLOSED);
        }
    }

    @Nested
    @DisplayName("reference codes")
    class References {

        @Test
        @DisplayName("a chat started from the requester's own ticket page joins that ticket")
        void joinsOwnTicket() {
            String number = desk.tickets().submit(Actor.requester("wa:" + THANDI, "Thandi"), NewTicket.builder()
                    .subject("Quote PDF does not download").body("The button does nothing").build()).ticketNumber().text();
            InboundResult result = say("Any news on this? [ref: " + number + "]");

            assertThat(result.outcome()).isEqualTo(InboundResult.Outcome.JOINED_TICKET);
            assertThat(desk.tickets().get(AGENT, number).messages()).extracting(Message::body)
                    .containsExactly("Any news on this?");
            assertThat(only().ticketId()).isEqualTo(result.conversation().ticketId());
            assertThat(textsTo(GRAPH, THANDI)).containsExactly("Thanks Thandi Nkosi, we have added your message to ticket "
                    + number + ".");
        }

        @Test
        @DisplayName("someone else's ticket number is not followed: nothing reaches that ticket")
        void foreignTicketIgnored() {
            String number = desk.tickets().submit(Actor.requester("provider-99", "Someone Else"), NewTicket.builder()
                    .subject("Private matter").body("Not for Thandi").build()).ticketNumber().text();
            InboundResult result = say("What is happening with ref " + number + "?");
            assertThat(result.outcome()).isNotEqualTo(InboundResult.Outcome.JOINED_TICKET);
            assertThat(result.ticketNumber()).isNull();
            assertThat(desk.tickets().get(AGENT, number).messages()).isEmpty();
            assertThat(textsTo(GRAPH, THANDI)).noneMatch(t -> t.contains(number));
        }

        @Test
        @DisplayName("someone else's ticket number is plain text: the new conversation keeps no reference")
        void foreignTicketNotKept() {
            String number = desk.tickets().submit(Actor.requester("provider-99", "Someone Else"), NewTicket.builder()
                    .subject("Private matter").body("Not for Thandi").build()).ticketNumber().text();
            InboundResult result = say("Hi, is there news? [ref: " + number + "]");
            assertThat(result.conversation().reference()).isNull();
            assertThat(only().reference()).isNull();
            assertThat(store.conversationMessages(only().id())).extracting(ConversationMessage::body)
                    .containsExactly("Hi, is there news? [ref: " + number + "]");
            assertThat(desk.tickets().get(AGENT, number).messages()).isEmpty();
        }

        @Test
        @DisplayName("an unknown ticket number is plain text too, so a foreign one cannot be told from it")
        void unknownTicketNotKept() {
            InboundResult result = say("Hi, is there news? [ref: PCS-999999]");
            assertThat(result.outcome()).isNotEqualTo(InboundResult.Outcome.JOINED_TICKET);
            assertThat(only().reference()).isNull();
        }

        @Test
        @DisplayName("a page code is kept on the conversation, so agents see where the chat started")
        void pageCodeKept() {
            say("Hi, I have a quick question: [ref: REF-7K3Q9]");
            assertThat(only().reference()).isEqualTo("REF-7K3Q9");
        }
    }

    @Nested
    @DisplayName("agents")
    class Agents {

        @Test
        @DisplayName("a reply on a WhatsApp ticket inside the window goes out as text and into the transcript")
        void replyInsideWindow() {
            String number = say("My payout is missing, it was not paid out").ticketNumber().text();
            clock.advance(Duration.ofHours(2));
            int before = InboxFixture.sent(GRAPH).size();
            TicketReplyResult result = inbox.replyOnTicket(AGENT, number, "We found it, it pays out tomorrow.");
            assertThat(result.delivery()).isEqualTo(ReplyDelivery.QUEUED);
            assertThat(InboxFixture.sent(GRAPH)).as("nothing is sent on the agent's thread").hasSize(before);
            String line = result.transcriptLine().orElseThrow();
            assertThat(inbox.delivery(AGENT, line)).map(MessageDelivery::state).contains(MessageDelivery.State.QUEUED);
            InboxFixture.drain(sender);
            assertThat(textsTo(GRAPH, THANDI)).last().isEqualTo("We found it, it pays out tomorrow.");
            assertThat(store.conversationMessages(only().id())).last()
                    .satisfies(m -> assertThat(m.id()).isEqualTo(line))
                    .satisfies(m -> assertThat(m.author()).isEqualTo(Author.AGENT))
                    .satisfies(m -> assertThat(m.authorName()).isEqualTo("Sipho (Support)"));
            assertThat(inbox.delivery(AGENT, line)).hasValueSatisfying(d -> {
                assertThat(d.state()).isEqualTo(MessageDelivery.State.SENT);
                assertThat(d.providerMessageId()).startsWith("wamid.");
            });
            InboxFixture.drain(sender);
            assertThat(textsTo(GRAPH, THANDI)).as("sent once").filteredOn("We found it, it pays out tomorrow."::equals)
                    .hasSize(1);
            assertThat(desk.tickets().get(AGENT, number).ticket().status()).isEqualTo(TicketStatus.OPEN);
        }

        @Test
        @DisplayName("outside the window nothing is sent and an internal note tells the other agents why")
        void windowClosedWithoutTemplate() {
            String number = say("My payout is missing").ticketNumber().text();
            int before = InboxFixture.sent(GRAPH).size();
            clock.advance(Duration.ofHours(25));
            TicketReplyResult result = inbox.replyOnTicket(AGENT, number, "Sorry for the delay!");
            assertThat(result.delivery()).isEqualTo(ReplyDelivery.WINDOW_CLOSED);
            assertThat(result.refusal()).isInstanceOf(SendOutcome.RequiresTemplate.class);
            assertThat(result.transcriptLine()).isEmpty();
            InboxFixture.drain(sender);
            assertThat(InboxFixture.sent(GRAPH)).hasSize(before);
            List<Message> messages = desk.tickets().get(AGENT, number).messages();
            assertThat(messages).extracting(Message::body).contains("Sorry for the delay!");
            assertThat(messages).filteredOn(m -> m.visibility() == Visibility.INTERNAL).singleElement()
                    .satisfies(m -> assertThat(m.body()).contains("not sent on WhatsApp").contains("approved template"));
            // the requester never sees the note
            assertThat(desk.tickets().myTicket(Actor.requester("wa:" + THANDI, "Thandi"), number).messages())
                    .noneMatch(m -> m.body().contains("not sent on WhatsApp"));
        }

        @Test
        @DisplayName("outside the window, a configured approved template with the ticket number is sent instead")
        void windowClosedWithTemplate() {
            inbox = inbox(WhatsAppInbox.builder().windowClosedTemplate("ticket_update", "en"));
            String number = say("My payout is missing").ticketNumber().text();
            clock.advance(Duration.ofHours(30));
            TicketReplyResult result = inbox.replyOnTicket(AGENT, number, "Sorry for the delay!");
            assertThat(result.delivery()).isEqualTo(ReplyDelivery.TEMPLATE_QUEUED);
            InboxFixture.drain(sender);
            assertThat(inbox.delivery(AGENT, result.transcriptMessageId())).map(MessageDelivery::state)
                    .contains(MessageDelivery.State.SENT);
            JsonNode template = InboxFixture.sent(GRAPH).get(InboxFixture.sent(GRAPH).size() - 1);
            assertThat(template.path("type").asText()).isEqualTo("template");
            assertThat(template.path("template").path("name").asText()).isEqualTo("ticket_update");
            assertThat(template.toString()).contains(number);
        }

        @Test
        @DisplayName("a refused send (undeliverable) is FAILED with an internal note; the reply stays on the ticket")
        void refusedSend() {
            String number = say("My payout is missing").ticketNumber().text();
            GRAPH.stubFor(post(urlEqualTo(InboxFixture.PATH)).willReturn(aResponse().withStatus(400)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"error\":{\"message\":\"(#131026) Message undeliverable\",\"type\":\"OAuthException\","
                            + "\"code\":131026,\"fbtrace_id\":\"AbCdEf\"}}")));
            TicketReplyResult result = inbox.replyOnTicket(AGENT, number, "Can you check your app version?");
            assertThat(result.delivery()).isEqualTo(ReplyDelivery.QUEUED);
            InboxFixture.drain(sender);
            assertThat(inbox.delivery(AGENT, result.transcriptMessageId())).hasValueSatisfying(d -> {
                assertThat(d.state()).isEqualTo(MessageDelivery.State.FAILED);
                assertThat(d.detail()).contains("131026");
            });
            assertThat(desk.tickets().get(AGENT, number).messages()).filteredOn(m -> m.visibility() == Visibility.INTERNAL)
                    .singleElement().satisfies(m -> assertThat(m.body()).contains("131026"));
        }

        @Test
        @DisplayName("a reply on a web ticket is stored only")
        void webTicket() {
            String number = desk.tickets().submit(Actor.requester("provider-17", "Thandi"), NewTicket.builder()
                    .subject("Quote PDF").body("Does not download").build()).ticketNumber().text();
            assertThat(inbox.replyOnTicket(AGENT, number, "Fixed").delivery())
                    .isEqualTo(ReplyDelivery.NOT_ON_WHATSAPP);
            assertThat(InboxFixture.sent(GRAPH)).isEmpty();
        }

        @Test
        @DisplayName("agents chat in an open conversation and use quick responses with {name}; requesters may not")
        void chatAndTemplates() {
            say("Hello, is Sipho working today?");
            String conversation = only().number().text();
            assertThat(inbox.reply(AGENT, conversation, "Yes, he is in until 5.").delivery()).isEqualTo(ReplyDelivery.QUEUED);
            InboxFixture.drain(sender);

            inbox = inbox(WhatsAppInbox.builder().templates(ResponseTemplates.defaults()
                    .with(ResponseTemplate.of("thanks", "Thanks {name}! Anything else about {topic}?"))));
            assertThat(inbox.replyWithTemplate(AGENT, conversation, "thanks", Map.of("topic", "your profile")).delivery())
                    .isEqualTo(ReplyDelivery.QUEUED);
            InboxFixture.drain(sender);
            assertThat(textsTo(GRAPH, THANDI)).containsExactly("Yes, he is in until 5.",
                    "Thanks Thandi Nkosi! Anything else about your profile?");
            assertThatThrownBy(() -> inbox.replyWithTemplate(AGENT, conversation, "thanks", Map.of()))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("{topic}");
            assertThat(textsTo(GRAPH, THANDI)).hasSize(2);
            // {name} is the conversation's, whatever the caller passes
            inbox.replyWithTemplate(AGENT, conversation, "thanks", Map.of("topic", "x", "name", "Someone Else"));
            InboxFixture.drain(sender);
            assertThat(textsTo(GRAPH, THANDI)).last().asString().startsWith("Thanks Thandi Nkosi!");

            Actor provider = Actor.requester("wa:" + THANDI, "Thandi");
            assertThatThrownBy(() -> inbox.conversations(provider, ConversationQuery.builder().build()))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> inbox.reply(provider, conversation, "hi")).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> inbox.conversation(AGENT, "WA-999999")).isInstanceOf(ConversationNotFoundException.class);

            ConversationDetails details = inbox.conversation(AGENT, conversation);
            assertThat(details.messages()).extracting(ConversationMessage::author)
                    .containsExactly(Author.CUSTOMER, Author.AGENT, Author.AGENT, Author.AGENT);
            assertThat(details.window().isOpen()).isTrue();
            assertThat(inbox.close(AGENT, conversation).status()).isEqualTo(ConversationStatus.CLOSED);
            assertThat(say("New question").conversation().number().text()).isEqualTo("WA-000002");
        }

        @Test
        @DisplayName("the inbox's own texts are checked when it is built: an unknown placeholder is refused then")
        void textsCheckedAtBuild() {
            assertThatThrownBy(() -> WhatsAppInbox.builder().desk(desk).store(store)
                    .client(InboxFixture.client(GRAPH, clock))
                    .templates(ResponseTemplates.defaults().with(ResponseTemplate.of("escalated",
                            "Ticket {ticket} opened at {time}"))).build())
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("[time]");
            assertThatThrownBy(() -> AutoResponder.builder().templates(ResponseTemplates.defaults().with(
                    ResponseTemplate.of("out-of-hours", "Closed, {name}; call {phone}"))).build())
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("[phone]");
        }

        @Test
        @DisplayName("conversations are searchable by message text")
        void search() {
            say("Do you have a dark mode?");
            InboxFixture.graphAccepts(GRAPH);
            inbox.ingest(za.co.proconnectsa.support.whatsapp.webhook.WhatsAppWebhook.parse(textWebhook("27821234567",
                    "Sipho M", "Where do I change my service area?", clock.instant())).stream()
                    .map(e -> (za.co.proconnectsa.support.whatsapp.webhook.InboundMessage) e).findFirst().orElseThrow());
            assertThat(inbox.conversations(AGENT, ConversationQuery.builder().text("DARK MODE").build()).items())
                    .extracting(Conversation::contact).containsExactly(THANDI);
            assertThat(inbox.conversations(AGENT, ConversationQuery.builder().text("service area").build()).items())
                    .extracting(Conversation::contact).containsExactly("27821234567");
        }
    }

    @Nested
    @DisplayName("delivery")
    class Delivery {

        @Test
        @DisplayName("a redelivered message is recorded and answered once")
        void redelivery() {
            byte[] body = textWebhook(THANDI, "Thandi Nkosi", "Which documents do I need?", clock.instant(), "wamid.same");
            deliver(body);
            WebhookReceipt again = deliver(body);
            assertThat(again.duplicates()).isEqualTo(1);
            // even past the receiver's log (another instance, a lost log), the inbox itself knows the message
            InboundResult direct = inbox.ingest(za.co.proconnectsa.support.whatsapp.webhook.WhatsAppWebhook.parse(body)
                    .stream().map(e -> (za.co.proconnectsa.support.whatsapp.webhook.InboundMessage) e).findFirst()
                    .orElseThrow());
            assertThat(direct.outcome()).isEqualTo(InboundResult.Outcome.DUPLICATE);
            assertThat(textsTo(GRAPH, THANDI)).hasSize(1);
            assertThat(store.conversationMessages(only().id())).filteredOn(m -> m.author() == Author.CUSTOMER).hasSize(1);
        }

        @Test
        @DisplayName("the database failing while a billing message escalates: the stored message is tried again and makes the ticket, once")
        void failureThenRedelivery() {
            FlakyStore flaky = new FlakyStore();
            desk = SupportDesk.builder().store(flaky).clock(clock).build();
            inbox = WhatsAppInbox.builder().desk(desk).store(flaky).client(InboxFixture.client(GRAPH, clock)).build();
            InboundMessageWorker worker = InboundMessageWorker.builder(flaky, inbox).clock(clock).build();
            JobWorker sends = inbox.sendWorker().clock(clock).build();
            receiver = WebhookReceiver.builder().appSecret(InboxFixture.SECRET).queue(flaky).clock(clock).build();
            byte[] body = textWebhook(THANDI, "Thandi Nkosi", "I was charged twice, please refund", clock.instant());

            flaky.failingInserts.set(1);
            assertThat(deliver(body).accepted()).as("stored and answered 200 whatever comes after").isEqualTo(1);
            assertThat(worker.runOnce()).as("the attempt fails and is rolled back").isZero();
            assertThat(flaky.query(za.co.proconnectsa.support.ticket.TicketQuery.builder().build()).items()).isEmpty();
            assertThat(textsTo(GRAPH, THANDI)).isEmpty();
            assertThat(flaky.queryConversations(ConversationQuery.builder().contact(THANDI).build()).items())
                    .as("the conversation went with the failed attempt").isEmpty();

            assertThat(deliver(body).duplicates()).as("Meta's redelivery").isEqualTo(1);
            clock.advance(java.time.Duration.ofMinutes(1));
            assertThat(worker.runOnce()).isEqualTo(1);
            assertThat(worker.runOnce()).isZero();
            InboxFixture.drain(sends);
            List<Ticket> tickets = flaky.query(za.co.proconnectsa.support.ticket.TicketQuery.builder().build()).items();
            assertThat(tickets).singleElement().satisfies(t -> assertThat(t.body()).contains("charged twice"));
            assertThat(textsTo(GRAPH, THANDI)).singleElement().asString().contains(tickets.get(0).number().text());
        }

        @Test
        @DisplayName("eight messages of one contact at once land in one conversation, none lost")
        void concurrentMessages() throws Exception {
            inbox = inbox(WhatsAppInbox.builder().manualEscalationOnly());
            ExecutorService pool = Executors.newFixedThreadPool(8);
            CountDownLatch go = new CountDownLatch(1);
            try {
                List<Future<WebhookReceipt>> results = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    byte[] body = textWebhook(THANDI, "Thandi Nkosi", "Message number " + i, clock.instant());
                    results.add(pool.submit(() -> {
                        go.await();
                        return receiver.receive(body, InboxFixture.sign(body));
                    }));
                }
                go.countDown();
                for (Future<WebhookReceipt> f : results) {
                    assertThat(f.get(60, TimeUnit.SECONDS).httpStatus()).isEqualTo(200);
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(store.conversationMessages(only().id())).filteredOn(m -> m.author() == Author.CUSTOMER)
                    .extracting(ConversationMessage::body).hasSize(8).doesNotHaveDuplicates();
        }

        @Test
        @DisplayName("eight billing messages at once: one ticket, every message on it, the number sent once")
        void concurrentEscalation() throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(8);
            CountDownLatch go = new CountDownLatch(1);
            List<String> texts = new ArrayList<>();
            try {
                List<Future<WebhookReceipt>> results = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    String text = "Refund request number " + i + " for invoice INV-" + (2290 + i);
                    texts.add(text);
                    byte[] body = textWebhook(THANDI, "Thandi Nkosi", text, clock.instant());
                    results.add(pool.submit(() -> {
                        go.await();
                        WebhookReceipt r = receiver.receive(body, InboxFixture.sign(body));
                        // a handler failure answers 500 and Meta delivers again: do what Meta does
                        return r.httpStatus() == 200 ? r : receiver.receive(body, InboxFixture.sign(body));
                    }));
                }
                go.countDown();
                for (Future<WebhookReceipt> f : results) {
                    assertThat(f.get(60, TimeUnit.SECONDS).httpStatus()).isEqualTo(200);
                }
            } finally {
                pool.shutdownNow();
            }
            List<Ticket> all = store.query(za.co.proconnectsa.support.ticket.TicketQuery.builder().build()).items();
            assertThat(all).hasSize(1);
            Ticket t = all.get(0);
            String onTicket = t.body() + "\n" + String.join("\n", store.messages(t.id()).stream().map(Message::body).toList());
            assertThat(texts).allSatisfy(text -> assertThat(onTicket).contains(text));
            assertThat(textsTo(GRAPH, THANDI)).filteredOn(x -> x.contains(t.number().text())).hasSize(1);
            assertThat(only().status()).isEqualTo(ConversationStatus.ESCALATED);
        }

        @Test
        @DisplayName("no log line holds the full phone number, and a failed send never fails the webhook")
        void logsMaskNumbers() {
            PrintStream originalErr = System.err;
            ByteArrayOutputStream captured = new ByteArrayOutputStream();
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            try {
                deliver(textWebhook(THANDI, "Thandi Nkosi", "Hi", clock.instant()));
                GRAPH.stubFor(post(urlEqualTo(InboxFixture.PATH)).willReturn(aResponse().withStatus(500)
                        .withBody("upstream failure")));
                deliver(textWebhook(THANDI, "Thandi Nkosi", "My invoice is wrong", clock.instant()));
                // Graph keeps failing: the send is retried after its pauses, then given up and noted on the ticket
                for (int attempt = 0; attempt < 6; attempt++) {
                    clock.advance(java.time.Duration.ofHours(1));
                    InboxFixture.drain(sender);
                }
            } finally {
                System.setErr(originalErr);
            }
            String log = captured.toString(StandardCharsets.UTF_8);
            originalErr.print(log);
            assertThat(log).contains(THANDI_MASKED).contains("escalated").doesNotContain(THANDI);
            Ticket t = store.findById(only().ticketId()).orElseThrow();
            assertThat(store.messages(t.id())).singleElement()
                    .satisfies(m -> assertThat(m.body()).contains("could not be sent to the customer"));
        }
    }
}
