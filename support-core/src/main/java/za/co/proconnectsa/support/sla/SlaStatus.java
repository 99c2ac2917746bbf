package za.co.proconnectsa.support.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import za.co.proconnectsa.support.internal.Checks;

/**
 * Where a ticket stands against its service-level policy at one moment, as {@link SlaClock#status}
 * computed it: one {@link SlaTargetStatus} for every target of the policy in force then, and two
 * overall readings of how long the ticket has waited and been worked on.
 *
 * @param asOf              the moment it was computed for
 * @param policy            the policy in force at {@code asOf}
 * @param targets           one status per target of that policy, in the order of {@link SlaTargetType}
 * @param requesterWaitTime how long the requester has waited for support: the time spent NEW, OPEN or
 *                          ON_HOLD (not PENDING, RESOLVED or CLOSED) from creation to {@code asOf}
 * @param agentWorkTime     how long the ticket was support's to work on: the time spent NEW or OPEN
 */
public record SlaStatus(
        Instant asOf,
        SlaPolicy policy,
        List<SlaTargetStatus> targets,
        Reading requesterWaitTime,
        Reading agentWorkTime) {

    /**
     * A length of time read twice: in the desk's open time, and on the wall clock.
     *
     * @param business the open time of the business hours in force during it
     * @param calendar the wall-clock time
     */
    public record Reading(Duration business, Duration calendar) {
        /**
         * Checks the components.
         *
         * @param business the open time of the business hours in force during it
         * @param calendar the wall-clock time
         */
        public Reading {
            Checks.notNull(business, "business");
            Checks.notNull(calendar, "calendar");
        }
    }

    /**
     * Checks the components and copies the list.
     *
     * @param asOf the moment it was computed for
     * @param policy the policy in force at {@code asOf}
     * @param targets one status per target of that policy, in the order of {@link SlaTargetType}
     * @param requesterWaitTime how long the requester has waited for support: the time spent NEW, OPEN or ON_HOLD (not PENDING, RESOLVED or CLOSED) from creation to {@code asOf}
     * @param agentWorkTime how long the ticket was support's to work on: the time spent NEW or OPEN
     */
    public SlaStatus {
        Checks.notNull(asOf, "asOf");
        Checks.notNull(policy, "policy");
        targets = List.copyOf(Checks.notNull(targets, "targets"));
        Checks.notNull(requesterWaitTime, "requesterWaitTime");
        Checks.notNull(agentWorkTime, "agentWorkTime");
    }

    /**
     * Looks up one target's status.
     *
     * @param type the target type
     * @return its status, or empty if the policy has no target of that type
     * @throws za.co.proconnectsa.support.InvalidInputException if {@code type} is null
     */
    public Optional<SlaTargetStatus> target(SlaTargetType type) {
        Checks.notNull(type, "type");
        return targets.stream().filter(t -> t.type() == type).findFirst();
    }

    /**
     * The earliest due moment of the targets still waiting to be fulfilled whose clocks count:
     * {@link SlaState#ACTIVE} and {@link SlaState#BREACHED} ones (a breached one is in the past, so a
     * queue sorted by it shows breached tickets first). Paused, fulfilled and not started targets do
     * not count.
     *
     * @return the moment, or empty if no target qualifies
     */
    public Optional<Instant> nearestDue() {
        Instant nearest = null;
        for (SlaTargetStatus t : targets) {
            if ((t.state() == SlaState.ACTIVE || t.state() == SlaState.BREACHED) && t.dueAt() != null
                    && (nearest == null || t.dueAt().isBefore(nearest))) {
                nearest = t.dueAt();
            }
        }
        return Optional.ofNullable(nearest);
    }

    /** @return whether a target is {@link SlaState#BREACHED} or was {@link SlaState#FULFILLED_LATE} (this run or an earlier one) */
    public boolean anyMissed() {
        return targets.stream().anyMatch(t -> t.state().isMissed() || t.earlierMisses() > 0);
    }
}
