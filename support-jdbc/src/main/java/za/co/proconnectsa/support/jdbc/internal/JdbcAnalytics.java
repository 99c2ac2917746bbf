package za.co.proconnectsa.support.jdbc.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import za.co.proconnectsa.support.StoreUnavailableException;
import za.co.proconnectsa.support.analytics.AnalyticsQuery;
import za.co.proconnectsa.support.internal.Checks;
import za.co.proconnectsa.support.jdbc.Dialect;
import za.co.proconnectsa.support.sla.SlaTargetType;
import za.co.proconnectsa.support.spi.AnalyticsStore;
import za.co.proconnectsa.support.ticket.Category;
import za.co.proconnectsa.support.ticket.OriginChannel;
import za.co.proconnectsa.support.ticket.Priority;

/**
 * Support analytics in SQL: every figure is an aggregate query (counts, sums and {@code percentile_cont}) over the
 * period's rows of the narrow facts table ({@code ticket_facts}, one row per ticket kept by {@link JdbcFacts} in each
 * ticket's unit of work), never over the wide tickets table; only business-time spans and request texts are
 * streamed, two columns at a time. Within one unit of work (the desk's report), the wall-time spans of the whole
 * period (first response, resolution and the resolution counts) are computed by one statement, and every per-agent
 * figure by two (the period's assigned tickets; the open ones), and kept for the other calls of the unit with the
 * same query until the unit writes facts. On PostgreSQL with more than one report connection,
 * {@link #prepareReport} computes the five largest aggregates at once on connections reading the report's snapshot.
 * Percentiles: PostgreSQL and H2 with {@code PERCENTILE_CONT ... WITHIN GROUP} as an aggregate; MariaDB by reading
 * the values at the ranks around each percentile ({@code ROW_NUMBER() OVER (ORDER BY ...)}) and interpolating as
 * percentile_cont does.
 */
