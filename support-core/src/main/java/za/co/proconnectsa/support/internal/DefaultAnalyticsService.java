package za.co.proconnectsa.support.internal;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import za.co.proconnectsa.support.SupportException;
import za.co.proconnectsa.support.access.AccessPolicy;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.access.Permission;
import za.co.proconnectsa.support.advisor.Advice;
import za.co.proconnectsa.support.advisor.ChannelAdvisor;
import za.co.proconnectsa.support.advisor.MeasuredFigures;
import za.co.proconnectsa.support.analytics.AgeBucket;
import za.co.proconnectsa.support.analytics.AgentFigures;
import za.co.proconnectsa.support.analytics.MedianAndP90;
import za.co.proconnectsa.support.analytics.AnalyticsQuery;
import za.co.proconnectsa.support.analytics.AnalyticsReport;
import za.co.proconnectsa.support.analytics.AnalyticsService;
import za.co.proconnectsa.support.analytics.Backlog;
import za.co.proconnectsa.support.analytics.CountOf;
import za.co.proconnectsa.support.analytics.Deflection;
import za.co.proconnectsa.support.analytics.DurationFigures;
import za.co.proconnectsa.support.analytics.ResponseTimes;
import za.co.proconnectsa.support.analytics.Satisfaction;
import za.co.proconnectsa.support.analytics.SlaCompliance;
import za.co.proconnectsa.support.hours.BusinessHours;
import za.co.proconnectsa.support.spi.AnalyticsStore;
import za.co.proconnectsa.support.spi.AnalyticsStore.Span;
import za.co.proconnectsa.support.spi.TicketStore;
import za.co.proconnectsa.support.ticket.Category;
import za.co.proconnectsa.support.ticket.OriginChannel;
import za.co.proconnectsa.support.internal.Checks;

/**
 * The desk's analytics: asks the store for each aggregate and puts the report together. Business-time durations are
 * the one figure computed here per span: business hours (holidays, lunch breaks, daylight saving) have no SQL form,
 * so the store streams only the two instants of each span and the desk's hours measure them.
 */
public final class DefaultAnalyticsService implements AnalyticsService {

    private static final double MAX_MONTHLY_GROWTH = 10;

    private final TicketStore store;
    private final BusinessHours hours;
    private final AccessPolicy policy;

    /**
     * @param store  the desk's store
     * @param hours  the desk's business hours
     * @param policy who may do what
     */
    public DefaultAnalyticsService(TicketStore store, BusinessHours hours, AccessPolicy policy) {
        this.store = store;
        this.hours = hours;
        this.policy = policy;
    }

    @Override
    public AnalyticsReport report(Actor actor, AnalyticsQuery query) {
        AnalyticsStore analytics = checked(actor, query);
        // one unit of work for all the aggregates: one connection and one commit instead of one for each
        return store.inTransaction(() -> report(analytics, query));
    }

