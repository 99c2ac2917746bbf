package za.co.proconnectsa.support.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import za.co.proconnectsa.support.ConcurrentUpdateException;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.conversation.Conversation;
import za.co.proconnectsa.support.conversation.ConversationMessage;
import za.co.proconnectsa.support.conversation.ConversationMessage.Author;
import za.co.proconnectsa.support.conversation.ConversationNotFoundException;
import za.co.proconnectsa.support.conversation.ConversationNumber;
import za.co.proconnectsa.support.conversation.ConversationQuery;
import za.co.proconnectsa.support.conversation.ConversationStatus;
import za.co.proconnectsa.support.conversation.ContactIdentity;
import za.co.proconnectsa.support.conversation.DeliveryPricing;
import za.co.proconnectsa.support.conversation.MessageDelivery;
import za.co.proconnectsa.support.conversation.PricedMessages;
import za.co.proconnectsa.support.spi.AlreadyStoredException;
import za.co.proconnectsa.support.spi.ConversationInsert;
import za.co.proconnectsa.support.spi.ConversationStore;
import za.co.proconnectsa.support.spi.TicketStore;
import za.co.proconnectsa.support.ticket.AuditAction;
import za.co.proconnectsa.support.ticket.Cursor;
import za.co.proconnectsa.support.ticket.Page;
import za.co.proconnectsa.support.ticket.Ticket;

/**
 * The behaviour of a {@link ConversationStore}: numbering, one active conversation a contact even under racing
 * inserts, optimistic updates, ordered transcripts, escalation to a ticket, search and keyset paging, and the
 * loop guard's count.
 *
 * <pre>{@code
 * class MyConversationStoreTest extends ConversationStoreContract {
 *     @Override
 *     protected TicketStore createStore() {
 *         return MyStore.createEmpty();   // must implement ConversationStore
 *     }
 * }
 * }</pre>
 */
public abstract class ConversationStoreContract {

    /** Where {@link #clock} stands at the start of every test; it has microseconds on purpose. */
    protected static final Instant START = Instant.parse("2026-03-02T08:15:30.123456Z");
    private static final String THANDI = "27679518124";
    private static final String SIPHO = "27821234567";

    /** Dates the values; back at {@link #START} before each test. */
    protected final SettableClock clock = SettableClock.at(START);
    /** The store under test, as a ticket store (escalation joins conversations to its tickets). */
    protected TicketStore tickets;
    /** The same store as a conversation store. */
    protected ConversationStore store;

    /** @return a new, empty store implementing both {@link TicketStore} and {@link ConversationStore} */
    protected abstract TicketStore createStore();

    /** Makes the store for the next test. */
    @BeforeEach
    protected final void setUpConversations() {
        clock.set(START);
        tickets = Objects.requireNonNull(createStore(), "createStore() returned null");
        assertThat(tickets).as("the store must implement ConversationStore").isInstanceOf(ConversationStore.class);
        store = (ConversationStore) tickets;
    }

    @Test
    @DisplayName("a conversation and its first message read back equal, every field and microsecond kept; by id, number and contact")
    void insertThenFind() {
        Conversation c = conversation(THANDI, "Thandi Nkosi ✓").withVersion(1);
        Conversation withReference = new Conversation(c.id(), c.number(), c.contact(), c.contactName(), c.requesterId(),
                c.status(), null, "REF-7K3Q9", START, START, START, 1);
        ConversationMessage hello = inbound(withReference, "wamid.HBgLMjc2Nzk1MTgxMjQVAgASGBQzQUVCOUQ", "Hallo, is julle oop? 🙂");
        assertThat(store.insertConversation(withReference, List.of(hello)))
                .isEqualTo(new ConversationInsert.Inserted(withReference));

        assertThat(store.findConversation(c.id())).contains(withReference);
        assertThat(store.findConversationByNumber(c.number().text())).contains(withReference);
        assertThat(store.findActiveConversation(THANDI)).contains(withReference);
        assertThat(store.findActiveConversation(SIPHO)).isEmpty();
        assertThat(store.findConversationByNumber("WA-999999")).isEmpty();
        assertThat(store.conversationMessages(c.id())).containsExactly(hello);
        assertThat(store.findConversationMessage(hello.id())).contains(hello);
        assertThat(store.findConversationMessage("wamid.unknown")).isEmpty();
    }

