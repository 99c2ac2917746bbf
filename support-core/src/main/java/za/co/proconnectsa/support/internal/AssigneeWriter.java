package za.co.proconnectsa.support.internal;

import java.time.Instant;
import java.util.List;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.event.TicketEvent;
import za.co.proconnectsa.support.spi.TicketStore;
import za.co.proconnectsa.support.ticket.AuditAction;
import za.co.proconnectsa.support.ticket.AuditEvent;
import za.co.proconnectsa.support.ticket.Ticket;
import za.co.proconnectsa.support.ticket.Visibility;

/**
 * Writes a change of assignee, by hand or automatic, the one way: the ticket at the version it was read at, an
 * internal {@link AuditAction#ASSIGNED} event, its outbox entry (written by the store with the update), and the
 * {@link TicketEvent.Type#ASSIGNED} event for listeners after the commit.
 */
public final class AssigneeWriter {

    private final TicketStore store;
    private final TicketEvents events;

    /**
     * @param store  where tickets live
     * @param events the desk's listeners
     */
    public AssigneeWriter(TicketStore store, TicketEvents events) {
        this.store = store;
        this.events = events;
    }

    /**
     * Runs inside a unit of work.
     *
     * @param actor   who assigns
     * @param current the ticket as read in this unit
     * @param agentId the new assignee, or {@code null} to unassign
     * @param now     when
     * @return the stored ticket
     * @throws za.co.proconnectsa.support.ConcurrentUpdateException when the ticket changed since it was read
     */
    public Ticket write(Actor actor, Ticket current, String agentId, Instant now) {
        AuditEvent audit = new AuditEvent(current.id(), actor, AuditAction.ASSIGNED, current.assigneeId(), agentId,
                Visibility.INTERNAL, now);
        Ticket stored = store.update(current.withAssignee(agentId, now), List.of(), List.of(audit));
        events.publishAfterCommit(new TicketEvent(TicketEvent.Type.ASSIGNED, stored, actor, now, null));
        return stored;
    }
}
