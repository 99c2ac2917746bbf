package za.co.proconnectsa.support.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import za.co.proconnectsa.support.SupportDesk;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.access.AccessDeniedException;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.advisor.MeasuredFigures;
import za.co.proconnectsa.support.analytics.AgeBucket;
import za.co.proconnectsa.support.analytics.AgentFigures;
import za.co.proconnectsa.support.analytics.AnalyticsQuery;
import za.co.proconnectsa.support.analytics.AnalyticsReport;
import za.co.proconnectsa.support.analytics.CountOf;
import za.co.proconnectsa.support.analytics.DurationFigures;
import za.co.proconnectsa.support.analytics.MedianAndP90;
import za.co.proconnectsa.support.analytics.Satisfaction;
import za.co.proconnectsa.support.analytics.SlaCompliance;
import za.co.proconnectsa.support.notify.NotificationChannel;
import za.co.proconnectsa.support.satisfaction.SatisfactionSurvey;
import za.co.proconnectsa.support.satisfaction.SurveySettings;
import za.co.proconnectsa.support.spi.SatisfactionStore;
import za.co.proconnectsa.support.conversation.Conversation;
import za.co.proconnectsa.support.conversation.ConversationMessage;
import za.co.proconnectsa.support.conversation.ConversationNumber;
import za.co.proconnectsa.support.conversation.ConversationStatus;
import za.co.proconnectsa.support.hours.BusinessHours;
import za.co.proconnectsa.support.sla.SlaTargetType;
import za.co.proconnectsa.support.spi.AnalyticsStore;
import za.co.proconnectsa.support.spi.ConversationStore;
import za.co.proconnectsa.support.spi.SlaStore;
import za.co.proconnectsa.support.spi.TicketStore;
import za.co.proconnectsa.support.ticket.AuditAction;
import za.co.proconnectsa.support.ticket.AuditEvent;
import za.co.proconnectsa.support.ticket.Category;
import za.co.proconnectsa.support.ticket.NewTicket;
import za.co.proconnectsa.support.ticket.OriginChannel;
import za.co.proconnectsa.support.ticket.Priority;
import za.co.proconnectsa.support.ticket.Reply;
import za.co.proconnectsa.support.ticket.Ticket;
import za.co.proconnectsa.support.ticket.TicketId;
import za.co.proconnectsa.support.ticket.TicketStatus;
import za.co.proconnectsa.support.ticket.Visibility;

/**
 * Support analytics on a store that computes them ({@link AnalyticsStore}): one golden data set, written through the
 * desk with a settable clock, and figures computed by hand, so every store that passes gives the same figures.
 *
 * <p>The data set, in Johannesburg time (UTC+2), period Mon 30 March to Sun 12 April 2026 (14 days), desk hours
 * Mon-Fri 08:00-18:00 closed on South African holidays (Good Friday 3 April, Family Day 6 April 2026):
 * <ul>
 *   <li>T1 web, billing: created Mon 30 Mar 09:00, answered 10:00 (1 h), requester writes 11:00, answered 13:00
 *       (next response 2 h), resolved 14:00 (5 h); agent-1; SLA first response fulfilled.</li>
 *   <li>T2 WhatsApp (escalated from C2), technical: created Thu 2 Apr 16:00, answered Tue 7 Apr 10:00: 114 h wall,
 *       4 business hours across Good Friday, the weekend and Family Day; open; agent-2; first response breached
 *       and then fulfilled late.</li>
 *   <li>T3 web, billing: created Fri 10 Apr 17:00, answered 17:30, resolved 17:45, reopened by the requester Sat 11 Apr
 *       09:00, answered Mon 13 Apr 09:00 (48 h wall, 1 business hour); agent-1; first response fulfilled,
 *       resolution breached.</li>
 *   <li>T4 created Sun 1 Mar (before the period), open, agent-2: backlog only.</li>
 *   <li>Conversations: C1 Tue 31 Mar 10:00 closed without a ticket; C2 Wed 1 Apr 12:00 escalated to T2; C3 Thu 2 Apr
 *       08:30 open (Afrikaans).</li>
 * </ul>
 *
 * <pre>{@code
 * class MyAnalyticsTest extends AnalyticsContract {
 *     @Override
 *     protected TicketStore createStore() {
 *         return MyStore.createEmpty();   // must implement AnalyticsStore, ConversationStore and SlaStore
 *     }
 * }
 * }</pre>
 */
public abstract class AnalyticsContract {

    private static final ZoneId SAST = ZoneId.of("Africa/Johannesburg");
    private static final Instant FROM = sast("2026-03-30T00:00");
    private static final Instant TO = sast("2026-04-13T00:00");
    private static final Actor ADMIN = Actor.admin("lead-1", "Lerato (Lead)");
    private static final Actor AGENT = Actor.agent("agent-1", "Sipho");
    private static final Actor AGENT_2 = Actor.agent("agent-2", "Naledi");
    private static final Actor THANDI = Actor.requester("provider-17", "Thandi");

