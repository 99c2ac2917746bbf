package za.co.proconnectsa.support.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import za.co.proconnectsa.support.ConcurrentUpdateException;
import za.co.proconnectsa.support.SupportDesk;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.spi.TicketStore;
import za.co.proconnectsa.support.store.InMemoryTicketStore;
import za.co.proconnectsa.support.ticket.AuditAction;
import za.co.proconnectsa.support.ticket.AuditEvent;
import za.co.proconnectsa.support.ticket.Category;
import za.co.proconnectsa.support.ticket.Message;
import za.co.proconnectsa.support.ticket.NewTicket;
import za.co.proconnectsa.support.ticket.Reply;
import za.co.proconnectsa.support.ticket.Ticket;
import za.co.proconnectsa.support.ticket.TicketService;

/**
 * The desk retries a reply that lost a version race to another writer, within its conflict retry budget. Here
 * rather than beside the other ticket service tests because it uses the kit's {@link ForwardingTicketStore}.
 */
class ConflictRetryOnDeskTest {

    private static final Actor THANDI = Actor.requester("prov-17", "Thandi Nkosi");
    private static final Actor SIPHO = Actor.agent("agent-1", "Sipho");

    private final SettableClock clock = SettableClock.startingAt("2026-03-02T08:15:30Z");
    private final InMemoryTicketStore store = InMemoryTicketStore.create();

    private String submitted() {
        return SupportDesk.builder().store(store).clock(clock).build().tickets().submit(THANDI, NewTicket.builder()
                .subject("Invoice INV-2291 charged twice").body("I was billed twice for March.")
                .category(Category.BILLING).build()).ticketNumber().text();
    }

    @Test
    @DisplayName("a reply that loses more races than the minimum attempts is retried within the budget and stored once")
    void retriedWithinBudget() {
        String number = submitted();
        RacedStore raced = new RacedStore(store, 20);
        TicketService racing = SupportDesk.builder().store(raced).clock(clock).build().tickets();

        racing.reply(SIPHO, number, Reply.publicReply("Refund issued"));

        assertThat(raced.lost).isEqualTo(20);
        Ticket stored = store.findByNumber(number).orElseThrow();
        assertThat(store.messages(stored.id())).extracting(Message::body).containsExactly("Refund issued");
        assertThat(store.auditTrail(stored.id())).filteredOn(a -> a.action() == AuditAction.REPLIED).hasSize(1);
        assertThat(stored.version()).isEqualTo(2);
    }

    @Test
    @DisplayName("once the attempts and the budget are spent the conflict reaches the caller and nothing is written")
    void budgetSpent() {
        String number = submitted();
        RacedStore raced = new RacedStore(store, Integer.MAX_VALUE);
        TicketService racing = SupportDesk.builder().store(raced).clock(clock).conflictRetryBudget(Duration.ZERO)
                .build().tickets();

        assertThatThrownBy(() -> racing.reply(SIPHO, number, Reply.publicReply("Refund issued")))
                .isInstanceOf(ConcurrentUpdateException.class).hasMessageContaining(number);

        assertThat(raced.lost).isEqualTo(16);
        Ticket stored = store.findByNumber(number).orElseThrow();
        assertThat(store.messages(stored.id())).isEmpty();
        assertThat(store.auditTrail(stored.id())).noneMatch(a -> a.action() == AuditAction.REPLIED);
    }

    @Test
    @DisplayName("a negative budget is refused")
    void negativeBudget() {
        assertThatThrownBy(() -> SupportDesk.builder().conflictRetryBudget(Duration.ofSeconds(-1)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("conflictRetryBudget");
    }

    /**
     * A store where another writer gets in first: each of the first {@code races} updates is refused as the store
     * refuses an update whose version another writer has moved on (the in-memory store runs units one at a time, so
     * a real race cannot happen inside one; the JDBC tests race real writers).
     */
    private static final class RacedStore extends ForwardingTicketStore {
        private final int races;
        private int lost;

        RacedStore(TicketStore inner, int races) {
            super(inner);
            this.races = races;
        }

        @Override
        public Ticket update(Ticket ticket, List<Message> newMessages, List<AuditEvent> auditEvents) {
            if (lost < races) {
                lost++;
                throw new ConcurrentUpdateException(ticket.number().text(), ticket.version(), ticket.version() + 1);
            }
            return delegate().update(ticket, newMessages, auditEvents);
        }
    }
}
