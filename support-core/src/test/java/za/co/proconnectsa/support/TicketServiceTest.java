package za.co.proconnectsa.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import za.co.proconnectsa.support.access.AccessDeniedException;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.event.TicketEvent;
import za.co.proconnectsa.support.spi.TicketStore;
import za.co.proconnectsa.support.store.InMemoryTicketStore;
import za.co.proconnectsa.support.ticket.Attachment;
import za.co.proconnectsa.support.ticket.AuditAction;
import za.co.proconnectsa.support.ticket.AuditEvent;
import za.co.proconnectsa.support.ticket.Category;
import za.co.proconnectsa.support.ticket.InvalidTransitionException;
import za.co.proconnectsa.support.ticket.NewTicket;
import za.co.proconnectsa.support.ticket.OriginChannel;
import za.co.proconnectsa.support.ticket.Page;
import za.co.proconnectsa.support.ticket.Priority;
import za.co.proconnectsa.support.ticket.Reply;
import za.co.proconnectsa.support.ticket.RequesterAuditEvent;
import za.co.proconnectsa.support.ticket.RequesterMessage;
import za.co.proconnectsa.support.ticket.RequesterTicket;
import za.co.proconnectsa.support.ticket.RequesterTicketDetails;
import za.co.proconnectsa.support.ticket.SubmissionReceipt;
import za.co.proconnectsa.support.ticket.Ticket;
import za.co.proconnectsa.support.ticket.TicketDetails;
import za.co.proconnectsa.support.ticket.TicketNotFoundException;
import za.co.proconnectsa.support.ticket.TicketNumberFormat;
import za.co.proconnectsa.support.ticket.TicketQuery;
import za.co.proconnectsa.support.ticket.TicketService;
import za.co.proconnectsa.support.ticket.TicketStatus;

class TicketServiceTest {

    private final Actor thandi = Actor.requester("prov-17", "Thandi Nkosi");
    private final Actor pieter = Actor.requester("prov-99", "Pieter van Wyk");
    private final Actor sipho = Actor.agent("agent-1", "Sipho");
    private final Actor lerato = Actor.admin("admin-1", "Lerato");

    private TestClock clock;
    private InMemoryTicketStore store;
    private List<TicketEvent> events;
    private TicketService tickets;

    @BeforeEach
    void setUp() {
        clock = new TestClock("2026-03-02T08:15:30.123456789Z");
        store = InMemoryTicketStore.create();
        events = new CopyOnWriteArrayList<>();
        tickets = desk(store).tickets();
    }

    private SupportDesk desk(TicketStore s) {
        return SupportDesk.builder().store(s).clock(clock).listener(events::add).build();
    }

    private static NewTicket.Builder invoiceBuilder() {
        return NewTicket.builder()
                .subject("Invoice INV-2291 charged twice")
                .body("I was billed twice for March. Please refund one payment.")
                .category(Category.BILLING);
    }

    private static NewTicket invoice() {
        return invoiceBuilder().build();
    }

    @Nested
    @DisplayName("submit")
    class Submit {

        @Test
        @DisplayName("returns a receipt with number, status and a confirmation text to show")
        void receipt() {
            SubmissionReceipt receipt = tickets.submit(thandi, invoice());

            assertThat(receipt.ticketNumber().text()).isEqualTo("PCS-000001");
            assertThat(receipt.status()).isEqualTo(TicketStatus.NEW);
            assertThat(receipt.outcome()).isEqualTo(SubmissionReceipt.Outcome.CREATED);
            assertThat(receipt.createdNewTicket()).isTrue();
            assertThat(receipt.confirmationText()).contains("PCS-000001").startsWith("Thank you");
            assertThat(receipt.submittedAt()).isEqualTo(Instant.parse("2026-03-02T08:15:30.123456Z"));

            Ticket stored = store.findByNumber("PCS-000001").orElseThrow();
            assertThat(stored.requesterId()).isEqualTo("prov-17");
            assertThat(stored.category()).isEqualTo(Category.BILLING);
            assertThat(stored.version()).isEqualTo(1);
            assertThat(store.auditTrail(stored.id())).extracting(AuditEvent::action).containsExactly(AuditAction.CREATED);
            assertThat(events).extracting(TicketEvent::type).containsExactly(TicketEvent.Type.SUBMITTED);
        }

