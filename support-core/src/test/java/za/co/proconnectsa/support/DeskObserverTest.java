package za.co.proconnectsa.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.event.DeskObserver;
import za.co.proconnectsa.support.routing.Channel;
import za.co.proconnectsa.support.routing.RoutingDecision;
import za.co.proconnectsa.support.routing.SupportRequest;
import za.co.proconnectsa.support.spi.TicketStore;
import za.co.proconnectsa.support.store.InMemoryTicketStore;
import za.co.proconnectsa.support.ticket.Category;
import za.co.proconnectsa.support.ticket.NewTicket;
import za.co.proconnectsa.support.ticket.Reply;

class DeskObserverTest {

    private static final Actor THANDI = Actor.requester("prov-17", "Thandi Nkosi");
    private static final Actor AGENT = Actor.agent("agent-3", "Sipho");

    @Test
    @DisplayName("each routing decision reaches the observers in order, and a failing observer changes nothing")
    void routed() {
        List<String> seen = new CopyOnWriteArrayList<>();
        SupportDesk desk = SupportDesk.builder().store(InMemoryTicketStore.create())
                .observer(new DeskObserver() {
                    @Override
                    public void routed(RoutingDecision decision) {
                        throw new IllegalStateException("a broken meter registry");
                    }
                })
                .observer(new DeskObserver() {
                    @Override
                    public void routed(RoutingDecision decision) {
                        seen.add(decision.channel() + " " + decision.ruleName());
                    }
                }).build();

        RoutingDecision decision = desk.route(SupportRequest.of("I want to open a ticket about my invoice"));

        assertThat(seen).containsExactly(decision.channel() + " " + decision.ruleName());
        assertThat(decision.channel()).isIn(Channel.values());
    }

    @Test
    @DisplayName("a reply that lost a version race is retried, and the observers are told what kind of change it was")
    void conflictRetried() {
        InMemoryTicketStore real = InMemoryTicketStore.create();
        AtomicInteger lose = new AtomicInteger(2);
        TicketStore racing = losingUpdates(real, lose);
        List<String> retried = new CopyOnWriteArrayList<>();
        SupportDesk desk = SupportDesk.builder().store(racing).observer(new DeskObserver() {
            @Override
            public void conflictRetried(String operation) {
                retried.add(operation);
            }
        }).build();
        String number = desk.tickets().submit(THANDI, NewTicket.builder().subject("Invoice INV-2291 charged twice")
                .body("Billed twice in March").category(Category.BILLING).build()).ticketNumber().text();

        desk.tickets().reply(AGENT, number, Reply.publicReply("Refunded, sorry about that!"));

        assertThat(retried).containsExactly("reply", "reply");
        assertThat(real.messages(real.findByNumber(number).orElseThrow().id())).extracting(m -> m.body())
                .as("stored once, by the third attempt").containsOnlyOnce("Refunded, sorry about that!");
    }

    /** The store, whose next {@code lose} updates fail as if another writer had changed the ticket first. */
    private static TicketStore losingUpdates(InMemoryTicketStore real, AtomicInteger lose) {
        return (TicketStore) Proxy.newProxyInstance(DeskObserverTest.class.getClassLoader(),
                real.getClass().getInterfaces(), (proxy, method, args) -> {
                    if (method.getName().equals("update") && lose.getAndDecrement() > 0) {
                        throw new ConcurrentUpdateException("PCS-000001", 1, 2);
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getTargetException();
                    }
                });
    }
}
