package za.co.proconnectsa.support.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import za.co.proconnectsa.support.internal.Checks;

/**
 * Support figures for one period, zone and set of filters ({@link AnalyticsService#report}).
 *
 * <p>Requests are tickets plus WhatsApp conversations that never became a ticket, so an escalated chat counts once.
 * Durations are measured on the period's tickets: from creation to the first public reply of support, from a waiting
 * requester message to the next reply, and from creation to the first resolution.
 *
 * @param from                 the period's first instant
 * @param to                   the period's end (exclusive)
 * @param zone                 the zone days and hours of the week are counted in
 * @param tickets              the period's tickets
 * @param ticketsByOrigin      the period's tickets by origin channel, every channel listed in declaration order
 * @param requestsPerDay       requests per local day ({@code 2026-03-02}), every day the period touches, oldest first
 * @param requestsByHourOfWeek 168 counts of requests: Monday 00:00-01:00 local time first, Sunday 23:00 last
 * @param deflection           WhatsApp conversations and what became of them
 * @param firstResponse        time to the first public reply
 * @param nextResponse         time from a waiting requester message to the next reply
 * @param resolution           time to the first resolution
 * @param sla                  compliance per SLA target type that has events, in the type's declaration order
 * @param backlog              open tickets by age
 * @param resolved             the period's tickets resolved or closed at least once
 * @param reopened             the period's tickets reopened after a resolution or closing
 * @param topCategories        the period's tickets per category, most first (then by code)
 * @param commonWords          the most frequent words of the requests' subjects and first messages, stop words
 *                             removed, with how many requests use each; most first, then alphabetically
 * @param commonPairs          the same for two-word phrases
 * @param commonTriples        the same for three-word phrases
 * @param agents               per-agent figures, by agent id
 * @param satisfaction         satisfaction survey answers on the period's tickets (CSAT)
 * @param conversationSatisfaction satisfaction survey answers on the WhatsApp conversations closed without a ticket
 *                             and asked in the period (CSAT of the WhatsApp channel without tickets); none when the
 *                             query filters on categories, priorities, an agent, or channels without WhatsApp
 */
