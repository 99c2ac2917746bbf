package za.co.proconnectsa.support.spi;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import za.co.proconnectsa.support.sla.SlaTimeline;
import za.co.proconnectsa.support.ticket.Ticket;
import za.co.proconnectsa.support.ticket.TicketId;

/**
 * Where a store keeps what the desk's SLA clocks need between changes: each ticket's schedule (when its nearest
 * target is due, for the queue, and when the watcher should next look at it, for warnings and breaches), the SLA
 * events already announced (so each is announced once, however many watchers run), and (through
 * {@link TicketEventRecorder}) a way to record events that change nothing on the ticket itself. The in-memory and JDBC stores implement it.
 *
 * <p>Every method takes part in the caller's unit of work ({@link UnitOfWork}).
 */
public interface SlaStore extends TicketEventRecorder {

    /**
     * Sets a ticket's schedule, replacing what it had.
     *
     * @param ticketId  the ticket
     * @param nextDue   when its nearest unfulfilled target is due, or {@code null} when none is
     * @param nextCheck when the watcher should next look at it (a warning or a due moment to come), or
     *                  {@code null} when nothing is to come
     */
    void saveSlaSchedule(TicketId ticketId, Instant nextDue, Instant nextCheck);

    /**
     * Claims tickets whose next check has come, oldest check first, through an index on the check instant: their next
     * check moves to {@code now + lease} in the claim's own transaction, so no other watcher takes them until the lease
     * passes or the claimer saves a new schedule. Safe with several watchers on several instances.
     *
     * @param now   the watcher's time
     * @param lease how long the claim holds
     * @param max   at most this many, 1 to 1000
     * @return the claimed tickets
     */
    List<TicketId> claimSlaChecks(Instant now, Duration lease, int max);

    /**
     * Records that an SLA event was announced, unless it already was.
     *
     * @param ticketId the ticket
     * @param eventKey the event (target, kind and the run of the target), 1 to 100 characters
     * @param at       when
     * @return {@code true} when recorded now; {@code false} when it already was, by this or another unit
     */
    boolean markSlaEvent(TicketId ticketId, String eventKey, Instant at);

    /**
     * @param until the latest due instant wanted
     * @param limit at most this many, 1 to 1000
     * @return the tickets whose nearest target is due at or before {@code until}, nearest first
     */
    List<TicketId> ticketsDueBy(Instant until, int limit);

    /**
     * The SLA timelines of several tickets, read together (the support team's queue shows a page of tickets with
     * their SLA badges): for each ticket, what {@link SlaTimeline#ofTicket} makes of its
     * {@linkplain TicketStore#messages messages} and {@linkplain TicketStore#auditTrail audit trail}, moment for
     * moment in the same order, so a status read from it equals the one read ticket by ticket. The in-memory and
     * JDBC stores read all of them in one query.
     *
     * @param tickets stored tickets, at most 1000
     * @return each ticket's timeline by its id, in the order of {@code tickets}
     */
    Map<TicketId, SlaTimeline> slaTimelines(Collection<Ticket> tickets);
}
