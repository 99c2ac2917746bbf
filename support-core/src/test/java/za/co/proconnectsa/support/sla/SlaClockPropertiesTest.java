package za.co.proconnectsa.support.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static za.co.proconnectsa.support.sla.SlaFixtures.DESK;
import static za.co.proconnectsa.support.sla.SlaFixtures.LONDON_DESK;
import static za.co.proconnectsa.support.sla.SlaTargetType.FIRST_RESPONSE;
import static za.co.proconnectsa.support.sla.SlaTargetType.NEXT_RESPONSE;
import static za.co.proconnectsa.support.sla.SlaTargetType.PERIODIC_UPDATE;
import static za.co.proconnectsa.support.sla.SlaTargetType.RESOLUTION;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import za.co.proconnectsa.support.hours.BusinessHours;
import za.co.proconnectsa.support.ticket.TicketStatus;

/** Laws of the clocks, on random timelines over two desks (Johannesburg with lunch and holidays, London with daylight saving). */
class SlaClockPropertiesTest {

    /** Monday 5 January 2026, 00:00 UTC. */
    private static final Instant BASE = Instant.parse("2026-01-05T00:00:00Z");

    @Provide
    Arbitrary<BusinessHours> desks() {
        return Arbitraries.of(DESK, LONDON_DESK);
    }

    @Provide
    Arbitrary<SlaTarget.Measure> timeMeasures() {
        return Arbitraries.of(SlaTarget.Measure.BUSINESS_TIME, SlaTarget.Measure.CALENDAR_TIME);
    }

    private static Duration measure(SlaTarget.Measure m, BusinessHours hours, Instant a, Instant b) {
        if (!b.isAfter(a)) {
            return Duration.ZERO;
        }
        return m == SlaTarget.Measure.CALENDAR_TIME ? Duration.between(a, b) : hours.businessDuration(a, b);
    }

    /**
     * A ticket that alternates OPEN and PENDING: the gaps (in minutes) between changes, then now.
     * Checks what the clock counts against an independent sum over the open stretches.
     */
    @Property(tries = 400)
    void theClockCountsExactlyTheTimeNotPaused(@ForAll("desks") BusinessHours hours,
            @ForAll("timeMeasures") SlaTarget.Measure m,
            @ForAll @IntRange(min = 0, max = 300 * 24 * 60) int startMinute,
            @ForAll @Size(max = 8) List<@IntRange(min = 1, max = 4 * 24 * 60) Integer> gaps,
            @ForAll @IntRange(min = 0, max = 5 * 24 * 60) int tail,
            @ForAll @IntRange(min = 1, max = 60) int targetHours) {
        Instant created = BASE.plus(Duration.ofMinutes(startMinute));
        Duration amount = Duration.ofHours(targetHours);
        SlaPolicy policy = SlaFixtures.policy(new SlaTarget(RESOLUTION, m, amount, 0));
        SlaTimeline.Builder b = SlaTimeline.createdAt(created, TicketStatus.OPEN);
        Instant at = created;
        boolean open = true;
        Duration counted = Duration.ZERO;
        for (int gap : gaps) {
            Instant next = at.plus(Duration.ofMinutes(gap));
            if (open) {
                counted = counted.plus(measure(m, hours, at, next));
            }
            b.statusChanged(open ? TicketStatus.OPEN : TicketStatus.PENDING, open ? TicketStatus.PENDING : TicketStatus.OPEN, next);
            open = !open;
            at = next;
        }
        Instant now = at.plus(Duration.ofMinutes(tail));
        if (open) {
            counted = counted.plus(measure(m, hours, at, now));
        }
        SlaTimeline timeline = b.build();
        SlaTargetStatus r = SlaClock.of(policy, hours).status(timeline, now).target(RESOLUTION).orElseThrow();

        assertThat(r.elapsed()).isEqualTo(counted);
        assertThat(r.remaining()).isEqualTo(amount.minus(counted));
        switch (r.state()) {
            case ACTIVE -> {
                assertThat(open).isTrue();
                assertThat(r.dueAt()).isEqualTo(advance(m, hours, now, amount.minus(counted)));
            }
            case PAUSED -> {
                assertThat(open).isFalse();
                assertThat(r.dueAt()).isEqualTo(advance(m, hours, now, amount.minus(counted)));
            }
            case BREACHED -> {
                // at the due moment exactly the target had been counted, paused stretches left out
                assertThat(r.dueAt()).isBefore(now);
                assertThat(SlaClock.of(policy, hours).status(timeline, r.dueAt()).target(RESOLUTION).orElseThrow().elapsed())
                        .isEqualTo(amount);
            }
            default -> throw new AssertionError("unexpected state " + r.state());
        }
        assertThat(r.warningAt()).isBeforeOrEqualTo(r.dueAt());
    }

    private static Instant advance(SlaTarget.Measure m, BusinessHours hours, Instant from, Duration d) {
        return m == SlaTarget.Measure.CALENDAR_TIME ? from.plus(d) : hours.plus(from, d);
    }

