package za.co.proconnectsa.support.benchmarks;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import za.co.proconnectsa.support.hours.BusinessHours;
import za.co.proconnectsa.support.hours.SouthAfricanHolidays;
import za.co.proconnectsa.support.sla.SlaClock;
import za.co.proconnectsa.support.sla.SlaPolicies;
import za.co.proconnectsa.support.sla.SlaPolicy;
import za.co.proconnectsa.support.sla.SlaState;
import za.co.proconnectsa.support.sla.SlaStatus;
import za.co.proconnectsa.support.sla.SlaTarget;
import za.co.proconnectsa.support.sla.SlaTargetStatus;
import za.co.proconnectsa.support.sla.SlaTargetType;
import za.co.proconnectsa.support.sla.SlaTimeline;
import za.co.proconnectsa.support.ticket.Category;
import za.co.proconnectsa.support.ticket.OriginChannel;
import za.co.proconnectsa.support.ticket.Priority;
import za.co.proconnectsa.support.ticket.TicketStatus;

/**
 * The SLA status of a 50-ticket queue page, in process: {@link SlaClock#status} for 50 realistic timelines.
 * <ul>
 *   <li>{@code status50}: the 50 statuses, timelines and clocks built in setup (what a page costs once the desk has
 *       each ticket's timeline);</li>
 *   <li>{@code buildAndStatus50}: building the 50 timelines from their moments, then the 50 statuses;</li>
 *   <li>baselines, in the same run: {@code buildTimelines50} builds the 50 timelines alone (the sorting and checking
 *       of {@link SlaTimeline.Builder}), and {@code handCodedDue50} computes for each ticket "created + 4 business
 *       hours" by hand: a loop over the days in the zone, skipping weekends and the holidays of a precomputed
 *       {@code HashSet} of dates, counting minutes of 08:00-18:00 (checked in setup against
 *       {@link BusinessHours#plus}).</li>
 * </ul>
 *
 * <p>The page: 50 tickets created from 60 days to 20 minutes before Tuesday 7 April 2026, 10:30 in Johannesburg (so
 * many count across Good Friday, 3 April, and Family Day, 6 April), each with a few moments after its creation (1 to 6
 * steps, about 8 moments a ticket with their status changes): an automated acknowledgement, agent replies, requester
 * messages, internal notes and status changes (NEW to OPEN, OPEN to PENDING and back, ON_HOLD, resolved and reopened);
 * none is resolved now, and a third or so are waiting in PENDING or ON_HOLD (setup prints the mix). Hours:
 * Monday to Friday 08:00-18:00, Africa/Johannesburg, South African public holidays. Policies
 * ({@link SlaPolicies}): standard (first response 4 business hours, next response 8 business hours, resolution 3
 * business days), HIGH (2 h, 4 h, 16 business hours, also paused in ON_HOLD), URGENT (calendar time: 1 h, updates
 * every 4 h, resolution in 24 h) and WhatsApp (30 business minutes, next response 1 business hour).
 *
 * <p>Target: all 50 statuses in at most 1 ms.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class SlaStatusBenchmark {

    /** The tickets of a page. */
    static final int PAGE = 50;

    static final ZoneId JOHANNESBURG = ZoneId.of("Africa/Johannesburg");
    /** Tuesday 7 April 2026, 10:30 SAST: the first working day after the Easter weekend. */
    static final Instant NOW = LocalDateTime.of(2026, 4, 7, 10, 30).atZone(JOHANNESBURG).toInstant();

    static final BusinessHours HOURS = BusinessHours.builder()
            .zone(JOHANNESBURG)
            .weekdays(LocalTime.of(8, 0), LocalTime.of(18, 0))
            .holidays(SouthAfricanHolidays.calendar())
            .build();

    static final SlaPolicies POLICIES = SlaPolicies.builder(SlaPolicy.builder("Standard")
                    .target(SlaTarget.businessTime(SlaTargetType.FIRST_RESPONSE, Duration.ofHours(4)))
                    .target(SlaTarget.businessTime(SlaTargetType.NEXT_RESPONSE, Duration.ofHours(8)))
                    .target(SlaTarget.businessDays(SlaTargetType.RESOLUTION, 3))
                    .build())
            .forPriority(Priority.HIGH, SlaPolicy.builder("High")
                    .target(SlaTarget.businessTime(SlaTargetType.FIRST_RESPONSE, Duration.ofHours(2)))
                    .target(SlaTarget.businessTime(SlaTargetType.NEXT_RESPONSE, Duration.ofHours(4)))
                    .target(SlaTarget.businessTime(SlaTargetType.RESOLUTION, Duration.ofHours(16)))
                    .pausedIn(TicketStatus.PENDING, TicketStatus.ON_HOLD)
                    .build())
            .forPriority(Priority.URGENT, SlaPolicy.builder("Urgent")
                    .target(SlaTarget.calendarTime(SlaTargetType.FIRST_RESPONSE, Duration.ofHours(1)))
                    .target(SlaTarget.calendarTime(SlaTargetType.PERIODIC_UPDATE, Duration.ofHours(4)))
                    .target(SlaTarget.calendarTime(SlaTargetType.RESOLUTION, Duration.ofHours(24)))
                    .build())
            .forOrigin(OriginChannel.WHATSAPP, SlaPolicy.builder("WhatsApp")
                    .target(SlaTarget.businessTime(SlaTargetType.FIRST_RESPONSE, Duration.ofMinutes(30)))
                    .target(SlaTarget.businessTime(SlaTargetType.NEXT_RESPONSE, Duration.ofHours(1)))
                    .build())
            .build();

    /** One ticket of the page: its creation, its later moments in the order they were recorded, its clock. */
    record Ticket(Instant createdAt, List<SlaTimeline.Moment> moments, SlaClock clock) {
        SlaTimeline timeline() {
            SlaTimeline.Builder b = SlaTimeline.createdAt(createdAt);
            for (SlaTimeline.Moment m : moments) {
                switch (m.kind()) {
                    case REQUESTER_MESSAGE -> b.requesterMessage(m.at());
                    case AGENT_REPLY -> b.agentReply(m.at());
                    case INTERNAL_NOTE -> b.internalNote(m.at());
                    case AUTOMATED_REPLY -> b.automatedReply(m.at());
                    case STATUS_CHANGED -> b.statusChanged(m.from(), m.to(), m.at());
                    default -> throw new IllegalStateException(m.toString());
                }
            }
            return b.build();
        }
    }

    private List<Ticket> page;
    private SlaTimeline[] timelines;
    private SlaClock[] clocks;
    private Instant[] created;
    private Set<LocalDate> holidays;

    /** Builds the page, checks the hand-coded baseline against the library and prints what the page holds. */
    @Setup
    public void setUp() {
        page = page(new Random(20260407));
        timelines = new SlaTimeline[PAGE];
        clocks = new SlaClock[PAGE];
        created = new Instant[PAGE];
        for (int i = 0; i < PAGE; i++) {
            timelines[i] = page.get(i).timeline();
            clocks[i] = page.get(i).clock();
            created[i] = page.get(i).createdAt();
        }
        holidays = new HashSet<>();
        for (int year = 2025; year <= 2027; year++) {
            holidays.addAll(SouthAfricanHolidays.calendar().holidays(year).keySet());
        }
        Map<SlaState, Integer> states = new EnumMap<>(SlaState.class);
        int moments = 0;
        int pausedTickets = 0;
        for (int i = 0; i < PAGE; i++) {
            Instant expected = HOURS.plus(created[i], Duration.ofHours(4));
            Instant hand = handCodedPlus4h(created[i]);
            if (!expected.equals(hand)) {
                throw new IllegalStateException("hand-coded " + hand + " vs BusinessHours.plus " + expected
                        + " for a ticket created at " + created[i]);
            }
            SlaStatus status = clocks[i].status(timelines[i], NOW);
            moments += timelines[i].moments().size();
            boolean paused = false;
            for (SlaTargetStatus t : status.targets()) {
                states.merge(t.state(), 1, Integer::sum);
                paused |= t.state() == SlaState.PAUSED;
            }
            pausedTickets += paused ? 1 : 0;
        }
        System.out.printf(Locale.ROOT, "%n%d tickets, %d moments, %d with a paused target; target states: %s%n",
                PAGE, moments, pausedTickets, states);
    }

    /**
     * 50 tickets as a support queue holds them: mostly the last three weeks, a few older, each with a plausible
     * history. Deterministic.
     */
    static List<Ticket> page(Random random) {
        Priority[] priorities = {Priority.LOW, Priority.NORMAL, Priority.NORMAL, Priority.NORMAL, Priority.HIGH,
            Priority.HIGH, Priority.URGENT};
        OriginChannel[] origins = {OriginChannel.WEB, OriginChannel.WEB, OriginChannel.EMAIL, OriginChannel.WHATSAPP,
            OriginChannel.PHONE};
        List<Ticket> out = new ArrayList<>();
        for (int i = 0; i < PAGE; i++) {
            long ageMinutes = i % 10 == 0 ? 20L * 24 * 60 + random.nextInt(40 * 24 * 60)
                    : 20 + random.nextInt(21 * 24 * 60);
            Instant createdAt = NOW.minus(Duration.ofMinutes(ageMinutes));
            List<SlaTimeline.Moment> moments = new ArrayList<>();
            TicketStatus status = TicketStatus.NEW;
            Instant t = createdAt;
            int steps = 1 + random.nextInt(6);
            if (random.nextInt(3) == 0) {
                t = t.plusSeconds(30);
                moments.add(new SlaTimeline.Moment(SlaTimeline.Kind.AUTOMATED_REPLY, t, null, null));
            }
            for (int s = 0; s < steps; s++) {
                // the next thing happens minutes to a day and a half later, never after now
                Instant next = t.plus(Duration.ofMinutes(5 + random.nextInt(ageMinutes < 3 * 24 * 60 ? 240 : 2160)));
                if (!next.isBefore(NOW)) {
                    break;
                }
                t = next;
                int what = random.nextInt(10);
                if (status == TicketStatus.NEW) {
                    moments.add(new SlaTimeline.Moment(SlaTimeline.Kind.AGENT_REPLY, t, null, null));
                    moments.add(change(status, TicketStatus.OPEN, t));
                    status = TicketStatus.OPEN;
                } else if (status == TicketStatus.PENDING || status == TicketStatus.ON_HOLD) {
                    moments.add(new SlaTimeline.Moment(SlaTimeline.Kind.REQUESTER_MESSAGE, t, null, null));
                    moments.add(change(status, TicketStatus.OPEN, t));
                    status = TicketStatus.OPEN;
                } else if (status == TicketStatus.RESOLVED) {
                    moments.add(new SlaTimeline.Moment(SlaTimeline.Kind.REQUESTER_MESSAGE, t, null, null));
                    moments.add(change(status, TicketStatus.OPEN, t));
                    status = TicketStatus.OPEN;
                } else if (what < 3) {
                    moments.add(new SlaTimeline.Moment(SlaTimeline.Kind.AGENT_REPLY, t, null, null));
                    moments.add(change(status, TicketStatus.PENDING, t));
                    status = TicketStatus.PENDING;
                } else if (what < 5) {
                    moments.add(new SlaTimeline.Moment(SlaTimeline.Kind.REQUESTER_MESSAGE, t, null, null));
                } else if (what < 7) {
                    moments.add(new SlaTimeline.Moment(SlaTimeline.Kind.AGENT_REPLY, t, null, null));
                } else if (what < 8) {
                    moments.add(new SlaTimeline.Moment(SlaTimeline.Kind.INTERNAL_NOTE, t, null, null));
                } else if (what < 9) {
                    moments.add(new SlaTimeline.Moment(SlaTimeline.Kind.INTERNAL_NOTE, t, null, null));
                    moments.add(change(status, TicketStatus.ON_HOLD, t));
                    status = TicketStatus.ON_HOLD;
                } else {
                    moments.add(new SlaTimeline.Moment(SlaTimeline.Kind.AGENT_REPLY, t, null, null));
                    moments.add(change(status, TicketStatus.RESOLVED, t));
                    status = TicketStatus.RESOLVED;
                }
            }
            // a queue page holds active tickets: a resolved one has been reopened by the requester since, and about a
            // third are waiting on the requester now (paused)
            Instant last = t.plus(Duration.ofMinutes(1 + random.nextInt(15)));
            if (status == TicketStatus.RESOLVED && last.isBefore(NOW)) {
                moments.add(new SlaTimeline.Moment(SlaTimeline.Kind.REQUESTER_MESSAGE, last, null, null));
                moments.add(change(status, TicketStatus.OPEN, last));
                status = TicketStatus.OPEN;
                last = last.plus(Duration.ofMinutes(1 + random.nextInt(15)));
            }
            if (i % 3 == 0 && status == TicketStatus.OPEN && last.isBefore(NOW)) {
                moments.add(new SlaTimeline.Moment(SlaTimeline.Kind.AGENT_REPLY, last, null, null));
                moments.add(change(status, TicketStatus.PENDING, last));
            }
            Priority priority = priorities[random.nextInt(priorities.length)];
            OriginChannel origin = origins[random.nextInt(origins.length)];
            SlaPolicy policy = POLICIES.policyFor(priority, new Category[] {Category.BILLING, Category.TECHNICAL, Category.ACCOUNT, Category.GENERAL}[random.nextInt(4)], origin);
            out.add(new Ticket(createdAt, List.copyOf(moments), SlaClock.of(policy, HOURS)));
        }
        return out;
    }

    private static SlaTimeline.Moment change(TicketStatus from, TicketStatus to, Instant at) {
        return new SlaTimeline.Moment(SlaTimeline.Kind.STATUS_CHANGED, at, from, to);
    }

    /** Created + 4 business hours, by hand: Mon-Fri 08:00-18:00 in Johannesburg, minus the holidays. */
    private Instant handCodedPlus4h(Instant createdAt) {
        long left = 4 * 60 * 60;
        ZonedDateTime at = createdAt.atZone(JOHANNESBURG);
        LocalDate day = at.toLocalDate();
        LocalTime time = at.toLocalTime();
        while (true) {
            DayOfWeek dow = day.getDayOfWeek();
            if (dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY && !holidays.contains(day)
                    && time.isBefore(LocalTime.of(18, 0))) {
                LocalTime from = time.isBefore(LocalTime.of(8, 0)) ? LocalTime.of(8, 0) : time;
                long open = Duration.between(from, LocalTime.of(18, 0)).toSeconds();
                if (open >= left) {
                    return day.atTime(from).plusSeconds(left).atZone(JOHANNESBURG).toInstant();
                }
                left -= open;
            }
            day = day.plusDays(1);
            time = LocalTime.MIDNIGHT;
        }
    }

    /**
     * @param bh where the statuses go
     */
    @Benchmark
    public void status50(Blackhole bh) {
        for (int i = 0; i < PAGE; i++) {
            bh.consume(clocks[i].status(timelines[i], NOW));
        }
    }

    /**
     * @param bh where the statuses go
     */
    @Benchmark
    public void buildAndStatus50(Blackhole bh) {
        for (int i = 0; i < PAGE; i++) {
            Ticket t = page.get(i);
            bh.consume(t.clock().status(t.timeline(), NOW));
        }
    }

    /**
     * @param bh where the timelines go
     */
    @Benchmark
    public void buildTimelines50(Blackhole bh) {
        for (int i = 0; i < PAGE; i++) {
            bh.consume(page.get(i).timeline());
        }
    }

    /**
     * @param bh where the due instants go
     */
    @Benchmark
    public void handCodedDue50(Blackhole bh) {
        for (int i = 0; i < PAGE; i++) {
            bh.consume(handCodedPlus4h(created[i]));
        }
    }
}