public record AnalyticsReport(Instant from, Instant to, ZoneId zone, long tickets, List<CountOf> ticketsByOrigin,
        List<CountOf> requestsPerDay, List<Long> requestsByHourOfWeek, Deflection deflection,
        ResponseTimes firstResponse, ResponseTimes nextResponse, ResponseTimes resolution, List<SlaCompliance> sla,
        Backlog backlog, long resolved, long reopened, List<CountOf> topCategories, List<CountOf> commonWords,
        List<CountOf> commonPairs, List<CountOf> commonTriples, List<AgentFigures> agents,
        Satisfaction satisfaction, Satisfaction conversationSatisfaction) {

    /**
     * Checks the components and copies the lists.
     *
     * @param from the period's first instant
     * @param to the period's end (exclusive)
     * @param zone the zone days and hours of the week are counted in
     * @param tickets the period's tickets
     * @param ticketsByOrigin the period's tickets by origin channel, every channel listed in declaration order
     * @param requestsPerDay requests per local day ({@code 2026-03-02}), every day the period touches, oldest first
     * @param requestsByHourOfWeek 168 counts of requests: Monday 00:00-01:00 local time first, Sunday 23:00 last
     * @param deflection WhatsApp conversations and what became of them
     * @param firstResponse time to the first public reply
     * @param nextResponse time from a waiting requester message to the next reply
     * @param resolution time to the first resolution
     * @param sla compliance per SLA target type that has events, in the type's declaration order
     * @param backlog open tickets by age
     * @param resolved the period's tickets resolved or closed at least once
     * @param reopened the period's tickets reopened after a resolution or closing
     * @param topCategories the period's tickets per category, most first (then by code)
     * @param commonWords the most frequent words of the requests' subjects and first messages, stop words removed, with how many requests use each; most first, then alphabetically
     * @param commonPairs the same for two-word phrases
     * @param commonTriples the same for three-word phrases
     * @param agents per-agent figures, by agent id
     *
     * @param satisfaction satisfaction survey answers on the period's tickets (CSAT)
     * @param conversationSatisfaction satisfaction survey answers on the WhatsApp conversations closed without a ticket and asked in the period
     */
    public AnalyticsReport {
        Checks.notNull(from, "from");
        Checks.notNull(to, "to");
        Checks.notNull(zone, "zone");
        ticketsByOrigin = List.copyOf(ticketsByOrigin);
        requestsPerDay = List.copyOf(requestsPerDay);
        requestsByHourOfWeek = List.copyOf(requestsByHourOfWeek);
        Checks.notNull(deflection, "deflection");
        Checks.notNull(firstResponse, "firstResponse");
        Checks.notNull(nextResponse, "nextResponse");
        Checks.notNull(resolution, "resolution");
        sla = List.copyOf(sla);
        Checks.notNull(backlog, "backlog");
        topCategories = List.copyOf(topCategories);
        commonWords = List.copyOf(commonWords);
        commonPairs = List.copyOf(commonPairs);
        commonTriples = List.copyOf(commonTriples);
        agents = List.copyOf(agents);
        Checks.notNull(satisfaction, "satisfaction");
        Checks.notNull(conversationSatisfaction, "conversationSatisfaction");
    }

    /** @return tickets plus conversations that never became a ticket */
    public long requests() {
        return requestsPerDay.stream().mapToLong(CountOf::count).sum();
    }

    /** @return requests over the days the period touches in the report's zone */
    public double requestsPerDayAverage() {
        return requestsPerDay.isEmpty() ? 0 : (double) requests() / requestsPerDay.size();
    }

    /** @return reopened over resolved; 0 when none was resolved */
    public double reopenRate() {
        return Ratios.of(reopened, resolved);
    }

    /**
     * Every figure of this report as CSV (RFC 4180, CRLF line ends), one figure a line under the header
     * {@code figure,key,value}: counts as integers, rates as Java prints a {@code double}, durations in seconds with
     * six decimals. The numbers are exactly the ones this report returns.
     *
     * @return the CSV text
     */
    public String toCsv() {
        Csv csv = new Csv();
        csv.row("period", "from", from.toString());
        csv.row("period", "to", to.toString());
        csv.row("period", "zone", zone.getId());
        csv.row("tickets", "all", tickets);
        ticketsByOrigin.forEach(c -> csv.row("tickets_by_origin", c.key(), c.count()));
        csv.row("requests", "all", requests());
        csv.row("requests", "per_day_average", requestsPerDayAverage());
        requestsPerDay.forEach(c -> csv.row("requests_per_day", c.key(), c.count()));
        for (int h = 0; h < requestsByHourOfWeek.size(); h++) {
            csv.row("requests_by_hour_of_week", hourOfWeek(h), requestsByHourOfWeek.get(h));
        }
        csv.row("whatsapp", "conversations", deflection.conversations());
        csv.row("whatsapp", "closed_without_ticket", deflection.closedWithoutTicket());
        csv.row("whatsapp", "escalated", deflection.escalated());
        csv.row("whatsapp", "deflection_rate", deflection.deflectionRate());
        csv.row("whatsapp", "escalation_rate", deflection.escalationRate());
        times(csv, "first_response", firstResponse);
        times(csv, "next_response", nextResponse);
        times(csv, "resolution", resolution);
        for (SlaCompliance s : sla) {
            csv.row("sla_" + s.target().name().toLowerCase(java.util.Locale.ROOT), "met", s.met());
            csv.row("sla_" + s.target().name().toLowerCase(java.util.Locale.ROOT), "breached", s.breached());
            csv.row("sla_" + s.target().name().toLowerCase(java.util.Locale.ROOT), "rate", s.rate());
        }
        csv.row("backlog", "open", backlog.open());
        backlog.ageing().forEach(b -> csv.row("backlog_age", b.label(), b.tickets()));
        csv.row("resolution", "resolved", resolved);
        csv.row("resolution", "reopened", reopened);
        csv.row("resolution", "reopen_rate", reopenRate());
        topCategories.forEach(c -> csv.row("category", c.key(), c.count()));
        commonWords.forEach(c -> csv.row("common_word", c.key(), c.count()));
        commonPairs.forEach(c -> csv.row("common_pair", c.key(), c.count()));
        commonTriples.forEach(c -> csv.row("common_triple", c.key(), c.count()));
        for (AgentFigures a : agents) {
            csv.row("agent_assigned", a.agentId(), a.assigned());
            csv.row("agent_resolved", a.agentId(), a.resolved());
            csv.row("agent_open_now", a.agentId(), a.openNow());
            csv.row("agent_first_response_mean_seconds", a.agentId(), seconds(a.firstResponseMean()));
            csv.row("agent_resolution_mean_seconds", a.agentId(), seconds(a.resolutionMean()));
            agentTimes(csv, "agent_first_response_wall", a.agentId(), a.firstResponse());
            agentTimes(csv, "agent_resolution_wall", a.agentId(), a.resolution());
            agentTimes(csv, "agent_first_response_business", a.agentId(), a.firstResponseBusiness());
            agentTimes(csv, "agent_resolution_business", a.agentId(), a.resolutionBusiness());
        }
        csv.row("satisfaction", "answers", satisfaction.answers());
        csv.row("satisfaction", "mean", satisfaction.mean());
        csv.row("satisfaction", "satisfied_rate", satisfaction.satisfied());
        csv.row("satisfaction_whatsapp_conversations", "answers", conversationSatisfaction.answers());
        csv.row("satisfaction_whatsapp_conversations", "mean", conversationSatisfaction.mean());
        csv.row("satisfaction_whatsapp_conversations", "satisfied_rate", conversationSatisfaction.satisfied());
        return csv.toString();
    }

    /** An agent's median and 90th percentile, when computed (business time only when asked). */
    private static void agentTimes(Csv csv, String figure, String agentId, MedianAndP90 times) {
        if (times != null) {
            csv.row(figure + "_p50_seconds", agentId, seconds(times.p50()));
            csv.row(figure + "_p90_seconds", agentId, seconds(times.p90()));
        }
    }

    private static void times(Csv csv, String name, ResponseTimes times) {
        durations(csv, name + "_wall", times.wall());
        times.businessTime().ifPresent(b -> durations(csv, name + "_business", b));
    }

    private static void durations(Csv csv, String figure, DurationFigures d) {
        csv.row(figure, "count", d.count());
        csv.row(figure, "mean_seconds", seconds(d.mean()));
        csv.row(figure, "p50_seconds", seconds(d.p50()));
        csv.row(figure, "p90_seconds", seconds(d.p90()));
        csv.row(figure, "p95_seconds", seconds(d.p95()));
        csv.row(figure, "p99_seconds", seconds(d.p99()));
    }

    /**
     * @param d a duration
     * @return its seconds with six decimals, as the CSV writes them ({@code 3600.000000})
     */
    public static String seconds(Duration d) {
        return BigDecimal.valueOf(d.getSeconds()).add(BigDecimal.valueOf(d.getNano(), 9))
                .setScale(6, RoundingMode.UNNECESSARY).toPlainString();
    }

    private static String hourOfWeek(int h) {
        return DayOfWeek.of(h / 24 + 1) + String.format(java.util.Locale.ROOT, " %02d", h % 24);
    }

    /** Writes RFC 4180 rows. */
    private static final class Csv {
        private final StringBuilder out = new StringBuilder("figure,key,value\r\n");

        void row(String figure, String key, Object value) {
            out.append(field(figure)).append(',').append(field(key)).append(',').append(field(String.valueOf(value)))
                    .append("\r\n");
        }

        private static String field(String value) {
            if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\r') < 0
                    && value.indexOf('\n') < 0) {
                return value;
            }
            return '"' + value.replace("\"", "\"\"") + '"';
        }

        @Override
        public String toString() {
            return out.toString();
        }
    }
}
