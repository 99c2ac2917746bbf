package za.co.proconnectsa.support.spi;

import java.time.Instant;
import java.util.List;
import java.util.SortedMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import za.co.proconnectsa.support.analytics.AnalyticsQuery;
import za.co.proconnectsa.support.sla.SlaTargetType;
import za.co.proconnectsa.support.ticket.Category;
import za.co.proconnectsa.support.ticket.OriginChannel;
import za.co.proconnectsa.support.ticket.Priority;

/**
 * The aggregates behind support analytics, counted where the data lives: a database store answers each method with
 * aggregate queries, never by loading every ticket (one query may answer several methods: the desk asks for all of a
 * report's aggregates in one unit of work, {@link TicketStore#inTransaction}). The in-memory and JDBC stores implement it and give the same
 * figures ({@code AnalyticsContract} in {@code support-testing}).
 *
 * <p>"The period's tickets" are the tickets created at or after {@code query.from()} and before
 * {@code query.to()} that match the query's channels, categories, priorities and assignee. "The period's
 * conversations" are the WhatsApp conversations started in the period, none when
 * {@link AnalyticsQuery#includesConversations()} is false. Durations are in microseconds; percentiles are
 * continuous ({@code percentile_cont}).
 */
public interface AnalyticsStore {

    /** The spans between two moments of a ticket that reports measure. */
    enum Span {
        /** From creation to the first public reply of support ({@code firstRespondedAt}). */
        FIRST_RESPONSE,
        /**
         * From the first public requester message after a public reply of support to the next public reply of
         * support; one span per such reply after the first.
         */
        NEXT_RESPONSE,
        /** From creation to the first STATUS_CHANGED audit event to RESOLVED or CLOSED. */
        RESOLUTION
    }

    /**
     * @param origin   the channel
     * @param category the category
     * @param priority the priority
     * @param tickets  how many of the period's tickets have these three
     */
    record TicketCount(OriginChannel origin, Category category, Priority priority, long tickets) {
    }

    /**
     * @param started             the period's conversations
     * @param closedWithoutTicket of those, CLOSED and joined to no ticket
     * @param escalated           of those, joined to a ticket
     */
    record ConversationCounts(long started, long closedWithoutTicket, long escalated) {
    }

    /**
     * @param count     how many spans
     * @param sumMicros their total
     * @param p50       median, in microseconds (0 when none)
     * @param p90       90th percentile
     * @param p95       95th percentile
     * @param p99       99th percentile
     */
    record SpanStats(long count, long sumMicros, double p50, double p90, double p95, double p99) {
        /** No spans. */
        public static final SpanStats NONE = new SpanStats(0, 0, 0, 0, 0, 0);
    }

    /**
     * @param target   the SLA target type
     * @param met      the period's tickets with an SLA_FULFILLED event for it and no SLA_BREACHED
     * @param breached the period's tickets with an SLA_BREACHED event for it
     */
    record SlaCounts(SlaTargetType target, long met, long breached) {
    }

    /**
     * @param resolved the period's tickets with a STATUS_CHANGED event to RESOLVED or CLOSED
     * @param reopened the period's tickets with a STATUS_CHANGED event from RESOLVED or CLOSED
     */
    record ResolutionCounts(long resolved, long reopened) {
    }

    /**
     * @param agentId                the assignee
     * @param assigned               the period's tickets assigned to them
     * @param resolved               of those, resolved (as in {@link ResolutionCounts})
     * @param openNow                all tickets assigned to them and open now, whenever created (the period is
     *                               ignored; the other filters apply)
     * @param firstResponses         of the period's tickets, those with a first response
     * @param firstResponseSumMicros their first-response spans' total
     * @param resolutionSumMicros    the resolution spans' total of the resolved ones
     */
    record AgentCounts(String agentId, long assigned, long resolved, long openNow, long firstResponses,
            long firstResponseSumMicros, long resolutionSumMicros) {
    }

    /**
     * @param agentId the assignee
     * @param count   how many of the period's tickets assigned to them have the span
     * @param p50     the spans' median, in microseconds
     * @param p90     their 90th percentile
     */
    record AgentSpanStats(String agentId, long count, double p50, double p90) {
    }

