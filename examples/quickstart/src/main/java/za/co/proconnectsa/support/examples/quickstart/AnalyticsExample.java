package za.co.proconnectsa.support.examples.quickstart;

import za.co.proconnectsa.support.SupportDesk;
import za.co.proconnectsa.support.store.InMemoryTicketStore;
// analytics-imports:begin
import java.time.Instant;
import java.time.ZoneId;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.advisor.Advice;
import za.co.proconnectsa.support.analytics.AnalyticsQuery;
import za.co.proconnectsa.support.analytics.AnalyticsReport;
import za.co.proconnectsa.support.ticket.Category;
// analytics-imports:end

/** The README's "Analytics" block: a month's figures for billing, and the channel advisor on measured figures. */
public final class AnalyticsExample {

    private AnalyticsExample() {
    }

    /**
     * Runs the example.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        run();
    }

    static String run() {
        SupportDesk desk = SupportDesk.builder().store(InMemoryTicketStore.create()).build();

        // analytics:begin
        Actor lead = Actor.admin("lead-1", "Lerato (Lead)");
        AnalyticsQuery march = AnalyticsQuery.builder(Instant.parse("2026-02-28T22:00:00Z"), Instant.parse("2026-03-31T22:00:00Z"))
                .zone(ZoneId.of("Africa/Johannesburg"))   // days and hours of the week (the desk's zone by default)
                .categories(Category.BILLING)             // also channels(...), priorities(...), agent("agent-7")
                .businessTime(true)                       // durations on the desk's business hours too
                .build();
        AnalyticsReport report = desk.analytics().report(lead, march);
        report.firstResponse().wall().p90();              // mean, p50, p90, p95, p99 in wall time
        report.firstResponse().business();               // ... and in business time (holidays and weekends left out)
        report.deflection().deflectionRate();            // WhatsApp chats closed without a ticket, over all chats
        String csv = report.toCsv();                      // every figure, exactly as the API returns it
        Advice advice = desk.advise(lead, AnalyticsQuery.of(march.from(), march.to()));   // the channel advisor on measured figures
        // analytics:end

        System.out.println(csv.lines().findFirst().orElse(""));
        System.out.println(advice);
        return csv;
    }
}