        @Test
        @DisplayName("numbers follow the configured format and are never reused")
        void numbering() {
            TicketService custom = SupportDesk.builder().store(store).clock(clock)
                    .ticketNumberFormat(new TicketNumberFormat("HELP", 4)).duplicateWindow(Duration.ZERO).build().tickets();
            assertThat(custom.submit(thandi, invoice()).ticketNumber().text()).isEqualTo("HELP-0001");
            assertThat(custom.submit(thandi, invoice()).ticketNumber().text()).isEqualTo("HELP-0002");
        }

        @Test
        @DisplayName("reports every bad field at once and stores nothing")
        void validation() {
            NewTicket bad = NewTicket.builder().subject("  ").body("x".repeat(20_000)).priority(null)
                    .tag("has space").build();

            InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> tickets.submit(thandi, bad));

            // plain words from the SupportMessages bundle, the limits stated, not the validator's raw words
            assertThat(e.fieldErrors()).extracting(f -> f.field() + ": " + f.message()).containsExactly(
                    "body: is too long: at most 10,000 characters, this one has 20,000",
                    "priority: is required",
                    "subject: must not be empty or only spaces",
                    "tags: each tag is 1 to 50 letters, digits, hyphens or underscores, so \u201chas space\u201d cannot be one");
            assertThat(e.getMessage()).startsWith("Invalid input: body: is too long");
            assertNothingStored();
        }

        @Test
        @DisplayName("problems() lists what submit would refuse, in the same words, without submitting")
        void problemsWithoutSubmitting() {
            NewTicket bad = NewTicket.builder().subject("  ").body("x".repeat(20_000)).priority(null)
                    .tag("has space").build();
            InvalidInputException refused = catchThrowableOfType(InvalidInputException.class,
                    () -> tickets.submit(thandi, bad));

            assertThat(tickets.problems(bad)).isEqualTo(refused.fieldErrors());
            assertThat(tickets.problems(NewTicket.builder().subject("Payout late").body("It did not arrive")
                    .category(Category.of("payouts")).build())).extracting(InvalidInputException.FieldError::field)
                    .containsExactly("category");
            assertThat(tickets.problems(invoice())).isEmpty();
            assertNothingStored();
        }

        @Test
        @DisplayName("a ticket without a category is filed under the desk's default category, GENERAL unless set")
        void defaultCategory() {
            NewTicket unsorted = NewTicket.builder().subject("Question").body("Where do I see my rating?").build();
            assertThat(unsorted.category()).isNull();

            String general = tickets.submit(thandi, unsorted).ticketNumber().text();
            assertThat(tickets.get(sipho, general).ticket().category()).isEqualTo(Category.GENERAL);

            TicketService billingFirst = SupportDesk.builder().store(InMemoryTicketStore.create()).clock(clock)
                    .defaultCategory(Category.BILLING).build().tickets();
            String billing = billingFirst.submit(thandi, unsorted).ticketNumber().text();
            assertThat(billingFirst.get(sipho, billing).ticket().category()).isEqualTo(Category.BILLING);

            assertThatThrownBy(() -> SupportDesk.builder().store(store).defaultCategory(Category.of("payouts")).build())
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("defaultCategory");
        }

        @Test
        @DisplayName("refuses a category the desk does not know, and accepts a registered one")
        void categories() {
            NewTicket payouts = NewTicket.builder().subject("Payout late").body("My payout did not arrive")
                    .category(Category.of("payouts")).build();

            assertThatThrownBy(() -> tickets.submit(thandi, payouts))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("category");
            assertNothingStored();

            TicketService withPayouts = SupportDesk.builder().store(store).clock(clock)
                    .category(Category.of("PAYOUTS")).build().tickets();
            assertThat(withPayouts.submit(thandi, payouts).createdNewTicket()).isTrue();
        }

