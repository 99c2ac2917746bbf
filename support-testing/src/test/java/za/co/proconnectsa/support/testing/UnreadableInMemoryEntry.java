package za.co.proconnectsa.support.testing;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.time.Instant;
import java.util.List;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.event.OutboxEntry;
import za.co.proconnectsa.support.store.InMemoryTicketStore;
import za.co.proconnectsa.support.ticket.AuditAction;
import za.co.proconnectsa.support.ticket.AuditEvent;
import za.co.proconnectsa.support.ticket.Ticket;
import za.co.proconnectsa.support.ticket.Visibility;

/**
 * Writes an outbox entry of an unknown event type into the in-memory store, as a newer version would during a
 * rolling deploy. The store offers no way to do that, rightly, so the test reaches its outbox by reflection.
 */
final class UnreadableInMemoryEntry {

    private UnreadableInMemoryEntry() {
    }

    static void write(InMemoryTicketStore store, String eventType, Ticket ticket) {
        OutboxEntry.Pending pending = OutboxEntry.pending(List.of(new AuditEvent(ticket.id(),
                Actor.requester("prov-17", "Thandi Nkosi"), AuditAction.CREATED, null, "NEW", Visibility.PUBLIC,
                Instant.parse("2026-03-02T08:15:30Z"))), List.of()).get(0);
        try {
            Field field = InMemoryTicketStore.class.getDeclaredField("outbox");
            field.setAccessible(true);
            Object outbox = field.get(store);
            Method addStored = outbox.getClass().getDeclaredMethod("addStored", String.class, OutboxEntry.Pending.class);
            addStored.setAccessible(true);
            addStored.invoke(outbox, eventType, pending);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the in-memory store's outbox has moved; update this test", e);
        }
    }
}