public final class JdbcAnalytics implements AnalyticsStore {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcAnalytics.class);
    private static final int FETCH = 1000;
    private static final List<String> PERCENTILES = List.of("0.5", "0.9", "0.95", "0.99");
    /** PostgreSQL's work_mem for a percentile's sort, for its transaction only: a million spans sort in memory. */
    private static final String SORT_MEMORY = "64MB";

    /**
     * PostgreSQL, for the transaction: each aggregate is planned for its own period. The driver prepares a statement
     * on the server from its fifth use on, and a plan made for any period (a generic plan) reads a year of facts
     * through the created_at index as if it were a few rows.
     */
    private static final String CUSTOM_PLANS = "SELECT set_config('plan_cache_mode', 'force_custom_plan', true)";

    /** The unit's figures computed together, by kind and query. */
    private static final Object FIGURES = new Object();
    private static final String COUNTS = "counts";
    private static final String QUARTERS = "quarters";
    private static final String SPANS = "spans";
    private static final String BACKLOG = "backlog";
    private static final String AGENTS = "agents";
    private static final String OPEN = "open";

    private final Tx tx;
    private final Dialect dialect;
    private final String tickets;
    private final String facts;
    private final String messages;
    private final String audit;
    private final String conversations;
    private final String conversationMessages;
    /** How many connections a PostgreSQL report's largest aggregates use at once; 1: the unit's own only. */
    private final int connections;
    /**
     * Runs those aggregates (PostgreSQL with more than one connection, else none): no thread until a report, and idle
     * ones end after a minute.
     */
    private final ExecutorService workers;

    /**
     * @param tx          the store's transactions
     * @param dialect     the database
     * @param prefix      the table prefix
     * @param connections how many connections a PostgreSQL report's largest aggregates may use at once (at least 1)
     */
    public JdbcAnalytics(Tx tx, Dialect dialect, String prefix, int connections) {
        if (connections < 1) {
            throw new IllegalArgumentException("connections must be at least 1: " + connections);
        }
        this.tx = tx;
        this.dialect = dialect;
        this.connections = connections;
        this.workers = connections > 1 && dialect == Dialect.POSTGRESQL ? reportWorkers() : null;
        this.tickets = prefix + "tickets";
        this.facts = prefix + "ticket_facts";
        this.messages = prefix + "messages";
        this.audit = prefix + "audit_events";
        this.conversations = prefix + "whatsapp_conversations";
        this.conversationMessages = prefix + "whatsapp_messages";
    }

    /** A WHERE clause on tickets or their facts aliased {@code t} (same column names) and its parameters, in order. */
    private final class Scope {
        final StringBuilder sql = new StringBuilder();
        final List<Object> params = new ArrayList<>();

        Scope(AnalyticsQuery q, boolean period) {
            Checks.notNull(q, "query");
            sql.append("1 = 1");
            if (period) {
                sql.append(" AND t.created_at >= ? AND t.created_at < ?");
                params.add(q.from());
                params.add(q.to());
            }
            in("t.origin", q.channels().stream().map(OriginChannel::name).toList());
            in("t.category", q.categories().stream().map(Category::code).toList());
            in("t.priority", q.priorities().stream().map(Priority::name).toList());
            if (q.agentId() != null) {
                sql.append(" AND t.assignee_id = ?");
                params.add(q.agentId());
            }
        }

        private void in(String column, List<String> values) {
            if (!values.isEmpty()) {
                sql.append(" AND ").append(column).append(" IN (").append("?, ".repeat(values.size() - 1))
                        .append("?)");
                params.addAll(values);
            }
        }

        @Override
        public String toString() {
            return sql.toString();
        }
    }

    private int bind(PreparedStatement ps, int from, List<Object> params) throws SQLException {
        int i = from;
        for (Object p : params) {
            if (p instanceof Instant at) {
                Rows.setInstant(ps, i++, at, dialect);
            } else {
                ps.setString(i++, (String) p);
            }
        }
        return i;
    }

    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    private void query(String what, String sql, List<Object> params, RowReader reader) {
        query(what, null, sql, params, reader);
    }

    /** Runs {@code setup} (a statement without parameters, or null) and an aggregate query in one transaction. */
    private void query(String what, String setup, String sql, List<Object> params, RowReader reader) {
        run(what, setup == null && dialect == Dialect.POSTGRESQL ? CUSTOM_PLANS : setup, sql, params, false, reader);
    }

    /** Runs a query whose rows are streamed, {@value #FETCH} at a time. */
    private void stream(String what, String sql, List<Object> params, RowReader reader) {
        run(what, null, sql, params, true, reader);
    }

    /**
     * Only streamed queries set a fetch size: PostgreSQL reads such a query through a portal, and plans a portal
     * without parallel workers, which an aggregate over a million facts needs.
     */
    private void run(String what, String setup, String sql, List<Object> params, boolean streamed, RowReader reader) {
        tx.run(what, c -> {
            if (setup != null) {
                try (PreparedStatement ps = c.prepareStatement(setup)) {
                    ps.execute();
                }
            }
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                if (streamed) {
                    ps.setFetchSize(FETCH);
                }
                bind(ps, 1, params);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        reader.read(rs);
                    }
                }
            }
            return null;
        });
    }

    /**
     * Microseconds from {@code a} to {@code b}, as an integer. PostgreSQL: the interval's seconds as a double
     * ({@code date_part}), exact to the microsecond for spans of centuries and several times cheaper per row than
     * EXTRACT, which computes in numeric since PostgreSQL 14.
     */
    private String micros(String a, String b) {
        return dialect == Dialect.POSTGRESQL ? "CAST(date_part('epoch', " + b + " - " + a + ") * 1000000 AS BIGINT)"
                : JdbcFacts.exactMicros(dialect, a, b);
    }

    /**
     * The instant's quarter hour, grouped on by {@link #quarterKey}. PostgreSQL: the quarter's start as a timestamp
     * ({@code date_bin} from a midnight, a whole number of quarters before the epoch), so that each row costs an
     * integer operation instead of a numeric division; the key is computed once a quarter.
     */
    private String quarter(String column) {
        return switch (dialect) {
            case POSTGRESQL -> "date_bin('15 minutes', " + column + ", TIMESTAMPTZ '0001-01-01 00:00:00+00')";
            case MARIADB -> "FLOOR(TIMESTAMPDIFF(SECOND, '1970-01-01 00:00:00', " + column + ") / 900)";
            default -> "CAST(FLOOR(EXTRACT(EPOCH FROM " + column + ") / 900) AS BIGINT)";
        };
    }

    /** The epoch second of a {@link #quarter}'s start divided by 900. */
    private String quarterKey(String quarter) {
        return dialect == Dialect.POSTGRESQL ? "CAST(EXTRACT(EPOCH FROM " + quarter + ") AS BIGINT) / 900" : quarter;
    }

    @Override
    public List<TicketCount> ticketCounts(AnalyticsQuery query) {
        return preparedOr(COUNTS, query, () -> ticketCountsOf(query));
    }

    private List<TicketCount> ticketCountsOf(AnalyticsQuery query) {
        Scope scope = new Scope(query, true);
        List<TicketCount> out = new ArrayList<>();
        query("counting tickets", "SELECT t.origin, t.category, t.priority, COUNT(*) FROM " + facts + " t WHERE "
                + scope + " GROUP BY t.origin, t.category, t.priority", scope.params,
                rs -> out.add(new TicketCount(OriginChannel.valueOf(rs.getString(1)), Category.of(rs.getString(2)),
                        Priority.valueOf(rs.getString(3)), rs.getLong(4))));
        return List.copyOf(out);
    }

    @Override
    public SortedMap<Long, Long> requestsByQuarterHour(AnalyticsQuery query) {
        return preparedOr(QUARTERS, query, () -> requestsByQuarterHourOf(query));
    }

    private SortedMap<Long, Long> requestsByQuarterHourOf(AnalyticsQuery query) {
        Scope scope = new Scope(query, true);
        List<Object> params = new ArrayList<>(scope.params);
        String sql = "SELECT " + quarter("t.created_at") + " AS q FROM " + facts + " t WHERE " + scope;
        if (query.includesConversations()) {
            sql += " UNION ALL SELECT " + quarter("c.created_at") + " AS q FROM " + conversations
                    + " c WHERE c.created_at >= ? AND c.created_at < ? AND c.ticket_id IS NULL";
            params.add(query.from());
            params.add(query.to());
        }
        SortedMap<Long, Long> out = new TreeMap<>();
        query("counting requests by quarter hour", "SELECT " + quarterKey("r.q") + ", COUNT(*) FROM (" + sql
                + ") r GROUP BY r.q", params,
                rs -> out.put(rs.getLong(1), rs.getLong(2)));
        return java.util.Collections.unmodifiableSortedMap(out);
    }

    @Override
    public ConversationCounts conversationCounts(AnalyticsQuery query) {
        Checks.notNull(query, "query");
        if (!query.includesConversations()) {
            return new ConversationCounts(0, 0, 0);
        }
        long[] counts = new long[3];
        query("counting conversations", "SELECT COUNT(*),"
                + " COALESCE(SUM(CASE WHEN c.status = 'CLOSED' AND c.ticket_id IS NULL THEN 1 ELSE 0 END), 0),"
                + " COALESCE(SUM(CASE WHEN c.ticket_id IS NOT NULL THEN 1 ELSE 0 END), 0) FROM " + conversations
                + " c WHERE c.created_at >= ? AND c.created_at < ?", List.of(query.from(), query.to()), rs -> {
                    counts[0] = rs.getLong(1);
                    counts[1] = rs.getLong(2);
                    counts[2] = rs.getLong(3);
                });
        return new ConversationCounts(counts[0], counts[1], counts[2]);
    }

    /** The facts' column holding a span's wall microseconds. */
    private static String spanColumn(Span span) {
        return switch (span) {
            case FIRST_RESPONSE -> "t.first_response_us";
            case RESOLUTION -> "t.resolution_us";
            case NEXT_RESPONSE -> throw new IllegalArgumentException("next responses are not kept in the facts");
        };
    }

    /**
     * Common table expressions ending in {@code durations (d)}: each span's wall microseconds, read from the facts
     * for first responses and resolutions, computed from the messages for next responses.
     */
    private String durations(Span span, Scope scope) {
        if (span == Span.NEXT_RESPONSE) {
            return nextResponses(scope) + ", durations AS (SELECT " + micros("s", "e") + " AS d FROM spans)";
        }
        return "durations AS (SELECT " + spanColumn(span) + " AS d FROM " + facts + " t WHERE " + scope + " AND "
                + spanColumn(span) + " IS NOT NULL)";
    }

    /** Common table expressions ending in {@code spans (s, e)}: each next response's start and end. */
    private String nextResponses(Scope scope) {
        // k: support's public replies so far; requester messages after reply k wait for reply k + 1
        return "m AS (SELECT x.ticket_id, x.created_at, x.author_role,"
                + " SUM(CASE WHEN x.author_role <> 'REQUESTER' THEN 1 ELSE 0 END) OVER (PARTITION BY x.ticket_id"
                + " ORDER BY x.created_at, x.pos ROWS UNBOUNDED PRECEDING) AS k FROM " + messages + " x JOIN "
                + facts + " t ON t.ticket_id = x.ticket_id WHERE x.visibility = 'PUBLIC' AND " + scope + "),"
                + " w AS (SELECT ticket_id, k, MIN(created_at) AS s FROM m WHERE author_role = 'REQUESTER'"
                + " AND k >= 1 GROUP BY ticket_id, k),"
                + " spans AS (SELECT w.s, a.created_at AS e FROM w JOIN m a ON a.ticket_id = w.ticket_id"
                + " AND a.k = w.k + 1 AND a.author_role <> 'REQUESTER')";
    }

    /**
     * Figures computed together, kept for the unit of work bound to this thread (none outside one): a repeated call
     * with the same query reads them instead of scanning the period again, until the unit writes facts.
     */
    @SuppressWarnings("unchecked")
    private <T> T together(Object kind, AnalyticsQuery query, Supplier<T> compute) {
        if (!tx.inUnit()) {
            return compute.get();
        }
        Map<List<Object>, Object> kept = kept();
        List<Object> key = key(kind, query);
        Object found = kept.get(key);
        if (found == null) {
            found = compute.get();
            kept.put(key, found);
        }
        return (T) found;
    }

    /**
     * A figure computed by {@link #prepareReport} for the unit bound to this thread, read once (the next call computes
     * it again), or else computed now and not kept: such a figure reads conversations too, which a unit may change
     * without writing facts.
     */
    @SuppressWarnings("unchecked")
    private <T> T preparedOr(Object kind, AnalyticsQuery query, Supplier<T> compute) {
        Object found = tx.inUnit() ? kept().remove(key(kind, query)) : null;
        return found != null ? (T) found : compute.get();
    }

    /** The key of a kind of figure of a query among the unit's kept figures. */
    private static List<Object> key(Object kind, AnalyticsQuery query) {
        return List.of(kind, Checks.notNull(query, "query"));
    }

    /** The backlog's kind of figure: its bands depend on their limits. */
    private static Object backlogKind(List<Instant> createdAfter) {
        return List.of(BACKLOG, List.copyOf(createdAfter));
    }

    private Map<List<Object>, Object> kept() {
        return tx.unitState(FIGURES, HashMap::new, state -> c -> null);
    }

    /**
     * PostgreSQL with more than one connection: computes the report's five largest aggregates (per-agent figures,
     * both spans, quarter hours, counts, backlog) at once, each worker on a connection of its own whose transaction
     * reads the snapshot exported by the report's unit, so these five are of one moment; the calls of the report that
     * follow read them (its smaller figures, read afterwards on the unit's own connection, may include what committed
     * meanwhile, as on one connection). Only in a unit of the store's own that has not written: a unit that has
     * written reads its own uncommitted rows, which another connection cannot see, and a host's transaction may be
     * inside a savepoint, from which PostgreSQL exports no snapshot; such reports are computed one by one on the
     * unit's connection, as on the other databases.
     */
    @Override
    public void prepareReport(AnalyticsQuery query, List<Instant> backlogLimits) {
        Checks.notNull(query, "query");
        Checks.notNull(backlogLimits, "backlogLimits");
        backlogLimits.forEach(limit -> Checks.notNull(limit, "backlogLimits"));
        if (connections < 2 || dialect != Dialect.POSTGRESQL || !tx.inOwnUnit()) {
            return;
        }
        String snapshot = tx.run("sharing the report's snapshot", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT CASE WHEN pg_current_xact_id_if_assigned() IS NULL"
                    + " THEN pg_export_snapshot() END"); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        });
        if (snapshot == null) {
            return;
        }
        // longest first, so that the last one taken is short: the order of their times over a year of facts without
        // parallel workers (counts hash three text columns a row; the spans sort every span; the agents' index is read
        // whole; quarter hours read the creation index; the open tickets are a fifth of the facts)
        List<Object> agents = key(AGENTS, query);
        List<Object> open = key(OPEN, query);
        Map<List<Object>, Supplier<Object>> tasks = new LinkedHashMap<>();
        tasks.put(key(COUNTS, query), () -> ticketCountsOf(query));
        tasks.put(key(SPANS, query), () -> spanFiguresInOnePass(query));
        tasks.put(agents, () -> periodAgentRows(query));
        tasks.put(key(QUARTERS, query), () -> requestsByQuarterHourOf(query));
        tasks.put(open, () -> openTickets(query, backlogLimits));
        Map<List<Object>, Object> figures = inSnapshot(snapshot, tasks);
        OpenTickets openTickets = (OpenTickets) figures.remove(open);
        figures.put(agents, withOpenTickets((AgentRows) figures.get(agents), openTickets.byAgent()));
        figures.put(key(backlogKind(backlogLimits), query), openTickets.bands());
        kept().putAll(figures);
    }

    /**
     * Runs the tasks on up to {@link #connections} workers, each on a connection reading the snapshot. A worker that
     * cannot begin (no connection from an exhausted pool within its timeout; a snapshot the server cannot read)
     * takes no task, and whatever no worker took runs afterwards on the unit's own connection. The first task that
     * fails stops the others from taking more; it is thrown once every worker has stopped.
     *
     * @return the tasks' results by key
     */
    private Map<List<Object>, Object> inSnapshot(String snapshot, Map<List<Object>, Supplier<Object>> tasks) {
        Queue<Map.Entry<List<Object>, Supplier<Object>>> queue = new ConcurrentLinkedQueue<>(tasks.entrySet());
        Map<List<Object>, Object> results = new ConcurrentHashMap<>();
        AtomicBoolean failed = new AtomicBoolean();
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < Math.min(connections, tasks.size()); i++) {
            running.add(workers.submit(() -> {
                try {
                    tx.inSnapshot(snapshot, () -> {
                        // the connections already share the cores: a parallel plan's workers would contend with them
                        query("planning the report's aggregates without parallel workers",
                                "SELECT set_config('max_parallel_workers_per_gather', '0', true)", List.of(), rs -> { });
                        drain(queue, results, failed);
                        return null;
                    });
                } catch (Tx.SnapshotRefused refused) {
                    LOG.warn("{}; the report computes what this connection would have on its own connection",
                            refused.getMessage());
                }
            }));
        }
        Throwable failure = null;
        for (Future<?> worker : running) {
            try {
                worker.get();
            } catch (InterruptedException e) {
                failed.set(true);
                queue.clear();
                Thread.currentThread().interrupt();
                throw new StoreUnavailableException("Interrupted while computing a report's figures", e);
            } catch (ExecutionException e) {
                failure = failure == null ? e.getCause() : failure;
            }
        }
        if (failure instanceof RuntimeException thrown) {
            throw thrown;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        if (failure != null) {
            throw new StoreUnavailableException("A report's figures could not be computed", failure);
        }
        drain(queue, results, failed);
        return results;
    }

    /** Runs tasks from the queue until it is empty or one has failed anywhere; a failure empties it and is thrown. */
    private static void drain(Queue<Map.Entry<List<Object>, Supplier<Object>>> queue, Map<List<Object>, Object> results,
            AtomicBoolean failed) {
        for (Map.Entry<List<Object>, Supplier<Object>> task; !failed.get() && (task = queue.poll()) != null; ) {
            try {
                results.put(task.getKey(), task.getValue().get());
            } catch (RuntimeException | Error e) {
                failed.set(true);
                queue.clear();
                throw e;
            }
        }
    }

    private static ExecutorService reportWorkers() {
        AtomicInteger n = new AtomicInteger();
        return new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, "support-report-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Forgets the figures kept for the current unit of work: it changed the facts they were computed from. */
    public void forgetFigures() {
        if (tx.inUnit()) {
            kept().clear();
        }
    }

    /** The period's first-response and resolution spans and its resolution counts, from one pass where possible. */
    private record SpanFigures(SpanStats firstResponse, SpanStats resolution, ResolutionCounts counts) {
    }

    private SpanFigures spanFigures(AnalyticsQuery query) {
        return together(SPANS, query, () -> dialect == Dialect.MARIADB
                ? new SpanFigures(spanStatsOf(query, Span.FIRST_RESPONSE), spanStatsOf(query, Span.RESOLUTION),
                        resolutionCountsOf(query))
                : spanFiguresInOnePass(query));
    }

    /** PostgreSQL and H2: both spans' counts, sums and percentiles and the resolution counts in one statement. */
    private SpanFigures spanFiguresInOnePass(AnalyticsQuery query) {
        Scope scope = new Scope(query, true);
        String sql = "SELECT COUNT(t.first_response_us), COALESCE(SUM(t.first_response_us), 0), COUNT(t.resolved_at),"
                + " COALESCE(SUM(t.resolution_us), 0), COALESCE(SUM(t.reopened), 0)"
                + percentiles("t.first_response_us") + percentiles("t.resolution_us") + " FROM " + facts + " t WHERE "
                + scope;
        SpanFigures[] out = {null};
        query("summing up first responses and resolutions", sortMemory(), sql, scope.params, rs -> {
            int columns = dialect == Dialect.POSTGRESQL ? 1 : PERCENTILES.size();
            out[0] = new SpanFigures(stats(rs.getLong(1), rs.getLong(2), rs, 6),
                    stats(rs.getLong(3), rs.getLong(4), rs, 6 + columns),
                    new ResolutionCounts(rs.getLong(3), rs.getLong(5)));
        });
        return out[0];
    }

    /** PostgreSQL: the percentiles' sort is held in memory for the statement's transaction, not spilled to files. */
    private String sortMemory() {
        return dialect == Dialect.POSTGRESQL ? CUSTOM_PLANS + ", set_config('work_mem', '" + SORT_MEMORY + "', true)"
                : null;
    }

    /** A span's figures from its count, sum and the percentiles read from {@code column} on. */
    private SpanStats stats(long count, long sum, ResultSet rs, int column) throws SQLException {
        if (count == 0) {
            return SpanStats.NONE;
        }
        double[] p = percentileValues(rs, column, PERCENTILES.size());
        return new SpanStats(count, sum, p[0], p[1], p[2], p[3]);
    }

    /** PostgreSQL: one array column of {@code n} values; H2: {@code n} columns. */
    private double[] percentileValues(ResultSet rs, int column, int n) throws SQLException {
        double[] p = new double[n];
        if (dialect == Dialect.POSTGRESQL) {
            Object[] values = (Object[]) rs.getArray(column).getArray();
            for (int i = 0; i < n; i++) {
                p[i] = ((Number) values[i]).doubleValue();
            }
        } else {
            for (int i = 0; i < n; i++) {
                p[i] = rs.getDouble(column + i);
            }
        }
        return p;
    }

    @Override
    public SpanStats spanStats(AnalyticsQuery query, Span span) {
        return switch (Checks.notNull(span, "span")) {
            case FIRST_RESPONSE -> spanFigures(query).firstResponse();
            case RESOLUTION -> spanFigures(query).resolution();
            case NEXT_RESPONSE -> spanStatsOf(query, span);
        };
    }

    /** One span's count, sum and percentiles in one statement (MariaDB: see {@link #rankedStats}). */
    private SpanStats spanStatsOf(AnalyticsQuery query, Span span) {
        Scope scope = new Scope(query, true);
        if (dialect == Dialect.MARIADB) {
            return rankedStats(span, scope);
        }
        String sql = "WITH " + durations(span, scope) + " SELECT COUNT(*), COALESCE(SUM(d), 0)" + percentiles("d")
                + " FROM durations";
        SpanStats[] out = {SpanStats.NONE};
        query("summing up " + span + " times", sortMemory(), sql, scope.params,
                rs -> out[0] = stats(rs.getLong(1), rs.getLong(2), rs, 3));
        return out[0];
    }

    /**
     * MariaDB's PERCENTILE_CONT window function gave saturated values on these spans (11.4), so percentiles are read
     * the exact way: count and sum first, then the values at the two ranks around each percentile
     * ({@code ROW_NUMBER() OVER (ORDER BY d)}), interpolated as percentile_cont does.
     */
    private SpanStats rankedStats(Span span, Scope scope) {
        long[] total = new long[2];
        query("summing up " + span + " times", "WITH " + durations(span, scope) + " SELECT COUNT(*), COALESCE(SUM(d), 0)"
                + " FROM durations", scope.params, rs -> {
                    total[0] = rs.getLong(1);
                    total[1] = rs.getLong(2);
                });
        int n = Math.toIntExact(total[0]);
        if (n == 0) {
            return SpanStats.NONE;
        }
        double[] ps = {0.5, 0.9, 0.95, 0.99};
        java.util.TreeSet<Integer> ranks = new java.util.TreeSet<>();
        for (double p : ps) {
            ranks.add((int) Math.floor(p * (n - 1)));
            ranks.add((int) Math.ceil(p * (n - 1)));
        }
        java.util.Map<Integer, Long> values = new java.util.HashMap<>();
        query("reading " + span + " percentiles", "WITH " + durations(span, scope) + " SELECT y.rn, y.d FROM (SELECT x.d,"
                + " ROW_NUMBER() OVER (ORDER BY x.d) - 1 AS rn FROM durations x) y WHERE y.rn IN ("
                + ranks.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", ")) + ")",
                scope.params, rs -> values.put(rs.getInt(1), rs.getLong(2)));
        long[] sorted = new long[n];
        values.forEach((rank, value) -> sorted[rank] = value);
        return new SpanStats(n, total[1], interpolated(sorted, n, ps[0]),
                interpolated(sorted, n, ps[1]),
                interpolated(sorted, n, ps[2]),
                interpolated(sorted, n, ps[3]));
    }

    /** percentile_cont's interpolation between the values at the ranks around {@code p * (n - 1)}. */
    private static double interpolated(long[] sorted, int n, double p) {
        double rank = p * (n - 1);
        int lo = (int) Math.floor(rank);
        double first = sorted[lo];
        return first + (sorted[(int) Math.ceil(rank)] - first) * (rank - lo);
    }

    /** PostgreSQL: one ordered-set aggregate over an array of fractions; H2: one aggregate a percentile. */
    private String percentiles(String column) {
        return percentiles(column, PERCENTILES);
    }

    private String percentiles(String column, List<String> fractions) {
        if (dialect == Dialect.POSTGRESQL) {
            return ", PERCENTILE_CONT(ARRAY[" + String.join(", ", fractions) + "]) WITHIN GROUP (ORDER BY " + column + ")";
        }
        StringBuilder sql = new StringBuilder();
        for (String p : fractions) {
            sql.append(", PERCENTILE_CONT(").append(p).append(") WITHIN GROUP (ORDER BY ").append(column).append(")");
        }
        return sql.toString();
    }

    @Override
    public void forEachSpan(AnalyticsQuery query, Span span, BiConsumer<Instant, Instant> each) {
        Scope scope = new Scope(query, true);
        switch (Checks.notNull(span, "span")) {
            // the end is the start plus the span, exact to the microsecond as both were stored
            case FIRST_RESPONSE -> stream("reading " + span + " times", "SELECT t.created_at AS s, t.first_response_us"
                    + " FROM " + facts + " t WHERE " + scope + " AND t.first_response_us IS NOT NULL", scope.params,
                    rs -> {
                        Instant s = Rows.getInstant(rs, "s", dialect);
                        each.accept(s, s.plus(rs.getLong(2), java.time.temporal.ChronoUnit.MICROS));
                    });
            case RESOLUTION -> stream("reading " + span + " times", "SELECT t.created_at AS s, t.resolved_at AS e FROM "
                    + facts + " t WHERE " + scope + " AND t.resolved_at IS NOT NULL", scope.params,
                    rs -> each.accept(Rows.getInstant(rs, "s", dialect), Rows.getInstant(rs, "e", dialect)));
            case NEXT_RESPONSE -> stream("reading " + span + " times", "WITH " + nextResponses(scope)
                    + " SELECT s, e FROM spans", scope.params,
                    rs -> each.accept(Rows.getInstant(rs, "s", dialect), Rows.getInstant(rs, "e", dialect)));
        }
    }

    @Override
    public List<SlaCounts> slaCounts(AnalyticsQuery query) {
        Scope scope = new Scope(query, true);
        List<SlaCounts> out = new ArrayList<>();
        query("counting SLA outcomes", "SELECT x.target, SUM(1 - x.b), SUM(x.b) FROM (SELECT a.ticket_id,"
                + " a.after_value AS target, MAX(CASE WHEN a.action = 'SLA_BREACHED' THEN 1 ELSE 0 END) AS b FROM "
                + audit + " a JOIN " + facts + " t ON t.ticket_id = a.ticket_id WHERE a.action IN ('SLA_FULFILLED',"
                + " 'SLA_BREACHED') AND " + scope + " GROUP BY a.ticket_id, a.after_value) x GROUP BY x.target",
                scope.params,
                rs -> out.add(new SlaCounts(SlaTargetType.valueOf(rs.getString(1)), rs.getLong(2), rs.getLong(3))));
        return out;
    }

    @Override
    public ResolutionCounts resolutionCounts(AnalyticsQuery query) {
        return spanFigures(query).counts();
    }

    private ResolutionCounts resolutionCountsOf(AnalyticsQuery query) {
        Scope scope = new Scope(query, true);
        long[] counts = new long[2];
        query("counting resolutions", "SELECT COUNT(t.resolved_at), COALESCE(SUM(t.reopened), 0) FROM " + facts
                + " t WHERE " + scope, scope.params, rs -> {
                    counts[0] = rs.getLong(1);
                    counts[1] = rs.getLong(2);
                });
        return new ResolutionCounts(counts[0], counts[1]);
    }

    @Override
    public SatisfactionCounts satisfactionCounts(AnalyticsQuery query) {
        Scope scope = new Scope(query, true);
        long[] counts = new long[3];
        // the score is the audit event's text: a CASE instead of a CAST reads the same on every database
        query("counting satisfaction answers", "SELECT COUNT(*), COALESCE(SUM(CASE a.after_value WHEN '1' THEN 1 WHEN '2'"
                + " THEN 2 WHEN '3' THEN 3 WHEN '4' THEN 4 WHEN '5' THEN 5 ELSE 0 END), 0), COALESCE(SUM(CASE WHEN"
                + " a.after_value IN ('4', '5') THEN 1 ELSE 0 END), 0) FROM " + audit + " a JOIN " + facts
                + " t ON t.ticket_id = a.ticket_id WHERE a.action = 'SATISFACTION_RATED' AND " + scope, scope.params,
                rs -> {
                    counts[0] = rs.getLong(1);
                    counts[1] = rs.getLong(2);
                    counts[2] = rs.getLong(3);
                });
        return new SatisfactionCounts(counts[0], counts[1], counts[2]);
    }

    @Override
    public List<Long> backlog(AnalyticsQuery query, List<Instant> createdAfter) {
        Checks.notNull(createdAfter, "createdAfter");
        return preparedOr(backlogKind(createdAfter), query,
                () -> openTickets(query, createdAfter).bands());
    }

    /** The open tickets of the query's filters, whenever created: the backlog's bands and the count per agent. */
    private record OpenTickets(List<Long> bands, Map<String, Long> byAgent) {
    }

    /**
     * One pass over the open tickets' facts (PostgreSQL: a partial index holds only theirs), grouped by assignee and
     * band: a ticket created at or after the period's end is in no band but counts for its agent; the others are in
     * the band of the first limit they were created after, or in the last band.
     */
    private OpenTickets openTickets(AnalyticsQuery query, List<Instant> createdAfter) {
        Scope scope = new Scope(query, false);
        StringBuilder band = new StringBuilder("CASE WHEN t.created_at >= ? THEN -1");
        List<Object> params = new ArrayList<>();
        params.add(query.to());
        for (int i = 0; i < createdAfter.size(); i++) {
            band.append(" WHEN t.created_at > ? THEN ").append(i);
            params.add(Checks.notNull(createdAfter.get(i), "createdAfter"));
        }
        band.append(" ELSE ").append(createdAfter.size()).append(" END");
        params.addAll(scope.params);
        long[] bands = new long[createdAfter.size() + 1];
        Map<String, Long> byAgent = new HashMap<>();
        query("counting open tickets", "SELECT x.a, x.band, COUNT(*) FROM (SELECT t.assignee_id AS a, " + band
                + " AS band FROM " + facts + " t WHERE t.open_now = 1 AND " + scope + ") x GROUP BY x.a, x.band",
                params, rs -> {
                    String agent = rs.getString(1);
                    int in = rs.getInt(2);
                    long count = rs.getLong(3);
                    if (in >= 0) {
                        bands[in] += count;
                    }
                    if (agent != null) {
                        byAgent.merge(agent, count, Long::sum);
                    }
                });
        return new OpenTickets(java.util.Arrays.stream(bands).boxed().toList(), Map.copyOf(byAgent));
    }

    /** Every per-agent figure of the period: counts and sums, and each span's median and 90th percentile. */
    private record AgentRows(List<AgentCounts> counts, List<AgentSpanStats> firstResponse,
            List<AgentSpanStats> resolution) {
    }

    @Override
    public List<AgentCounts> agentCounts(AnalyticsQuery query) {
        return agentRows(query).counts();
    }

    /**
     * The median and 90th percentile per agent, grouped by assignee: PERCENTILE_CONT as an aggregate on PostgreSQL
     * and H2, in the same statement as the agents' counts; on MariaDB the values at the ranks around each percentile
     * within each agent's spans ({@code ROW_NUMBER() OVER (PARTITION BY agent ...)}), interpolated as percentile_cont
     * does.
     */
    @Override
    public List<AgentSpanStats> agentSpanStats(AnalyticsQuery query, Span span) {
        return switch (Checks.notNull(span, "span")) {
            case FIRST_RESPONSE -> agentRows(query).firstResponse();
            case RESOLUTION -> agentRows(query).resolution();
            case NEXT_RESPONSE -> throw new IllegalArgumentException("per-agent spans are first response and resolution");
        };
    }

    private AgentRows agentRows(AnalyticsQuery query) {
        return together(AGENTS, query, () -> agentRowsOf(query));
    }

    private AgentRows agentRowsOf(AnalyticsQuery query) {
        return withOpenTickets(periodAgentRows(query), openTickets(query, List.of()).byAgent());
    }

    /** The period's per-agent figures (no open tickets counted yet) and each span's median and 90th percentile. */
    private AgentRows periodAgentRows(AnalyticsQuery query) {
        boolean ranked = dialect == Dialect.MARIADB;
        List<AgentSpanStats> response = new ArrayList<>();
        List<AgentSpanStats> resolution = new ArrayList<>();
        List<AgentCounts> counts = agentFigures(query, ranked ? null : response, ranked ? null : resolution);
        if (ranked) {
            response = rankedAgentStats(query, Span.FIRST_RESPONSE);
            resolution = rankedAgentStats(query, Span.RESOLUTION);
        }
        return new AgentRows(List.copyOf(counts), List.copyOf(response), List.copyOf(resolution));
    }

    /** The period's per-agent figures with each agent's open tickets; an agent with open tickets only has zeros. */
    private static AgentRows withOpenTickets(AgentRows period, Map<String, Long> open) {
        Map<String, AgentCounts> byAgent = new TreeMap<>();
        period.counts().forEach(a -> byAgent.put(a.agentId(), a));
        open.forEach((agent, n) -> byAgent.merge(agent, new AgentCounts(agent, 0, 0, n, 0, 0, 0),
                (a, o) -> new AgentCounts(agent, a.assigned(), a.resolved(), n, a.firstResponses(),
                        a.firstResponseSumMicros(), a.resolutionSumMicros())));
        return new AgentRows(List.copyOf(byAgent.values()), period.firstResponse(), period.resolution());
    }

    /**
     * One pass over the facts of the period's assigned tickets, grouped by assignee (PostgreSQL: read in agent order
     * from an index holding the spans, without a sort): counts and sums, and, when {@code response} and
     * {@code resolution} are given, each span's median and 90th percentile into them. Open tickets are counted by
     * {@link #openTickets}.
     */
    private List<AgentCounts> agentFigures(AnalyticsQuery query, List<AgentSpanStats> response,
            List<AgentSpanStats> resolution) {
        Scope scope = new Scope(query, true);
        boolean spans = response != null;
        List<String> halves = List.of("0.5", "0.9");
        String sql = "SELECT x.a, COUNT(*), COUNT(x.rs), COUNT(x.fr), COALESCE(SUM(x.fr), 0), COALESCE(SUM(x.rs), 0)"
                + (spans ? percentiles("x.fr", halves) + percentiles("x.rs", halves) : "")
                + " FROM (SELECT t.assignee_id" + byteOrder() + " AS a, t.first_response_us AS fr, t.resolution_us AS rs"
                + " FROM " + facts + " t WHERE t.assignee_id IS NOT NULL AND " + scope + ") x GROUP BY x.a ORDER BY x.a";
        List<AgentCounts> out = new ArrayList<>();
        int columns = dialect == Dialect.POSTGRESQL ? 1 : halves.size();
        query("counting per agent", spans ? sortMemory() : null, sql, scope.params, rs -> {
            AgentCounts a = new AgentCounts(rs.getString(1), rs.getLong(2), rs.getLong(3), 0, rs.getLong(4),
                    rs.getLong(5), rs.getLong(6));
            out.add(a);
            if (spans) {
                if (a.firstResponses() > 0) {
                    double[] p = percentileValues(rs, 7, halves.size());
                    response.add(new AgentSpanStats(a.agentId(), a.firstResponses(), p[0], p[1]));
                }
                if (a.resolved() > 0) {
                    double[] p = percentileValues(rs, 7 + columns, halves.size());
                    resolution.add(new AgentSpanStats(a.agentId(), a.resolved(), p[0], p[1]));
                }
            }
        });
        return out;
    }

    /**
     * PostgreSQL: ordered-set aggregates group on sorted input, so the agents are sorted by byte order ({@code "C"})
     * instead of the database's linguistic collation; equal ids group alike, and the desk orders the agents itself.
     */
    private String byteOrder() {
        return dialect == Dialect.POSTGRESQL ? " COLLATE \"C\"" : "";
    }

    /** MariaDB: each agent's median and 90th percentile from the values at the ranks around them. */
    private List<AgentSpanStats> rankedAgentStats(AnalyticsQuery query, Span span) {
        Scope scope = new Scope(query, true);
        String d = "(SELECT t.assignee_id AS a, " + spanColumn(span) + " AS d FROM " + facts + " t WHERE " + scope
                + " AND t.assignee_id IS NOT NULL AND " + spanColumn(span) + " IS NOT NULL) x";
        java.util.Map<String, java.util.Map<Integer, Long>> ranked = new java.util.TreeMap<>();
        java.util.Map<String, Integer> counts = new java.util.HashMap<>();
        query("reading " + span + " percentiles per agent", "SELECT y.a, y.n, y.rn, y.d FROM"
                + " (SELECT x.a, x.d, ROW_NUMBER() OVER (PARTITION BY x.a ORDER BY x.d) - 1 AS rn,"
                + " COUNT(*) OVER (PARTITION BY x.a) AS n FROM " + d + ") y WHERE y.rn IN (FLOOR(0.5 * (y.n - 1)),"
                + " CEIL(0.5 * (y.n - 1)), FLOOR(0.9 * (y.n - 1)), CEIL(0.9 * (y.n - 1)))", scope.params, rs -> {
                    ranked.computeIfAbsent(rs.getString(1), k -> new java.util.HashMap<>()).put(rs.getInt(3), rs.getLong(4));
                    counts.put(rs.getString(1), rs.getInt(2));
                });
        List<AgentSpanStats> out = new ArrayList<>();
        ranked.forEach((agent, values) -> {
            int n = counts.get(agent);
            long[] sorted = new long[n];
            values.forEach((rank, value) -> sorted[rank] = value);
            out.add(new AgentSpanStats(agent, n, interpolated(sorted, n, 0.5), interpolated(sorted, n, 0.9)));
        });
        return out;
    }

    @Override
    public void forEachRequestText(AnalyticsQuery query, Consumer<List<String>> request) {
        Scope scope = new Scope(query, true);
        stream("reading request texts", "SELECT t.subject, t.body FROM " + tickets + " t WHERE " + scope,
                scope.params, rs -> request.accept(List.of(rs.getString(1), rs.getString(2))));
        if (!query.includesConversations()) {
            return;
        }
        stream("reading first messages", "SELECT m.body FROM " + conversations + " c JOIN " + conversationMessages
                + " m ON m.conversation_id = c.id WHERE c.created_at >= ? AND c.created_at < ? AND c.ticket_id IS NULL"
                + " AND m.author = 'CUSTOMER' AND NOT EXISTS (SELECT 1 FROM " + conversationMessages + " o WHERE"
                + " o.conversation_id = m.conversation_id AND o.author = 'CUSTOMER' AND (o.created_at < m.created_at"
                + " OR (o.created_at = m.created_at AND o.pos < m.pos)))", List.of(query.from(), query.to()),
                rs -> request.accept(List.of(rs.getString(1))));
    }
}
