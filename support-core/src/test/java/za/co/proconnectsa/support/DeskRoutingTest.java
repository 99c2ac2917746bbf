package za.co.proconnectsa.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import za.co.proconnectsa.support.routing.Channel;
import za.co.proconnectsa.support.routing.Condition;
import za.co.proconnectsa.support.routing.RoutingDecision;
import za.co.proconnectsa.support.routing.RoutingPolicy;
import za.co.proconnectsa.support.routing.SupportRequest;
import za.co.proconnectsa.support.routing.TestWhatsAppLinks;
import za.co.proconnectsa.support.store.InMemoryTicketStore;

class DeskRoutingTest {

    private final TestClock clock = new TestClock("2026-03-03T08:00:00Z");
    private final SupportDesk desk = SupportDesk.builder()
            .store(InMemoryTicketStore.create())
            .clock(clock)
            .whatsApp(TestWhatsAppLinks.SUPPORT)
            .build();

    @Test
    @DisplayName("the desk routes with its clock, hours and number")
    void routes() {
        RoutingDecision d = desk.route(SupportRequest.of("Where do I see new leads?"));
        assertThat(d.channel()).isEqualTo(Channel.WHATSAPP);
        assertThat(d.whatsAppLink()).isPresent();
        assertThat(desk.supportPage().whatsAppCard()).isPresent();
    }

    @Test
    @DisplayName("a policy swap is atomic: concurrent routing sees the old or the new policy, never a mix")
    void atomicSwap() throws Exception {
        RoutingPolicy allTickets = RoutingPolicy.builder()
                .rule("everything", Condition.always(), Channel.TICKET, "All tickets today.")
                .otherwise(Channel.TICKET, "All tickets today.").build();
        AtomicBoolean stop = new AtomicBoolean();
        List<String> seen = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean sawNew = new AtomicBoolean();
        Thread router = new Thread(() -> {
            while (!stop.get()) {
                RoutingDecision d = desk.route(SupportRequest.of("hello"));
                seen.add(d.ruleName() + "/" + d.channel());
                if (d.ruleName().equals("everything")) {
                    sawNew.set(true);
                }
            }
        });
        router.start();
        // swap while the router is running, and stop once it has routed with the new policy; waits, not sleeps,
        // so that a slow machine cannot end the test before the router ran
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (seen.isEmpty() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        RoutingPolicy old = desk.replaceRoutingPolicy(allTickets);
        while (!sawNew.get() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        stop.set(true);
        router.join(5000);

        assertThat(old.rules()).isNotEmpty();
        assertThat(sawNew).isTrue();
        assertThat(desk.routingPolicy()).isSameAs(allTickets);
        assertThat(seen).isNotEmpty().allMatch(s -> s.equals("quick-question/WHATSAPP") || s.equals("everything/TICKET"));
        assertThat(desk.route(SupportRequest.of("hello")).ruleName()).isEqualTo("everything");
    }

    @Test
    @DisplayName("the default hours are Mon-Fri 8am-6pm in Johannesburg, closed on public holidays")
    void defaultHours() {
        assertThat(desk.businessHours().describe()).isEqualTo("Mon-Fri 8am-6pm");
        // Good Friday, 3 April 2026, 10:00 in Johannesburg
        assertThat(desk.businessHours().isOpen(java.time.Instant.parse("2026-04-03T08:00:00Z"))).isFalse();
        assertThat(desk.businessHours().isOpen(java.time.Instant.parse("2026-04-02T08:00:00Z"))).isTrue();
    }
}
