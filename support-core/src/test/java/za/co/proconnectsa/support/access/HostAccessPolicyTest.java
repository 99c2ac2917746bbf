package za.co.proconnectsa.support.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import za.co.proconnectsa.support.SupportDesk;
import za.co.proconnectsa.support.store.InMemoryTicketStore;
import za.co.proconnectsa.support.ticket.Category;
import za.co.proconnectsa.support.ticket.NewTicket;
import za.co.proconnectsa.support.ticket.Reply;
import za.co.proconnectsa.support.ticket.TicketNotFoundException;
import za.co.proconnectsa.support.ticket.TicketStatus;

/** A host brings its own access policy: the desk asks it, not the standard table. */
class HostAccessPolicyTest {

    private final Actor thandi = Actor.requester("prov-17", "Thandi Nkosi");
    private final Actor sipho = Actor.agent("agent-1", "Sipho");
    private final NewTicket invoice = NewTicket.builder().subject("Invoice INV-2291 charged twice")
            .body("I was billed twice for March.").category(Category.BILLING).build();

    /** Billing stays with finance: agents may not touch a billing ticket, requesters may not resolve their own. */
    private static AccessPolicy billingStaysWithFinance(List<String> asked) {
        return (actor, permission, ticket) -> {
            asked.add(actor.id() + ":" + permission);
            if (actor.role() == Role.REQUESTER && permission == Permission.RESOLVE) {
                return false;
            }
            if (actor.role() == Role.AGENT && ticket != null && ticket.category() == Category.BILLING) {
                return false;
            }
            return AccessPolicy.standard().permits(actor, permission, ticket);
        };
    }

    @Test
    @DisplayName("the desk asks the host's policy on every operation and refuses what it refuses")
    void hostPolicyDecides() {
        List<String> asked = new CopyOnWriteArrayList<>();
        SupportDesk desk = SupportDesk.builder().store(InMemoryTicketStore.create())
                .accessPolicy(billingStaysWithFinance(asked)).build();
        String number = desk.tickets().submit(thandi, invoice).ticketNumber().text();

        assertThat(desk.accessPolicy()).isNotSameAs(AccessPolicy.standard());
        assertThat(asked).contains("prov-17:SUBMIT");
        assertThatThrownBy(() -> desk.tickets().resolveMyTicket(thandi, number))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("access policy");
        // a ticket the policy does not let an actor see is one that does not exist, for them
        assertThatThrownBy(() -> desk.tickets().reply(sipho, number, Reply.publicReply("Refunded")))
                .isInstanceOf(TicketNotFoundException.class);
        assertThatThrownBy(() -> desk.tickets().changeStatus(sipho, number, TicketStatus.RESOLVED))
                .isInstanceOf(TicketNotFoundException.class);
        assertThat(asked).contains("prov-17:RESOLVE", "agent-1:VIEW_TICKET");
        // what the host's policy leaves to the standard one still works
        assertThat(desk.tickets().myTicket(thandi, number).ticket().status()).isEqualTo(TicketStatus.NEW);
        assertThat(desk.tickets().get(Actor.admin("admin-1", "Lerato"), number).ticket().category()).isEqualTo(Category.BILLING);
    }

    @Test
    @DisplayName("without a policy of its own the desk uses the standard one, which lets both through")
    void standardByDefault() {
        SupportDesk desk = SupportDesk.builder().store(InMemoryTicketStore.create()).build();
        String number = desk.tickets().submit(thandi, invoice).ticketNumber().text();

        assertThat(desk.accessPolicy()).isSameAs(AccessPolicy.standard());
        desk.tickets().reply(sipho, number, Reply.publicReply("Refunded"));
        assertThat(desk.tickets().resolveMyTicket(thandi, number).status()).isEqualTo(TicketStatus.RESOLVED);
    }

    @Test
    @DisplayName("the standard policy keeps its table: requesters on their own tickets, admins alone on agents")
    void standardTable() {
        StandardAccessPolicy standard = AccessPolicy.standard();
        assertThat(standard.scope(Role.REQUESTER, Permission.RESOLVE)).isEqualTo(StandardAccessPolicy.Scope.OWN);
        assertThat(standard.scope(Role.AGENT, Permission.MANAGE_AGENTS)).isEqualTo(StandardAccessPolicy.Scope.NONE);
        assertThatThrownBy(() -> standard.check(thandi, Permission.VIEW_QUEUE, null))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("support team");
    }
}