    /** The desk's time while the data set is written. */
    protected final SettableClock clock = SettableClock.at(sast("2026-03-01T10:00"));
    private TicketStore store;
    private SupportDesk desk;
    private final Map<String, String> numbers = new HashMap<>();

    /** @return a new, empty store implementing {@link AnalyticsStore}, {@link ConversationStore} and {@link SlaStore} */
    protected abstract TicketStore createStore();

    private static Instant sast(String local) {
        return OffsetDateTime.parse(local + ":00+02:00").toInstant();
    }

    private static Duration hours(double h) {
        return Duration.ofSeconds(Math.round(h * 3600));
    }

    /** Writes the golden data set. */
    @BeforeEach
    protected final void writeGoldenDataSet() {
        store = Objects.requireNonNull(createStore(), "createStore() returned null");
        assertThat(store).isInstanceOf(AnalyticsStore.class).isInstanceOf(ConversationStore.class)
                .isInstanceOf(SlaStore.class);
        desk = SupportDesk.builder().store(store).clock(clock).build();

        String t4 = submit("2026-03-01T10:00", "Account locked", "Cannot log in", Category.ACCOUNT,
                OriginChannel.WEB);
        desk.tickets().assign(ADMIN, t4, "agent-2");
        numbers.put("T4", t4);

        String t1 = submit("2026-03-30T09:00", "Invoice charged twice", "My invoice was charged twice this month",
                Category.BILLING, OriginChannel.WEB);
        desk.tickets().assign(ADMIN, t1, "agent-1");
        numbers.put("T1", t1);
        reply("2026-03-30T10:00", AGENT, t1);
        reply("2026-03-30T11:00", THANDI, t1);
        reply("2026-03-30T13:00", AGENT, t1);
        at("2026-03-30T14:00");
        desk.tickets().changeStatus(AGENT, t1, TicketStatus.RESOLVED);
        sla(t1, "2026-03-30T10:00", AuditAction.SLA_FULFILLED, SlaTargetType.FIRST_RESPONSE);

        Instant c1 = conversation("2026-03-31T10:00", "Where is my invoice?", ConversationStatus.CLOSED, null);
        String t2 = submit("2026-04-02T16:00", "Invoice charged twice again", "Error 500 when loading invoice",
                Category.TECHNICAL, OriginChannel.WHATSAPP);
        conversation("2026-04-01T12:00", "The invoice page fails", ConversationStatus.ESCALATED,
                store.findByNumber(t2).orElseThrow().id());
        conversation("2026-04-02T08:30", "Hallo, ek soek my faktuur", ConversationStatus.OPEN, null);
        assertThat(c1).isNotNull();
        desk.tickets().assign(ADMIN, t2, "agent-2");
        reply("2026-04-07T10:00", AGENT_2, t2);
        sla(t2, "2026-04-03T10:00", AuditAction.SLA_BREACHED, SlaTargetType.FIRST_RESPONSE);
        sla(t2, "2026-04-07T10:00", AuditAction.SLA_FULFILLED, SlaTargetType.FIRST_RESPONSE);

        String t3 = submit("2026-04-10T17:00", "Refund for invoice charged twice", "Please refund",
                Category.BILLING, OriginChannel.WEB);
        desk.tickets().assign(ADMIN, t3, "agent-1");
        numbers.put("T3", t3);
        reply("2026-04-10T17:30", AGENT, t3);
        at("2026-04-10T17:45");
        desk.tickets().changeStatus(AGENT, t3, TicketStatus.RESOLVED);
        reply("2026-04-11T09:00", THANDI, t3);
        reply("2026-04-13T09:00", AGENT, t3);
        sla(t3, "2026-04-10T17:30", AuditAction.SLA_FULFILLED, SlaTargetType.FIRST_RESPONSE);
        sla(t3, "2026-04-13T09:00", AuditAction.SLA_BREACHED, SlaTargetType.RESOLUTION);
        at("2026-04-14T12:00");
    }

    private void at(String local) {
        clock.set(sast(local));
    }

    private String submit(String local, String subject, String body, Category category, OriginChannel origin) {
        at(local);
        return desk.tickets().submit(THANDI, NewTicket.builder().subject(subject).body(body).category(category)
                .origin(origin).build()).ticketNumber().text();
    }

    private void reply(String local, Actor who, String number) {
        at(local);
        desk.tickets().reply(who, number, Reply.publicReply("Reply at " + local));
    }

    private void sla(String number, String local, AuditAction action, SlaTargetType target) {
        Ticket t = store.findByNumber(number).orElseThrow();
        ((SlaStore) store).recordTicketEvents(t.id(), List.of(new AuditEvent(t.id(), Actor.agent("sla", "SLA"),
                action, null, target.name(), Visibility.INTERNAL, sast(local))));
    }