    @Test
    @DisplayName("a message id is stored once across all conversations: a second write with it is refused whole (AlreadyStoredException)")
    void messageIdsUnique() {
        Conversation c = insert(conversation(THANDI, "Thandi"));
        ConversationMessage again = inbound(c, "wamid.first." + c.number().sequence(), "Same id, other text");
        assertThatThrownBy(() -> store.updateConversation(c.touchedAt(clock.instant()), List.of(again)))
                .isInstanceOf(AlreadyStoredException.class);
        assertThat(store.findConversation(c.id())).contains(c);
        assertThat(store.conversationMessages(c.id())).extracting(ConversationMessage::body).containsExactly("Hi");
    }

    @Test
    @DisplayName("conversation numbers never repeat and are positive")
    void numbering() {
        List<Long> seen = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            seen.add(store.nextConversationSequence());
        }
        assertThat(seen).doesNotHaveDuplicates().allSatisfy(s -> assertThat(s).isPositive());
    }

    @Test
    @DisplayName("a second active conversation for a contact is not inserted: the store answers with the active one")
    void oneActivePerContact() {
        Conversation first = insert(conversation(THANDI, "Thandi"));
        Conversation second = conversation(THANDI, "Thandi");
        assertThat(store.insertConversation(second, List.of(inbound(second, "wamid.second", "Hello again"))))
                .isEqualTo(new ConversationInsert.ActiveExists(first));
        assertThat(store.findConversation(second.id())).isEmpty();
        assertThat(store.conversationMessages(second.id())).isEmpty();

        Conversation closed = store.updateConversation(first.closedAt(clock.instant()), List.of());
        assertThat(store.findActiveConversation(THANDI)).isEmpty();
        assertThat(store.insertConversation(second, List.of())).isEqualTo(new ConversationInsert.Inserted(second));
        assertThat(store.findActiveConversation(THANDI)).contains(second);
        assertThat(closed.status()).isEqualTo(ConversationStatus.CLOSED);
    }

    @Test
    @DisplayName("eight racing inserts for one contact leave exactly one active conversation")
    void racingInserts() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<ConversationInsert>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Conversation c = conversation(THANDI, "Thandi");
                ConversationMessage m = inbound(c, "wamid.race." + i, "Message " + i);
                results.add(pool.submit((Callable<ConversationInsert>) () -> {
                    go.await();
                    return store.insertConversation(c, List.of(m));
                }));
            }
            go.countDown();
            List<ConversationInsert> outcomes = new ArrayList<>();
            for (Future<ConversationInsert> f : results) {
                outcomes.add(f.get(60, TimeUnit.SECONDS));
            }
            assertThat(outcomes).filteredOn(o -> o instanceof ConversationInsert.Inserted).hasSize(1);
            Conversation winner = outcomes.stream().filter(o -> o instanceof ConversationInsert.Inserted).findFirst()
                    .orElseThrow().conversation();
            assertThat(outcomes).allSatisfy(o -> assertThat(o.conversation().id()).isEqualTo(winner.id()));
            assertThat(store.queryConversations(ConversationQuery.builder().contact(THANDI).build()).items())
                    .containsExactly(winner);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @DisplayName("updates append messages in time order, bump the version, and refuse a stale version or an unknown conversation")
    void updates() {
        Conversation c = insert(conversation(THANDI, "Thandi"));
        clock.advance(Duration.ofMinutes(2));
        ConversationMessage later = inbound(c, "wamid.later", "Are you there?");
        ConversationMessage answer = new ConversationMessage("wamid.out.1", c.id(), THANDI, Author.AUTOMATED, "faq",
                "ProConnect", "We are open Mon-Fri 8am-6pm.", clock.instant().minus(1, ChronoUnit.MICROS));
        Conversation v2 = store.updateConversation(c.receivedAt(later.at(), "Thandi N."), List.of(later, answer));
        assertThat(v2.version()).isEqualTo(2);
        assertThat(v2.contactName()).isEqualTo("Thandi N.");
        assertThat(store.findConversation(c.id())).contains(v2);
        assertThat(store.conversationMessages(c.id())).extracting(ConversationMessage::id)
                .containsExactly("wamid.first." + c.number().sequence(), "wamid.out.1", "wamid.later");

        assertThatThrownBy(() -> store.updateConversation(c.touchedAt(clock.instant()), List.of()))
                .isInstanceOf(ConcurrentUpdateException.class);
        Conversation unknown = conversation(SIPHO, "Sipho");
        assertThatThrownBy(() -> store.updateConversation(unknown, List.of()))
                .isInstanceOf(ConversationNotFoundException.class);
        assertThat(store.findConversation(c.id())).contains(v2);
    }

    @Test
    @DisplayName("an escalated conversation is found by its ticket and stays the contact's active one")
    void escalation() {
        TicketFixtures fixtures = TicketFixtures.forStore(tickets, clock);
        Ticket ticket = fixtures.newTicket("wa:" + THANDI, "Invoice charged twice", "From WhatsApp");
        tickets.insert(ticket, List.of(fixtures.audit(ticket, Actor.requester("wa:" + THANDI, "Thandi"),
                AuditAction.CREATED, null, "NEW")), null);
        Conversation c = insert(conversation(THANDI, "Thandi"));
        Conversation escalated = store.updateConversation(c.escalatedTo(ticket.id(), clock.instant()), List.of());
        assertThat(store.findConversationByTicket(ticket.id())).contains(escalated);
        assertThat(store.findActiveConversation(THANDI)).contains(escalated);
        assertThat(escalated.status()).isEqualTo(ConversationStatus.ESCALATED);
        assertThat(escalated.ticketId()).isEqualTo(ticket.id());
    }

    @Test
    @DisplayName("a closed conversation cannot become active again")
    void closedStaysClosed() {
        Conversation c = insert(conversation(THANDI, "Thandi"));
        Conversation closed = store.updateConversation(c.closedAt(clock.instant()), List.of());
        Conversation reopened = new Conversation(closed.id(), closed.number(), closed.contact(), closed.contactName(),
                closed.requesterId(), ConversationStatus.OPEN, null, null, closed.lastInboundAt(), closed.createdAt(),
                clock.instant(), closed.version());
        assertThatThrownBy(() -> store.updateConversation(reopened, List.of()))
                .isInstanceOf(za.co.proconnectsa.support.InvalidInputException.class);
        assertThat(store.findConversation(c.id())).contains(closed);
    }

    @Test
    @DisplayName("queries: newest first, by status, contact and message text (any case), paged without gaps or repeats")
    void queries() {
        Conversation a = insert(conversation(THANDI, "Thandi"), "My INVOICE is wrong");
        Conversation b = insert(conversation(SIPHO, "Sipho"), "When do you open?");
        store.updateConversation(a.closedAt(clock.instant()), List.of());
        Conversation c = insert(conversation(THANDI, "Thandi"), "Thanks for the invoice fix");
        List<Conversation> more = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            more.add(insert(conversation("2783000000" + i, "Provider " + i), "Question " + i));
        }

        assertThat(ids(ConversationQuery.builder().contact(THANDI).build())).containsExactly(c.id(), a.id());
        assertThat(ids(ConversationQuery.builder().text("invoice").build())).containsExactly(c.id(), a.id());
        assertThat(ids(ConversationQuery.builder().text("OPEN?").build())).containsExactly(b.id());
        assertThat(ids(ConversationQuery.builder().status(ConversationStatus.CLOSED).build())).containsExactly(a.id());
        assertThat(ids(ConversationQuery.builder().active().contact(THANDI).build())).containsExactly(c.id());
        assertThat(ids(ConversationQuery.builder().text("no such words").build())).isEmpty();

        ConversationQuery pageOf3 = ConversationQuery.builder().limit(3).build();
        List<java.util.UUID> seen = new ArrayList<>();
        Page<Conversation> page = store.queryConversations(pageOf3);
        seen.addAll(page.items().stream().map(Conversation::id).toList());
        while (page.hasNext()) {
            Cursor cursor = Cursor.parse(page.nextCursor().token());
            page = store.queryConversations(pageOf3.after(cursor));
            seen.addAll(page.items().stream().map(Conversation::id).toList());
        }
        assertThat(seen).hasSize(10).doesNotHaveDuplicates();
        assertThat(seen.get(0)).isEqualTo(more.get(6).id());
    }

    @Test
    @DisplayName("text search takes %, _ and ! literally")
    void searchIsLiteral() {
        Conversation percent = insert(conversation(THANDI, "Thandi"), "Is the 100% refund_policy real! ?");
        insert(conversation(SIPHO, "Sipho"), "I paid 1000 rand for refundXpolicy");
        assertThat(ids(ConversationQuery.builder().text("100%").build())).containsExactly(percent.id());
        assertThat(ids(ConversationQuery.builder().text("refund_policy").build())).containsExactly(percent.id());
        assertThat(ids(ConversationQuery.builder().text("real!").build())).containsExactly(percent.id());
        assertThat(ids(ConversationQuery.builder().text("1_0").build())).isEmpty();
    }

    @Test
    @DisplayName("countMessages counts one contact's messages of one author from a time on, across conversations")
    void countMessages() {
        Conversation first = insert(conversation(THANDI, "Thandi"));
        store.updateConversation(first, List.of(automated(first, "auto.1")));
        Conversation firstClosed = store.findConversation(first.id()).orElseThrow();
        store.updateConversation(firstClosed.closedAt(clock.instant()), List.of());
        clock.advance(Duration.ofHours(1));
        Conversation second = insert(conversation(THANDI, "Thandi"));
        store.updateConversation(second, List.of(automated(second, "auto.2"), automated(second, "auto.3")));
        Conversation other = insert(conversation(SIPHO, "Sipho"));
        store.updateConversation(other, List.of(automated(other, "auto.4")));

        assertThat(store.countMessages(THANDI, Author.AUTOMATED, START)).isEqualTo(3);
        assertThat(store.countMessages(THANDI, Author.AUTOMATED, START.plusSeconds(1))).isEqualTo(2);
        assertThat(store.countMessages(THANDI, Author.CUSTOMER, START)).isEqualTo(2);
        assertThat(store.countMessages(SIPHO, Author.AGENT, START)).isZero();
    }

    @Test
    @DisplayName("a sent line's delivery only moves up as reports arrive: late, repeated and reordered reports never move it back")
    void deliveryAdvancesOnly() {
        Conversation c = insert(conversation(THANDI, "Thandi"));
        ConversationMessage line = automated(c, "out.reply-1");
        store.updateConversation(c, List.of(line));
        assertThat(store.findDelivery(line.id())).isEmpty();
        assertThat(store.advanceDelivery("wamid.sent-1", MessageDelivery.State.DELIVERED, null, START)).isEmpty();

        assertThat(store.recordDelivery(MessageDelivery.queued(line.id(), START))).isTrue();
        assertThat(store.findDelivery(line.id())).contains(MessageDelivery.queued(line.id(), START));
        Instant sent = START.plusSeconds(2);
        MessageDelivery sentDelivery = new MessageDelivery(line.id(), MessageDelivery.State.SENT, "wamid.sent-1=", null, sent);
        assertThat(store.recordDelivery(sentDelivery)).isTrue();

        Instant read = START.plusSeconds(9);
        assertThat(store.advanceDelivery("wamid.sent-1=", MessageDelivery.State.READ, null, read)).contains(
                new MessageDelivery(line.id(), MessageDelivery.State.READ, "wamid.sent-1=", null, read));
        // DELIVERED arrives after READ, SENT again, FAILED after READ: nothing changes
        for (MessageDelivery.State late : List.of(MessageDelivery.State.DELIVERED, MessageDelivery.State.SENT,
                MessageDelivery.State.FAILED, MessageDelivery.State.READ)) {
            assertThat(store.advanceDelivery("wamid.sent-1=", late, "late", START.plusSeconds(20)))
                    .map(MessageDelivery::state).contains(MessageDelivery.State.READ);
        }
        assertThat(store.findDelivery(line.id())).map(MessageDelivery::at).contains(read);
        assertThat(store.conversationDeliveries(c.id())).extracting(MessageDelivery::state)
                .containsExactly(MessageDelivery.State.READ);
    }

    @Test
    @DisplayName("a failure report outranks sent and delivered and keeps its reason, exactly, with emoji; a line with no such id records nothing")
    void deliveryFailure() {
        Conversation c = insert(conversation(THANDI, "Thandi"));
        ConversationMessage first = automated(c, "out.a");
        ConversationMessage second = automated(c, "out.b");
        store.updateConversation(c, List.of(first, second));
        store.recordDelivery(new MessageDelivery(first.id(), MessageDelivery.State.SENT, "wamid.A", null, START));
        store.recordDelivery(new MessageDelivery(second.id(), MessageDelivery.State.UNKNOWN, null, "timed out ⏱", START));
        String reason = "131047: Re-engagement message 🚫 " + "x".repeat(600);
        assertThat(store.advanceDelivery("wamid.A", MessageDelivery.State.DELIVERED, null, START)).isPresent();
        assertThat(store.advanceDelivery("wamid.A", MessageDelivery.State.FAILED, reason, START.plusSeconds(1)))
                .map(MessageDelivery::detail).contains(reason.substring(0, MessageDelivery.MAX_DETAIL));
        assertThat(store.advanceDelivery("wamid.A", MessageDelivery.State.DELIVERED, null, START.plusSeconds(2)))
                .map(MessageDelivery::state).contains(MessageDelivery.State.FAILED);
        assertThat(store.conversationDeliveries(c.id())).extracting(MessageDelivery::messageId, MessageDelivery::state,
                MessageDelivery::detail).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(first.id(), MessageDelivery.State.FAILED,
                                reason.substring(0, MessageDelivery.MAX_DETAIL)),
                        org.assertj.core.groups.Tuple.tuple(second.id(), MessageDelivery.State.UNKNOWN, "timed out ⏱"));
        assertThat(store.recordDelivery(MessageDelivery.queued("out.nowhere", START))).isFalse();
        assertThat(store.findDelivery("out.nowhere")).isEmpty();
        assertThatThrownBy(() -> store.recordDelivery(
                new MessageDelivery(second.id(), MessageDelivery.State.SENT, "wamid.A", null, START)))
                .isInstanceOf(AlreadyStoredException.class);
        assertThat(store.findDelivery(second.id())).map(MessageDelivery::state).contains(MessageDelivery.State.UNKNOWN);
    }

    @Test
    @DisplayName("the pricing of status reports is kept with the sent line, replaced by a later report, and counted by category within a period")
    void pricingByCategory() {
        Conversation c = insert(conversation(THANDI, "Thandi"));
        ConversationMessage utility = automated(c, "out.p1");
        ConversationMessage marketing1 = automated(c, "out.p2");
        ConversationMessage marketing2 = automated(c, "out.p3");
        ConversationMessage unpriced = automated(c, "out.p4");
        store.updateConversation(c, List.of(utility, marketing1, marketing2, unpriced));
        int i = 0;
        for (ConversationMessage m : List.of(utility, marketing1, marketing2, unpriced)) {
            store.recordDelivery(new MessageDelivery(m.id(), MessageDelivery.State.SENT, "wamid.P" + i++, null, START));
        }
        DeliveryPricing service = new DeliveryPricing("PMP", "service", "free_customer_service");
        DeliveryPricing util = new DeliveryPricing("PMP", "utility", "regular");
        DeliveryPricing market = new DeliveryPricing("pmp", "MARKETING", "regular");
        assertThat(store.recordPricing("wamid.P0", service)).isTrue();
        assertThat(store.recordPricing("wamid.P0", util)).as("a later report replaces it").isTrue();
        assertThat(store.recordPricing("wamid.P1", market)).isTrue();
        assertThat(store.recordPricing("wamid.P2", new DeliveryPricing("PMP", "marketing", "regular"))).isTrue();
        assertThat(store.recordPricing("wamid.nowhere", util)).isFalse();

        assertThat(store.findPricing(utility.id())).contains(new DeliveryPricing("pmp", "utility", "regular"));
        assertThat(store.findPricing(unpriced.id())).isEmpty();
        assertThat(store.findDelivery(utility.id())).map(MessageDelivery::state).contains(MessageDelivery.State.SENT);
        assertThat(store.pricedMessages(START, START.plusSeconds(3600))).containsExactly(
                new PricedMessages(new DeliveryPricing("pmp", "marketing", "regular"), 2),
                new PricedMessages(new DeliveryPricing("pmp", "utility", "regular"), 1));
        assertThat(store.pricedMessages(START.plusSeconds(3600), START.plusSeconds(7200))).isEmpty();
        assertThat(store.pricedMessages(START.minusSeconds(60), START)).as("the end is excluded").isEmpty();
        assertThat(new DeliveryPricing("CBP", "service", null).type()).isNull();
    }

    @Test
    @DisplayName("a contact's identity is found by phone number, user id or key, kept exactly, and merged when WhatsApp replaces the user id")
    void contactIdentities() {
        String bsuid = "US.13491208655302741918";
        String next = "US.99991208655302741000";
        ContactIdentity sheena = new ContactIdentity(bsuid, null, bsuid, "@shéena 🌵", START);
        store.saveContactIdentity(sheena);
        ContactIdentity thandi = new ContactIdentity(THANDI, THANDI, "ZA.555", null, START);
        store.saveContactIdentity(thandi);
        assertThat(store.findContactIdentity(bsuid)).contains(sheena);
        assertThat(store.findContactIdentity(THANDI)).contains(thandi);
        assertThat(store.findContactIdentity("ZA.555")).contains(thandi);
        assertThat(store.findContactIdentity(SIPHO)).isEmpty();
        assertThat(sheena.sendTo()).isEqualTo(bsuid);
        assertThat(thandi.sendTo()).isEqualTo(THANDI);

        ContactIdentity withPhone = new ContactIdentity(bsuid, SIPHO, bsuid, "@sheena", START.plusSeconds(5));
        store.saveContactIdentity(withPhone);
        assertThat(store.findContactIdentity(SIPHO)).contains(withPhone);

        // she wrote from the new id before the change was reported: that identity gives way to the merged one
        store.saveContactIdentity(new ContactIdentity(next, null, next, null, START.plusSeconds(6)));
        ContactIdentity merged = new ContactIdentity(bsuid, SIPHO, next, "@sheena", START.plusSeconds(9));
        assertThat(store.changeContactUserId(bsuid, next, START.plusSeconds(9))).contains(merged);
        assertThat(store.findContactIdentity(next)).contains(merged);
        assertThat(store.findContactIdentity(bsuid)).as("the key still finds her").contains(merged);
        assertThat(store.changeContactUserId("US.nobody", "US.other", START)).isEmpty();
        assertThatThrownBy(() -> new ContactIdentity("x", null, null, null, START))
                .isInstanceOf(za.co.proconnectsa.support.InvalidInputException.class);
    }

    @Test
    @DisplayName("reports racing from 8 threads leave the highest state")
    void racingReports() throws Exception {
        Conversation c = insert(conversation(THANDI, "Thandi"));
        ConversationMessage line = automated(c, "out.race");
        store.updateConversation(c, List.of(line));
        store.recordDelivery(new MessageDelivery(line.id(), MessageDelivery.State.SENT, "wamid.race", null, START));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            MessageDelivery.State[] states = {MessageDelivery.State.READ, MessageDelivery.State.DELIVERED,
                MessageDelivery.State.SENT, MessageDelivery.State.FAILED};
            for (int i = 0; i < 8; i++) {
                MessageDelivery.State state = states[i % states.length];
                done.add(pool.submit(() -> {
                    go.await();
                    return store.advanceDelivery("wamid.race", state, null, START);
                }));
            }
            go.countDown();
            for (Future<?> f : done) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(store.findDelivery(line.id())).map(MessageDelivery::state).contains(MessageDelivery.State.READ);
    }

    private List<java.util.UUID> ids(ConversationQuery query) {
        return store.queryConversations(query).items().stream().map(Conversation::id).toList();
    }

    private Conversation conversation(String contact, String name) {
        long seq = store.nextConversationSequence();
        Instant now = clock.instant();
        return new Conversation(UUID.randomUUID(), ConversationNumber.format(ConversationNumber.DEFAULT_FORMAT, seq),
                contact, name, "wa:" + contact, ConversationStatus.OPEN, null, null, now, now, now, 1);
    }

    private Conversation insert(Conversation c) {
        return insert(c, "Hi");
    }

    private Conversation insert(Conversation c, String firstText) {
        ConversationInsert result = store.insertConversation(c,
                List.of(inbound(c, "wamid.first." + c.number().sequence(), firstText)));
        assertThat(result).isEqualTo(new ConversationInsert.Inserted(c));
        return c;
    }

    private ConversationMessage inbound(Conversation c, String id, String text) {
        return new ConversationMessage(id, c.id(), c.contact(), Author.CUSTOMER, c.contact(),
                c.contactName() == null ? c.contact() : c.contactName(), text, clock.instant());
    }

    private ConversationMessage automated(Conversation c, String id) {
        return new ConversationMessage(id, c.id(), c.contact(), Author.AUTOMATED, "faq", "ProConnect",
                "Automated answer", clock.instant());
    }
}
