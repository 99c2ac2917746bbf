package za.co.proconnectsa.support.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static za.co.proconnectsa.support.sla.SlaFixtures.DESK;
import static za.co.proconnectsa.support.sla.SlaFixtures.LONDON_DESK;
import static za.co.proconnectsa.support.sla.SlaFixtures.business;
import static za.co.proconnectsa.support.sla.SlaFixtures.h;
import static za.co.proconnectsa.support.sla.SlaFixtures.policy;
import static za.co.proconnectsa.support.sla.SlaFixtures.sast;
import static za.co.proconnectsa.support.sla.SlaTargetType.FIRST_RESPONSE;
import static za.co.proconnectsa.support.sla.SlaTargetType.NEXT_RESPONSE;
import static za.co.proconnectsa.support.sla.SlaTargetType.PERIODIC_UPDATE;
import static za.co.proconnectsa.support.sla.SlaTargetType.RESOLUTION;
import static za.co.proconnectsa.support.ticket.TicketStatus.NEW;
import static za.co.proconnectsa.support.ticket.TicketStatus.ON_HOLD;
import static za.co.proconnectsa.support.ticket.TicketStatus.OPEN;
import static za.co.proconnectsa.support.ticket.TicketStatus.PENDING;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.hours.BusinessHours;
import za.co.proconnectsa.support.ticket.Message;
import za.co.proconnectsa.support.ticket.OriginChannel;
import za.co.proconnectsa.support.ticket.TicketId;
import za.co.proconnectsa.support.ticket.Visibility;

class SlaClockTest {

    private static final SlaPolicy STANDARD = SlaPolicy.builder("Standard")
            .target(business(FIRST_RESPONSE, 2))
            .target(business(NEXT_RESPONSE, 4))
            .target(business(PERIODIC_UPDATE, 8))
            .target(business(RESOLUTION, 16))
            .build();

    private static SlaTargetStatus target(SlaClock clock, SlaTimeline timeline, String now, SlaTargetType type) {
        return clock.status(timeline, sast(now)).target(type).orElseThrow();
    }

    private static SlaTargetStatus firstResponse(SlaTimeline timeline, String now) {
        return target(SlaClock.of(STANDARD, DESK), timeline, now, FIRST_RESPONSE);
    }

    @Nested
    @DisplayName("business time on the Johannesburg desk")
    class BusinessTime {

        @Test
        @DisplayName("Friday 16:30 plus two business hours is Monday 09:30")
        void fridayToMonday() {
            SlaTimeline t = SlaTimeline.createdAt(sast("2026-03-06T16:30")).build();
            SlaStatus status = SlaClock.of(STANDARD, DESK).status(t, sast("2026-03-06T16:45"));

            SlaTargetStatus fr = status.target(FIRST_RESPONSE).orElseThrow();
            assertThat(fr.state()).isEqualTo(SlaState.ACTIVE);
            assertThat(fr.dueAt()).isEqualTo(sast("2026-03-09T09:30"));
            assertThat(fr.warningAt()).isEqualTo(sast("2026-03-09T09:06")); // 80% of 2h: 30 min Friday, 66 Monday
            assertThat(fr.elapsed()).isEqualTo(Duration.ofMinutes(15));
            assertThat(fr.remaining()).isEqualTo(Duration.ofMinutes(105));
            assertThat(fr.dueSoon()).isFalse();
            // 16 hours: 30 minutes on Friday, 8 on Monday, 7.5 on Tuesday
            assertThat(status.target(RESOLUTION).orElseThrow().dueAt()).isEqualTo(sast("2026-03-10T16:30"));
            assertThat(status.nearestDue()).contains(sast("2026-03-09T09:30"));
        }

        @Test
        @DisplayName("a lunch break splits the count; the warning comes after lunch")
        void lunchBreak() {
            SlaTimeline t = SlaTimeline.createdAt(sast("2026-03-10T11:00")).build();
            SlaTargetStatus atLunch = firstResponse(t, "2026-03-10T12:30");
            assertThat(atLunch.dueAt()).isEqualTo(sast("2026-03-10T14:00"));
            assertThat(atLunch.elapsed()).isEqualTo(h(1));
            assertThat(atLunch.state()).isEqualTo(SlaState.ACTIVE); // the clock runs, the desk is just closed

            SlaTargetStatus later = firstResponse(t, "2026-03-10T13:40");
            assertThat(later.warningAt()).isEqualTo(sast("2026-03-10T13:36"));
            assertThat(later.dueSoon()).isTrue();
            assertThat(later.remaining()).isEqualTo(Duration.ofMinutes(20));
        }