    private Instant conversation(String local, String firstMessage, ConversationStatus status, TicketId ticket) {
        ConversationStore conversations = (ConversationStore) store;
        Instant at = sast(local);
        UUID id = UUID.randomUUID();
        String contact = "2782" + (1000000 + conversations.nextConversationSequence());
        Conversation c = new Conversation(id, ConversationNumber.format(ConversationNumber.DEFAULT_FORMAT,
                conversations.nextConversationSequence()), contact, "Contact", "wa-" + contact, status, ticket, null,
                at, at, at, 1);
        conversations.insertConversation(c, List.of(new ConversationMessage("wamid." + id, id, contact,
                ConversationMessage.Author.CUSTOMER, contact, "Contact", firstMessage, at),
                new ConversationMessage("auto." + id, id, contact, ConversationMessage.Author.AUTOMATED, "desk",
                        "Desk", "Thanks, we will reply soon", at.plusSeconds(1))));
        return at;
    }

    private AnalyticsReport report(AnalyticsQuery query) {
        return desk.analytics().report(ADMIN, query);
    }

    private AnalyticsReport golden() {
        return report(AnalyticsQuery.builder(FROM, TO).businessTime(true).build());
    }

    @Test
    @DisplayName("volume: tickets by origin, requests per day and per hour of the week in the desk's zone; an escalated chat counts once")
    void volume() {
        AnalyticsReport r = golden();
        assertThat(r.zone()).isEqualTo(SAST);
        assertThat(r.tickets()).isEqualTo(3);
        assertThat(r.ticketsByOrigin()).contains(new CountOf("WEB", 2), new CountOf("WHATSAPP", 1),
                new CountOf("EMAIL", 0));
        assertThat(r.requests()).isEqualTo(5);
        assertThat(r.requestsPerDay()).hasSize(14).startsWith(new CountOf("2026-03-30", 1),
                new CountOf("2026-03-31", 1), new CountOf("2026-04-01", 0), new CountOf("2026-04-02", 2));
        assertThat(r.requestsPerDay().get(11)).isEqualTo(new CountOf("2026-04-10", 1));
        Map<Integer, Long> nonZero = new HashMap<>();
        for (int h = 0; h < 168; h++) {
            if (r.requestsByHourOfWeek().get(h) != 0) {
                nonZero.put(h, r.requestsByHourOfWeek().get(h));
            }
        }
        // Monday 09, Tuesday 10, Thursday 08 and 16, Friday 17
        assertThat(nonZero).containsOnly(Map.entry(9, 1L), Map.entry(24 + 10, 1L), Map.entry(72 + 8, 1L),
                Map.entry(72 + 16, 1L), Map.entry(96 + 17, 1L));
        assertThat(r.topCategories()).containsExactly(new CountOf("BILLING", 2), new CountOf("TECHNICAL", 1));
    }

    @Test
    @DisplayName("the zone moves requests between days and hours: in UTC, Monday 09:00 SAST is Monday 07")
    void zone() {
        AnalyticsReport r = report(AnalyticsQuery.builder(FROM, TO).zone(ZoneId.of("UTC")).build());
        assertThat(r.requestsByHourOfWeek().get(7)).isEqualTo(1);
        assertThat(r.requestsByHourOfWeek().get(9)).isZero();
        assertThat(r.requestsPerDay().get(0)).isEqualTo(new CountOf("2026-03-29", 0));
    }

    @Test
    @DisplayName("deflection: one of three chats closed without a ticket, one escalated")
    void deflection() {
        AnalyticsReport r = golden();
        assertThat(r.deflection().conversations()).isEqualTo(3);
        assertThat(r.deflection().closedWithoutTicket()).isEqualTo(1);
        assertThat(r.deflection().escalated()).isEqualTo(1);
        assertThat(r.deflection().deflectionRate()).isEqualTo(1.0 / 3);
        assertThat(r.deflection().escalationRate()).isEqualTo(1.0 / 3);
    }

    @Test
    @DisplayName("first response: percentiles of 0.5 h, 1 h and 114 h by hand; 4 business hours across Good Friday, a weekend and Family Day")
    void firstResponse() {
        AnalyticsReport r = golden();
        // sorted 0.5, 1, 114 hours: p90 at rank 1.8 = 1 + 0.8 * 113 = 91.4 h
        assertThat(r.firstResponse().wall()).isEqualTo(new DurationFigures(3, hours(38.5), hours(1), hours(91.4),
                hours(102.7), hours(111.74)));
        // sorted 0.5, 1, 4 business hours: mean 1 h 50 min, p90 = 1 + 0.8 * 3 = 3.4 h
        assertThat(r.firstResponse().business()).isEqualTo(new DurationFigures(3, hours(5.5 / 3), hours(1),
                hours(3.4), hours(3.7), hours(3.94)));
    }

