package za.co.proconnectsa.support.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import za.co.proconnectsa.support.SupportDesk;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.event.OutboxRelay;
import za.co.proconnectsa.support.event.TicketEvent;
import za.co.proconnectsa.support.spi.TicketStore;
import za.co.proconnectsa.support.store.InMemoryTicketStore;
import za.co.proconnectsa.support.ticket.Category;
import za.co.proconnectsa.support.ticket.NewTicket;
import za.co.proconnectsa.support.ticket.Reply;
import za.co.proconnectsa.support.ticket.TicketStatus;

/** The relay turns outbox entries of real desk operations back into the events listeners get in process. */
class OutboxRelayTest {

    private static final Actor PROVIDER = Actor.requester("provider-17", "Thandi Nkosi");
    private static final Actor AGENT = Actor.agent("agent-3", "Sipho");

    private final SettableClock clock = SettableClock.startingAt("2026-03-02T08:15:30Z");
    private final InMemoryTicketStore store = InMemoryTicketStore.create();
    private final List<TicketEvent> inProcess = Collections.synchronizedList(new ArrayList<>());
    private final SupportDesk desk = SupportDesk.builder().store(store).clock(clock).listener(inProcess::add).build();

    @Test
    @DisplayName("the relay delivers what the desk's in-process listeners got: same types, actors, times, tickets and messages")
    void sameEventsAsInProcess() {
        String number = submitAndWork();
        List<TicketEvent> relayed = new ArrayList<>();
        OutboxRelay relay = OutboxRelay.builder(store).listener(relayed::add).clock(clock).build();

        assertThat(relay.runOnce()).isEqualTo(inProcess.size());
        assertThat(relayed).extracting(TicketEvent::type).containsExactlyElementsOf(
                inProcess.stream().map(TicketEvent::type).toList());
        assertThat(relayed).extracting(TicketEvent::actor).containsExactlyElementsOf(
                inProcess.stream().map(TicketEvent::actor).toList());
        assertThat(relayed).extracting(TicketEvent::at).containsExactlyElementsOf(
                inProcess.stream().map(TicketEvent::at).toList());
        assertThat(relayed).extracting(TicketEvent::message).containsExactlyElementsOf(
                inProcess.stream().map(TicketEvent::message).toList());
        // the relay reads the ticket when it delivers: its current state
        assertThat(relayed).allSatisfy(e -> assertThat(e.ticket().number().text()).isEqualTo(number))
                .allSatisfy(e -> assertThat(e.ticket().status()).isEqualTo(TicketStatus.RESOLVED));
        assertThat(store.pendingCount()).isZero();
        assertThat(relay.runOnce()).isZero();
    }

    @Test
    @DisplayName("a failing listener gets the event again after the retry delay, and nothing is lost meanwhile")
    void retriesAfterFailure() {
        submitAndWork();
        int events = inProcess.size();
        AtomicInteger failuresLeft = new AtomicInteger(1);
        List<TicketEvent> delivered = new ArrayList<>();
        OutboxRelay relay = OutboxRelay.builder(store).clock(clock).retryDelay(Duration.ofSeconds(10))
                .listener(e -> {
                    if (e.type() == TicketEvent.Type.REPLIED && failuresLeft.getAndDecrement() > 0) {
                        throw new IllegalStateException("mail server down");
                    }
                    delivered.add(e);
                }).build();

        assertThat(relay.runOnce()).isEqualTo(events - 1);
        assertThat(store.pendingCount()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(9));
        assertThat(relay.runOnce()).isZero();
        clock.advance(Duration.ofSeconds(2));
        assertThat(relay.runOnce()).isEqualTo(1);
        assertThat(delivered).hasSize(events).last().satisfies(e -> assertThat(e.type()).isEqualTo(TicketEvent.Type.REPLIED));
        assertThat(store.pendingCount()).isZero();
    }

