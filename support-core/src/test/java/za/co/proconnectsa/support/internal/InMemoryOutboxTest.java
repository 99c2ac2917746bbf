package za.co.proconnectsa.support.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import za.co.proconnectsa.support.SupportDesk;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.event.DeadLetter;
import za.co.proconnectsa.support.event.OutboxEntry;
import za.co.proconnectsa.support.event.OutboxRelay;
import za.co.proconnectsa.support.event.TicketEvent;
import za.co.proconnectsa.support.store.InMemoryTicketStore;
import za.co.proconnectsa.support.ticket.Category;
import za.co.proconnectsa.support.ticket.NewTicket;
import za.co.proconnectsa.support.ticket.TicketId;

/**
 * The in-memory outbox keeps event types as text, like a database row: an entry of a type this version does not
 * know (written here as a newer version would) is parked as a dead letter, and the relay delivers the rest.
 */
class InMemoryOutboxTest {

    private static final Instant NOW = Instant.parse("2026-03-02T08:15:30Z");
    private static final Actor PROVIDER = Actor.requester("provider-17", "Thandi Nkosi");

    private final InMemoryOutbox outbox = new InMemoryOutbox();

    @Test
    @DisplayName("claim parks an entry of an unknown type with its reason and returns the others")
    void claimParksUnknownType() {
        TicketId ticket = TicketId.random();
        long first = outbox.add(pending(ticket));
        long unknown = outbox.addStored("ESCALATED_TO_MARS", pending(ticket));
        long last = outbox.add(pending(ticket));

        List<OutboxEntry> claimed = outbox.claim("relay-a", 10, Duration.ofSeconds(30), NOW);
        assertThat(claimed).extracting(OutboxEntry::id).containsExactly(first, last);
        assertThat(outbox.pendingCount()).isEqualTo(2);
        DeadLetter parked = outbox.findDeadLetter(unknown).orElseThrow();
        assertThat(parked.type()).isEqualTo("ESCALATED_TO_MARS");
        assertThat(parked.eventType()).isEmpty();
        assertThat(parked.reason()).contains("unknown event type 'ESCALATED_TO_MARS'");
        assertThat(parked.diedAt()).isEqualTo(NOW);
        assertThat(parked.attempts()).isZero();
    }

    @Test
    @DisplayName("a relay over the outbox delivers the entries around an unreadable one and parks it")
    void relayDeliversAroundUnreadable() {
        InMemoryTicketStore store = InMemoryTicketStore.create();
        SupportDesk desk = SupportDesk.builder().store(store).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
        TicketId a = submit(desk, "Invoice charged twice");
        TicketId b = submit(desk, "Payout missing");
        outbox.add(pending(a));
        outbox.addStored("ESCALATED_TO_MARS", pending(a));
        outbox.add(pending(b));
        List<TicketEvent> delivered = new ArrayList<>();
        try (OutboxRelay relay = OutboxRelay.builder(store).outbox(outbox).clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .listener(delivered::add).build()) {
            assertThat(relay.runOnce()).isEqualTo(2);
        }
        assertThat(delivered).extracting(e -> e.ticket().id()).containsExactly(a, b);
        assertThat(outbox.pendingCount()).isZero();
        assertThat(outbox.deadLetterCount()).isEqualTo(1);
    }

    private static TicketId submit(SupportDesk desk, String subject) {
        return desk.tickets().submit(PROVIDER, NewTicket.builder().subject(subject).body("Details of " + subject)
                .category(Category.BILLING).build()).ticketId();
    }

    private static OutboxEntry.Pending pending(TicketId ticket) {
        return new OutboxEntry.Pending(TicketEvent.Type.SUBMITTED, ticket, PROVIDER, NOW, null, null);
    }
}
