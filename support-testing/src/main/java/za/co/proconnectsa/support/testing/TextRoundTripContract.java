package za.co.proconnectsa.support.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import za.co.proconnectsa.support.SupportDesk;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.conversation.Conversation;
import za.co.proconnectsa.support.conversation.ConversationMessage;
import za.co.proconnectsa.support.conversation.ConversationMessage.Author;
import za.co.proconnectsa.support.conversation.ConversationNumber;
import za.co.proconnectsa.support.conversation.ConversationQuery;
import za.co.proconnectsa.support.conversation.ConversationStatus;
import za.co.proconnectsa.support.spi.ConversationInsert;
import za.co.proconnectsa.support.spi.ConversationStore;
import za.co.proconnectsa.support.spi.IdempotencyKey;
import za.co.proconnectsa.support.spi.ProcessedMessageLog;
import za.co.proconnectsa.support.spi.TicketStore;
import za.co.proconnectsa.support.ticket.Attachment;
import za.co.proconnectsa.support.ticket.Message;
import za.co.proconnectsa.support.ticket.NewTicket;
import za.co.proconnectsa.support.ticket.Reply;
import za.co.proconnectsa.support.ticket.RequesterTicket;
import za.co.proconnectsa.support.ticket.SubmissionReceipt;
import za.co.proconnectsa.support.ticket.Ticket;
import za.co.proconnectsa.support.ticket.TicketDetails;
import za.co.proconnectsa.support.ticket.TicketQuery;
import za.co.proconnectsa.support.ticket.TicketService;
import za.co.proconnectsa.support.TextRules;

/**
 * Text in, text out: every string the library accepts comes back from the store exactly ({@link String#equals}),
 * whatever the database, and every string it cannot keep is refused with a {@link InvalidInputException} naming
 * the field, before any store sees it. Ids that differ only in case or by a character a database might ignore
 * stay different ids: a requester sees only their own tickets and an idempotency key replays only itself.
 * Driven through the public entry points ({@link SupportDesk}, the domain records) with the strings of
 * {@link HostileText}.
 *
 * <pre>{@code
 * class MyStoreTextTest extends TextRoundTripContract {
 *     @Override
 *     protected TicketStore createStore() {
 *         return MyStore.createEmpty();
 *     }
 * }
 * }</pre>
 *
 * <p>A store that also implements {@link ConversationStore} or {@link ProcessedMessageLog} is checked as one too.
 * The desk needs a Jakarta Bean Validation provider (Hibernate Validator) on the test class path.
 */
public abstract class TextRoundTripContract {

    /** Where {@link #clock} stands at the start of every test. */
    protected static final Instant START = Instant.parse("2026-03-02T08:15:30.123456Z");

    /** Dates the values; back at {@link #START} before each test. */
    protected final SettableClock clock = SettableClock.at(START);
    /** The store under test. */
    protected TicketStore store;
    /** A desk on the store. */
    protected TicketService tickets;

    private final Actor agent = Actor.agent("agent-1", "Lerato (support)");

    /** @return a new, empty store */
    protected abstract TicketStore createStore();

    /** Makes the store and the desk for the next test. */
    @BeforeEach
    protected final void setUpTextStore() {
        clock.set(START);
        store = Objects.requireNonNull(createStore(), "createStore() returned null");
        tickets = SupportDesk.builder().store(store).clock(clock).build().tickets();
    }

