package za.co.proconnectsa.support.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.hours.BusinessHours;
import za.co.proconnectsa.support.ticket.TicketStatus;

/**
 * One {@link SlaClock#status} computation. The ticket's life from creation to {@code now} is cut into
 * phases of unchanged status and terms; each target's clock is then walked over them. Not thread-safe;
 * one per call.
 */
final class ClockRun {

    private static final Set<TicketStatus> REQUESTER_WAITS =
            EnumSet.of(TicketStatus.NEW, TicketStatus.OPEN, TicketStatus.ON_HOLD);
    private static final Set<TicketStatus> AGENT_WORKS = EnumSet.of(TicketStatus.NEW, TicketStatus.OPEN);

    /** A run of a target's clock: started, and stopped (fulfilled) or still going (null). */
    private record Cycle(Instant start, Instant end) {
    }

    private final List<SlaClock.Terms> terms;
    private final SlaTimeline timeline;
    private final Instant now;

    /** Phase p is [cuts[p], cuts[p + 1]). */
    private final Instant[] cuts;
    private final TicketStatus[] statusOf;
    private final int[] termOf;
    private final Duration[] businessOf;
    private final TicketStatus statusNow;
    private final int termNow;
    private final Map<SlaTargetType, SlaTarget.Measure[]> measures = new EnumMap<>(SlaTargetType.class);

    ClockRun(List<SlaClock.Terms> terms, SlaTimeline timeline, Instant now) {
        this.terms = terms;
        this.timeline = timeline;
        this.now = now;
        Instant created = timeline.createdAt();
        TreeSet<Instant> cutSet = new TreeSet<>();
        cutSet.add(created);
        cutSet.add(now);
        for (SlaTimeline.Moment m : timeline.moments()) {
            if (m.kind() == SlaTimeline.Kind.STATUS_CHANGED && !m.at().isAfter(now)) {
                cutSet.add(m.at());
            }
        }
        for (SlaClock.Terms t : terms) {
            if (t.effectiveFrom().isAfter(created) && t.effectiveFrom().isBefore(now)) {
                cutSet.add(t.effectiveFrom());
            }
        }
        this.cuts = cutSet.toArray(new Instant[0]);
        int phases = cuts.length - 1;
        this.statusOf = new TicketStatus[phases];
        this.termOf = new int[phases];
        this.businessOf = new Duration[phases];
        List<SlaTimeline.Moment> moments = timeline.moments();
        TicketStatus status = moments.get(0).to();
        int next = 1;
        for (int p = 0; p <= phases; p++) {
            // every change at or before the phase's start applies to it; the last one wins
            while (next < moments.size() && !moments.get(next).at().isAfter(cuts[p])) {
                if (moments.get(next).kind() == SlaTimeline.Kind.STATUS_CHANGED) {
                    status = moments.get(next).to();
                }
                next++;
            }
            if (p < phases) {
                statusOf[p] = status;
                termOf[p] = SlaClock.indexAt(terms, cuts[p]);
            }
        }
        this.statusNow = status;
        this.termNow = SlaClock.indexAt(terms, now);
    }

    SlaStatus status() {
        SlaPolicy policy = terms.get(termNow).policy();
        List<SlaTargetStatus> out = new ArrayList<>();
        for (SlaTarget target : policy.targets()) {
            out.add(targetStatus(target, cycles(target.type())));
        }
        return new SlaStatus(now, policy, out, reading(REQUESTER_WAITS), reading(AGENT_WORKS));
    }

    // ------------------------------------------------------------------ cycles

    private List<Cycle> cycles(SlaTargetType type) {
        Instant created = timeline.createdAt();
        List<Cycle> cycles = new ArrayList<>();
        Instant open = type == SlaTargetType.FIRST_RESPONSE || type == SlaTargetType.RESOLUTION ? created : null;
        boolean replied = false;
        Instant inactiveSince = timeline.moments().get(0).to().isActive() ? null : created;
        for (SlaTimeline.Moment m : timeline.moments()) {
            if (m.at().isAfter(now)) {
                break;
            }
            switch (m.kind()) {
                case AGENT_REPLY -> {
                    if (type == SlaTargetType.FIRST_RESPONSE && !replied
                            || type == SlaTargetType.NEXT_RESPONSE && open != null) {
                        cycles.add(new Cycle(open, m.at()));
                        open = null;
                    } else if (type == SlaTargetType.PERIODIC_UPDATE) {
                        if (open != null) {
                            cycles.add(new Cycle(open, m.at()));
                        }
                        open = m.at();
                    }
                    replied = true;
                }
                case REQUESTER_MESSAGE -> {
                    if (type == SlaTargetType.NEXT_RESPONSE && replied && open == null) {
                        open = m.at();
                    }
                }
                case STATUS_CHANGED -> {
                    if (m.from().isActive() && !m.to().isActive()) {
                        inactiveSince = m.at();
                    } else if (m.to().isActive()) {
                        inactiveSince = null;
                    }
                }
                default -> {
                    // created, internal notes and automated replies start and stop nothing
                }
            }
        }
        if (open != null) {
            // resolution is fulfilled while the ticket stays resolved or closed; reopening resumes it
            cycles.add(new Cycle(open, type == SlaTargetType.RESOLUTION ? inactiveSince : null));
        }
        return cycles;
    }