    /**
     * Satisfaction survey answers on the period's tickets.
     *
     * @param answers  answers
     * @param scoreSum the sum of their scores
     * @param happy    answers scoring 4 or 5
     */
    record SatisfactionCounts(long answers, long scoreSum, long happy) {
    }

    /**
     * Called once at the start of a report, inside its unit of work and before the calls that read its figures: a
     * store may compute several figures together (at once, on several connections) and answer the calls that
     * follow from them. Does nothing by default.
     *
     * @param query         the report's period and filters
     * @param backlogLimits the limits the report will pass to {@link #backlog}
     */
    default void prepareReport(AnalyticsQuery query, List<Instant> backlogLimits) {
    }

    /**
     * @param query the period and filters
     * @return the period's tickets counted by origin, category and priority (combinations with none left out)
     */
    List<TicketCount> ticketCounts(AnalyticsQuery query);

    /**
     * @param query the period and filters
     * @return the period's tickets and the period's conversations joined to no ticket (a request counted once),
     *         by quarter hour of creation: the key is the epoch second of the quarter's start divided by 900;
     *         quarters without requests left out
     */
    SortedMap<Long, Long> requestsByQuarterHour(AnalyticsQuery query);

    /**
     * @param query the period and filters
     * @return what became of the period's conversations
     */
    ConversationCounts conversationCounts(AnalyticsQuery query);

    /**
     * @param span which span
     * @param query the period and filters
     * @return the spans of the period's tickets that have ended, summed up in wall time
     */
    SpanStats spanStats(AnalyticsQuery query, Span span);

    /**
     * Streams the start and end of each span that {@link #spanStats} sums, for business-time figures; only the two
     * instants are read.
     *
     * @param span which span
     * @param each called with start and end, in no particular order
     * @param query the period and filters
     */
    void forEachSpan(AnalyticsQuery query, Span span, BiConsumer<Instant, Instant> each);

    /**
     * @param query the period and filters
     * @return compliance per SLA target type that has events for the period's tickets
     */
    List<SlaCounts> slaCounts(AnalyticsQuery query);

    /**
     * @param query the period and filters
     * @return the period's resolved and reopened tickets
     */
    ResolutionCounts resolutionCounts(AnalyticsQuery query);

    /**
     * Counts the tickets open now, created before {@code query.to()} and matching the filters, by age band.
     *
     * @param createdAfter the bands' lower limits of creation, newest first: band {@code i} holds tickets created
     *                     after {@code createdAfter[i]} (and at or before the previous limit); one more band holds
     *                     the rest
     *
     * @param query the period and filters
     * @return {@code createdAfter.size() + 1} counts
     */
    List<Long> backlog(AnalyticsQuery query, List<Instant> createdAfter);

    /**
     * @param query the period and filters
     * @return the figures of each agent with tickets in the period or open now, by agent id
     */
    List<AgentCounts> agentCounts(AnalyticsQuery query);

    /**
     * The median and 90th percentile of the spans of the period's tickets per assignee, in wall time: one aggregate
     * grouped by agent, never a query per agent.
     *
     * @param query the period and filters
     * @param span  {@link Span#FIRST_RESPONSE} or {@link Span#RESOLUTION}
     * @return one line per agent with at least one such span, by agent id
     */
    List<AgentSpanStats> agentSpanStats(AnalyticsQuery query, Span span);

    /**
     * Streams the text of each request of the period, for its common words and phrases: each ticket's subject and
     * body as two texts, and the first customer message of each conversation joined to no ticket.
     *
     * @param request called with the texts of one request
     * @param query the period and filters
     */
    void forEachRequestText(AnalyticsQuery query, Consumer<List<String>> request);

    /**
     * Counts the {@link za.co.proconnectsa.support.ticket.AuditAction#SATISFACTION_RATED} answers on the period's
     * tickets (created in the period, matching the filters), in the store's own query language.
     *
     * @param query the period and filters
     * @return the counts
     */
    SatisfactionCounts satisfactionCounts(AnalyticsQuery query);
}