    @Test
    @DisplayName("next response: 2 h and 48 h wall (1 business hour over a weekend); resolution 5 h and 45 min")
    void nextResponseAndResolution() {
        AnalyticsReport r = golden();
        assertThat(r.nextResponse().wall()).isEqualTo(new DurationFigures(2, hours(25), hours(25), hours(43.4),
                hours(45.7), hours(47.54)));
        assertThat(r.nextResponse().business()).isEqualTo(new DurationFigures(2, hours(1.5), hours(1.5),
                hours(1.9), hours(1.95), hours(1.99)));
        DurationFigures resolution = new DurationFigures(2, hours(2.875), hours(2.875), hours(4.575), hours(4.7875),
                hours(4.9575));
        assertThat(r.resolution().wall()).isEqualTo(resolution);
        assertThat(r.resolution().business()).isEqualTo(resolution);
        assertThat(r.resolved()).isEqualTo(2);
        assertThat(r.reopened()).isEqualTo(1);
        assertThat(r.reopenRate()).isEqualTo(0.5);
    }

    @Test
    @DisplayName("a changed calendar recomputes history: without holidays T2's first response is 24 business hours")
    void changedCalendar() {
        SupportDesk noHolidays = SupportDesk.builder().store(store).clock(clock).businessHours(BusinessHours.builder()
                .zone(SAST).weekdays(LocalTime.of(8, 0), LocalTime.of(18, 0)).build()).build();
        AnalyticsReport r = noHolidays.analytics().report(ADMIN, AnalyticsQuery.builder(FROM, TO)
                .agent("agent-2").businessTime(true).build());
        assertThat(r.firstResponse().business().count()).isEqualTo(1);
        assertThat(r.firstResponse().business().p50()).isEqualTo(Duration.ofHours(24));
        assertThat(r.firstResponse().wall().p50()).isEqualTo(Duration.ofHours(114));
    }

    @Test
    @DisplayName("microseconds and quarter-hour edges: 08:59:59.999999 counts in hour 8, 09:00 in hour 9; spans of 1 h + 1 µs and 3 µs sum and interpolate to the microsecond")
    void microsecondsAndQuarterHourEdges() {
        Instant early = sast("2026-05-04T08:59").plusSeconds(59).plusNanos(999_999_000);
        Instant onTheHour = sast("2026-05-04T09:00");
        clock.set(early);
        String a = desk.tickets().submit(THANDI, NewTicket.builder().subject("Quote PDF does not download")
                .body("The download button does nothing").category(Category.TECHNICAL).origin(OriginChannel.WEB)
                .build()).ticketNumber().text();
        clock.set(onTheHour);
        String b = desk.tickets().submit(THANDI, NewTicket.builder().subject("Second service area")
                .body("How do I add a second service area?").category(Category.GENERAL).origin(OriginChannel.WEB)
                .build()).ticketNumber().text();
        desk.tickets().assign(ADMIN, a, "agent-3");
        desk.tickets().assign(ADMIN, b, "agent-3");
        clock.set(onTheHour.plusNanos(3_000));
        desk.tickets().reply(AGENT, b, Reply.publicReply("Settings, then Service areas"));
        // 08:59:59.999999 to 10:00: one hour and one microsecond
        clock.set(sast("2026-05-04T10:00"));
        desk.tickets().reply(AGENT, a, Reply.publicReply("Fixed, please try again"));

        AnalyticsReport r = report(AnalyticsQuery.builder(sast("2026-05-04T00:00"), sast("2026-05-05T00:00")).build());
        assertThat(r.tickets()).isEqualTo(2);
        // Monday is the first day of the week: hours 8 and 9 of it
        assertThat(r.requestsByHourOfWeek().get(8)).isEqualTo(1);
        assertThat(r.requestsByHourOfWeek().get(9)).isEqualTo(1);
        // sorted 3 µs and 3,600,000,001 µs: p90 at rank 0.9 = 3 + 0.9 * 3,599,999,998 = 3,240,000,001.2 µs
        assertThat(r.firstResponse().wall()).isEqualTo(new DurationFigures(2, micros(1_800_000_002L),
                micros(1_800_000_002L), micros(3_240_000_001L), micros(3_420_000_001L), micros(3_564_000_001L)));
        // the golden data set's agents have open tickets too, so they are listed with nothing assigned in the period
        assertThat(r.agents()).filteredOn(f -> f.agentId().equals("agent-3"))
                .extracting(AgentFigures::agentId, AgentFigures::assigned, AgentFigures::resolved,
                        AgentFigures::openNow, AgentFigures::firstResponseMean, AgentFigures::resolutionMean)
                .containsExactly(tuple("agent-3", 2L, 0L, 2L, micros(1_800_000_002L), Duration.ZERO));
    }