        @Test
        @DisplayName("a null ticket or actor is a validation error, not a NullPointerException")
        void nulls() {
            assertThatThrownBy(() -> tickets.submit(thandi, null)).isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> tickets.submit(null, invoice())).isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> Actor.requester(" ", "x")).isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> new Attachment("", "image/png", 1, "ref")).isInstanceOf(InvalidInputException.class);
        }

        @Test
        @DisplayName("an idempotency key returns the first receipt instead of a second ticket")
        void idempotency() {
            NewTicket keyed = invoiceBuilder().idempotencyKey("form-123").build();
            SubmissionReceipt first = tickets.submit(thandi, keyed);
            clock.advance(Duration.ofMinutes(5));
            SubmissionReceipt again = tickets.submit(thandi, keyed);

            assertThat(again.ticketNumber()).isEqualTo(first.ticketNumber());
            assertThat(again.outcome()).isEqualTo(SubmissionReceipt.Outcome.REPLAYED);
            assertThat(again.submittedAt()).isEqualTo(first.submittedAt());
            assertThat(store.query(TicketQuery.all()).items()).hasSize(1);
        }

        @Test
        @DisplayName("the same idempotency key for different content is refused")
        void idempotencyMismatch() {
            tickets.submit(thandi, invoiceBuilder().idempotencyKey("form-123").build());
            NewTicket other = NewTicket.builder().subject("Cannot log in").body("Password reset fails")
                    .idempotencyKey("form-123").build();

            assertThatThrownBy(() -> tickets.submit(thandi, other))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("idempotencyKey");
        }

        @Test
        @DisplayName("a repeated request within the window is linked to the open ticket; after it, a new ticket opens")
        void duplicates() {
            SubmissionReceipt first = tickets.submit(thandi, invoice());
            NewTicket sameWords = NewTicket.builder().subject("invoice inv 2291 CHARGED twice!")
                    .body("I was billed twice for March... please refund one payment").category(Category.BILLING)
                    .origin(OriginChannel.WHATSAPP).build();

            clock.advance(Duration.ofHours(2));
            SubmissionReceipt second = tickets.submit(thandi, sameWords);
            assertThat(second.outcome()).isEqualTo(SubmissionReceipt.Outcome.LINKED_TO_EXISTING);
            assertThat(second.ticketNumber()).isEqualTo(first.ticketNumber());
            assertThat(second.confirmationText()).contains(first.ticketNumber().text());
            Ticket linked = store.findByNumber(first.ticketNumber().text()).orElseThrow();
            assertThat(store.auditTrail(linked.id())).extracting(AuditEvent::action)
                    .containsExactly(AuditAction.CREATED, AuditAction.DUPLICATE_LINKED);

            // another requester with the same words gets their own ticket
            assertThat(tickets.submit(pieter, sameWords).createdNewTicket()).isTrue();

            clock.advance(Duration.ofHours(23));
            assertThat(tickets.submit(thandi, sameWords).createdNewTicket()).isTrue();
        }

        @Test
        @DisplayName("an agent can submit on a requester's behalf; a requester cannot")
        void onBehalf() {
            NewTicket phoned = NewTicket.builder().subject("Called about payout").body("Payout for job 88 missing")
                    .origin(OriginChannel.PHONE).onBehalfOf("prov-17").build();

            SubmissionReceipt receipt = tickets.submit(sipho, phoned);
            assertThat(tickets.myTicket(thandi, receipt.ticketNumber().text()).ticket().number())
                    .isEqualTo(receipt.ticketNumber());
            assertThat(tickets.get(sipho, receipt.ticketNumber().text()).ticket().requesterId()).isEqualTo("prov-17");

            NewTicket spoof = NewTicket.builder().subject("x").body("y").onBehalfOf("prov-17").build();
            assertThatThrownBy(() -> tickets.submit(pieter, spoof)).isInstanceOf(AccessDeniedException.class);
        }
    }

    @Nested
    @DisplayName("reply")
    class Replies {

        @Test
        @DisplayName("provider and agent converse on the provider's own ticket; statuses follow")
        void conversation() {
            String number = tickets.submit(thandi, invoice()).ticketNumber().text();

            tickets.reply(sipho, number, Reply.publicReply("Sorry about that. Which card was charged?"));
            Ticket afterAgent = store.findByNumber(number).orElseThrow();
            assertThat(afterAgent.status()).isEqualTo(TicketStatus.OPEN);
            assertThat(afterAgent.firstResponse()).isPresent();

            tickets.changeStatus(sipho, number, TicketStatus.PENDING);
            tickets.reply(thandi, number, Reply.publicReply("The Visa ending 4421."));
            assertThat(store.findByNumber(number).orElseThrow().status()).isEqualTo(TicketStatus.OPEN);

            RequesterTicketDetails details = tickets.myTicket(thandi, number);
            assertThat(details.messages()).extracting(RequesterMessage::body)
                    .containsExactly("Sorry about that. Which card was charged?", "The Visa ending 4421.");
            assertThat(events).extracting(TicketEvent::type).containsExactly(TicketEvent.Type.SUBMITTED,
                    TicketEvent.Type.REPLIED, TicketEvent.Type.STATUS_CHANGED, TicketEvent.Type.REPLIED);
        }

        @Test
        @DisplayName("a requester's reply reopens a resolved ticket; a closed ticket takes no replies")
        void reopen() {
            String number = tickets.submit(thandi, invoice()).ticketNumber().text();
            tickets.changeStatus(sipho, number, TicketStatus.RESOLVED);

            tickets.reply(thandi, number, Reply.publicReply("Still charged twice"));
            assertThat(store.findByNumber(number).orElseThrow().status()).isEqualTo(TicketStatus.OPEN);

            tickets.changeStatus(sipho, number, TicketStatus.CLOSED);
            long version = store.findByNumber(number).orElseThrow().version();
            assertThatThrownBy(() -> tickets.reply(thandi, number, Reply.publicReply("hello?")))
                    .isInstanceOf(InvalidTransitionException.class).hasMessageContaining("closed");
            assertThat(store.findByNumber(number).orElseThrow().version()).isEqualTo(version);
        }

        @Test
        @DisplayName("internal notes: agents only, never shown to the requester")
        void internalNotes() {
            String number = tickets.submit(thandi, invoice()).ticketNumber().text();
            tickets.reply(sipho, number, Reply.internalNote("Refund approved by finance"));
            tickets.assign(lerato, number, "agent-1");
            tickets.reply(sipho, number, Reply.publicReply("Refund is on its way")
                    .withAttachment(new Attachment("refund.pdf", "application/pdf", 2048, "s3://bucket/refund.pdf")));

            assertThatThrownBy(() -> tickets.reply(thandi, number, Reply.internalNote("sneaky")))
                    .isInstanceOf(AccessDeniedException.class);

            RequesterTicketDetails asRequester = tickets.myTicket(thandi, number);
            assertThat(asRequester.messages()).extracting(RequesterMessage::body)
                    .containsExactly("Refund is on its way");
            assertThat(asRequester.messages().get(0).attachments()).hasSize(1);
            assertThat(asRequester.history()).extracting(RequesterAuditEvent::action)
                    .doesNotContain(AuditAction.NOTE_ADDED, AuditAction.ASSIGNED);

            TicketDetails asAgent = tickets.get(sipho, number);
            assertThat(asAgent.messages()).hasSize(2);
            assertThat(asAgent.history()).extracting(AuditEvent::action)
                    .contains(AuditAction.NOTE_ADDED, AuditAction.ASSIGNED);
        }

        @Test
        @DisplayName("an empty or oversized reply is refused and nothing is stored")
        void badReply() {
            String number = tickets.submit(thandi, invoice()).ticketNumber().text();
            assertThatThrownBy(() -> tickets.reply(thandi, number, Reply.publicReply("")))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("body");
            assertThatThrownBy(() -> tickets.reply(thandi, number, Reply.publicReply("a".repeat(20_000))))
                    .isInstanceOf(InvalidInputException.class);
            assertThat(store.messages(store.findByNumber(number).orElseThrow().id())).isEmpty();
        }

        @Test
        @DisplayName("8 threads replying at once lose no reply")
        void concurrentReplies() throws Exception {
            String number = tickets.submit(thandi, invoice()).ticketNumber().text();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    Actor who = t % 2 == 0 ? thandi : sipho;
                    int thread = t;
                    futures.add(pool.submit(() -> {
                        for (int i = 0; i < 10; i++) {
                            tickets.reply(who, number, Reply.publicReply("t" + thread + " m" + i));
                        }
                    }));
                }
                for (Future<?> f : futures) {
                    f.get(30, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
            Ticket t = store.findByNumber(number).orElseThrow();
            assertThat(store.messages(t.id())).hasSize(80);
        }
    }

    @Nested
    @DisplayName("access")
    class Access {

        @Test
        @DisplayName("someone else's ticket looks like a missing one")
        void foreignTicket() {
            String number = tickets.submit(thandi, invoice()).ticketNumber().text();

            assertThatThrownBy(() -> tickets.myTicket(pieter, number)).isInstanceOf(TicketNotFoundException.class)
                    .hasMessage("No ticket " + number + " was found");
            assertThatThrownBy(() -> tickets.reply(pieter, number, Reply.publicReply("mine now")))
                    .isInstanceOf(TicketNotFoundException.class);
            assertThatThrownBy(() -> tickets.myTicket(pieter, "PCS-999999")).isInstanceOf(TicketNotFoundException.class)
                    .hasMessage("No ticket PCS-999999 was found");
            assertThat(store.messages(store.findByNumber(number).orElseThrow().id())).isEmpty();
        }

        @Test
        @DisplayName("requesters cannot see the queue, assign, or set working statuses")
        void requesterLimits() {
            String number = tickets.submit(thandi, invoice()).ticketNumber().text();

            assertThatThrownBy(() -> tickets.queue(thandi, TicketQuery.all())).isInstanceOf(AccessDeniedException.class)
                    .hasMessageContaining("support team");
            assertThatThrownBy(() -> tickets.assign(thandi, number, "prov-17")).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> tickets.changeStatus(thandi, number, TicketStatus.ON_HOLD))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> tickets.changeStatus(thandi, number, TicketStatus.RESOLVED))
                    .isInstanceOf(AccessDeniedException.class).hasMessageContaining("resolveMyTicket");
            assertThat(tickets.resolveMyTicket(thandi, number).status()).isEqualTo(TicketStatus.RESOLVED);
        }

        @Test
        @DisplayName("agents and admins see every ticket in the queue; nothing is hidden")
        void queueShowsAll() {
            tickets.submit(thandi, invoice());
            tickets.submit(pieter, NewTicket.builder().subject("App crashes").body("500 error on the jobs page")
                    .category(Category.TECHNICAL).priority(Priority.HIGH).build());

            assertThat(tickets.queue(sipho, TicketQuery.all()).items()).hasSize(2);
            assertThat(tickets.queue(lerato, TicketQuery.builder().category(Category.TECHNICAL).build()).items())
                    .extracting(Ticket::requesterId).containsExactly("prov-99");
            assertThat(tickets.queue(sipho, TicketQuery.builder().text("500").build()).items()).hasSize(1);
        }

        @Test
        @DisplayName("my tickets lists only the caller's, even if the query names someone else")
        void myTickets() {
            tickets.submit(thandi, invoice());
            tickets.submit(pieter, NewTicket.builder().subject("Profile").body("Change my email").build());

            Page<RequesterTicket> page = tickets.myTickets(thandi, TicketQuery.builder().requester("prov-99").build());
            assertThat(page.items()).extracting(RequesterTicket::subject)
                    .containsExactly("Invoice INV-2291 charged twice");
        }
    }

    @Nested
    @DisplayName("status and assignment")
    class Status {

        @Test
        @DisplayName("illegal transitions are refused with the allowed ones named")
        void illegal() {
            String number = tickets.submit(thandi, invoice()).ticketNumber().text();
            tickets.changeStatus(sipho, number, TicketStatus.CLOSED);

            InvalidTransitionException e = catchThrowableOfType(InvalidTransitionException.class,
                    () -> tickets.changeStatus(sipho, number, TicketStatus.OPEN));
            assertThat(e.from()).isEqualTo(TicketStatus.CLOSED);
            assertThat(e.to()).isEqualTo(TicketStatus.OPEN);
        }

        @Test
        @DisplayName("a stale version is refused and nothing is written")
        void staleVersion() {
            String number = tickets.submit(thandi, invoice()).ticketNumber().text();
            long seen = store.findByNumber(number).orElseThrow().version();
            tickets.reply(sipho, number, Reply.publicReply("Looking into it"));

            ConcurrentUpdateException e = catchThrowableOfType(ConcurrentUpdateException.class,
                    () -> tickets.changeStatus(sipho, number, TicketStatus.ON_HOLD, seen));
            assertThat(e.expectedVersion()).isEqualTo(seen);
            assertThat(store.findByNumber(number).orElseThrow().status()).isEqualTo(TicketStatus.OPEN);

            long current = store.findByNumber(number).orElseThrow().version();
            assertThat(tickets.changeStatus(sipho, number, TicketStatus.ON_HOLD, current).version()).isEqualTo(current + 1);
        }

        @Test
        @DisplayName("assign and unassign are audited with before and after")
        void assign() {
            String number = tickets.submit(thandi, invoice()).ticketNumber().text();
            tickets.assign(sipho, number, "agent-1");
            tickets.assign(lerato, number, "agent-2");
            Ticket t = tickets.unassign(lerato, number);

            assertThat(t.assignee()).isEmpty();
            assertThat(store.auditTrail(t.id())).filteredOn(a -> a.action() == AuditAction.ASSIGNED)
                    .extracting(AuditEvent::before, AuditEvent::after)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(null, "agent-1"),
                            org.assertj.core.groups.Tuple.tuple("agent-1", "agent-2"),
                            org.assertj.core.groups.Tuple.tuple("agent-2", null));
            assertThatThrownBy(() -> tickets.assign(sipho, number, " ")).isInstanceOf(InvalidInputException.class);
        }
    }

    @Nested
    @DisplayName("failures")
    class Failures {

        @Test
        @DisplayName("a store that is down surfaces as its StoreUnavailableException; a store's bug is never dressed up as a reason to retry")
        void storeFailure() {
            TicketStore down = (TicketStore) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {TicketStore.class}, (proxy, method, args) -> {
                        throw new StoreUnavailableException("connection reset", null);
                    });
            TicketService onDown = desk(down).tickets();
            assertThatThrownBy(() -> onDown.submit(thandi, invoice()))
                    .isInstanceOf(StoreUnavailableException.class).hasMessage("connection reset");
            assertThatThrownBy(() -> onDown.get(sipho, "PCS-000001")).isInstanceOf(StoreUnavailableException.class);

            TicketStore buggy = (TicketStore) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {TicketStore.class}, (proxy, method, args) -> {
                        throw new IllegalStateException("a bug in the host's store");
                    });
            TicketService onBuggy = desk(buggy).tickets();
            assertThatThrownBy(() -> onBuggy.submit(thandi, invoice()))
                    .isInstanceOf(IllegalStateException.class).isNotInstanceOf(StoreUnavailableException.class);
        }

        @Test
        @DisplayName("a failing listener does not undo the change or stop the next listener")
        void listenerFailure() {
            List<TicketEvent> seen = new ArrayList<>();
            TicketService withBadListener = SupportDesk.builder().store(store).clock(clock)
                    .listener(e -> {
                        throw new IllegalStateException("mail server down");
                    })
                    .listener(seen::add).build().tickets();

            SubmissionReceipt r = withBadListener.submit(thandi, invoice());
            assertThat(store.findByNumber(r.ticketNumber().text())).isPresent();
            assertThat(seen).hasSize(1);
        }

        @Test
        @DisplayName("null arguments anywhere in the API are InvalidInputExceptions naming the field, never NPEs")
        void nullArguments() {
            assertThatThrownBy(() -> SupportDesk.builder().store(null)).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("store");
            assertThatThrownBy(() -> SupportDesk.builder().clock(null)).isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> TicketQuery.builder().order(null)).isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> new Actor("a", null, "b")).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("role");
            assertThatThrownBy(() -> tickets.myTicket(thandi, null)).isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> tickets.get(sipho, null)).isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> tickets.changeStatus(sipho, "PCS-000001", null)).isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> tickets.reply(thandi, "PCS-000001", null)).isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> tickets.queue(sipho, null)).isInstanceOf(InvalidInputException.class);
        }

        @Test
        @DisplayName("a desk without a store is a clear error")
        void noStore() {
            assertThatThrownBy(() -> SupportDesk.builder().build()).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("store");
        }
    }

    private void assertNothingStored() {
        assertThat(store.query(TicketQuery.all()).items()).isEmpty();
        assertThat(events).isEmpty();
    }
}
