package za.co.proconnectsa.support.sla;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.ticket.TicketStatus;
import za.co.proconnectsa.support.internal.Checks;
import za.co.proconnectsa.support.internal.Text;

/**
 * A named set of service-level promises: at most one {@link SlaTarget} per {@link SlaTargetType},
 * the statuses that pause the clocks, and when to warn before a target is due. Immutable and
 * thread-safe; build with {@link #builder(String)}.
 *
 * <pre>{@code
 * SlaPolicy standard = SlaPolicy.builder("Standard")
 *         .target(SlaTarget.businessTime(SlaTargetType.FIRST_RESPONSE, Duration.ofHours(4)))
 *         .target(SlaTarget.businessDays(SlaTargetType.RESOLUTION, 3))
 *         .build();
 * }</pre>
 *
 * <h2>Pauses</h2>
 * While a ticket is in a pausing status ({@link TicketStatus#PENDING} unless set otherwise) no clock
 * runs, and every due moment moves later by the time the pause took, counted the way the target
 * counts time. {@link TicketStatus#PENDING} (waiting on the requester) and
 * {@link TicketStatus#ON_HOLD} (waiting on a third party) may pause; the other statuses may not:
 * NEW and OPEN are support's turn, and while a ticket is RESOLVED or CLOSED every clock stands still
 * anyway (see {@link SlaClock}).
 *
 * <h2>Warnings</h2>
 * A target warns when the share {@link #warningShare()} of it has been used, 0.8 by default: a
 * 4-hour target warns after 3 hours 12 minutes of counted time. A warning due while the desk is
 * closed moves to the next opening when {@link #warnsInBusinessHoursOnly(SlaTarget)} holds and that
 * opening comes before the target is due.
 */
public final class SlaPolicy {

    /** The share of a target after which it warns, unless set: 0.8. */
    public static final double DEFAULT_WARNING_SHARE = 0.8;

    /** The longest name, in characters. */
    public static final int MAX_NAME = 100;

    private static final Set<TicketStatus> MAY_PAUSE = EnumSet.of(TicketStatus.PENDING, TicketStatus.ON_HOLD);

    private final String name;
    private final Map<SlaTargetType, SlaTarget> targets;
    private final Set<TicketStatus> pausing;
    private final double warningShare;
    /** null: business-time targets warn in business hours only, calendar-time targets any time. */
    private final Boolean warningsInBusinessHoursOnly;

    private SlaPolicy(Builder b) {
        this.name = b.name;
        this.targets = Collections.unmodifiableMap(new EnumMap<>(b.targets));
        this.pausing = Collections.unmodifiableSet(b.pausing.isEmpty()
                ? EnumSet.noneOf(TicketStatus.class) : EnumSet.copyOf(b.pausing));
        this.warningShare = b.warningShare;
        this.warningsInBusinessHoursOnly = b.warningsInBusinessHoursOnly;
    }

    /**
     * A builder with no targets, PENDING pausing the clocks and the default warning rules.
     *
     * @param name the policy's name, shown to agents (e.g. {@code "Urgent"}), 1 to {@value #MAX_NAME}
     *             characters of text
     * @return the builder
     * @throws InvalidInputException if the name is blank, too long or holds a character no store keeps
     */
    public static Builder builder(String name) {
        return new Builder(Text.text(name, "name", MAX_NAME));
    }

    /** @return the policy's name */
    public String name() {
        return name;
    }

    /** @return the targets, one per type at most, in the order of {@link SlaTargetType} */
    public List<SlaTarget> targets() {
        return List.copyOf(targets.values());
    }

    /**
     * Looks up the target of a type.
     *
     * @param type the type
     * @return the target, or empty if this policy promises nothing of that type
     * @throws InvalidInputException if {@code type} is null
     */
    public Optional<SlaTarget> target(SlaTargetType type) {
        return Optional.ofNullable(targets.get(Checks.notNull(type, "type")));
    }

    /** @return the statuses in which the clocks stand still (PENDING unless set otherwise; may be empty) */
    public Set<TicketStatus> pausingStatuses() {
        return pausing;
    }

    /**
     * @param status a ticket status
     * @return whether the clocks stand still in it because of this policy
     */
    public boolean pausesIn(TicketStatus status) {
        return pausing.contains(status);
    }

