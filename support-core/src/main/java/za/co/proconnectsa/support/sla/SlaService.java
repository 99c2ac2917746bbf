package za.co.proconnectsa.support.sla;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.access.AccessDeniedException;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.access.Permission;
import za.co.proconnectsa.support.ticket.Ticket;
import za.co.proconnectsa.support.ticket.TicketId;
import za.co.proconnectsa.support.ticket.TicketNotFoundException;

/**
 * The desk's SLA clocks for the support team ({@code desk.sla()}): every target of a ticket with its due instant,
 * remaining time and state, the tickets nearest their due time, and the watcher that announces warnings and
 * breaches of tickets nobody touches.
 *
 * <p>Every change of a ticket reads its clocks in the change's unit of work: a fulfilment (an agent's public reply,
 * resolving) and a breach found then are written to the audit trail and the outbox with the change, as
 * {@code SLA_FULFILLED} and {@code SLA_BREACHED} events; warnings and breaches that come while nothing happens are
 * found by the {@link SlaWatcher}. Each event is announced once per target run, however many desks and watchers share
 * the store.
 *
 * <pre>{@code
 * SupportDesk desk = SupportDesk.builder().store(store)
 *         .slaPolicies(SlaPolicies.of(SlaPolicy.builder("standard")
 *                 .target(SlaTarget.businessTime(SlaTargetType.FIRST_RESPONSE, Duration.ofHours(4)))
 *                 .target(SlaTarget.businessDays(SlaTargetType.RESOLUTION, 3))
 *                 .build()))
 *         .build();
 * SlaWatcher watcher = desk.sla().watcher().build().start();
 * SlaStatus status = desk.sla().status(agent, "PCS-000042");
 * Map<TicketId, SlaStatus> page = desk.sla().statuses(agent, ticketIds);   // a queue page's badges at once
 * List<Ticket> urgent = desk.sla().dueWithin(agent, Duration.ofHours(1), 50);
 * }</pre>
 */
public interface SlaService {

    /** @return the desk's SLA policies and business hours over time */
    SlaTerms terms();

    /**
     * @param agent        who asks (support staff)
     * @param ticketNumber the ticket
     * @return every target's status now
     * @throws AccessDeniedException  when the actor is not support staff
     * @throws TicketNotFoundException when there is no such ticket
     */
    SlaStatus status(Actor agent, String ticketNumber);

    /**
     * The SLA status of a page of tickets at once, for a queue that shows a badge a row: for each ticket the same
     * status {@link #status(Actor, String)} gives, read at one instant with one store query for the tickets and one
     * for all their timelines, instead of several queries a ticket.
     *
     * <p>A ticket the desk's access policy does not let the actor see ({@link Permission#VIEW_TICKET}) is left out
     * of the answer exactly as an id of no ticket is: the single call answers both with
     * {@link TicketNotFoundException}.
     *
     * <pre>{@code
     * Page<Ticket> page = desk.tickets().queue(agent, query);
     * Map<TicketId, SlaStatus> badges = desk.sla().statuses(agent, page.items().stream().map(Ticket::id).toList());
     * }</pre>
     *
     * @param agent   who asks (support staff)
     * @param tickets the tickets' ids, at most 1000; an id given twice counts once
     * @return the status of each ticket found and visible to the actor, by id, in the order of {@code tickets};
     *         unmodifiable
     * @throws AccessDeniedException  when the actor is not support staff
     * @throws InvalidInputException when the actor, the collection or an id is null, or there are more than 1000
     */
    Map<TicketId, SlaStatus> statuses(Actor agent, Collection<TicketId> tickets);

    /**
     * The queue by urgency: open tickets whose nearest running target is due within {@code within} from now (or is
     * already past due and not yet announced as breached), nearest first, read through the store's index.
     *
     * @param agent  who asks (support staff)
     * @param within how far ahead, not negative
     * @param limit  at most this many, 1 to 1000
     * @return the tickets, nearest due first
     */
    List<Ticket> dueWithin(Actor agent, Duration within, int limit);

    /** @return a builder for the watcher that announces warnings and breaches as time passes */
    SlaWatcher.Builder watcher();

    /**
     * Reads the clocks of every open ticket again and saves their schedules, each ticket in a unit of work of its own.
     * Call it once after starting with changed {@link SlaTerms} (or business hours): statuses are always read with
     * the desk's current terms, but the schedules that order {@link #dueWithin} and wake the watcher were saved under
     * the old ones until each ticket next changes.
     *
     * @param agent who asks (support staff)
     * @return how many tickets were rescheduled
     */
    int rescheduleOpenTickets(Actor agent);
}