        @Test
        @DisplayName("Good Friday and Family Day 2026 do not count")
        void publicHolidays() {
            SlaTimeline t = SlaTimeline.createdAt(sast("2026-04-02T16:00")).build();
            SlaTargetStatus fr = firstResponse(t, "2026-04-06T12:00");
            assertThat(fr.dueAt()).isEqualTo(sast("2026-04-07T09:00"));
            assertThat(fr.elapsed()).isEqualTo(h(1));
            assertThat(fr.state()).isEqualTo(SlaState.ACTIVE);
        }
    }

    @Nested
    @DisplayName("who answers")
    class Answers {

        private final SlaTimeline.Builder base = SlaTimeline.createdAt(sast("2026-03-10T08:00"))
                .automatedReply(sast("2026-03-10T08:00:05"))
                .internalNote(sast("2026-03-10T08:10"))
                .requesterMessage(sast("2026-03-10T08:20"));

        @Test
        @DisplayName("internal notes, automated replies and the requester's messages fulfil nothing")
        void notesAndAutomationDoNotAnswer() {
            SlaTargetStatus before = firstResponse(base.build(), "2026-03-10T09:00");
            assertThat(before.state()).isEqualTo(SlaState.ACTIVE);
            assertThat(before.elapsed()).isEqualTo(h(1));

            SlaTargetStatus after = firstResponse(base.build(), "2026-03-10T10:30");
            assertThat(after.state()).isEqualTo(SlaState.BREACHED);
            assertThat(after.dueAt()).isEqualTo(sast("2026-03-10T10:00"));
            assertThat(after.remaining()).isEqualTo(Duration.ofMinutes(-30));
            assertThat(after.fulfilledAt()).isNull();
        }

        @Test
        @DisplayName("an agent's public reply in time fulfils")
        void agentReply() {
            SlaTargetStatus fr = firstResponse(base.agentReply(sast("2026-03-10T09:59")).build(), "2026-03-10T11:00");
            assertThat(fr.state()).isEqualTo(SlaState.FULFILLED);
            assertThat(fr.fulfilledAt()).isEqualTo(sast("2026-03-10T09:59"));
            assertThat(fr.remaining()).isEqualTo(Duration.ofMinutes(1));
            assertThat(fr.elapsed()).isEqualTo(Duration.ofMinutes(119));
        }

        @Test
        @DisplayName("a reply after the due moment is fulfilled late")
        void fulfilledLate() {
            SlaStatus status = SlaClock.of(STANDARD, DESK)
                    .status(base.agentReply(sast("2026-03-10T10:45")).build(), sast("2026-03-10T11:00"));
            SlaTargetStatus fr = status.target(FIRST_RESPONSE).orElseThrow();
            assertThat(fr.state()).isEqualTo(SlaState.FULFILLED_LATE);
            assertThat(fr.remaining()).isEqualTo(Duration.ofMinutes(-45));
            assertThat(status.anyMissed()).isTrue();
        }

        @Test
        @DisplayName("ticket messages map by author and visibility: an agent's internal note never answers")
        void messages() {
            TicketId ticket = TicketId.random();
            Actor agent = Actor.agent("agent-1", "Thandi");
            Message note = new Message(UUID.randomUUID(), ticket, agent, "checking", Visibility.INTERNAL, List.of(),
                    sast("2026-03-10T08:30"));
            Message reply = new Message(UUID.randomUUID(), ticket, agent, "hello", Visibility.PUBLIC, List.of(),
                    sast("2026-03-10T09:00"));
            SlaTimeline onlyNote = SlaTimeline.createdAt(sast("2026-03-10T08:00")).message(note).build();
            assertThat(onlyNote.moments().get(1).kind()).isEqualTo(SlaTimeline.Kind.INTERNAL_NOTE);
            assertThat(firstResponse(onlyNote, "2026-03-10T09:30").state()).isEqualTo(SlaState.ACTIVE);
            SlaTimeline replied = SlaTimeline.createdAt(sast("2026-03-10T08:00")).message(note).message(reply).build();
            assertThat(firstResponse(replied, "2026-03-10T09:30").fulfilledAt()).isEqualTo(sast("2026-03-10T09:00"));
        }
    }

    @Nested
    @DisplayName("pauses")
    class Pauses {

        private final SlaClock clock = SlaClock.of(policy(business(RESOLUTION, 8)), DESK);