    /** @return the share of a target after which it warns, more than 0 and less than 1 */
    public double warningShare() {
        return warningShare;
    }

    /**
     * Tells whether a target's warning is kept inside business hours. Unless set on the builder,
     * business-time and business-days targets yes, calendar-time targets no.
     *
     * @param target a target of this policy
     * @return whether its warning moves to the next opening when it falls while the desk is closed
     * @throws InvalidInputException if {@code target} is null
     */
    public boolean warnsInBusinessHoursOnly(SlaTarget target) {
        Checks.notNull(target, "target");
        return warningsInBusinessHoursOnly != null ? warningsInBusinessHoursOnly : target.countsBusinessTime();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SlaPolicy p && name.equals(p.name) && targets.equals(p.targets)
                && pausing.equals(p.pausing) && warningShare == p.warningShare
                && Objects.equals(warningsInBusinessHoursOnly, p.warningsInBusinessHoursOnly);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, targets, pausing, warningShare, warningsInBusinessHoursOnly);
    }

    @Override
    public String toString() {
        return "SlaPolicy{" + name + ", targets=" + targets.values() + ", pausedIn=" + pausing + ", warningShare="
                + warningShare + '}';
    }

    /**
     * Builds an {@link SlaPolicy}. Not thread-safe; {@link #build()} copies, so a builder can be reused.
     * Every method refuses bad input at once with a {@link InvalidInputException} naming the argument.
     */
    public static final class Builder {
        private final String name;
        private final Map<SlaTargetType, SlaTarget> targets = new EnumMap<>(SlaTargetType.class);
        private Set<TicketStatus> pausing = EnumSet.of(TicketStatus.PENDING);
        private double warningShare = DEFAULT_WARNING_SHARE;
        private Boolean warningsInBusinessHoursOnly;

        private Builder(String name) {
            this.name = name;
        }

        /**
         * Adds a target.
         *
         * @param target the target
         * @return this builder
         * @throws InvalidInputException if {@code target} is null or the policy already has a target of its type
         */
        public Builder target(SlaTarget target) {
            Checks.notNull(target, "target");
            if (targets.containsKey(target.type())) {
                throw InvalidInputException.of("target", "the policy already has a " + target.type() + " target: "
                        + targets.get(target.type()));
            }
            targets.put(target.type(), target);
            return this;
        }

        /**
         * Sets the statuses that pause the clocks, replacing the default PENDING. Call with no
         * statuses for clocks that never pause.
         *
         * @param statuses {@link TicketStatus#PENDING} and/or {@link TicketStatus#ON_HOLD}
         * @return this builder
         * @throws InvalidInputException if a status is null or another status
         */
        public Builder pausedIn(TicketStatus... statuses) {
            Checks.notNull(statuses, "statuses");
            Set<TicketStatus> set = EnumSet.noneOf(TicketStatus.class);
            for (TicketStatus s : statuses) {
                if (!MAY_PAUSE.contains(Checks.notNull(s, "statuses"))) {
                    throw InvalidInputException.of("statuses", "only PENDING and ON_HOLD may pause the clocks, was " + s);
                }
                set.add(s);
            }
            this.pausing = set;
            return this;
        }

        /**
         * Sets when targets warn.
         *
         * @param share the share of a target after which it warns, more than 0 and less than 1
         *              (default {@value SlaPolicy#DEFAULT_WARNING_SHARE})
         * @return this builder
         * @throws InvalidInputException if the share is not more than 0 and less than 1
         */
        public Builder warningShare(double share) {
            if (!(share > 0 && share < 1)) {
                throw InvalidInputException.of("warningShare", "must be more than 0 and less than 1, was " + share);
            }
            this.warningShare = share;
            return this;
        }

        /**
         * Keeps every target's warning inside business hours, or lets every warning fall at any time,
         * instead of the default (business-time targets inside, calendar-time targets any time).
         *
         * @param value whether warnings move to the next opening when they fall while the desk is closed
         * @return this builder
         */
        public Builder warningsInBusinessHoursOnly(boolean value) {
            this.warningsInBusinessHoursOnly = value;
            return this;
        }

        /** @return the policy */
        public SlaPolicy build() {
            return new SlaPolicy(this);
        }
    }
}
