package za.co.proconnectsa.support.sla;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.hours.BusinessHours;
import za.co.proconnectsa.support.ticket.Ticket;
import za.co.proconnectsa.support.internal.Checks;

/**
 * The desk's SLA policies and business hours over time. A change applies to open tickets from the moment it takes
 * effect: the time a ticket's clocks counted before the change is measured with the earlier policy and hours, the
 * rest with the new ones, and what was used of a target carries over (see {@link SlaClock#changedAt}). Tickets
 * created after a change use only the terms in force when they were created and after.
 *
 * <pre>{@code
 * SlaTerms terms = SlaTerms.of(policies, desk.businessHours())
 *         .changedAt(Instant.parse("2026-07-01T00:00:00Z"), stricterPolicies, desk.businessHours());
 * }</pre>
 */
public final class SlaTerms {

    /**
     * One set of terms and when it took effect.
     *
     * @param effectiveFrom when it took effect ({@link Instant#MIN} for the first)
     * @param policies      the policies
     * @param hours         the business hours the clocks count
     */
    public record Change(Instant effectiveFrom, SlaPolicies policies, BusinessHours hours) {
        /**
         * Checks the components.
         *
         * @param effectiveFrom when it took effect ({@link Instant#MIN} for the first)
         * @param policies the policies
         * @param hours the business hours the clocks count
         */
        public Change {
            Checks.notNull(effectiveFrom, "effectiveFrom");
            Checks.notNull(policies, "policies");
            Checks.notNull(hours, "hours");
        }
    }

    private final List<Change> changes;

    private SlaTerms(List<Change> changes) {
        this.changes = List.copyOf(changes);
    }

    /**
     * @param policies the policies
     * @param hours    the business hours
     * @return terms in force from the beginning of time
     */
    public static SlaTerms of(SlaPolicies policies, BusinessHours hours) {
        return new SlaTerms(List.of(new Change(Instant.MIN, policies, hours)));
    }

    /**
     * @param at       when the new terms take effect, after the last change
     * @param policies the new policies
     * @param hours    the new business hours
     * @return these terms with the change added
     * @throws InvalidInputException when {@code at} is not after the last change
     */
    public SlaTerms changedAt(Instant at, SlaPolicies policies, BusinessHours hours) {
        Checks.notNull(at, "at");
        Instant last = changes.get(changes.size() - 1).effectiveFrom();
        if (!at.isAfter(last)) {
            throw InvalidInputException.of("at", "must be after the last change (" + last + "), was " + at);
        }
        List<Change> next = new ArrayList<>(changes);
        next.add(new Change(at, policies, hours));
        return new SlaTerms(next);
    }

    /** @return the changes, oldest first */
    public List<Change> changes() {
        return changes;
    }

    /**
     * @param ticket a ticket
     * @return its clock: the terms in force when it was created, then every later change, each choosing the policy
     *         for the ticket's priority, category and origin
     */
    public SlaClock clockFor(Ticket ticket) {
        Checks.notNull(ticket, "ticket");
        SlaClock clock = null;
        for (Change change : changes) {
            SlaPolicy policy = change.policies().policyFor(ticket);
            if (clock == null || !change.effectiveFrom().isAfter(ticket.createdAt())) {
                clock = SlaClock.of(policy, change.hours());
            } else {
                clock = clock.changedAt(change.effectiveFrom(), policy, change.hours());
            }
        }
        return clock;
    }

    @Override
    public String toString() {
        return "SlaTerms" + changes;
    }
}