        /** Created Monday 08:00, pending 09:00-10:00 and 11:00-14:00 (3 business hours paused in all). */
        private final SlaTimeline twoPauses = SlaTimeline.createdAt(sast("2026-03-09T08:00"))
                .statusChanged(NEW, PENDING, sast("2026-03-09T09:00"))
                .statusChanged(PENDING, OPEN, sast("2026-03-09T10:00"))
                .statusChanged(OPEN, PENDING, sast("2026-03-09T11:00"))
                .statusChanged(PENDING, OPEN, sast("2026-03-09T14:00"))
                .build();

        @Test
        @DisplayName("two pause cycles move the due moment by the paused business time, once")
        void pauseCycles() {
            SlaTargetStatus r = target(clock, twoPauses, "2026-03-09T15:00", RESOLUTION);
            assertThat(r.state()).isEqualTo(SlaState.ACTIVE);
            assertThat(r.elapsed()).isEqualTo(h(3));
            assertThat(r.remaining()).isEqualTo(h(5));
            // without pauses Monday 17:00; 3 paused business hours later: Tuesday 11:00
            assertThat(r.dueAt()).isEqualTo(sast("2026-03-10T11:00"));
            assertThat(DESK.plus(sast("2026-03-09T08:00"), h(8).plus(h(3)))).isEqualTo(r.dueAt());
        }

        @Test
        @DisplayName("while paused the clock stands still and the due moment is where it would be if it resumed now")
        void whilePaused() {
            SlaTargetStatus r = target(clock, twoPauses, "2026-03-09T12:30", RESOLUTION);
            assertThat(r.state()).isEqualTo(SlaState.PAUSED);
            assertThat(r.elapsed()).isEqualTo(h(2));
            assertThat(r.dueAt()).isEqualTo(sast("2026-03-10T10:00"));
            assertThat(r.dueSoon()).isFalse();
            SlaStatus status = clock.status(twoPauses, sast("2026-03-09T12:30"));
            assertThat(status.nearestDue()).isEmpty();
        }

        @Test
        @DisplayName("PENDING then ON_HOLD back to back is one pause, when both pause")
        void backToBack() {
            SlaClock both = SlaClock.of(SlaPolicy.builder("Both").target(business(RESOLUTION, 8))
                    .pausedIn(PENDING, ON_HOLD).build(), DESK);
            SlaTimeline t = SlaTimeline.createdAt(sast("2026-03-09T08:00"))
                    .statusChanged(NEW, PENDING, sast("2026-03-09T09:00"))
                    .statusChanged(PENDING, ON_HOLD, sast("2026-03-09T10:00"))
                    .statusChanged(ON_HOLD, OPEN, sast("2026-03-09T11:00"))
                    .build();
            SlaTargetStatus r = target(both, t, "2026-03-09T15:00", RESOLUTION);
            assertThat(r.elapsed()).isEqualTo(h(4)); // 08-09 and 11-12, 13-15
            assertThat(r.dueAt()).isEqualTo(sast("2026-03-10T10:00"));
            // by default only PENDING pauses: the hour ON_HOLD counts
            assertThat(target(clock, t, "2026-03-09T15:00", RESOLUTION).elapsed()).isEqualTo(h(5));
        }

        @Test
        @DisplayName("a breach before the pause stays a breach")
        void breachThenPause() {
            SlaTimeline t = SlaTimeline.createdAt(sast("2026-03-10T08:00"))
                    .statusChanged(NEW, PENDING, sast("2026-03-10T10:30")).build();
            SlaTargetStatus fr = firstResponse(t, "2026-03-10T11:00");
            assertThat(fr.state()).isEqualTo(SlaState.BREACHED);
            assertThat(fr.dueAt()).isEqualTo(sast("2026-03-10T10:00"));
        }
    }

    @Nested
    @DisplayName("next response, periodic update and resolution")
    class Repeating {

