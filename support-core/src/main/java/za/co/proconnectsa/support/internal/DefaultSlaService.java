package za.co.proconnectsa.support.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import za.co.proconnectsa.support.SupportException;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.access.AccessPolicy;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.access.Permission;
import za.co.proconnectsa.support.sla.SlaService;
import za.co.proconnectsa.support.sla.SlaStatus;
import za.co.proconnectsa.support.sla.SlaTerms;
import za.co.proconnectsa.support.sla.SlaWatcher;
import za.co.proconnectsa.support.spi.SlaStore;
import za.co.proconnectsa.support.spi.TicketStore;
import za.co.proconnectsa.support.ticket.Ticket;
import za.co.proconnectsa.support.ticket.Page;
import za.co.proconnectsa.support.ticket.TicketQuery;
import za.co.proconnectsa.support.ticket.TicketService;
import za.co.proconnectsa.support.ticket.TicketStatus;
import za.co.proconnectsa.support.internal.Checks;

/** The desk's {@link SlaService}: reads through the ticket service's access checks and the store's schedule. */
public final class DefaultSlaService implements SlaService {

    private final TicketStore store;
    private final TicketService tickets;
    private final SlaTracker tracker;
    private final Clock clock;
    private final AccessPolicy policy;

    /**
     * @param store   the desk's store
     * @param tickets the desk's ticket service, for its access checks
     * @param tracker the desk's SLA clocks
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
        return tracker.terms();
    }

    @Override
    public SlaStatus status(Actor agent, String ticketNumber) {
        Ticket ticket = tickets.get(agent, ticketNumber).ticket();
        return tracker.status(ticket, clock.instant());
    }

    @Override
    public List<Ticket> dueWithin(Actor agent, Duration within, int limit) {
        policy.check(Checks.notNull(agent, "actor"), Permission.VIEW_QUEUE, null);
        if (Checks.notNull(within, "within").isNegative()) {
            throw InvalidInputException.of("within", "must not be negative, was " + within);
        }
        return schedules().ticketsDueBy(clock.instant().plus(within), Checks.between(limit, 1, 1000, "limit")).stream()
                .map(store::findById).flatMap(Optional::stream).toList();
    }

    @Override
    public int rescheduleOpenTickets(Actor agent) {
        policy.check(Checks.notNull(agent, "actor"), Permission.VIEW_QUEUE, null);
        schedules();
        TicketQuery query = TicketQuery.builder().status(TicketStatus.NEW, TicketStatus.OPEN, TicketStatus.PENDING,
                TicketStatus.ON_HOLD).limit(200).build();
        int done = 0;
        while (true) {
            Page<Ticket> page = store.query(query);
            for (Ticket t : page.items()) {
                store.inTransaction(() -> store.findById(t.id()).map(current -> tracker.track(current, clock.instant())));
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
        return new SlaWatcher.Builder(store, schedules(), tracker::track, clock);
    }

    private SlaStore schedules() {
        if (store instanceof SlaStore sla) {
            return sla;
        }
        throw new SupportException("The desk's store keeps no SLA schedule (SlaStore); the in-memory and JDBC stores do");
    }
}
