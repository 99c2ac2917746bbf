package za.co.proconnectsa.support.sla;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.hours.BusinessHours;
import za.co.proconnectsa.support.internal.Checks;

/**
 * Computes where a ticket stands against its service-level policy: give it the ticket's
 * {@link SlaTimeline} and a moment, get an {@link SlaStatus}. Pure and cheap: no store, no clock of
 * its own, no state between calls; immutable and thread-safe.
 *
 * <pre>{@code
 * SlaClock clock = SlaClock.of(policies.policyFor(ticket), hours);
 * SlaStatus status = clock.status(timeline, Instant.now());
 * status.nearestDue().ifPresent(due -> ...);
 * }</pre>
 *
 * <h2>The clocks</h2>
 * Each {@link SlaTargetType} has its own clock, started and stopped by the timeline (see the type's
 * description). A clock <b>runs</b> while the ticket is NEW or OPEN, or in a status the policy does
 * not pause in; it <b>stands still</b> while the ticket is in a pausing status of the policy
 * ({@link SlaPolicy#pausingStatuses()}), and while it is RESOLVED or CLOSED. A target is due when the
 * time counted while its clock ran reaches the target, counted the way the target counts
 * ({@link SlaTarget.Measure}); so every pause moves the due moment later by exactly the time it took,
 * counted that way, and several pauses add up without counting any time twice. A status
 * change, a message and a policy change at the same instant take effect at that instant.
 *
 * <h2>Changing the policy or the business hours</h2>
 * The policy of an open ticket can change (its priority changed), and so can the desk's hours. Say so
 * with {@link #changedAt(Instant, SlaPolicy, BusinessHours)}: the terms in force change at that
 * instant and are never applied backwards. Time before the change is counted with the old policy's
 * pausing statuses and the old hours, time after it with the new; the time counted so far carries
 * over and is measured against the new target from the change on. If the new target is already used
 * up at the change, the target is due at the change: a stricter policy does not make a ticket
 * breached retroactively. A target type the old policy did not have counts from its usual start all
 * the same: time under terms without such a target is counted the way the next terms with one count
 * it, and is never due. Changes later than the moment asked about are taken into account for the
 * projected due moments, but the targets reported are those of the policy in force at that moment.
 *
 * <h2>Projections</h2>
 * A due moment in the future assumes the clock keeps running from the moment asked about, and a
 * paused clock that it resumes then; so while a ticket is paused its due moment moves later with
 * every call.
 *
 * <h2>Cost</h2>
 * One call walks the ticket's life once per target, counting open time with
 * {@link BusinessHours#businessDuration} over stretches of unchanged status (so a ticket open for a
 * year costs a year of the hours' per-day arithmetic, not a walk per minute), plus a short walk per
 * earlier exchange of the repeating targets.
 */
public final class SlaClock {

    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("EEE d MMM 'at' HH:mm", Locale.ENGLISH);

    /**
     * A policy and business hours, in force from an instant until the next terms.
     *
     * @param effectiveFrom from when they apply; {@link Instant#MIN} for the first terms of a clock
     * @param policy        the policy
     * @param hours         the desk's business hours
     */
    public record Terms(Instant effectiveFrom, SlaPolicy policy, BusinessHours hours) {
        /**
         * Checks the components.
         *
         * @param effectiveFrom from when they apply; {@link Instant#MIN} for the first terms of a clock
         * @param policy the policy
         * @param hours the desk's business hours
         */
        public Terms {
            Checks.notNull(effectiveFrom, "effectiveFrom");
            Checks.notNull(policy, "policy");
            Checks.notNull(hours, "hours");
        }
    }

    private final List<Terms> terms;

    private SlaClock(List<Terms> terms) {
        this.terms = List.copyOf(terms);
    }

    /**
     * A clock with one policy and one set of business hours for the ticket's whole life.
     *
     * @param policy the ticket's policy, e.g. from {@link SlaPolicies#policyFor}
     * @param hours  the desk's business hours
     * @return the clock
     * @throws InvalidInputException if an argument is null
     */
    public static SlaClock of(SlaPolicy policy, BusinessHours hours) {
        return new SlaClock(List.of(new Terms(Instant.MIN, policy, hours)));
    }