    private AnalyticsReport report(AnalyticsStore analytics, AnalyticsQuery query) {
        ZoneId zone = query.zone() != null ? query.zone() : hours.zone();
        List<Instant> limits = Backlog.BOUNDS.stream().map(b -> query.to().minus(b)).toList();
        analytics.prepareReport(query, limits);

        long tickets = 0;
        Map<OriginChannel, Long> byOrigin = new EnumMap<>(OriginChannel.class);
        Map<String, Long> byCategory = new HashMap<>();
        for (AnalyticsStore.TicketCount c : analytics.ticketCounts(query)) {
            tickets += c.tickets();
            byOrigin.merge(c.origin(), c.tickets(), Long::sum);
            byCategory.merge(c.category().code(), c.tickets(), Long::sum);
        }
        List<CountOf> origins = Arrays.stream(OriginChannel.values())
                .map(o -> new CountOf(o.name(), byOrigin.getOrDefault(o, 0L))).toList();
        List<CountOf> categories = byCategory.entrySet().stream().map(e -> new CountOf(e.getKey(), e.getValue()))
                .sorted(CommonTerms.MOST_FIRST).toList();

        SortedMap<LocalDate, Long> perDay = new TreeMap<>();
        for (LocalDate d = query.from().atZone(zone).toLocalDate();
                !d.isAfter(query.to().minusNanos(1).atZone(zone).toLocalDate()); d = d.plusDays(1)) {
            perDay.put(d, 0L);
        }
        long[] hourOfWeek = new long[168];
        analytics.requestsByQuarterHour(query).forEach((quarter, count) -> {
            ZonedDateTime local = Instant.ofEpochSecond(quarter * 900).atZone(zone);
            perDay.merge(local.toLocalDate(), count, Long::sum);
            hourOfWeek[(local.getDayOfWeek().getValue() - 1) * 24 + local.getHour()] += count;
        });
        List<CountOf> days = perDay.entrySet().stream().map(e -> new CountOf(e.getKey().toString(), e.getValue()))
                .toList();

        AnalyticsStore.ConversationCounts chats = analytics.conversationCounts(query);
        Deflection deflection = new Deflection(chats.started(), chats.closedWithoutTicket(), chats.escalated());

        List<SlaCompliance> sla = analytics.slaCounts(query).stream()
                .sorted(Comparator.comparing(AnalyticsStore.SlaCounts::target))
                .map(s -> new SlaCompliance(s.target(), s.met(), s.breached())).toList();

        List<Long> bands = analytics.backlog(query, limits);
        List<AgeBucket> ageing = new ArrayList<>();
        Duration lower = Duration.ZERO;
        for (int i = 0; i < bands.size(); i++) {
            Duration upper = i < Backlog.BOUNDS.size() ? Backlog.BOUNDS.get(i) : null;
            ageing.add(new AgeBucket(lower, upper, bands.get(i)));
            lower = upper;
        }
        Backlog backlog = new Backlog(bands.stream().mapToLong(Long::longValue).sum(), ageing);

        AnalyticsStore.ResolutionCounts resolutions = analytics.resolutionCounts(query);

        List<CountOf> words = List.of();
        List<CountOf> pairs = List.of();
        List<CountOf> triples = List.of();
        if (query.topTerms() > 0) {
            CommonTerms terms = new CommonTerms();
            analytics.forEachRequestText(query, terms::add);
            words = terms.top(1, query.topTerms());
            pairs = terms.top(2, query.topTerms());
            triples = terms.top(3, query.topTerms());
        }

        List<AgentFigures> agents = agents(analytics, query);
        AnalyticsStore.SatisfactionCounts csat = analytics.satisfactionCounts(query);

        return new AnalyticsReport(query.from(), query.to(), zone, tickets, origins, days, Arrays.stream(hourOfWeek)
                .boxed().toList(), deflection, times(analytics, query, Span.FIRST_RESPONSE),
                times(analytics, query, Span.NEXT_RESPONSE), times(analytics, query, Span.RESOLUTION), sla, backlog,
                resolutions.resolved(), resolutions.reopened(), categories, words, pairs, triples, agents,
                Satisfaction.of(csat.answers(), csat.scoreSum(), csat.happy()), conversationSatisfaction(query));
    }

    /** Conversations have no category, priority or agent, and are WhatsApp's: such filters leave none. */
    private Satisfaction conversationSatisfaction(AnalyticsQuery query) {
        if (!(store instanceof za.co.proconnectsa.support.spi.ConversationSurveyStore surveys)
                || !query.categories().isEmpty() || !query.priorities().isEmpty() || query.agentId() != null
                || !query.channels().isEmpty() && !query.channels().contains(OriginChannel.WHATSAPP)) {
            return Satisfaction.NONE;
        }
        AnalyticsStore.SatisfactionCounts c = surveys.conversationSatisfactionCounts(query.from(), query.to());
        return Satisfaction.of(c.answers(), c.scoreSum(), c.happy());
    }

    @Override
    public String csv(Actor actor, AnalyticsQuery query) {
        return report(actor, query).toCsv();
    }

    @Override
    public MeasuredFigures measuredFigures(Actor actor, AnalyticsQuery query) {
        AnalyticsQuery plain = new AnalyticsQuery(query.from(), query.to(), query.zone(), query.channels(),
                query.categories(), query.priorities(), query.agentId(), false, 0);
        AnalyticsReport report = report(actor, plain);
        long billingTechnical = report.topCategories().stream()
                .filter(c -> c.key().equals(Category.BILLING.code()) || c.key().equals(Category.TECHNICAL.code()))
                .mapToLong(CountOf::count).sum();
        double share = report.tickets() == 0 ? 0 : (double) billingTechnical / report.tickets();
        return MeasuredFigures.of(report.requestsPerDayAverage(), Math.max(1, report.agents().size()), share,
                monthlyGrowth(checked(actor, plain), plain));
    }

    @Override
    public Advice advise(Actor actor, AnalyticsQuery query) {
        return ChannelAdvisor.standard().advise(measuredFigures(actor, query));
    }