    @Test
    @DisplayName("a slow batch stops before its lease ends; the rest is delivered on the next run")
    void leaseRunsOut() {
        submitAndWork();
        int events = inProcess.size();
        List<TicketEvent> delivered = new ArrayList<>();
        OutboxRelay relay = OutboxRelay.builder(store).clock(clock).lease(Duration.ofSeconds(60)).listener(e -> {
            delivered.add(e);
            clock.advance(Duration.ofSeconds(20)); // each delivery takes 20 s
        }).build();
        // 54 s into the 60 s lease the relay stops: three deliveries, not five
        assertThat(relay.runOnce()).isEqualTo(3);
        assertThat(store.pendingCount()).isEqualTo(events - 3);
        clock.advance(Duration.ofSeconds(60));
        assertThat(relay.runOnce() + relay.runOnce()).isEqualTo(events - 3);
        assertThat(delivered).hasSize(events);
    }

    @Test
    @DisplayName("an Error thrown by a listener is a failed delivery, retried later, not the end of the relay")
    void errorsAreFailures() {
        submitAndWork();
        AtomicInteger calls = new AtomicInteger();
        OutboxRelay relay = OutboxRelay.builder(store).clock(clock).retryDelay(Duration.ofSeconds(1)).listener(e -> {
            if (calls.incrementAndGet() == 1) {
                throw new AssertionError("listener bug");
            }
        }).build();
        int first = relay.runOnce();
        assertThat(first).isEqualTo(inProcess.size() - 1);
        clock.advance(Duration.ofSeconds(2));
        assertThat(relay.runOnce()).isEqualTo(1);
        assertThat(store.pendingCount()).isZero();
    }

    @Test
    @DisplayName("started, the relay delivers new events on its own thread until closed")
    void backgroundThread() {
        List<TicketEvent> delivered = Collections.synchronizedList(new ArrayList<>());
        try (OutboxRelay relay = OutboxRelay.builder(store).listener(delivered::add).pollInterval(Duration.ofMillis(20))
                .build().start()) {
            submitAndWork();
            await().atMost(Duration.ofSeconds(10)).until(() -> delivered.size() == inProcess.size());
            assertThatThrownBy(relay::start).hasMessageContaining("already started");
        }
        assertThat(store.pendingCount()).isZero();
    }

    @Test
    @DisplayName("a relay needs an outbox and a listener, at least one attempt, and a heartbeat shorter than its lease")
    void configuration() {
        TicketStore noOutbox = new ForwardingTicketStore(store); // a store without an outbox of its own
        assertThatThrownBy(() -> OutboxRelay.builder(noOutbox).listener(e -> { }).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("EventOutbox");
        assertThatThrownBy(() -> OutboxRelay.builder(store).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("listener");
        assertThatThrownBy(() -> OutboxRelay.builder(store).batchSize(0))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("batchSize");
        assertThatThrownBy(() -> OutboxRelay.builder(store).lease(Duration.ZERO))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("lease");
        assertThatThrownBy(() -> OutboxRelay.builder(store).maxAttempts(0))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> OutboxRelay.builder(store).listener(e -> { }).lease(Duration.ofSeconds(30))
                .heartbeatInterval(Duration.ofSeconds(30)).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("heartbeatInterval");
    }

    private String submitAndWork() {
        String number = desk.tickets().submit(PROVIDER, NewTicket.builder().subject("Invoice INV-2291 charged twice")
                .body("My card was billed twice.").category(Category.BILLING).build()).ticketNumber().text();
        clock.advance(Duration.ofMinutes(5));
        desk.tickets().reply(AGENT, number, Reply.publicReply("Sorry! Which card?"));
        desk.tickets().reply(AGENT, number, Reply.internalNote("Check with finance"));
        clock.advance(Duration.ofMinutes(5));
        desk.tickets().assign(AGENT, number, "agent-3");
        desk.tickets().changeStatus(AGENT, number, TicketStatus.RESOLVED);
        return number;
    }
}
