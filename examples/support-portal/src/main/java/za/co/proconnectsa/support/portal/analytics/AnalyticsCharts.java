package za.co.proconnectsa.support.portal.analytics;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import za.co.proconnectsa.support.analytics.AgeBucket;
import za.co.proconnectsa.support.analytics.AnalyticsReport;
import za.co.proconnectsa.support.analytics.CountOf;
import za.co.proconnectsa.support.analytics.DurationFigures;
import za.co.proconnectsa.support.analytics.ResponseTimes;

/**
 * What the analytics page's script draws, taken from one report: labels and values per chart, durations in hours.
 *
 * @param channelMix     requests by channel: tickets per origin, and WhatsApp chats answered without a ticket
 * @param requestsPerDay requests per local day
 * @param responseTimes  p50, p90, p95 and p99 of each measure, wall and business time, in hours
 * @param sla            met and breached per SLA target
 * @param commonWords    the most frequent words of the requests
 * @param backlog        open tickets by age
 */
public record AnalyticsCharts(Series channelMix, Series requestsPerDay, List<Percentiles> responseTimes,
        List<SlaBar> sla, Series commonWords, Series backlog) {

    /**
     * One chart's labels and values.
     *
     * @param labels the labels
     * @param values the values, one per label
     */
    public record Series(List<String> labels, List<Long> values) {

        static Series of(List<CountOf> counts) {
            return new Series(counts.stream().map(CountOf::key).toList(),
                    counts.stream().map(CountOf::count).toList());
        }
    }

    /**
     * One measure's percentiles.
     *
     * @param measure the measure and clock, e.g. "First response (business time)"
     * @param count   how many durations were measured
     * @param hours   p50, p90, p95 and p99 in hours
     */
    public record Percentiles(String measure, long count, List<Double> hours) {
    }

    /**
     * One SLA target's outcome.
     *
     * @param target   the target, in words
     * @param met      tickets that met it
     * @param breached tickets that missed it
     * @param rate     met over all, 0 to 1
     */
    public record SlaBar(String target, long met, long breached, double rate) {
    }

    /**
     * @param report the report
     * @return its charts
     */
    public static AnalyticsCharts of(AnalyticsReport report) {
        List<CountOf> mix = new ArrayList<>();
        report.ticketsByOrigin().forEach(c -> mix.add(new CountOf("Tickets from " + words(c.key()), c.count())));
        mix.add(new CountOf("WhatsApp chats without a ticket", report.deflection().conversations()
                - report.deflection().escalated()));
        List<Percentiles> times = new ArrayList<>();
        percentiles(times, "First response", report.firstResponse());
        percentiles(times, "Next response", report.nextResponse());
        percentiles(times, "Resolution", report.resolution());
        List<SlaBar> sla = report.sla().stream()
                .map(s -> new SlaBar(words(s.target().name()), s.met(), s.breached(), s.rate()))
                .toList();
        List<AgeBucket> ageing = report.backlog().ageing();
        return new AnalyticsCharts(Series.of(mix), Series.of(report.requestsPerDay()), times, sla,
                Series.of(report.commonWords()),
                new Series(ageing.stream().map(AgeBucket::label).toList(),
                        ageing.stream().map(AgeBucket::tickets).toList()));
    }

    /**
     * @param d a duration
     * @return its hours, from the same seconds the CSV writes
     */
    static double hours(Duration d) {
        return new BigDecimal(AnalyticsReport.seconds(d)).doubleValue() / 3600.0;
    }

    /** @param name an enum constant's name @return it in words, e.g. "First response" */
    static String words(String name) {
        String lower = name.replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
        return lower.isEmpty() ? lower : Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }

    private static void percentiles(List<Percentiles> out, String measure, ResponseTimes times) {
        out.add(of(measure + " (wall time)", times.wall()));
        times.businessTime().ifPresent(b -> out.add(of(measure + " (business time)", b)));
    }

    private static Percentiles of(String measure, DurationFigures d) {
        return new Percentiles(measure, d.count(), List.of(hours(d.p50()), hours(d.p90()), hours(d.p95()),
                hours(d.p99())));
    }
}