    // ------------------------------------------------------------------ one target

    private SlaTargetStatus targetStatus(SlaTarget target, List<Cycle> cycles) {
        SlaTargetType type = target.type();
        if (cycles.isEmpty()) {
            Duration whole = new Walk(type, now).amount(termNow);
            return new SlaTargetStatus(target, SlaState.NOT_STARTED, null, null, null, null, Duration.ZERO,
                    whole == null ? Duration.ZERO : whole, false, 0);
        }
        int earlierMisses = 0;
        for (Cycle c : cycles.subList(0, cycles.size() - 1)) {
            Walk w = new Walk(type, c.start());
            w.actual(c.end());
            if (w.due != null && c.end().isAfter(w.due)) {
                earlierMisses++;
            }
        }
        Cycle cycle = cycles.get(cycles.size() - 1);
        Walk w = new Walk(type, cycle.start());
        Instant horizon = cycle.end() != null ? cycle.end() : now;
        Duration elapsed = w.actual(horizon);
        w.project(horizon);
        Instant due = w.due;
        Instant warning = keepInBusinessHours(target, w.warn, due);

        SlaState state;
        if (cycle.end() != null) {
            state = due == null || !cycle.end().isAfter(due) ? SlaState.FULFILLED : SlaState.FULFILLED_LATE;
        } else if (due != null && now.isAfter(due)) {
            state = SlaState.BREACHED;
        } else if (!runs(statusNow, termNow)) {
            state = SlaState.PAUSED;
        } else {
            state = SlaState.ACTIVE;
        }
        Duration amount = w.amount(termNow);
        Duration remaining = amount == null ? Duration.ZERO : amount.minus(elapsed);
        boolean dueSoon = state == SlaState.ACTIVE && warning != null && !now.isBefore(warning);
        return new SlaTargetStatus(target, state, cycle.start(), due, warning, cycle.end(), elapsed, remaining, dueSoon,
                earlierMisses);
    }

    /** Moves a warning that falls while the desk is closed to the next opening, if the policy wants that and it is before the due moment. */
    private Instant keepInBusinessHours(SlaTarget target, Instant warning, Instant due) {
        if (warning == null || !terms.get(termNow).policy().warnsInBusinessHoursOnly(target)) {
            return warning;
        }
        BusinessHours hours = terms.get(SlaClock.indexAt(terms, warning)).hours();
        if (hours.isOpen(warning)) {
            return warning;
        }
        Optional<Instant> opening = hours.nextOpening(warning);
        return opening.isPresent() && (due == null || opening.get().isBefore(due)) ? opening.get() : warning;
    }

    private boolean runs(TicketStatus status, int term) {
        return status.isActive() && !terms.get(term).policy().pausesIn(status);
    }

    // ------------------------------------------------------------------ readings

    private SlaStatus.Reading reading(Set<TicketStatus> counted) {
        Duration business = Duration.ZERO;
        Duration calendar = Duration.ZERO;
        for (int p = 0; p < statusOf.length; p++) {
            if (counted.contains(statusOf[p])) {
                business = business.plus(business(p));
                calendar = calendar.plus(Duration.between(cuts[p], cuts[p + 1]));
            }
        }
        return new SlaStatus.Reading(business, calendar);
    }

    private Duration business(int phase) {
        Duration d = businessOf[phase];
        if (d == null) {
            d = terms.get(termOf[phase]).hours().businessDuration(cuts[phase], cuts[phase + 1]);
            businessOf[phase] = d;
        }
        return d;
    }

    /**
     * How each terms count time for a target type: as their policy's target of that type does, or, for
     * terms without one, as the nearest later terms with one (else the nearest earlier).
     */
    private SlaTarget.Measure measure(SlaTargetType type, int term) {
        return measures.computeIfAbsent(type, t -> {
            SlaTarget.Measure[] m = new SlaTarget.Measure[terms.size()];
            SlaTarget.Measure carried = null;
            for (int i = terms.size() - 1; i >= 0; i--) {
                carried = terms.get(i).policy().target(t).map(SlaTarget::measure).orElse(carried);
                m[i] = carried;
            }
            for (int i = 1; i < m.length; i++) {
                if (m[i] == null) {
                    m[i] = m[i - 1];
                }
            }
            return m;
        })[term];
    }

    // ------------------------------------------------------------------ the walk

