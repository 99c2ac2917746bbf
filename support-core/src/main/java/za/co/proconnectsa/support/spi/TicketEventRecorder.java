package za.co.proconnectsa.support.spi;

import java.util.List;
import za.co.proconnectsa.support.ticket.AuditEvent;
import za.co.proconnectsa.support.ticket.TicketId;

/**
 * A store that can add audit events to a ticket's trail without writing the ticket itself: SLA warnings, breaches and
 * fulfilments ({@link SlaStore}) and data-subject requests that touched the ticket ({@link DataSubjectStore}). The
 * in-memory and JDBC stores implement it.
 */
public interface TicketEventRecorder {

    /**
     * Appends audit events that change nothing on the ticket, with their outbox entries where the store keeps an
     * outbox. The ticket's version and its place in {@link TicketStore#changesSince} stay as they are: hosts hear of
     * these events through the outbox. Takes part in the caller's unit of work ({@link UnitOfWork}).
     *
     * @param ticketId the ticket
     * @param events   the events, all of that ticket
     * @throws za.co.proconnectsa.support.ticket.TicketNotFoundException when the store holds no such ticket
     */
    void recordTicketEvents(TicketId ticketId, List<AuditEvent> events);
}