        @Test
        @DisplayName("next response counts from the oldest unanswered requester message after an agent reply")
        void nextResponse() {
            SlaTimeline.Builder b = SlaTimeline.createdAt(sast("2026-03-10T08:00"))
                    .requesterMessage(sast("2026-03-10T08:05")) // before any agent reply: first response covers it
                    .agentReply(sast("2026-03-10T08:30"))
                    .requesterMessage(sast("2026-03-10T09:00"))
                    .requesterMessage(sast("2026-03-10T09:30"));
            SlaTargetStatus open = target(SlaClock.of(STANDARD, DESK), b.build(), "2026-03-10T10:00", NEXT_RESPONSE);
            assertThat(open.startedAt()).isEqualTo(sast("2026-03-10T09:00"));
            assertThat(open.dueAt()).isEqualTo(sast("2026-03-10T14:00")); // 3h before lunch, 1h after
            assertThat(open.elapsed()).isEqualTo(h(1));

            b.agentReply(sast("2026-03-10T11:00"))
                    .requesterMessage(sast("2026-03-10T13:00"))       // due 17:00
                    .agentReply(sast("2026-03-11T09:00"))             // late
                    .requesterMessage(sast("2026-03-11T10:00"));
            SlaTargetStatus third = target(SlaClock.of(STANDARD, DESK), b.build(), "2026-03-11T10:30", NEXT_RESPONSE);
            assertThat(third.state()).isEqualTo(SlaState.ACTIVE);
            assertThat(third.startedAt()).isEqualTo(sast("2026-03-11T10:00"));
            assertThat(third.earlierMisses()).isEqualTo(1);
        }

        @Test
        @DisplayName("next response has not started before the first agent reply")
        void nextResponseNotStarted() {
            SlaTimeline t = SlaTimeline.createdAt(sast("2026-03-10T08:00")).requesterMessage(sast("2026-03-10T08:05")).build();
            SlaTargetStatus n = target(SlaClock.of(STANDARD, DESK), t, "2026-03-10T09:00", NEXT_RESPONSE);
            assertThat(n.state()).isEqualTo(SlaState.NOT_STARTED);
            assertThat(n.due()).isEmpty();
            assertThat(n.remaining()).isEqualTo(h(4));
        }

        @Test
        @DisplayName("periodic update runs from the last agent reply, each reply fulfilling the run before")
        void periodicUpdate() {
            SlaTimeline.Builder b = SlaTimeline.createdAt(sast("2026-03-10T08:00"));
            SlaClock clock = SlaClock.of(STANDARD, DESK);
            assertThat(target(clock, b.build(), "2026-03-10T08:10", PERIODIC_UPDATE).state()).isEqualTo(SlaState.NOT_STARTED);
            b.agentReply(sast("2026-03-10T08:30")).agentReply(sast("2026-03-10T15:00"));
            SlaTargetStatus p = target(clock, b.build(), "2026-03-10T16:00", PERIODIC_UPDATE);
            assertThat(p.startedAt()).isEqualTo(sast("2026-03-10T15:00"));
            assertThat(p.dueAt()).isEqualTo(sast("2026-03-11T15:00"));
            assertThat(p.state()).isEqualTo(SlaState.ACTIVE);
            assertThat(p.earlierMisses()).isZero();
        }

        @Test
        @DisplayName("resolution: resolved in time, reopened resumes without the resolved time, resolved late")
        void resolution() {
            SlaClock clock = SlaClock.of(STANDARD, DESK);
            SlaTimeline.Builder b = SlaTimeline.createdAt(sast("2026-03-10T08:00"))
                    .agentReply(sast("2026-03-10T09:00"))
                    .resolved(sast("2026-03-10T12:00"));
            SlaTargetStatus resolved = target(clock, b.build(), "2026-03-10T16:00", RESOLUTION);
            assertThat(resolved.state()).isEqualTo(SlaState.FULFILLED);
            assertThat(resolved.fulfilledAt()).isEqualTo(sast("2026-03-10T12:00"));
            assertThat(resolved.elapsed()).isEqualTo(h(4));

            b.requesterMessage(sast("2026-03-11T08:00")).reopened(sast("2026-03-11T08:00"));
            SlaTargetStatus reopened = target(clock, b.build(), "2026-03-11T09:00", RESOLUTION);
            assertThat(reopened.state()).isEqualTo(SlaState.ACTIVE);
            assertThat(reopened.elapsed()).isEqualTo(h(5));
            assertThat(reopened.dueAt()).isEqualTo(sast("2026-03-12T12:00"));

            b.resolved(sast("2026-03-12T13:30"));
            SlaTargetStatus late = target(clock, b.build(), "2026-03-12T14:00", RESOLUTION);
            assertThat(late.state()).isEqualTo(SlaState.FULFILLED_LATE);
            assertThat(late.fulfilledAt()).isEqualTo(sast("2026-03-12T13:30"));
            assertThat(late.remaining()).isEqualTo(Duration.ofMinutes(-30));
        }