    private static Duration micros(long micros) {
        return Duration.ofNanos(micros * 1000);
    }

    /** A June day away from the golden data set's period, for the write-path cases. */
    private static final Instant JUNE = sast("2026-06-01T00:00");

    private AnalyticsReport june() {
        return report(AnalyticsQuery.builder(JUNE, JUNE.plus(Duration.ofDays(1))).build());
    }

    private String submitInJune(String time, Category category) {
        // a subject of its own: the same request twice would be merged as a duplicate
        return submit("2026-06-01T" + time, "Quote PDF of " + time + " does not download",
                "The download button does nothing", category, OriginChannel.WEB);
    }

    /** A June ticket assigned to agent-5 and answered by agent-1; the clock then at 10:00. */
    private String answeredInJune(String time, Category category, String answeredAt) {
        String t = submitInJune(time, category);
        desk.tickets().assign(ADMIN, t, "agent-5");
        reply("2026-06-01T" + answeredAt, AGENT, t);
        at("2026-06-01T10:00");
        return t;
    }

    @Test
    @DisplayName("reassigned after the first response: the agent figures follow the ticket to its new assignee")
    void reassignmentMovesAgentFigures() {
        String t = answeredInJune("09:00", Category.TECHNICAL, "09:20");
        desk.tickets().assign(ADMIN, t, "agent-6");

        AnalyticsReport r = june();
        assertThat(r.agents()).extracting(AgentFigures::agentId).doesNotContain("agent-5");
        assertThat(r.agents()).filteredOn(f -> f.agentId().equals("agent-6"))
                .extracting(AgentFigures::assigned, AgentFigures::openNow, AgentFigures::firstResponseMean,
                        AgentFigures::firstResponse)
                .containsExactly(tuple(1L, 1L, Duration.ofMinutes(20),
                        new MedianAndP90(1, Duration.ofMinutes(20), Duration.ofMinutes(20))));
        desk.tickets().unassign(ADMIN, t);
        assertThat(june().agents()).extracting(AgentFigures::agentId).doesNotContain("agent-5", "agent-6");
        assertThat(june().firstResponse().wall().count()).isEqualTo(1);
    }

    @Test
    @DisplayName("a ticket's category and priority changed in the store: the counts and filters follow")
    void changedCategoryMovesCounts() {
        String number = submitInJune("09:00", Category.BILLING);
        assertThat(june().topCategories()).containsExactly(new CountOf("BILLING", 1));
        Ticket t = store.findByNumber(number).orElseThrow();
        store.update(new Ticket(t.id(), t.number(), t.subject(), t.body(), Category.GENERAL, Priority.URGENT,
                t.status(), t.origin(), t.requesterId(), t.assigneeId(), t.tags(), t.attachments(), t.fingerprint(),
                t.createdAt(), clock.instant(), t.firstRespondedAt(), t.version()), List.of(), List.of());

        AnalyticsReport r = june();
        assertThat(r.tickets()).isEqualTo(1);
        assertThat(r.topCategories()).containsExactly(new CountOf("GENERAL", 1));
        AnalyticsQuery.Builder urgent = AnalyticsQuery.builder(JUNE, JUNE.plus(Duration.ofDays(1)));
        assertThat(report(urgent.priorities(Priority.URGENT).build()).tickets()).isEqualTo(1);
        assertThat(report(AnalyticsQuery.builder(JUNE, JUNE.plus(Duration.ofDays(1))).categories(Category.BILLING)
                .build()).tickets()).isZero();
    }

    @Test
    @DisplayName("resolved, reopened and resolved again, then closed: the resolution is the first one, the ticket reopened once")
    void reopenedKeepsFirstResolution() {
        String t = answeredInJune("09:00", Category.BILLING, "09:30");
        desk.tickets().changeStatus(AGENT, t, TicketStatus.RESOLVED);
        AnalyticsReport resolved = june();
        assertThat(resolved.resolution().wall().p50()).isEqualTo(Duration.ofHours(1));
        assertThat(resolved.backlog().open()).isEqualTo(3);
        reply("2026-06-01T11:00", THANDI, t);
        assertThat(june().backlog().open()).as("the reopened ticket is open again").isEqualTo(4);
        reply("2026-06-01T12:00", AGENT, t);
        at("2026-06-01T15:00");
        desk.tickets().changeStatus(AGENT, t, TicketStatus.RESOLVED);
        at("2026-06-01T16:00");
        desk.tickets().changeStatus(AGENT, t, TicketStatus.CLOSED);

        AnalyticsReport r = june();
        assertThat(r.resolution().wall()).isEqualTo(new DurationFigures(1, Duration.ofHours(1), Duration.ofHours(1),
                Duration.ofHours(1), Duration.ofHours(1), Duration.ofHours(1)));
        assertThat(r.resolved()).isEqualTo(1);
        assertThat(r.reopened()).isEqualTo(1);
        assertThat(r.backlog().open()).isEqualTo(3);
        assertThat(r.agents()).filteredOn(f -> f.agentId().equals("agent-5"))
                .extracting(AgentFigures::resolved, AgentFigures::openNow, AgentFigures::resolutionMean)
                .containsExactly(tuple(1L, 0L, Duration.ofHours(1)));
    }