    /**
     * A copy of this clock whose policy and hours change at an instant, for the rest of the ticket's
     * life (or until a later change). See the class description for how the time is split.
     *
     * @param at     when the change took effect; after every earlier change
     * @param policy the policy from then on
     * @param hours  the business hours from then on
     * @return the new clock
     * @throws InvalidInputException if an argument is null or {@code at} is not after the last change
     */
    public SlaClock changedAt(Instant at, SlaPolicy policy, BusinessHours hours) {
        Checks.notNull(at, "at");
        Instant last = terms.get(terms.size() - 1).effectiveFrom();
        if (!at.isAfter(last)) {
            throw InvalidInputException.of("at", "must be after the last change (" + last + "), was " + at);
        }
        List<Terms> next = new ArrayList<>(terms);
        next.add(new Terms(at, policy, hours));
        return new SlaClock(next);
    }

    /** @return the terms in the order they took effect, the first from {@link Instant#MIN} */
    public List<Terms> terms() {
        return terms;
    }

    /**
     * The terms in force at an instant.
     *
     * @param at the instant
     * @return the last terms that took effect at or before it
     * @throws InvalidInputException if {@code at} is null
     */
    public Terms termsAt(Instant at) {
        return terms.get(indexAt(terms, Checks.notNull(at, "at")));
    }

    /**
     * Where a ticket stands at a moment. Moments of the timeline after {@code now} are ignored.
     *
     * @param timeline what happened to the ticket
     * @param now      the moment to compute for, not before the ticket was created
     * @return the status: one entry per target of the policy in force at {@code now}
     * @throws InvalidInputException if an argument is null or {@code now} is before the creation
     */
    public SlaStatus status(SlaTimeline timeline, Instant now) {
        Checks.notNull(timeline, "timeline");
        Checks.notNull(now, "now");
        if (now.isBefore(timeline.createdAt())) {
            throw InvalidInputException.of("now", "must not be before the ticket was created (" + timeline.createdAt()
                    + "), was " + now);
        }
        return new ClockRun(terms, timeline, now).status();
    }

    /**
     * When the first response is due for a ticket created at an instant, before anything else
     * happened to it: what a submission receipt promises.
     *
     * @param createdAt when the ticket was created
     * @return the due moment, or empty if the policy has no first-response target or the desk never opens
     * @throws InvalidInputException if {@code createdAt} is null
     */
    public Optional<Instant> expectedFirstResponse(Instant createdAt) {
        SlaStatus status = status(SlaTimeline.createdAt(Checks.notNull(createdAt, "createdAt")).build(), createdAt);
        return status.target(SlaTargetType.FIRST_RESPONSE).flatMap(SlaTargetStatus::due);
    }

    /**
     * {@link #expectedFirstResponse(Instant)} as {@link #describe(Instant)} words it, for a receipt:
     * {@code "Tue 10 Mar at 10:00"}.
     *
     * @param createdAt when the ticket was created
     * @return the text, or empty if there is no such moment
     * @throws InvalidInputException if {@code createdAt} is null
     */
    public Optional<String> describeExpectedFirstResponse(Instant createdAt) {
        return expectedFirstResponse(createdAt).map(this::describe);
    }

    /**
     * A moment as the desk's requesters read it, in the zone of the business hours in force then, in
     * English with a 24-hour clock: {@code "Tue 10 Mar at 10:00"}. Seconds are dropped, so the text
     * never promises later than the moment.
     *
     * @param at the moment
     * @return the text
     * @throws InvalidInputException if {@code at} is null
     */
    public String describe(Instant at) {
        return describe(at, termsAt(at).hours().zone());
    }

    /**
     * A moment in a zone, in English with a 24-hour clock: {@code "Tue 10 Mar at 10:00"}.
     *
     * @param at   the moment
     * @param zone the zone to read it in
     * @return the text
     * @throws InvalidInputException if an argument is null
     */
    public static String describe(Instant at, ZoneId zone) {
        Checks.notNull(at, "at");
        Checks.notNull(zone, "zone");
        return MOMENT.format(at.atZone(zone));
    }

    @Override
    public String toString() {
        return "SlaClock" + terms;
    }

    static int indexAt(List<Terms> terms, Instant at) {
        int i = terms.size() - 1;
        while (i > 0 && terms.get(i).effectiveFrom().isAfter(at)) {
            i--;
        }
        return i;
    }
}