        @Test
        @DisplayName("a response never given stands still while the ticket is resolved, and resumes on reopening")
        void responseWhileResolved() {
            SlaTimeline.Builder b = SlaTimeline.createdAt(sast("2026-03-10T08:00")).resolved(sast("2026-03-10T09:00"));
            SlaTargetStatus fr = firstResponse(b.build(), "2026-03-10T11:00");
            assertThat(fr.state()).isEqualTo(SlaState.PAUSED);
            assertThat(fr.elapsed()).isEqualTo(h(1));
            b.reopened(sast("2026-03-11T08:00"));
            SlaTargetStatus reopened = firstResponse(b.build(), "2026-03-11T08:30");
            assertThat(reopened.state()).isEqualTo(SlaState.ACTIVE);
            assertThat(reopened.dueAt()).isEqualTo(sast("2026-03-11T09:00"));
        }
    }

    @Nested
    @DisplayName("business days")
    class BusinessDays {

        private final SlaClock clock = SlaClock.of(policy(SlaTarget.businessDays(RESOLUTION, 1)), DESK);

        @ParameterizedTest(name = "created {0}: due {1}")
        @CsvSource({
            "2026-03-10T10:00, 2026-03-11T17:00", // Tuesday: end of Wednesday
            "2026-03-10T20:00, 2026-03-11T17:00", // after closing, the same
            "2026-03-10T07:00, 2026-03-11T17:00", // before opening: the start date never counts
            "2026-03-06T10:00, 2026-03-09T17:00", // Friday: end of Monday
            "2026-03-07T10:00, 2026-03-09T17:00", // Saturday: end of Monday
            "2026-04-02T10:00, 2026-04-07T17:00", // Thursday before Easter: end of Tuesday
        })
        @DisplayName("due when business ends on the next business day")
        void endOfNextBusinessDay(String created, String due) {
            SlaTimeline t = SlaTimeline.createdAt(sast(created)).build();
            assertThat(target(clock, t, created, RESOLUTION).dueAt()).isEqualTo(sast(due));
        }

        @Test
        @DisplayName("a pause moves the end-of-day due moment by the paused business time")
        void pause() {
            SlaTimeline t = SlaTimeline.createdAt(sast("2026-03-10T10:00"))
                    .statusChanged(NEW, PENDING, sast("2026-03-10T14:00"))
                    .statusChanged(PENDING, OPEN, sast("2026-03-10T16:00"))
                    .build();
            SlaTargetStatus r = target(clock, t, "2026-03-10T16:30", RESOLUTION);
            assertThat(r.dueAt()).isEqualTo(sast("2026-03-12T10:00"));
            assertThat(r.remaining()).isEqualTo(h(14 - 3.5));
        }

        @Test
        @DisplayName("London: the end of Monday after the March change")
        void london() {
            SlaClock london = SlaClock.of(policy(SlaTarget.businessDays(RESOLUTION, 1)), LONDON_DESK);
            Instant friday = Instant.parse("2026-03-27T10:00:00Z");
            SlaStatus s = london.status(SlaTimeline.createdAt(friday).build(), friday);
            assertThat(s.target(RESOLUTION).orElseThrow().dueAt()).isEqualTo(Instant.parse("2026-03-30T16:00:00Z"));
        }
    }

    @Nested
    @DisplayName("a daylight-saving zone")
    class Dst {

        @Test
        @DisplayName("London, March: Friday 16:00 GMT plus 2 business hours is Monday 10:00 BST")
        void spring() {
            Instant created = Instant.parse("2026-03-27T16:00:00Z");
            SlaStatus s = SlaClock.of(STANDARD, LONDON_DESK).status(SlaTimeline.createdAt(created).build(),
                    Instant.parse("2026-03-30T09:00:00Z"));
            SlaTargetStatus fr = s.target(FIRST_RESPONSE).orElseThrow();
            assertThat(fr.dueAt()).isEqualTo(Instant.parse("2026-03-30T09:00:00Z"));
            assertThat(fr.state()).isEqualTo(SlaState.ACTIVE); // exactly at the due moment: not yet breached
            assertThat(s.requesterWaitTime().calendar()).isEqualTo(h(65));
            assertThat(s.requesterWaitTime().business()).isEqualTo(h(2));
        }

        @Test
        @DisplayName("London, October: Friday 16:00 BST plus 2 business hours is Monday 10:00 GMT; 72 calendar hours are 72 real hours")
        void autumn() {
            Instant created = Instant.parse("2026-10-23T15:00:00Z");
            SlaTargetStatus fr = SlaClock.of(STANDARD, LONDON_DESK).status(SlaTimeline.createdAt(created).build(), created)
                    .target(FIRST_RESPONSE).orElseThrow();
            assertThat(fr.dueAt()).isEqualTo(Instant.parse("2026-10-26T10:00:00Z"));
            SlaClock calendar = SlaClock.of(policy(SlaTarget.calendarTime(FIRST_RESPONSE, h(72))), LONDON_DESK);
            assertThat(calendar.expectedFirstResponse(created)).contains(Instant.parse("2026-10-26T15:00:00Z"));
            assertThat(calendar.describeExpectedFirstResponse(created)).contains("Mon 26 Oct at 15:00");
        }
    }

