package za.co.proconnectsa.support.benchmarks;

import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import za.co.proconnectsa.support.SupportDesk;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.analytics.AnalyticsQuery;
import za.co.proconnectsa.support.jdbc.JdbcTicketStore;
import za.co.proconnectsa.support.spi.AnalyticsStore;

/**
 * Not a benchmark: loads {@link AnalyticsBenchmark}'s data set into a fresh PostgreSQL, times each aggregate the
 * report asks the store for (the fastest of five runs after a warm-up; each call on its own, outside a unit of work,
 * so a call answered by a statement that computes several figures, such as {@code spanStats} and
 * {@code resolutionCounts}, times that whole statement) and, when asked, keeps the server up for
 * statements tried by hand ({@code EXPLAIN ANALYZE} through any JDBC client on the printed URL). Run it with {@code java -cp benchmarks/target/benchmarks.jar za.co.proconnectsa.support.benchmarks.AnalyticsPlans
 * [tickets]}.
 */
public final class AnalyticsPlans {

    private static final Actor ADMIN = Actor.admin("lead-1", "Lead");

    private AnalyticsPlans() {
    }

    /**
     * @param args number of tickets (default 100000), then optionally how many seconds to keep the server up
     * @throws SQLException when loading or a statement fails
     */
    public static void main(String[] args) throws SQLException {
        long n = args.length > 0 ? Long.parseLong(args[0]) : 100_000;
        try (EmbeddedDatabase database = EmbeddedDatabase.start()) {
            JdbcTicketStore store = JdbcTicketStore.create(database.dataSource());
            System.out.println(QueueDataset.load(database.dataSource(), n, QueueDataset.Layout.UNIFORM));
            SupportDesk desk = SupportDesk.builder().store(store).build();
            Instant to = AnalyticsBenchmark.FROM.plusSeconds(30 * n + 1);
            AnalyticsQuery query = AnalyticsQuery.builder(AnalyticsBenchmark.FROM, to)
                    .zone(ZoneId.of("Africa/Johannesburg")).topTerms(0).build();
            AnalyticsStore analytics = store;
            time("report (wall time, no common issues)", () -> desk.analytics().report(ADMIN, query));
            for (int workers = 2; workers <= 3; workers++) {
                SupportDesk concurrent = SupportDesk.builder().store(JdbcTicketStore.builder(database.dataSource())
                        .reportConnections(workers).build()).build();
                if (!concurrent.analytics().report(ADMIN, query).equals(desk.analytics().report(ADMIN, query))) {
                    throw new IllegalStateException("the report on " + workers + " connections differs");
                }
                time("report on " + workers + " connections", () -> concurrent.analytics().report(ADMIN, query));
            }
            time("ticketCounts", () -> analytics.ticketCounts(query));
            time("requestsByQuarterHour", () -> analytics.requestsByQuarterHour(query));
            time("conversationCounts", () -> analytics.conversationCounts(query));
            for (AnalyticsStore.Span span : AnalyticsStore.Span.values()) {
                time("spanStats " + span, () -> analytics.spanStats(query, span));
            }
            time("slaCounts", () -> analytics.slaCounts(query));
            time("resolutionCounts", () -> analytics.resolutionCounts(query));
            time("satisfactionCounts", () -> analytics.satisfactionCounts(query));
            time("backlog", () -> analytics.backlog(query, List.of(to.minusSeconds(86_400), to.minusSeconds(259_200),
                    to.minusSeconds(604_800), to.minusSeconds(2_592_000))));
            time("agentCounts (with both spans' per-agent percentiles: one statement)", () -> analytics.agentCounts(query));
            for (AnalyticsStore.Span span : List.of(AnalyticsStore.Span.FIRST_RESPONSE, AnalyticsStore.Span.RESOLUTION)) {
                time("agentSpanStats " + span + " (the same statement)", () -> analytics.agentSpanStats(query, span));
            }

            if (args.length > 1) {
                // keeps the server up for statements tried by hand
                System.out.println("holding " + database.jdbcUrl() + " for " + args[1] + " s");
                try {
                    Thread.sleep(Long.parseLong(args[1]) * 1000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private static void time(String what, Supplier<?> run) {
        run.get();
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            long t0 = System.nanoTime();
            run.get();
            best = Math.min(best, System.nanoTime() - t0);
        }
        System.out.printf(Locale.ROOT, "%8.1f ms  %s%n", best / 1e6, what);
    }
}
