package za.co.proconnectsa.support.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.SupportDesk;
import za.co.proconnectsa.support.SupportException;
import za.co.proconnectsa.support.access.AccessDeniedException;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.store.InMemoryTicketStore;
import za.co.proconnectsa.support.ticket.NewTicket;
import za.co.proconnectsa.support.ticket.Ticket;
import za.co.proconnectsa.support.ticket.TicketId;
import za.co.proconnectsa.support.ticket.TicketNotFoundException;

/**
 * {@code desk.sla()} on a desk built without SLA policies: like every other service, bad arguments are refused as
 * invalid input and requesters as denied before it says that the desk keeps no SLA.
 */
class SlaServiceWithoutPoliciesTest {

    private static final Actor AGENT = Actor.agent("agent-3", "Sipho (Support)");
    private static final Actor THANDI = Actor.requester("provider-17", "Thandi");

    private final InMemoryTicketStore store = InMemoryTicketStore.create();
    private final SupportDesk desk = SupportDesk.builder().store(store).build();
    private final String number = desk.tickets().submit(THANDI, NewTicket.builder().subject("Invoice missing")
            .body("Since this morning").build()).ticketNumber().text();
    private final TicketId id = store.findByNumber(number).map(Ticket::id).orElseThrow();

    @Test
    @DisplayName("a null actor is invalid input on every operation that takes one, as on the other services")
    void nullActorIsInvalidInput() {
        for (ThrowingCallable call : callsBy(null)) {
            Throwable thrown = catchThrowable(call);
            assertThat(thrown).isInstanceOf(InvalidInputException.class);
            assertThat(((InvalidInputException) thrown).fieldErrors()).extracting(e -> e.field()).containsExactly("actor");
        }
        // the analytics of the same desk answer a null actor the same way
        assertThat(catchThrowable(() -> desk.analytics().report(null,
                za.co.proconnectsa.support.analytics.AnalyticsQuery.of(java.time.Instant.EPOCH,
                        java.time.Instant.now())))).isInstanceOf(InvalidInputException.class);
    }

    @Test
    @DisplayName("other bad arguments are invalid input too, and a requester is denied, before the missing policies")
    void argumentsAndAccessFirst() {
        assertThat(catchThrowable(() -> desk.sla().statuses(AGENT, null))).isInstanceOf(InvalidInputException.class);
        assertThat(catchThrowable(() -> desk.sla().statuses(AGENT, java.util.Arrays.asList(id, null))))
                .isInstanceOf(InvalidInputException.class);
        assertThat(catchThrowable(() -> desk.sla().dueWithin(AGENT, Duration.ofHours(-1), 10)))
                .isInstanceOf(InvalidInputException.class);
        assertThat(catchThrowable(() -> desk.sla().dueWithin(AGENT, Duration.ofHours(1), 0)))
                .isInstanceOf(InvalidInputException.class);
        assertThat(catchThrowable(() -> desk.sla().status(AGENT, " "))).isInstanceOf(InvalidInputException.class);
        assertThat(catchThrowable(() -> desk.sla().status(AGENT, "PCS-099999")))
                .isInstanceOf(TicketNotFoundException.class);
        for (ThrowingCallable call : callsBy(THANDI)) {
            assertThat(catchThrowable(call)).isInstanceOf(AccessDeniedException.class);
        }
    }

    @Test
    @DisplayName("support staff with good arguments are told the desk has no SLA policies")
    void thenNoPolicies() {
        List<ThrowingCallable> calls = new java.util.ArrayList<>(callsBy(AGENT));
        calls.add(() -> desk.sla().terms());
        calls.add(() -> desk.sla().watcher());
        for (ThrowingCallable call : calls) {
            Throwable thrown = catchThrowable(call);
            assertThat(thrown).isExactlyInstanceOf(SupportException.class)
                    .hasMessageContaining("no SLA policies");
        }
    }

    /** Every operation that takes an actor, with good arguments otherwise. */
    private List<ThrowingCallable> callsBy(Actor actor) {
        return List.of(() -> desk.sla().status(actor, number), () -> desk.sla().statuses(actor, List.of(id)),
                () -> desk.sla().dueWithin(actor, Duration.ofHours(1), 10),
                () -> desk.sla().rescheduleOpenTickets(actor));
    }
}