    @Nested
    @DisplayName("policy and schedule changes on an open ticket")
    class Changes {

        private final SlaPolicy four = policy(business(FIRST_RESPONSE, 4));
        private final SlaPolicy two = policy(business(FIRST_RESPONSE, 2));
        private final SlaTimeline created = SlaTimeline.createdAt(sast("2026-03-10T08:00")).build();

        @Test
        @DisplayName("the time counted under the old policy carries over to the new target")
        void stricterPolicy() {
            SlaClock clock = SlaClock.of(four, DESK).changedAt(sast("2026-03-10T09:00"), two, DESK);
            SlaTargetStatus fr = target(clock, created, "2026-03-10T09:30", FIRST_RESPONSE);
            assertThat(fr.dueAt()).isEqualTo(sast("2026-03-10T10:00"));
            assertThat(fr.warningAt()).isEqualTo(sast("2026-03-10T09:36")); // 80% of the new 2 hours
            assertThat(fr.remaining()).isEqualTo(h(0.5));
            assertThat(fr.target().time()).isEqualTo(h(2));
            // before the change, the old policy alone
            assertThat(target(clock, created, "2026-03-10T08:30", FIRST_RESPONSE).dueAt()).isEqualTo(sast("2026-03-10T10:00"));
            assertThat(target(SlaClock.of(four, DESK), created, "2026-03-10T08:30", FIRST_RESPONSE).dueAt())
                    .isEqualTo(sast("2026-03-10T12:00"));
        }

        @Test
        @DisplayName("a target already used up at the change is due at the change, not before")
        void usedUpAtTheChange() {
            SlaClock clock = SlaClock.of(four, DESK).changedAt(sast("2026-03-10T11:00"), two, DESK);
            SlaTargetStatus fr = target(clock, created, "2026-03-10T11:30", FIRST_RESPONSE);
            assertThat(fr.dueAt()).isEqualTo(sast("2026-03-10T11:00"));
            assertThat(fr.warningAt()).isEqualTo(sast("2026-03-10T11:00"));
            assertThat(fr.state()).isEqualTo(SlaState.BREACHED);
            assertThat(fr.remaining()).isEqualTo(h(-1.5));
        }

        @Test
        @DisplayName("a breach under the old policy is not undone by a laxer one")
        void laxerPolicy() {
            SlaClock clock = SlaClock.of(two, DESK).changedAt(sast("2026-03-10T10:30"), four, DESK);
            SlaTargetStatus fr = target(clock, created, "2026-03-10T10:45", FIRST_RESPONSE);
            assertThat(fr.state()).isEqualTo(SlaState.BREACHED);
            assertThat(fr.dueAt()).isEqualTo(sast("2026-03-10T10:00"));
            // a laxer policy before the breach moves the due moment
            SlaClock early = SlaClock.of(two, DESK).changedAt(sast("2026-03-10T09:30"), four, DESK);
            assertThat(target(early, created, "2026-03-10T09:45", FIRST_RESPONSE).dueAt()).isEqualTo(sast("2026-03-10T12:00"));
        }

        @Test
        @DisplayName("new hours count from the change on: Friday 16:00, open around the clock from 17:00")
        void hoursChange() {
            SlaClock clock = SlaClock.of(four, DESK).changedAt(sast("2026-03-06T17:00"), four, BusinessHours.always());
            SlaTimeline t = SlaTimeline.createdAt(sast("2026-03-06T16:00")).build();
            assertThat(target(clock, t, "2026-03-06T16:30", FIRST_RESPONSE).dueAt()).isEqualTo(sast("2026-03-06T20:00"));
            assertThat(clock.status(t, sast("2026-03-06T18:00")).requesterWaitTime().business()).isEqualTo(h(2));
        }