    /** Kinds of message, by number: requester, agent reply, internal note, automated reply. */
    private static SlaTimeline timeline(Instant created, List<Integer> kinds, List<Integer> gaps, boolean withNoise) {
        SlaTimeline.Builder b = SlaTimeline.createdAt(created);
        Instant at = created;
        for (int i = 0; i < kinds.size(); i++) {
            at = at.plus(Duration.ofMinutes(gaps.get(i % gaps.size())));
            switch (kinds.get(i)) {
                case 0 -> b.requesterMessage(at);
                case 1 -> b.agentReply(at);
                default -> {
                    if (withNoise) {
                        if (kinds.get(i) == 2) {
                            b.internalNote(at);
                        } else {
                            b.automatedReply(at);
                        }
                    }
                }
            }
        }
        return b.build();
    }

    private static final SlaPolicy ALL = SlaPolicy.builder("All")
            .target(SlaFixtures.business(FIRST_RESPONSE, 2))
            .target(SlaFixtures.business(NEXT_RESPONSE, 3))
            .target(SlaTarget.calendarTime(PERIODIC_UPDATE, Duration.ofHours(20)))
            .target(SlaTarget.businessDays(RESOLUTION, 2))
            .build();

    @Property(tries = 300)
    void internalNotesAndAutomatedRepliesChangeNothing(@ForAll("desks") BusinessHours hours,
            @ForAll @IntRange(min = 0, max = 300 * 24 * 60) int startMinute,
            @ForAll @Size(max = 12) List<@IntRange(min = 0, max = 3) Integer> kinds,
            @ForAll @Size(min = 1, max = 4) List<@IntRange(min = 0, max = 2 * 24 * 60) Integer> gaps,
            @ForAll @IntRange(min = 0, max = 3 * 24 * 60) int tail) {
        Instant created = BASE.plus(Duration.ofMinutes(startMinute));
        SlaTimeline noisy = timeline(created, kinds, gaps, true);
        SlaTimeline quiet = timeline(created, kinds, gaps, false);
        Instant now = noisy.moments().get(noisy.moments().size() - 1).at().plus(Duration.ofMinutes(tail));
        SlaClock clock = SlaClock.of(ALL, hours);
        assertThat(clock.status(noisy, now)).isEqualTo(clock.status(quiet, now));
    }

    @Property(tries = 300)
    void firstResponseIsFulfilledInTimeExactlyWhenTheFirstAgentReplyIsNotAfterTheDueMoment(
            @ForAll("desks") BusinessHours hours,
            @ForAll @IntRange(min = 0, max = 300 * 24 * 60) int startMinute,
            @ForAll @Size(max = 12) List<@IntRange(min = 0, max = 3) Integer> kinds,
            @ForAll @Size(min = 1, max = 4) List<@IntRange(min = 0, max = 2 * 24 * 60) Integer> gaps) {
        Instant created = BASE.plus(Duration.ofMinutes(startMinute));
        SlaTimeline t = timeline(created, kinds, gaps, true);
        Instant now = t.moments().get(t.moments().size() - 1).at();
        SlaTargetStatus fr = SlaClock.of(ALL, hours).status(t, now).target(FIRST_RESPONSE).orElseThrow();
        Instant due = hours.plus(created, Duration.ofHours(2));
        assertThat(fr.dueAt()).isEqualTo(due);
        Instant firstReply = t.moments().stream().filter(m -> m.kind() == SlaTimeline.Kind.AGENT_REPLY)
                .map(SlaTimeline.Moment::at).findFirst().orElse(null);
        if (firstReply == null) {
            assertThat(fr.state()).isEqualTo(now.isAfter(due) ? SlaState.BREACHED : SlaState.ACTIVE);
        } else {
            assertThat(fr.fulfilledAt()).isEqualTo(firstReply);
            assertThat(fr.state()).isEqualTo(firstReply.isAfter(due) ? SlaState.FULFILLED_LATE : SlaState.FULFILLED);
        }
    }

    @Property(tries = 300)
    void changingToTheSameTermsChangesNothing(@ForAll("desks") BusinessHours hours,
            @ForAll @IntRange(min = 0, max = 300 * 24 * 60) int startMinute,
            @ForAll @Size(max = 10) List<@IntRange(min = 0, max = 1) Integer> kinds,
            @ForAll @Size(min = 1, max = 3) List<@IntRange(min = 0, max = 2 * 24 * 60) Integer> gaps,
            @ForAll @Size(min = 1, max = 4) List<@IntRange(min = 1, max = 3 * 24 * 60) Integer> changeGaps,
            @ForAll @IntRange(min = 0, max = 6 * 24 * 60) int nowMinute) {
        Instant created = BASE.plus(Duration.ofMinutes(startMinute));
        SlaTimeline t = timeline(created, kinds, gaps, false);
        SlaClock once = SlaClock.of(ALL, hours);
        SlaClock split = once;
        Instant at = created.minus(Duration.ofMinutes(30));
        for (int g : changeGaps) {
            at = at.plus(Duration.ofMinutes(g));
            split = split.changedAt(at, ALL, hours);
        }
        Instant now = created.plus(Duration.ofMinutes(nowMinute));
        assertThat(split.status(t, now)).isEqualTo(once.status(t, now));
    }
}