    /** The growth of requests from the period's first half to its second, compounded to 30 days and capped. */
    private static double monthlyGrowth(AnalyticsStore analytics, AnalyticsQuery query) {
        Duration half = Duration.between(query.from(), query.to()).dividedBy(2);
        long middle = query.from().plus(half).getEpochSecond();
        long first = 0;
        long second = 0;
        for (Map.Entry<Long, Long> e : analytics.requestsByQuarterHour(query).entrySet()) {
            if (e.getKey() * 900 < middle) {
                first += e.getValue();
            } else {
                second += e.getValue();
            }
        }
        if (first == 0) {
            return 0;
        }
        double halves = (double) Duration.ofDays(30).toSeconds() / Math.max(1, half.toSeconds());
        double rate = Math.pow((double) second / first, halves) - 1;
        return Double.isFinite(rate) ? Math.min(rate, MAX_MONTHLY_GROWTH) : MAX_MONTHLY_GROWTH;
    }

    private ResponseTimes times(AnalyticsStore analytics, AnalyticsQuery query, Span span) {
        DurationFigures wall = Percentiles.figures(analytics.spanStats(query, span));
        if (!query.businessTime()) {
            return new ResponseTimes(wall, null);
        }
        long[][] micros = {new long[1024]};
        int[] n = {0};
        analytics.forEachSpan(query, span, (from, to) -> {
            if (n[0] == micros[0].length) {
                micros[0] = Arrays.copyOf(micros[0], n[0] * 2);
            }
            micros[0][n[0]++] = Percentiles.between(Instant.EPOCH, Instant.EPOCH.plus(hours.businessDuration(from, to)));
        });
        return new ResponseTimes(wall, Percentiles.figures(Percentiles.stats(micros[0], n[0])));
    }

    /** Each agent's counts and means, and their medians and 90th percentiles (wall time from the store's SQL). */
    private List<AgentFigures> agents(AnalyticsStore analytics, AnalyticsQuery query) {
        Map<String, MedianAndP90> response = agentTimes(analytics.agentSpanStats(query, Span.FIRST_RESPONSE));
        Map<String, MedianAndP90> resolution = agentTimes(analytics.agentSpanStats(query, Span.RESOLUTION));
        return analytics.agentCounts(query).stream()
                .sorted(Comparator.comparing(AnalyticsStore.AgentCounts::agentId))
                .map(a -> new AgentFigures(a.agentId(), a.assigned(), a.resolved(), a.openNow(),
                        Percentiles.mean(a.firstResponseSumMicros(), a.firstResponses()),
                        Percentiles.mean(a.resolutionSumMicros(), a.resolved()),
                        response.getOrDefault(a.agentId(), MedianAndP90.NONE),
                        resolution.getOrDefault(a.agentId(), MedianAndP90.NONE),
                        query.businessTime() ? businessTimes(analytics, query, a.agentId(), Span.FIRST_RESPONSE) : null,
                        query.businessTime() ? businessTimes(analytics, query, a.agentId(), Span.RESOLUTION) : null))
                .toList();
    }

    private static Map<String, MedianAndP90> agentTimes(List<AnalyticsStore.AgentSpanStats> stats) {
        Map<String, MedianAndP90> out = new HashMap<>();
        stats.forEach(s -> out.put(s.agentId(), new MedianAndP90(s.count(), Percentiles.duration(s.p50()),
                Percentiles.duration(s.p90()))));
        return out;
    }

    /** One agent's spans in business time, on the desk's hours as they are now. */
    private MedianAndP90 businessTimes(AnalyticsStore analytics, AnalyticsQuery query, String agentId, Span span) {
        AnalyticsQuery theirs = new AnalyticsQuery(query.from(), query.to(), query.zone(), query.channels(),
                query.categories(), query.priorities(), agentId, true, 0);
        List<Long> micros = new ArrayList<>();
        analytics.forEachSpan(theirs, span, (from, to) -> micros.add(Percentiles.between(Instant.EPOCH,
                Instant.EPOCH.plus(hours.businessDuration(from, to)))));
        long[] values = micros.stream().mapToLong(Long::longValue).toArray();
        AnalyticsStore.SpanStats stats = Percentiles.stats(values, values.length);
        return new MedianAndP90(stats.count(), Percentiles.duration(stats.p50()), Percentiles.duration(stats.p90()));
    }

    private AnalyticsStore checked(Actor actor, AnalyticsQuery query) {
        Checks.notNull(actor, "actor");
        Checks.notNull(query, "query");
        policy.check(actor, Permission.VIEW_ANALYTICS, null);
        if (!(store instanceof AnalyticsStore analytics)) {
            throw new SupportException("This desk's store computes no analytics: it does not implement AnalyticsStore");
        }
        return analytics;
    }
}