        @Test
        @DisplayName("from business time to calendar time: the business hour counted carries over")
        void measureChange() {
            SlaPolicy calendar = policy(SlaTarget.calendarTime(FIRST_RESPONSE, h(3)));
            SlaClock clock = SlaClock.of(four, DESK).changedAt(sast("2026-03-10T17:00"), calendar, DESK);
            SlaTimeline t = SlaTimeline.createdAt(sast("2026-03-10T16:00")).build();
            SlaTargetStatus fr = target(clock, t, "2026-03-10T18:00", FIRST_RESPONSE);
            assertThat(fr.dueAt()).isEqualTo(sast("2026-03-10T19:00"));
            assertThat(fr.elapsed()).isEqualTo(h(2));
        }

        @Test
        @DisplayName("new pausing statuses apply from the change on")
        void pausingChange() {
            SlaPolicy holdPauses = SlaPolicy.builder("Hold").target(business(RESOLUTION, 8)).pausedIn(PENDING, ON_HOLD).build();
            SlaClock clock = SlaClock.of(policy(business(RESOLUTION, 8)), DESK)
                    .changedAt(sast("2026-03-10T10:00"), holdPauses, DESK);
            SlaTimeline t = SlaTimeline.createdAt(sast("2026-03-10T08:00"))
                    .statusChanged(NEW, ON_HOLD, sast("2026-03-10T09:00"))
                    .statusChanged(ON_HOLD, OPEN, sast("2026-03-10T11:00")).build();
            assertThat(target(clock, t, "2026-03-10T11:30", RESOLUTION).elapsed()).isEqualTo(h(2.5));
        }

        @Test
        @DisplayName("a change later than now shapes the projected due moment")
        void futureChange() {
            SlaClock clock = SlaClock.of(four, DESK).changedAt(sast("2026-03-10T09:00"), two, DESK);
            assertThat(target(clock, created, "2026-03-10T08:15", FIRST_RESPONSE).dueAt()).isEqualTo(sast("2026-03-10T10:00"));
            assertThat(target(clock, created, "2026-03-10T08:15", FIRST_RESPONSE).target().time()).isEqualTo(h(4));
        }

        @Test
        @DisplayName("changes must come in order")
        void order() {
            SlaClock clock = SlaClock.of(four, DESK).changedAt(sast("2026-03-10T09:00"), two, DESK);
            assertThatThrownBy(() -> clock.changedAt(sast("2026-03-10T09:00"), four, DESK))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("at");
            assertThat(clock.termsAt(sast("2026-03-10T08:59")).policy()).isEqualTo(four);
            assertThat(clock.termsAt(sast("2026-03-10T09:00")).policy()).isEqualTo(two);
        }
    }

    @Nested
    @DisplayName("warnings")
    class Warnings {

        @Test
        @DisplayName("a calendar-time warning at night moves to the opening before the due moment only when asked")
        void calendarWarning() {
            SlaTarget sixteen = SlaTarget.calendarTime(FIRST_RESPONSE, h(16));
            SlaTimeline t = SlaTimeline.createdAt(sast("2026-03-09T17:00")).build();
            SlaTargetStatus anyTime = target(SlaClock.of(policy(sixteen), DESK), t, "2026-03-09T17:00", FIRST_RESPONSE);
            assertThat(anyTime.dueAt()).isEqualTo(sast("2026-03-10T09:00"));
            assertThat(anyTime.warningAt()).isEqualTo(sast("2026-03-10T05:48"));
            SlaPolicy inHours = SlaPolicy.builder("In hours").target(sixteen).warningsInBusinessHoursOnly(true).build();
            assertThat(target(SlaClock.of(inHours, DESK), t, "2026-03-09T17:00", FIRST_RESPONSE).warningAt())
                    .isEqualTo(sast("2026-03-10T08:00"));
        }

        @Test
        @DisplayName("a business-time warning reached at closing time comes at the next opening")
        void businessWarningAtClosing() {
            SlaTimeline t = SlaTimeline.createdAt(sast("2026-03-09T15:00")).build();
            SlaTarget fr = business(FIRST_RESPONSE, 2.5); // warns after 2 hours: Monday 17:00
            SlaTargetStatus s = target(SlaClock.of(policy(fr), DESK), t, "2026-03-09T15:00", FIRST_RESPONSE);
            assertThat(s.warningAt()).isEqualTo(sast("2026-03-10T08:00"));
            assertThat(s.dueAt()).isEqualTo(sast("2026-03-10T08:30"));
            SlaPolicy anyTime = SlaPolicy.builder("Any").target(fr).warningsInBusinessHoursOnly(false).build();
            assertThat(target(SlaClock.of(anyTime, DESK), t, "2026-03-09T15:00", FIRST_RESPONSE).warningAt())
                    .isEqualTo(sast("2026-03-09T17:00"));
        }