    /**
     * Counts one run of a target's clock from its start, and finds the moments at which the counted
     * time reaches the warning share and the whole of the target in force.
     */
    private final class Walk {
        final SlaTargetType type;
        final Instant start;
        Duration consumed = Duration.ZERO;
        Instant due;
        Instant warn;
        private final Duration[] amounts = new Duration[terms.size()];
        private final boolean[] known = new boolean[terms.size()];

        Walk(SlaTargetType type, Instant start) {
            this.type = type;
            this.start = start;
        }

        /** Walks the ticket's real life from the start to {@code horizon}; returns the time counted. */
        Duration actual(Instant horizon) {
            int p = firstPhaseEndingAfter(start);
            for (; p < statusOf.length && cuts[p].isBefore(horizon); p++) {
                Instant a = cuts[p].isBefore(start) ? start : cuts[p];
                Instant b = cuts[p + 1].isAfter(horizon) ? horizon : cuts[p + 1];
                if (b.isAfter(a)) {
                    boolean whole = a.equals(cuts[p]) && b.equals(cuts[p + 1]);
                    step(termOf[p], a, b, runs(statusOf[p], termOf[p]), whole ? p : -1);
                }
            }
            return consumed;
        }

        /** Walks on from {@code horizon} as if the clock ran without pause, through later terms, until due. */
        void project(Instant horizon) {
            int t = SlaClock.indexAt(terms, horizon);
            Instant a = horizon;
            while (due == null) {
                Instant b = t + 1 < terms.size() ? terms.get(t + 1).effectiveFrom() : null;
                step(t, a, b, true, -1);
                if (b == null) {
                    return;
                }
                a = b;
                t++;
            }
        }

        /** Counts [a, b) (b null: without end) under the given terms; {@code phase} is the whole phase it covers, or -1. */
        private void step(int term, Instant a, Instant b, boolean running, int phase) {
            Duration amount = amount(term);
            Duration share = amount == null ? null : share(amount, terms.get(term).policy().warningShare());
            if (amount != null) {
                // a stricter target taking effect at a: reached at once
                if (warn == null && consumed.compareTo(share) >= 0) {
                    warn = a;
                }
                if (due == null && consumed.compareTo(amount) >= 0) {
                    due = a;
                }
            }
            if (!running) {
                return;
            }
            SlaTarget.Measure measure = measure(type, term);
            BusinessHours hours = terms.get(term).hours();
            if (b == null) {
                if (amount != null) {
                    warn = warn != null ? warn : advance(measure, hours, a, share.minus(consumed));
                    due = due != null ? due : advance(measure, hours, a, amount.minus(consumed));
                }
                return;
            }
            Duration length;
            if (measure == SlaTarget.Measure.CALENDAR_TIME) {
                length = Duration.between(a, b);
            } else {
                length = phase >= 0 ? business(phase) : hours.businessDuration(a, b);
            }
            Duration after = consumed.plus(length);
            if (amount != null) {
                if (warn == null && after.compareTo(share) >= 0) {
                    warn = advance(measure, hours, a, share.minus(consumed));
                }
                if (due == null && after.compareTo(amount) >= 0) {
                    due = advance(measure, hours, a, amount.minus(consumed));
                }
            }
            consumed = after;
        }

        /**
         * The target of a type under some terms, as time to count from this run's start; null if those
         * terms have no such target, or business days that are never reached.
         */
        Duration amount(int term) {
            if (!known[term]) {
                known[term] = true;
                amounts[term] = terms.get(term).policy().target(type)
                        .map(t -> toTime(t, terms.get(term).hours())).orElse(null);
            }
            return amounts[term];
        }

        private Duration toTime(SlaTarget target, BusinessHours hours) {
            if (target.measure() != SlaTarget.Measure.BUSINESS_DAYS) {
                return target.time();
            }
            try {
                LocalDate day = hours.plusBusinessDays(LocalDate.ofInstant(start, hours.zone()), target.businessDays());
                return hours.businessDuration(start, hours.endOfBusinessDay(day).orElseThrow());
            } catch (InvalidInputException e) {
                return null; // no such business day within the hours' search limits: never due
            }
        }
    }

    private int firstPhaseEndingAfter(Instant at) {
        int lo = 0;
        int hi = statusOf.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cuts[mid + 1].isAfter(at)) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    private static Duration share(Duration amount, double share) {
        return Duration.ofMillis(Math.round(amount.toMillis() * share));
    }

    /** The moment at which {@code d} more time has been counted from {@code a}; null if never (the desk never opens again). */
    private static Instant advance(SlaTarget.Measure measure, BusinessHours hours, Instant a, Duration d) {
        if (measure == SlaTarget.Measure.CALENDAR_TIME) {
            return a.plus(d);
        }
        try {
            return hours.plus(a, d);
        } catch (InvalidInputException e) {
            return null;
        }
    }
}
