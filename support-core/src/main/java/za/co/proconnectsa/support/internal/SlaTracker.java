package za.co.proconnectsa.support.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.sla.SlaState;
import za.co.proconnectsa.support.sla.SlaStatus;
import za.co.proconnectsa.support.sla.SlaTargetStatus;
import za.co.proconnectsa.support.sla.SlaTerms;
import za.co.proconnectsa.support.sla.SlaTimeline;
import za.co.proconnectsa.support.spi.SlaStore;
import za.co.proconnectsa.support.spi.TicketStore;
import za.co.proconnectsa.support.ticket.AuditAction;
import za.co.proconnectsa.support.ticket.AuditEvent;
import za.co.proconnectsa.support.ticket.Ticket;
import za.co.proconnectsa.support.ticket.Visibility;

/**
 * A ticket's SLA clocks read from its stored history, and their events: after every change of a ticket, inside the
 * change's unit of work, and for the watcher's claimed tickets, it announces each warning, breach and fulfilment
 * that has come (once each: the store keeps which were announced) and saves the ticket's schedule (nearest due
 * instant, next check).
 */
public final class SlaTracker {

    /** Who SLA events are recorded as. */
    public static final Actor ACTOR = Actor.agent("sla-clock", "SLA clock");

    private final TicketStore store;
    private final SlaTerms terms;

    /**
     * @param store the desk's store; its schedule is kept only when it is also a {@link SlaStore}
     * @param terms the desk's SLA terms
     */
    public SlaTracker(TicketStore store, SlaTerms terms) {
        this.store = store;
        this.terms = terms;
    }

    /** @return the desk's SLA terms */
    public SlaTerms terms() {
        return terms;
    }

    /**
     * @param ticket a stored ticket
     * @param now    the moment to read the clocks at
     * @return its SLA status, from its stored messages and status changes
     */
    public SlaStatus status(Ticket ticket, Instant now) {
        return status(ticket, timeline(ticket), now);
    }

    /**
     * @param ticket   a stored ticket
     * @param timeline its timeline, read with others ({@link za.co.proconnectsa.support.spi.SlaStore#slaTimelines})
     * @param now      the moment to read the clocks at
     * @return its SLA status, the same {@link #status(Ticket, Instant)} gives
     */
    public SlaStatus status(Ticket ticket, SlaTimeline timeline, Instant now) {
        return terms.clockFor(ticket).status(timeline, now.isBefore(ticket.createdAt()) ? ticket.createdAt() : now);
    }

    private SlaTimeline timeline(Ticket ticket) {
        return SlaTimeline.ofTicket(ticket, store.messages(ticket.id()), store.auditTrail(ticket.id()));
    }

    /**
     * Announces what has come of the ticket's targets and saves its schedule; part of the caller's unit of work. Does
     * nothing on a store that keeps no SLA schedule.
     *
     * @param ticket the ticket as stored
     * @param now    the time of the change, or the watcher's time
     * @return the status it read
     */
    public SlaStatus track(Ticket ticket, Instant now) {
        SlaStatus status = status(ticket, now);
        if (!(store instanceof SlaStore sla)) {
            return status;
        }
        List<AuditEvent> events = new ArrayList<>();
        Instant nextDue = null;
        Instant nextCheck = null;
        for (SlaTargetStatus target : status.targets()) {
            if (target.startedAt() == null) {
                continue;
            }
            SlaState state = target.state();
            if (target.dueSoon()) {
                announce(sla, ticket, target, AuditAction.SLA_WARNING, now, events);
            }
            if (state.isMissed()) {
                announce(sla, ticket, target, AuditAction.SLA_BREACHED, now, events);
            }
            if (state.isFulfilled()) {
                announce(sla, ticket, target, AuditAction.SLA_FULFILLED, now, events);
            }
            if (state == SlaState.ACTIVE && target.dueAt() != null) {
                nextDue = earliest(nextDue, target.dueAt());
                Instant upcoming = !target.dueSoon() && target.warningAt() != null && target.warningAt().isAfter(now)
                        ? target.warningAt() : target.dueAt();
                nextCheck = earliest(nextCheck, upcoming.isAfter(now) ? upcoming : now);
            }
        }
        if (!events.isEmpty()) {
            sla.recordTicketEvents(ticket.id(), events);
        }
        sla.saveSlaSchedule(ticket.id(), nextDue, nextCheck);
        return status;
    }

    private static void announce(SlaStore sla, Ticket ticket, SlaTargetStatus target, AuditAction action, Instant now,
            List<AuditEvent> events) {
        String key = target.type().name() + ":" + action.name() + ":" + micros(target.startedAt());
        if (sla.markSlaEvent(ticket.id(), key, now)) {
            events.add(new AuditEvent(ticket.id(), ACTOR, action, null, target.type().name(), Visibility.INTERNAL, now));
        }
    }

    private static long micros(Instant at) {
        return at.getEpochSecond() * 1_000_000L + at.getNano() / 1_000;
    }

    private static Instant earliest(Instant a, Instant b) {
        return a == null || b.isBefore(a) ? b : a;
    }

    /**
     * @param ticket a ticket about to be stored
     * @return when its first response is due under the terms, if a target says
     */
    public Optional<Instant> expectedFirstResponse(Ticket ticket) {
        return terms.clockFor(ticket).expectedFirstResponse(ticket.createdAt());
    }
}