    @Test
    @DisplayName("a retention purge takes the closed ticket out of every figure; the others stay")
    void purgedTicketLeavesFigures() {
        assertThat(store).isInstanceOf(za.co.proconnectsa.support.spi.DataSubjectStore.class);
        String kept = submitInJune("09:00", Category.TECHNICAL);
        String purged = answeredInJune("09:10", Category.BILLING, "09:40");
        desk.tickets().changeStatus(AGENT, purged, TicketStatus.CLOSED);
        assertThat(june().tickets()).isEqualTo(2);
        assertThat(june().resolved()).isEqualTo(1);

        at("2026-08-01T10:00");
        assertThat(desk.dataSubjects().purgeExpired(ADMIN, za.co.proconnectsa.support.privacy.RetentionPolicy.builder()
                .closedTickets(Duration.ofDays(30)).build()).closedTickets()).isEqualTo(1);

        AnalyticsReport r = june();
        assertThat(r.tickets()).isEqualTo(1);
        assertThat(r.topCategories()).containsExactly(new CountOf("TECHNICAL", 1));
        assertThat(r.firstResponse().wall()).isEqualTo(DurationFigures.NONE);
        assertThat(r.resolution().wall()).isEqualTo(DurationFigures.NONE);
        assertThat(r.resolved()).isZero();
        assertThat(r.agents()).extracting(AgentFigures::agentId).doesNotContain("agent-5");
        assertThat(r.requests()).isEqualTo(1);
        assertThat(store.findByNumber(kept)).isPresent();
    }

    @Test
    @DisplayName("erasing and anonymising the requester rewrites who they are, never the figures: every total is unchanged")
    void erasureKeepsFigures() {
        AnalyticsReport before = golden();
        za.co.proconnectsa.support.privacy.DataSubject thandi = za.co.proconnectsa.support.privacy.DataSubject
                .builder(THANDI.id()).name("Thandi").build();
        String pseudonym = desk.dataSubjects().anonymise(ADMIN, thandi, "anonymise for analytics").subjectRef();
        assertThat(golden()).isEqualTo(before);
        // then erased under the pseudonym the tickets now carry: their texts go, their figures stay
        desk.dataSubjects().erase(ADMIN, za.co.proconnectsa.support.privacy.DataSubject.builder(pseudonym).build(),
                "erasure asked by the requester");
        AnalyticsReport after = golden();
        assertThat(after.tickets()).isEqualTo(3);
        assertThat(after.firstResponse()).isEqualTo(before.firstResponse());
        assertThat(after.resolution()).isEqualTo(before.resolution());
        assertThat(after.agents()).isEqualTo(before.agents());
        assertThat(after.backlog()).isEqualTo(before.backlog());
        assertThat(after.sla()).isEqualTo(before.sla());
    }

    @Test
    @DisplayName("SLA compliance per target from the SLA events: first response 2 met, 1 breached (late counts as breached)")
    void slaCompliance() {
        AnalyticsReport r = golden();
        assertThat(r.sla()).containsExactly(new SlaCompliance(SlaTargetType.FIRST_RESPONSE, 2, 1),
                new SlaCompliance(SlaTargetType.RESOLUTION, 0, 1));
        assertThat(r.sla().get(0).rate()).isEqualTo(2.0 / 3);
    }

    @Test
    @DisplayName("backlog at the period's end: the reopened ticket (1-3 days), T2 (7-30 days), T4 (30 days and more)")
    void backlog() {
        AnalyticsReport r = golden();
        assertThat(r.backlog().open()).isEqualTo(3);
        assertThat(r.backlog().ageing()).extracting(AgeBucket::label, AgeBucket::tickets).containsExactly(
                org.assertj.core.groups.Tuple.tuple("0d-1d", 0L), org.assertj.core.groups.Tuple.tuple("1d-3d", 1L),
                org.assertj.core.groups.Tuple.tuple("3d-7d", 0L), org.assertj.core.groups.Tuple.tuple("7d-30d", 1L),
                org.assertj.core.groups.Tuple.tuple("30d+", 1L));
    }

