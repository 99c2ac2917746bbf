package za.co.proconnectsa.support.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import za.co.proconnectsa.support.SupportException;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.access.AccessPolicy;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.access.Permission;
import za.co.proconnectsa.support.sla.SlaService;
import za.co.proconnectsa.support.sla.SlaStatus;
import za.co.proconnectsa.support.sla.SlaTerms;
import za.co.proconnectsa.support.sla.SlaTimeline;
import za.co.proconnectsa.support.sla.SlaWatcher;
import za.co.proconnectsa.support.spi.SlaStore;
import za.co.proconnectsa.support.spi.TicketStore;
import za.co.proconnectsa.support.ticket.Ticket;
import za.co.proconnectsa.support.ticket.Page;
import za.co.proconnectsa.support.ticket.TicketId;
import za.co.proconnectsa.support.ticket.TicketQuery;
import za.co.proconnectsa.support.ticket.TicketService;
import za.co.proconnectsa.support.ticket.TicketStatus;

/**
 * The desk's {@link SlaService}: reads through the ticket service's access checks and the store's schedule. On a desk
 * built without SLA policies every operation checks its arguments and the actor's access as usual, then refuses with
 * a {@link SupportException} saying so.
 */
public final class DefaultSlaService implements SlaService {

    private static final int MAX_TICKETS = 1000;

    private final TicketStore store;
    private final TicketService tickets;
    private final SlaTracker tracker;
    private final Clock clock;
    private final AccessPolicy policy;

    /**
     * @param store   the desk's store
     * @param tickets the desk's ticket service, for its access checks
     * @param tracker the desk's SLA clocks, or {@code null} when the desk has no SLA policies
     * @param clock   the desk's clock
     * @param policy  the desk's access policy
     */
    public DefaultSlaService(TicketStore store, TicketService tickets, SlaTracker tracker, Clock clock,
            AccessPolicy policy) {
        this.policy = policy;
        this.store = store;
        this.tickets = tickets;
        this.tracker = tracker;
        this.clock = clock;
    }

    @Override
    public SlaTerms terms() {
        return tracker().terms();
    }

    @Override
    public SlaStatus status(Actor agent, String ticketNumber) {
        Ticket ticket = tickets.get(agent, ticketNumber).ticket();
        return tracker().status(ticket, clock.instant());
    }

    @Override
    public Map<TicketId, SlaStatus> statuses(Actor agent, Collection<TicketId> ticketIds) {
        DefaultTicketService.requireSupport(policy, agent);
        Set<TicketId> ids = new LinkedHashSet<>();
        for (TicketId id : Checks.notNull(ticketIds, "tickets")) {
            ids.add(Checks.notNull(id, "tickets"));
        }
        Checks.between(ids.size(), 0, MAX_TICKETS, "tickets");
        SlaTracker clocks = tracker();
        Instant now = clock.instant();
        // someone else's ticket is left out exactly as a missing one, as the single call answers both alike
        List<Ticket> visible = store.findByIds(ids).stream()
                .filter(t -> policy.permits(agent, Permission.VIEW_TICKET, t)).toList();
        Map<TicketId, SlaTimeline> timelines = store instanceof SlaStore sla ? sla.slaTimelines(visible) : Map.of();
        Map<TicketId, SlaStatus> out = new LinkedHashMap<>();
        for (Ticket t : visible) {
            SlaTimeline timeline = timelines.get(t.id());
            out.put(t.id(), timeline == null ? clocks.status(t, now) : clocks.status(t, timeline, now));
        }
        return Collections.unmodifiableMap(out);
    }

    @Override
    public List<Ticket> dueWithin(Actor agent, Duration within, int limit) {
        policy.check(Checks.notNull(agent, "actor"), Permission.VIEW_QUEUE, null);
        if (Checks.notNull(within, "within").isNegative()) {
            throw InvalidInputException.of("within", "must not be negative, was " + within);
        }
        int max = Checks.between(limit, 1, 1000, "limit");
        tracker();
        return schedules().ticketsDueBy(clock.instant().plus(within), max).stream()
                .map(store::findById).flatMap(Optional::stream).toList();
    }

    @Override
    public int rescheduleOpenTickets(Actor agent) {
        policy.check(Checks.notNull(agent, "actor"), Permission.VIEW_QUEUE, null);
        SlaTracker clocks = tracker();
        schedules();
        TicketQuery query = TicketQuery.builder().status(TicketStatus.NEW, TicketStatus.OPEN, TicketStatus.PENDING,
                TicketStatus.ON_HOLD).limit(200).build();
        int done = 0;
        while (true) {
            Page<Ticket> page = store.query(query);
            for (Ticket t : page.items()) {
                store.inTransaction(() -> store.findById(t.id()).map(current -> clocks.track(current, clock.instant())));
                done++;
            }
            if (!page.hasNext()) {
                return done;
            }
            query = query.after(page.nextCursor());
        }
    }

    @Override
    public SlaWatcher.Builder watcher() {
        return new SlaWatcher.Builder(store, schedules(), tracker()::track, clock);
    }

    /** The clocks, once the caller's arguments and access were checked: a desk without policies has none. */
    private SlaTracker tracker() {
        if (tracker == null) {
            throw new SupportException("This desk has no SLA policies; set them with SupportDesk.Builder.slaPolicies");
        }
        return tracker;
    }

    private SlaStore schedules() {
        if (store instanceof SlaStore sla) {
            return sla;
        }
        throw new SupportException("The desk's store keeps no SLA schedule (SlaStore); the in-memory and JDBC stores do");
    }
}