    @Test
    @DisplayName("emoji, ZWJ sequences, combining marks, RTL overrides and line breaks come back exactly in every text field")
    void keptTextRoundTrips() {
        SoftAssertions softly = new SoftAssertions();
        List<String> texts = HostileText.KEPT_TEXT;
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            Actor requester = Actor.requester("text-requester-" + i, TextRules.truncate(text, 200));
            String subject = TextRules.truncate(text, 200);
            Attachment file = new Attachment(TextRules.truncate(text, 255), "text/plain; charset=utf-8", 12, text);
            SubmissionReceipt receipt = tickets.submit(requester, NewTicket.builder().subject(subject).body(text)
                    .tag("naïve").tag("𝒜bc").tag("t" + i).attachment(file).idempotencyKey("form-" + i).build());
            softly.assertThat(receipt.createdNewTicket()).as("created for text %d", i).isTrue();
            String number = receipt.ticketNumber().text();
            Message reply = tickets.reply(requester, number, Reply.publicReply(text).withAttachment(file));
            Message note = tickets.reply(agent, number, Reply.internalNote(text));

            TicketDetails details = tickets.get(agent, number);
            Ticket ticket = details.ticket();
            softly.assertThat(ticket.subject()).as("subject %d (stored stripped)", i).isEqualTo(subject.strip());
            softly.assertThat(ticket.body()).as("body %d", i).isEqualTo(text);
            softly.assertThat(ticket.requesterId()).isEqualTo(requester.id());
            softly.assertThat(ticket.tags()).as("tags %d", i).isEqualTo(Set.of("naïve", "𝒜bc", "t" + i));
            softly.assertThat(ticket.attachments()).as("ticket attachments %d", i).containsExactly(file);
            softly.assertThat(details.messages()).as("messages %d", i).containsExactly(reply, note);
            softly.assertThat(store.findById(ticket.id())).as("store read %d", i).contains(ticket);
            softly.assertThat(store.messages(ticket.id())).as("store messages %d", i).containsExactly(reply, note);
            softly.assertThat(store.findByIdempotencyKey(new IdempotencyKey(requester.id(), "form-" + i)))
                    .as("key %d", i).map(Ticket::id).contains(ticket.id());
            softly.assertThat(tickets.myTickets(requester, TicketQuery.all()).items()).as("own list %d", i)
                    .extracting(RequesterTicket::number).containsExactly(ticket.number());
        }
        softly.assertAll();
    }

    @Test
    @DisplayName("random text from every hard corner of Unicode is either kept exactly or refused with InvalidInputException, never altered")
    void randomTextKeptOrRefused() {
        java.util.Random random = new java.util.Random(20261206L);
        int kept = 0;
        for (int i = 0; i < 120; i++) {
            String text = HostileText.randomText(random, 1 + random.nextInt(40));
            Actor requester = Actor.requester("random-" + i, "Random " + i);
            NewTicket submission = NewTicket.builder().subject("Random " + i).body(text).build();
            Throwable refused = catchThrowable(() -> tickets.submit(requester, submission));
            if (TextRules.isText(text) && !text.isBlank()) {
                assertThat(refused).as("text %d accepted", i).isNull();
                List<RequesterTicket> own = tickets.myTickets(requester, TicketQuery.all()).items();
                assertThat(own).as("tickets of %s", requester.id()).hasSize(1);
                assertThat(own.get(0).body()).as("text %d: %s", i, HostileText.codes(text)).isEqualTo(text);
                kept++;
            } else {
                assertThat(refused).as("text %d: %s", i, HostileText.codes(text))
                        .isInstanceOf(InvalidInputException.class);
                assertThat(tickets.myTickets(requester, TicketQuery.all()).items()).isEmpty();
            }
        }
        assertThat(kept).as("texts kept").isGreaterThan(10);
    }

    @Test
    @DisplayName("the longest accepted values fit every database, in 4-byte emoji and in 3-byte characters")
    void longestValuesFit() {
        for (String unit : List.of("😀", "€")) {
            int perUnit = unit.length();
            String id = (unit.equals("€") ? "e" : "m") + "-".repeat(TextRules.MAX_IDENTIFIER_LENGTH - 1);
            Actor requester = Actor.requester(id, unit.repeat(200 / perUnit));
            String body = unit.repeat(NewTicket.MAX_BODY_LENGTH / perUnit);
            String subject = unit.repeat(200 / perUnit);
            Attachment file = new Attachment(unit.repeat(255 / perUnit), "x".repeat(100), 1, unit.repeat(500 / perUnit));
            String key = "k".repeat(TextRules.MAX_IDENTIFIER_LENGTH - 1) + (perUnit == 2 ? "m" : "e");
            SubmissionReceipt receipt = tickets.submit(requester, NewTicket.builder().subject(subject).body(body)
                    .attachment(file).idempotencyKey(key).build());
            String number = receipt.ticketNumber().text();
            Message reply = tickets.reply(requester, number, Reply.publicReply(body));
            String agentId = "a".repeat(TextRules.MAX_IDENTIFIER_LENGTH - 1) + (perUnit == 2 ? "m" : "e");
            tickets.assign(agent, number, agentId);

            Ticket ticket = tickets.get(agent, number).ticket();
            assertThat(ticket.subject()).isEqualTo(subject);
            assertThat(ticket.body()).isEqualTo(body);
            assertThat(ticket.requesterId()).isEqualTo(id);
            assertThat(ticket.assigneeId()).isEqualTo(agentId);
            assertThat(ticket.attachments()).containsExactly(file);
            assertThat(store.messages(ticket.id())).containsExactly(reply);
            assertThat(store.findByIdempotencyKey(new IdempotencyKey(id, key))).map(Ticket::id).contains(ticket.id());
            assertThat(tickets.queue(agent, TicketQuery.builder().assignee(agentId).build()).items())
                    .extracting(Ticket::id).containsExactly(ticket.id());
        }
    }

    @Test
    @DisplayName("text with NUL, other controls or a lone surrogate is refused in every field, naming it, and nothing is stored")
    void refusedTextNeverReachesTheStore() {
        Actor requester = Actor.requester("provider-17", "Thandi");
        String number = tickets.submit(requester, NewTicket.builder().subject("Invoice").body("Charged twice").build())
                .ticketNumber().text();
        Ticket before = tickets.get(agent, number).ticket();
        for (String bad : HostileText.REFUSED_TEXT) {
            refused("actor.displayName", () -> Actor.requester("provider-18", bad));
            refused("subject", () -> tickets.submit(requester, NewTicket.builder().subject(bad).body("ok").build()));
            refused("body", () -> tickets.submit(requester, NewTicket.builder().subject("ok").body(bad).build()));
            refused("body", () -> tickets.reply(requester, number, Reply.publicReply(bad)));
            refused("body", () -> tickets.reply(agent, number, Reply.internalNote(bad)));
            refused("attachment.name", () -> new Attachment(bad, "text/plain", 1, "ref-1"));
            refused("attachment.contentType", () -> new Attachment("a.txt", bad, 1, "ref-1"));
            refused("attachment.reference", () -> new Attachment("a.txt", "text/plain", 1, bad));
            if (!bad.isBlank()) {
                refused("text", () -> TicketQuery.builder().text(bad));
            }
        }
        assertThat(tickets.queue(agent, TicketQuery.all()).items()).containsExactly(before);
        assertThat(store.messages(before.id())).isEmpty();
    }

    @Test
    @DisplayName("ids with spaces, controls, non-ASCII, lone surrogates or over 200 characters are refused at every entry point")
    void refusedIdsNeverReachTheStore() {
        Actor requester = Actor.requester("provider-17", "Thandi");
        String number = tickets.submit(requester, NewTicket.builder().subject("Invoice").body("Charged twice").build())
                .ticketNumber().text();
        Ticket before = tickets.get(agent, number).ticket();
        for (String bad : HostileText.REFUSED_IDS) {
            refused("actor.id", () -> Actor.requester(bad, "Thandi"));
            refused("actor.id", () -> Actor.agent(bad, "Lerato"));
            refused("requesterId", () -> tickets.submit(agent,
                    NewTicket.builder().subject("For someone").body("On behalf").onBehalfOf(bad).build()));
            refused("idempotencyKey", () -> tickets.submit(requester,
                    NewTicket.builder().subject("Keyed").body("With a key").idempotencyKey(bad).build()));
            refused("idempotencyKey", () -> new IdempotencyKey("provider-17", bad));
            refused("agentId", () -> tickets.assign(agent, number, bad));
            refused("requester", () -> TicketQuery.builder().requester(bad));
            refused("assignee", () -> TicketQuery.builder().assignee(bad));
        }
        for (String bad : List.of(number + "\u0000", number + "\uD800", "PCS\u0085000001", "PCS 000001")) {
            refused("ticketNumber", () -> tickets.get(agent, bad));
            refused("ticketNumber", () -> tickets.reply(agent, bad, Reply.publicReply("Hello")));
        }
        assertThat(tickets.queue(agent, TicketQuery.all()).items()).containsExactly(before);
    }

    @Test
    @DisplayName("ten million characters are refused in every text field, never sent to the store")
    void tenMegabytesRefused() {
        String huge = HostileText.tenMegabytes();
        Actor requester = Actor.requester("provider-17", "Thandi");
        String number = tickets.submit(requester, NewTicket.builder().subject("Invoice").body("Charged twice").build())
                .ticketNumber().text();
        refused("actor.displayName", () -> Actor.requester("provider-18", huge));
        refused("actor.id", () -> Actor.requester(huge, "Thandi"));
        refused("subject", () -> tickets.submit(requester, NewTicket.builder().subject(huge).body("ok").build()));
        refused("body", () -> tickets.submit(requester, NewTicket.builder().subject("ok").body(huge).build()));
        refused("body", () -> tickets.reply(requester, number, Reply.publicReply(huge)));
        refused("attachment.reference", () -> new Attachment("a.txt", "text/plain", 1, huge));
        refused("text", () -> TicketQuery.builder().text(huge));
        refused("idempotencyKey", () -> tickets.submit(requester,
                NewTicket.builder().subject("Keyed").body("With a key").idempotencyKey(huge).build()));
        assertThat(tickets.queue(agent, TicketQuery.all()).items()).hasSize(1);
    }

    @Test
    @DisplayName("requester ids that differ only in case or by a trailing character each see only their own tickets")
    void requesterLookAlikesNeverCollide() {
        List<String> ids = HostileText.lookAlikes("provider-17");
        List<String> created = new ArrayList<>();
        for (String id : ids) {
            SubmissionReceipt receipt = tickets.submit(Actor.requester(id, "Thandi"),
                    NewTicket.builder().subject("Invoice charged twice").body("Same words from every look-alike").build());
            assertThat(receipt.outcome()).as("submission of %s", id).isEqualTo(SubmissionReceipt.Outcome.CREATED);
            created.add(receipt.ticketNumber().text());
        }
        for (int i = 0; i < ids.size(); i++) {
            Actor requester = Actor.requester(ids.get(i), "Thandi");
            assertThat(tickets.myTickets(requester, TicketQuery.all()).items()).as("tickets of %s", ids.get(i))
                    .extracting(t -> t.number().text()).containsExactly(created.get(i));
            assertThat(tickets.queue(agent, TicketQuery.builder().requester(ids.get(i)).build()).items())
                    .extracting(t -> t.number().text()).containsExactly(created.get(i));
            int other = (i + 1) % ids.size();
            String othersNumber = tickets.queue(agent, TicketQuery.builder().requester(ids.get(other)).build())
                    .items().get(0).number().text();
            assertThat(catchThrowable(() -> tickets.myTicket(requester, othersNumber)))
                    .as("%s reading the ticket of %s", ids.get(i), ids.get(other))
                    .isInstanceOf(za.co.proconnectsa.support.ticket.TicketNotFoundException.class);
        }
        assertThat(tickets.queue(agent, TicketQuery.all()).items()).hasSize(ids.size());
    }

    @Test
    @DisplayName("idempotency keys that differ only in case or by a trailing character never replay each other")
    void idempotencyKeyLookAlikesNeverReplay() {
        Actor requester = Actor.requester("provider-17", "Thandi");
        List<String> keys = HostileText.lookAlikes("form-7f3a");
        Set<String> numbers = new LinkedHashSet<>();
        for (int i = 0; i < keys.size(); i++) {
            SubmissionReceipt receipt = tickets.submit(requester, NewTicket.builder().subject("Submission " + i)
                    .body("A different form, number " + i).idempotencyKey(keys.get(i)).build());
            assertThat(receipt.outcome()).as("key %s", keys.get(i)).isEqualTo(SubmissionReceipt.Outcome.CREATED);
            numbers.add(receipt.ticketNumber().text());
        }
        assertThat(numbers).hasSize(keys.size());
        for (int i = 0; i < keys.size(); i++) {
            SubmissionReceipt again = tickets.submit(requester, NewTicket.builder().subject("Submission " + i)
                    .body("A different form, number " + i).idempotencyKey(keys.get(i)).build());
            assertThat(again.outcome()).isEqualTo(SubmissionReceipt.Outcome.REPLAYED);
            assertThat(again.ticketNumber().text()).isEqualTo(List.copyOf(numbers).get(i));
        }
        for (String look : HostileText.lookAlikes("provider-18")) {
            SubmissionReceipt other = tickets.submit(Actor.requester(look, "Sipho"), NewTicket.builder()
                    .subject("Other requester").body("Same key, other scope " + look).idempotencyKey(keys.get(0)).build());
            assertThat(other.outcome()).as("key of %s", look).isEqualTo(SubmissionReceipt.Outcome.CREATED);
        }
    }

    @Test
    @DisplayName("search text with emoji, RTL and combining marks is accepted on every store and finds a plain word")
    void searchTextIsAccepted() {
        Actor requester = Actor.requester("provider-17", "Thandi");
        String number = tickets.submit(requester, NewTicket.builder().subject("Payout kwaai late")
                .body("My payout 💸 is late").build()).ticketNumber().text();
        for (String text : HostileText.KEPT_TEXT) {
            if (!text.isBlank()) {
                assertThat(tickets.queue(agent, TicketQuery.builder().text(TextRules.truncate(text, 200)).build()).items())
                        .allSatisfy(t -> assertThat(t.number().text()).isEqualTo(number));
            }
        }
        assertThat(tickets.queue(agent, TicketQuery.builder().text("kwaai").build()).items())
                .extracting(t -> t.number().text()).containsExactly(number);
    }

    @Test
    @DisplayName("conversations keep names, bodies and message ids exactly; look-alike message ids and contacts stay apart")
    void conversationsRoundTrip() {
        if (!(store instanceof ConversationStore conversations)) {
            return;
        }
        SoftAssertions softly = new SoftAssertions();
        List<String> contacts = HostileText.lookAlikes("us.abcdef123");
        List<String> ids = HostileText.lookAlikes("wamid.hbglmjc2nzk1mtgxmjq");
        List<Conversation> stored = new ArrayList<>();
        for (int c = 0; c < contacts.size(); c++) {
            String name = TextRules.truncate(HostileText.KEPT_TEXT.get(c), 200);
            Instant now = clock.instant();
            long seq = conversations.nextConversationSequence();
            Conversation conversation = new Conversation(UUID.randomUUID(),
                    ConversationNumber.format(ConversationNumber.DEFAULT_FORMAT, seq), contacts.get(c), name,
                    "wa:" + contacts.get(c), ConversationStatus.OPEN, null, null, now, now, now, 1);
            ConversationMessage first = new ConversationMessage(ids.get(c), conversation.id(), contacts.get(c),
                    Author.CUSTOMER, contacts.get(c), name, HostileText.KEPT_TEXT.get(c), now);
            softly.assertThat(conversations.insertConversation(conversation, List.of(first)))
                    .as("insert for %s", contacts.get(c)).isEqualTo(new ConversationInsert.Inserted(conversation));
            stored.add(conversation);
        }
        for (int c = 0; c < contacts.size(); c++) {
            Conversation conversation = stored.get(c);
            softly.assertThat(conversations.findActiveConversation(contacts.get(c))).as("active of %s", contacts.get(c))
                    .contains(conversation);
            softly.assertThat(conversations.findConversation(conversation.id())).contains(conversation);
            softly.assertThat(conversations.findConversationMessage(ids.get(c))).as("message %s", ids.get(c))
                    .map(ConversationMessage::body).contains(HostileText.KEPT_TEXT.get(c));
            softly.assertThat(conversations.queryConversations(ConversationQuery.builder().contact(contacts.get(c))
                    .build()).items()).extracting(Conversation::id).containsExactly(conversation.id());
        }
        Conversation first = stored.get(0);
        List<ConversationMessage> before = conversations.conversationMessages(first.id());
        clock.advance(java.time.Duration.ofSeconds(1));
        List<ConversationMessage> more = new ArrayList<>();
        for (int i = 0; i < HostileText.KEPT_TEXT.size(); i++) {
            String text = HostileText.KEPT_TEXT.get(i);
            more.add(new ConversationMessage("wamid.more." + i, first.id(), first.contact(), Author.AGENT, "agent-1",
                    TextRules.truncate(text, 200), text, clock.instant()));
        }
        Conversation updated = conversations.updateConversation(first.touchedAt(clock.instant()), more);
        List<ConversationMessage> expected = new ArrayList<>(before);
        expected.addAll(more);
        softly.assertThat(conversations.conversationMessages(first.id())).isEqualTo(expected);
        softly.assertThat(conversations.findConversation(first.id())).contains(updated);
        softly.assertAll();
    }

    @Test
    @DisplayName("the longest accepted conversation values fit: 100-character contact, 200-character id and name, 10,000-character emoji body")
    void longestConversationValuesFit() {
        if (!(store instanceof ConversationStore conversations)) {
            return;
        }
        String contact = "c".repeat(100);
        String name = "😀".repeat(100);
        String body = "😀".repeat(ConversationMessage.MAX_BODY / 2);
        Instant now = clock.instant();
        Conversation conversation = new Conversation(UUID.randomUUID(), ConversationNumber.format(
                ConversationNumber.DEFAULT_FORMAT, conversations.nextConversationSequence()), contact, name,
                "r".repeat(TextRules.MAX_IDENTIFIER_LENGTH), ConversationStatus.OPEN, null, "R".repeat(40), now, now, now, 1);
        ConversationMessage message = new ConversationMessage("w".repeat(TextRules.MAX_IDENTIFIER_LENGTH), conversation.id(),
                contact, Author.CUSTOMER, contact, name, body, now);
        assertThat(conversations.insertConversation(conversation, List.of(message)))
                .isEqualTo(new ConversationInsert.Inserted(conversation));
        assertThat(conversations.findConversation(conversation.id())).contains(conversation);
        assertThat(conversations.conversationMessages(conversation.id())).containsExactly(message);
        assertThat(new Conversation(conversation.id(), conversation.number(), contact, "a".repeat(199) + "😀",
                conversation.requesterId(), ConversationStatus.OPEN, null, null, now, now, now, 1).contactName())
                .as("a name cut at 200 keeps no half of an emoji").isEqualTo("a".repeat(199));
    }

    @Test
    @DisplayName("processed WhatsApp message ids that differ only in case or by a trailing character are each new once")
    void processedIdsNeverCollide() {
        if (!(store instanceof ProcessedMessageLog log)) {
            return;
        }
        List<String> ids = new ArrayList<>(HostileText.lookAlikes("wamid.hbglmjc2nzk1mtgxmjq"));
        ids.addAll(HostileText.KEPT_IDS);
        for (String id : ids) {
            assertThat(log.firstSeen(id, clock.instant())).as("first sight of %s", id).isTrue();
        }
        for (String id : ids) {
            assertThat(log.firstSeen(id, clock.instant())).as("second sight of %s", id).isFalse();
        }
    }

    private static void refused(String field, Executable call) {
        Throwable thrown = catchThrowable(call::execute);
        assertThat(thrown).as("expected %s to be refused", field).isNotNull();
        assertThat(thrown).as("expected %s to be refused", field).isInstanceOf(InvalidInputException.class);
        assertThat(((InvalidInputException) thrown).fieldErrors())
                .extracting(InvalidInputException.FieldError::field).as("refused fields").contains(field);
    }
}