    @Test
    @DisplayName("common issues: words and phrases of subjects and first messages, English and Afrikaans stop words removed, counted once a request")
    void commonIssues() {
        AnalyticsReport r = report(AnalyticsQuery.builder(FROM, TO).topTerms(3).build());
        assertThat(r.commonWords()).containsExactly(new CountOf("invoice", 4), new CountOf("charged", 3),
                new CountOf("twice", 3));
        assertThat(r.commonPairs()).containsExactly(new CountOf("charged twice", 3),
                new CountOf("invoice charged", 3), new CountOf("500 loading", 1));
        assertThat(r.commonTriples()).startsWith(new CountOf("invoice charged twice", 3));
        AnalyticsReport all = report(AnalyticsQuery.builder(FROM, TO).topTerms(100).build());
        assertThat(all.commonWords()).extracting(CountOf::key).contains("faktuur", "soek", "refund")
                .doesNotContain("ek", "my", "is", "where", "please", "the");
        assertThat(all.commonPairs()).contains(new CountOf("refund invoice", 1));
    }

    @Test
    @DisplayName("per-agent figures and load: counts, means, and medians and 90th percentiles in wall and business time")
    void agents() {
        AnalyticsReport r = golden();
        // agent-1: first responses 30 min (T3) and 1 h (T1), resolutions 45 min (T3) and 5 h (T1), all in business hours
        MedianAndP90 agent1Response = new MedianAndP90(2, Duration.ofMinutes(45), Duration.ofMinutes(57));
        MedianAndP90 agent1Resolution = new MedianAndP90(2, hours(2.875), hours(4.575));
        // agent-2: T2 answered after 114 h, 4 business hours across Good Friday, the weekend and Family Day
        assertThat(r.agents()).containsExactly(
                new AgentFigures("agent-1", 2, 2, 1, Duration.ofMinutes(45), hours(2.875), agent1Response,
                        agent1Resolution, agent1Response, agent1Resolution),
                new AgentFigures("agent-2", 1, 0, 2, Duration.ofHours(114), Duration.ZERO,
                        new MedianAndP90(1, Duration.ofHours(114), Duration.ofHours(114)), MedianAndP90.NONE,
                        new MedianAndP90(1, Duration.ofHours(4), Duration.ofHours(4)), MedianAndP90.NONE));
        AnalyticsReport wallOnly = report(AnalyticsQuery.builder(FROM, TO).build());
        assertThat(wallOnly.agents()).extracting(AgentFigures::firstResponse)
                .containsExactly(agent1Response, new MedianAndP90(1, Duration.ofHours(114), Duration.ofHours(114)));
        assertThat(wallOnly.agents()).extracting(AgentFigures::firstResponseBusiness).containsOnlyNulls();
        assertThat(wallOnly.agents()).extracting(AgentFigures::resolutionBusiness).containsOnlyNulls();
    }

    @Test
    @DisplayName("filters: a category leaves chats out; an agent's figures only; a channel")
    void filters() {
        AnalyticsReport billing = report(AnalyticsQuery.builder(FROM, TO).categories(Category.BILLING).build());
        assertThat(billing.tickets()).isEqualTo(2);
        assertThat(billing.requests()).isEqualTo(2);
        assertThat(billing.deflection().conversations()).isZero();
        assertThat(billing.firstResponse().wall().count()).isEqualTo(2);
        AnalyticsReport whatsApp = report(AnalyticsQuery.builder(FROM, TO).channels(OriginChannel.WHATSAPP).build());
        assertThat(whatsApp.tickets()).isEqualTo(1);
        assertThat(whatsApp.requests()).isEqualTo(3);
        AnalyticsReport urgent = report(AnalyticsQuery.builder(FROM, TO).priorities(Priority.URGENT).build());
        assertThat(urgent.tickets()).isZero();
        assertThat(urgent.firstResponse().wall()).isEqualTo(DurationFigures.NONE);
        assertThat(urgent.sla()).isEmpty();
        AnalyticsReport agent2 = report(AnalyticsQuery.builder(FROM, TO).agent("agent-2").build());
        assertThat(agent2.tickets()).isEqualTo(1);
        assertThat(agent2.backlog().open()).isEqualTo(2);
        assertThat(agent2.agents()).extracting(AgentFigures::agentId).containsExactly("agent-2");
    }