        @Test
        @DisplayName("the warning share is the policy's")
        void share() {
            SlaPolicy half = SlaPolicy.builder("Half").target(business(FIRST_RESPONSE, 2)).warningShare(0.5).build();
            SlaTimeline t = SlaTimeline.createdAt(sast("2026-03-10T08:00")).build();
            assertThat(target(SlaClock.of(half, DESK), t, "2026-03-10T09:00", FIRST_RESPONSE).dueSoon()).isTrue();
            assertThat(target(SlaClock.of(half, DESK), t, "2026-03-10T08:59", FIRST_RESPONSE).dueSoon()).isFalse();
        }
    }

    @Nested
    @DisplayName("readings, receipts and WhatsApp")
    class Readings {

        @Test
        @DisplayName("requester wait time counts NEW, OPEN and ON_HOLD; agent work time NEW and OPEN")
        void waitAndWork() {
            SlaTimeline t = SlaTimeline.createdAt(sast("2026-03-10T08:00"))
                    .statusChanged(NEW, OPEN, sast("2026-03-10T09:00"))
                    .statusChanged(OPEN, PENDING, sast("2026-03-10T10:00"))
                    .statusChanged(PENDING, OPEN, sast("2026-03-10T11:00"))
                    .statusChanged(OPEN, ON_HOLD, sast("2026-03-10T11:30"))
                    .statusChanged(ON_HOLD, OPEN, sast("2026-03-10T14:00"))
                    .resolved(sast("2026-03-10T15:00"))
                    .build();
            SlaStatus s = SlaClock.of(STANDARD, DESK).status(t, sast("2026-03-10T16:00"));
            assertThat(s.requesterWaitTime()).isEqualTo(new SlaStatus.Reading(h(5), h(6)));
            assertThat(s.agentWorkTime()).isEqualTo(new SlaStatus.Reading(h(3.5), h(3.5)));
        }

        @Test
        @DisplayName("the receipt text: expected first response in the desk's zone")
        void receipt() {
            SlaClock clock = SlaClock.of(STANDARD, DESK);
            assertThat(clock.describeExpectedFirstResponse(sast("2026-03-10T08:00"))).contains("Tue 10 Mar at 10:00");
            assertThat(clock.describeExpectedFirstResponse(sast("2026-03-06T16:30"))).contains("Mon 9 Mar at 09:30");
            assertThat(SlaClock.of(policy(business(RESOLUTION, 8)), DESK).expectedFirstResponse(sast("2026-03-10T08:00")))
                    .isEmpty();
            assertThat(SlaClock.describe(sast("2026-03-10T10:00:59"), SlaFixtures.JHB)).isEqualTo("Tue 10 Mar at 10:00");
        }

        @Test
        @DisplayName("a WhatsApp conversation's first reply has its own target; the auto-acknowledgement is no reply")
        void whatsApp() {
            SlaPolicy chat = SlaPolicy.builder("Chat").target(SlaTarget.calendarTime(FIRST_RESPONSE, Duration.ofMinutes(15)))
                    .build();
            SlaPolicies policies = SlaPolicies.builder(STANDARD).forOrigin(OriginChannel.WHATSAPP, chat).build();
            SlaClock clock = SlaClock.of(policies.policyForWhatsAppConversation(), DESK);
            SlaTimeline.Builder chatLine = SlaTimeline.createdAt(sast("2026-03-07T10:00"))
                    .automatedReply(sast("2026-03-07T10:00:01"));
            assertThat(target(clock, chatLine.build(), "2026-03-07T10:20", FIRST_RESPONSE).state())
                    .isEqualTo(SlaState.BREACHED);
            chatLine.agentReply(sast("2026-03-07T10:10"));
            assertThat(target(clock, chatLine.build(), "2026-03-07T10:20", FIRST_RESPONSE).state())
                    .isEqualTo(SlaState.FULFILLED);
        }

        @Test
        @DisplayName("refuses a moment before the creation; ignores moments after now")
        void nowAndTheFuture() {
            SlaTimeline t = SlaTimeline.createdAt(sast("2026-03-10T08:00")).agentReply(sast("2026-03-10T09:00")).build();
            assertThatThrownBy(() -> SlaClock.of(STANDARD, DESK).status(t, sast("2026-03-10T07:59")))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("now");
            assertThat(firstResponse(t, "2026-03-10T08:30").state()).isEqualTo(SlaState.ACTIVE);
            assertThat(firstResponse(t, "2026-03-10T09:00").state()).isEqualTo(SlaState.FULFILLED);
        }
    }
}