    @Test
    @DisplayName("satisfaction: answers on the period's tickets, their mean and the share scoring 4 or 5, with the filters")
    void satisfaction() {
        assertThat(store).isInstanceOf(SatisfactionStore.class);
        SupportDesk surveyed = SupportDesk.builder().store(store).clock(clock)
                .notifyRequesters(id -> java.util.Optional.empty(), NotificationChannel.WEBHOOK)
                .satisfactionSurveys(SurveySettings.of(java.net.URI.create("https://portal.example/csat"),
                        "a survey link key of at least 32 bytes".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .build();
        assertThat(golden().satisfaction()).isEqualTo(Satisfaction.NONE);
        int[] scores = {5, 2, 4};
        String[] tickets = {"T1", "T3", "T4"};
        for (int i = 0; i < tickets.length; i++) {
            Ticket t = store.findByNumber(numbers.get(tickets[i])).orElseThrow();
            assertThat(((SatisfactionStore) store).openSurvey(SatisfactionSurvey.asked(t.id(), t.number().text(),
                    t.requesterId(), clock.instant()))).isTrue();
            surveyed.satisfaction().answer(THANDI, t.number().text(), scores[i], "Score " + scores[i]);
        }
        Satisfaction all = golden().satisfaction();
        assertThat(all.answers()).as("T4 was created before the period").isEqualTo(2);
        assertThat(all.mean()).isEqualTo(3.5);
        assertThat(all.satisfied()).isEqualTo(0.5);
        assertThat(all.satisfiedPercent()).isEqualTo(50.0);
        assertThat(report(AnalyticsQuery.builder(FROM, TO).categories(Category.TECHNICAL).build()).satisfaction())
                .isEqualTo(Satisfaction.NONE);
        assertThat(report(AnalyticsQuery.builder(FROM, TO).channels(OriginChannel.WEB).build()).satisfaction())
                .isEqualTo(all);
        assertThat(report(AnalyticsQuery.of(sast("2026-03-01T00:00"), TO)).satisfaction())
                .isEqualTo(Satisfaction.of(3, 11, 2));
        assertThat(desk.analytics().csv(ADMIN, AnalyticsQuery.builder(FROM, TO).businessTime(true).build()))
                .contains("satisfaction,answers,2\r\n").contains("satisfaction,mean,3.5\r\n")
                .contains("satisfaction,satisfied_rate,0.5\r\n");
    }

    @Test
    @DisplayName("the CSV carries exactly the numbers the report returns")
    void csv() {
        AnalyticsReport r = golden();
        String csv = desk.analytics().csv(ADMIN, AnalyticsQuery.builder(FROM, TO).businessTime(true).build());
        assertThat(csv).isEqualTo(r.toCsv());
        Map<String, String> values = new HashMap<>();
        String[] lines = csv.split("\r\n");
        assertThat(lines[0]).isEqualTo("figure,key,value");
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].split(",");
            assertThat(f).hasSize(3);
            values.put(f[0] + "/" + f[1], f[2]);
        }
        assertThat(values).containsEntry("tickets/all", "3").containsEntry("requests/all", "5")
                .containsEntry("first_response_wall/p90_seconds", AnalyticsReport.seconds(r.firstResponse().wall().p90()))
                .containsEntry("first_response_wall/p90_seconds", "329040.000000")
                .containsEntry("first_response_business/mean_seconds", "6600.000000")
                .containsEntry("whatsapp/deflection_rate", String.valueOf(r.deflection().deflectionRate()))
                .containsEntry("sla_first_response/met", "2")
                .containsEntry("backlog_age/30d+", "1")
                .containsEntry("common_word/invoice", "4")
                .containsEntry("agent_open_now/agent-2", "2")
                .containsEntry("agent_first_response_wall_p50_seconds/agent-1", "2700.000000")
                .containsEntry("agent_first_response_wall_p90_seconds/agent-1", "3420.000000")
                .containsEntry("agent_resolution_wall_p90_seconds/agent-1", "16470.000000")
                .containsEntry("agent_first_response_business_p90_seconds/agent-2", "14400.000000")
                .containsEntry("agent_resolution_business_p50_seconds/agent-2", "0.000000")
                .containsEntry("requests_by_hour_of_week/MONDAY 09", "1")
                .containsEntry("satisfaction/answers", "0");
        assertThat(Double.parseDouble(values.get("resolution/reopen_rate"))).isEqualTo(r.reopenRate());
    }

    @Test
    @DisplayName("the channel advisor's figures come from the analytics")
    void advise() {
        MeasuredFigures figures = desk.analytics().measuredFigures(ADMIN, AnalyticsQuery.of(FROM, TO));
        assertThat(figures.requestsPerDay()).isEqualTo(5.0 / 14);
        assertThat(figures.agents()).isEqualTo(2);
        assertThat(figures.billingTechnicalShare()).isEqualTo(1.0);
        // 4 requests in the first week, 1 in the second: shrinking
        assertThat(figures.monthlyGrowthRate()).isNegative();
        assertThat(desk.advise(ADMIN, AnalyticsQuery.of(FROM, TO)).answers()).isEqualTo(figures.toAnswers());
    }

    @Test
    @DisplayName("requesters may not read analytics; a bad query is an InvalidInputException")
    void accessAndValidation() {
        assertThatThrownBy(() -> desk.analytics().report(THANDI, AnalyticsQuery.of(FROM, TO)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> desk.advise(THANDI, AnalyticsQuery.of(FROM, TO)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> AnalyticsQuery.of(TO, FROM)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> AnalyticsQuery.builder(FROM, TO).agent("two words").topTerms(101).build())
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).fieldErrors()).hasSize(2));
        assertThatThrownBy(() -> desk.analytics().report(ADMIN, null)).isInstanceOf(InvalidInputException.class);
    }
}
