package za.co.proconnectsa.support.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import za.co.proconnectsa.support.analytics.AnalyticsQuery;
import za.co.proconnectsa.support.jdbc.Dialect;
import za.co.proconnectsa.support.sla.SlaTargetType;
import za.co.proconnectsa.support.spi.AnalyticsStore;
import za.co.proconnectsa.support.ticket.Category;
import za.co.proconnectsa.support.ticket.OriginChannel;
import za.co.proconnectsa.support.ticket.Priority;
import za.co.proconnectsa.support.internal.Checks;

/**
 * Support analytics in SQL: every figure is one aggregate query (counts, sums and {@code percentile_cont}) over the
 * period's tickets, read by the created_at index; only business-time spans and request texts are streamed, two
 * columns at a time. Percentiles: PostgreSQL and H2 with {@code PERCENTILE_CONT ... WITHIN GROUP} as an aggregate;
 * MariaDB by reading the values at the ranks around each percentile ({@code ROW_NUMBER() OVER (ORDER BY ...)}) and
 * interpolating as percentile_cont does.
 */
public final class JdbcAnalytics implements AnalyticsStore {

    private static final String DONE = "('RESOLVED', 'CLOSED')";
    private static final String ACTIVE = "('NEW', 'OPEN', 'PENDING', 'ON_HOLD')";
    private static final int FETCH = 1000;
    private static final List<String> PERCENTILES = List.of("0.5", "0.9", "0.95", "0.99");
    /** PostgreSQL's work_mem for a percentile's sort, for its transaction only: a million spans sort in memory. */
    private static final String SORT_MEMORY = "64MB";

    private final Tx tx;
    private final Dialect dialect;
    private final String tickets;
    private final String messages;
    private final String audit;
    private final String conversations;
    private final String conversationMessages;

    /**
     * @param tx      the store's transactions
     * @param dialect the database
     * @param prefix  the table prefix
     */
    public JdbcAnalytics(Tx tx, Dialect dialect, String prefix) {
        this.tx = tx;
        this.dialect = dialect;
        this.tickets = prefix + "tickets";
        this.messages = prefix + "messages";
        this.audit = prefix + "audit_events";
        this.conversations = prefix + "whatsapp_conversations";
        this.conversationMessages = prefix + "whatsapp_messages";
    }

    /** A WHERE clause on tickets aliased {@code t} and its parameters, in order. */
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

    /** Runs {@code setup} (a statement without parameters, or null) and the query in one transaction. */
    private void query(String what, String setup, String sql, List<Object> params, RowReader reader) {
        tx.run(what, c -> {
            if (setup != null) {
                try (PreparedStatement ps = c.prepareStatement(setup)) {
                    ps.execute();
                }
            }
            try (PreparedStatement ps = prepare(c, sql)) {
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

    private static PreparedStatement prepare(Connection c, String sql) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        ps.setFetchSize(FETCH);
        return ps;
    }

    /**
     * Microseconds from {@code a} to {@code b}, as an integer. PostgreSQL: the interval's seconds as a double
     * ({@code date_part}), exact to the microsecond for spans of centuries and several times cheaper per row than
     * EXTRACT, which computes in numeric since PostgreSQL 14.
     */
    private String micros(String a, String b) {
        return switch (dialect) {
            case POSTGRESQL -> "CAST(date_part('epoch', " + b + " - " + a + ") * 1000000 AS BIGINT)";
            case MARIADB -> "TIMESTAMPDIFF(MICROSECOND, " + a + ", " + b + ")";
            default -> "DATEDIFF(MICROSECOND, " + a + ", " + b + ")";
        };
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

    private String resolutions() {
        return "SELECT ticket_id, MIN(at) AS resolved_at FROM " + audit
                + " WHERE action = 'STATUS_CHANGED' AND after_value IN " + DONE + " GROUP BY ticket_id";
    }

    @Override
    public List<TicketCount> ticketCounts(AnalyticsQuery query) {
        Scope scope = new Scope(query, true);
        List<TicketCount> out = new ArrayList<>();
        query("counting tickets", "SELECT t.origin, t.category, t.priority, COUNT(*) FROM " + tickets + " t WHERE "
                + scope + " GROUP BY t.origin, t.category, t.priority", scope.params,
                rs -> out.add(new TicketCount(OriginChannel.valueOf(rs.getString(1)), Category.of(rs.getString(2)),
                        Priority.valueOf(rs.getString(3)), rs.getLong(4))));
        return out;
    }

    @Override
    public SortedMap<Long, Long> requestsByQuarterHour(AnalyticsQuery query) {
        Scope scope = new Scope(query, true);
        List<Object> params = new ArrayList<>(scope.params);
        String sql = "SELECT " + quarter("t.created_at") + " AS q FROM " + tickets + " t WHERE " + scope;
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
        return out;
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

    /** Common table expressions ending in {@code spans (s, e)}: each span's start and end. */
    private String spans(Span span, Scope scope) {
        return switch (Checks.notNull(span, "span")) {
            case FIRST_RESPONSE -> "spans AS (SELECT t.created_at AS s, t.first_responded_at AS e FROM " + tickets
                    + " t WHERE " + scope + " AND t.first_responded_at IS NOT NULL)";
            case RESOLUTION -> "spans AS (SELECT t.created_at AS s, r.resolved_at AS e FROM " + tickets + " t JOIN ("
                    + resolutions() + ") r ON r.ticket_id = t.id WHERE " + scope + ")";
            // k: support's public replies so far; requester messages after reply k wait for reply k + 1
            case NEXT_RESPONSE -> "m AS (SELECT x.ticket_id, x.created_at, x.author_role,"
                    + " SUM(CASE WHEN x.author_role <> 'REQUESTER' THEN 1 ELSE 0 END) OVER (PARTITION BY x.ticket_id"
                    + " ORDER BY x.created_at, x.pos ROWS UNBOUNDED PRECEDING) AS k FROM " + messages + " x JOIN "
                    + tickets + " t ON t.id = x.ticket_id WHERE x.visibility = 'PUBLIC' AND " + scope + "),"
                    + " w AS (SELECT ticket_id, k, MIN(created_at) AS s FROM m WHERE author_role = 'REQUESTER'"
                    + " AND k >= 1 GROUP BY ticket_id, k),"
                    + " spans AS (SELECT w.s, a.created_at AS e FROM w JOIN m a ON a.ticket_id = w.ticket_id"
                    + " AND a.k = w.k + 1 AND a.author_role <> 'REQUESTER')";
        };
    }

    @Override
    public SpanStats spanStats(AnalyticsQuery query, Span span) {
        Scope scope = new Scope(query, true);
        String d = "(SELECT " + micros("s", "e") + " AS d FROM spans) x";
        if (dialect == Dialect.MARIADB) {
            return rankedStats(span, scope, d);
        }
        String sql = "WITH " + spans(span, scope) + " SELECT COUNT(*), COALESCE(SUM(d), 0)" + percentiles() + " FROM "
                + d;
        // PostgreSQL: the four percentiles share one sort, held in memory instead of spilling to temporary files
        String setup = dialect == Dialect.POSTGRESQL ? "SELECT set_config('work_mem', '" + SORT_MEMORY + "', true)" : null;
        SpanStats[] out = {SpanStats.NONE};
        query("summing up " + span + " times", setup, sql, scope.params, rs -> {
            if (rs.getLong(1) > 0) {
                double[] p = new double[PERCENTILES.size()];
                if (dialect == Dialect.POSTGRESQL) {
                    Object[] values = (Object[]) rs.getArray(3).getArray();
                    for (int i = 0; i < p.length; i++) {
                        p[i] = ((Number) values[i]).doubleValue();
                    }
                } else {
                    for (int i = 0; i < p.length; i++) {
                        p[i] = rs.getDouble(3 + i);
                    }
                }
                out[0] = new SpanStats(rs.getLong(1), rs.getLong(2), p[0], p[1], p[2], p[3]);
            }
        });
        return out[0];
    }

    /**
     * MariaDB's PERCENTILE_CONT window function gave saturated values on these spans (11.4), so percentiles are read
     * the exact way: count and sum first, then the values at the two ranks around each percentile
     * ({@code ROW_NUMBER() OVER (ORDER BY d)}), interpolated as percentile_cont does.
     */
    private SpanStats rankedStats(Span span, Scope scope, String d) {
        long[] total = new long[2];
        query("summing up " + span + " times", "WITH " + spans(span, scope) + " SELECT COUNT(*), COALESCE(SUM(d), 0)"
                + " FROM " + d, scope.params, rs -> {
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
        List<Object> params = new ArrayList<>(scope.params);
        java.util.Map<Integer, Long> values = new java.util.HashMap<>();
        query("reading " + span + " percentiles", "WITH " + spans(span, scope) + " SELECT y.rn, y.d FROM (SELECT x.d,"
                + " ROW_NUMBER() OVER (ORDER BY x.d) - 1 AS rn FROM " + d + ") y WHERE y.rn IN ("
                + ranks.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", ")) + ")",
                params, rs -> values.put(rs.getInt(1), rs.getLong(2)));
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
    private String percentiles() {
        if (dialect == Dialect.POSTGRESQL) {
            return ", PERCENTILE_CONT(ARRAY[" + String.join(", ", PERCENTILES) + "]) WITHIN GROUP (ORDER BY d)";
        }
        StringBuilder sql = new StringBuilder();
        for (String p : PERCENTILES) {
            sql.append(", PERCENTILE_CONT(").append(p).append(") WITHIN GROUP (ORDER BY d)");
        }
        return sql.toString();
    }

    @Override
    public void forEachSpan(AnalyticsQuery query, Span span, BiConsumer<Instant, Instant> each) {
        Scope scope = new Scope(query, true);
        query("reading " + span + " times", "WITH " + spans(span, scope) + " SELECT s, e FROM spans", scope.params,
                rs -> each.accept(Rows.getInstant(rs, "s", dialect), Rows.getInstant(rs, "e", dialect)));
    }

    @Override
    public List<SlaCounts> slaCounts(AnalyticsQuery query) {
        Scope scope = new Scope(query, true);
        List<SlaCounts> out = new ArrayList<>();
        query("counting SLA outcomes", "SELECT x.target, SUM(1 - x.b), SUM(x.b) FROM (SELECT a.ticket_id,"
                + " a.after_value AS target, MAX(CASE WHEN a.action = 'SLA_BREACHED' THEN 1 ELSE 0 END) AS b FROM "
                + audit + " a JOIN " + tickets + " t ON t.id = a.ticket_id WHERE a.action IN ('SLA_FULFILLED',"
                + " 'SLA_BREACHED') AND " + scope + " GROUP BY a.ticket_id, a.after_value) x GROUP BY x.target",
                scope.params,
                rs -> out.add(new SlaCounts(SlaTargetType.valueOf(rs.getString(1)), rs.getLong(2), rs.getLong(3))));
        return out;
    }

    @Override
    public ResolutionCounts resolutionCounts(AnalyticsQuery query) {
        Scope scope = new Scope(query, true);
        long[] counts = new long[2];
        query("counting resolutions", "SELECT COUNT(DISTINCT CASE WHEN a.after_value IN " + DONE
                + " THEN a.ticket_id END), COUNT(DISTINCT CASE WHEN a.before_value IN " + DONE
                + " AND a.after_value NOT IN " + DONE + " THEN a.ticket_id END) FROM " + audit + " a JOIN " + tickets
                + " t ON t.id = a.ticket_id WHERE a.action = 'STATUS_CHANGED' AND " + scope, scope.params, rs -> {
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
                + " a.after_value IN ('4', '5') THEN 1 ELSE 0 END), 0) FROM " + audit + " a JOIN " + tickets
                + " t ON t.id = a.ticket_id WHERE a.action = 'SATISFACTION_RATED' AND " + scope, scope.params, rs -> {
                    counts[0] = rs.getLong(1);
                    counts[1] = rs.getLong(2);
                    counts[2] = rs.getLong(3);
                });
        return new SatisfactionCounts(counts[0], counts[1], counts[2]);
    }

    @Override
    public List<Long> backlog(AnalyticsQuery query, List<Instant> createdAfter) {
        Scope scope = new Scope(query, false);
        StringBuilder band = new StringBuilder("CASE");
        List<Object> params = new ArrayList<>();
        for (int i = 0; i < createdAfter.size(); i++) {
            band.append(" WHEN t.created_at > ? THEN ").append(i);
            params.add(Checks.notNull(createdAfter.get(i), "createdAfter"));
        }
        band.append(" ELSE ").append(createdAfter.size()).append(" END");
        params.add(query.to());
        params.addAll(scope.params);
        long[] bands = new long[createdAfter.size() + 1];
        query("counting the backlog", "SELECT x.band, COUNT(*) FROM (SELECT " + band + " AS band FROM " + tickets
                + " t WHERE t.status IN " + ACTIVE + " AND t.created_at < ? AND " + scope + ") x GROUP BY x.band",
                params, rs -> bands[rs.getInt(1)] = rs.getLong(2));
        return java.util.Arrays.stream(bands).boxed().toList();
    }

    @Override
    public List<AgentCounts> agentCounts(AnalyticsQuery query) {
        Scope period = new Scope(query, true);
        Scope filters = new Scope(query, false);
        String inPeriod = "t.created_at >= ? AND t.created_at < ?";
        List<Object> params = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            params.add(query.from());
            params.add(query.to());
        }
        params.addAll(filters.params);
        params.add(query.from());
        params.add(query.to());
        params.addAll(period.params);
        List<AgentCounts> out = new ArrayList<>();
        // one pass over the tickets of the period or open now (conditional sums, as a host would write it), and one
        // aggregate of the resolved ones, joined from their resolution events; each yields one row an agent
        query("counting per agent", "SELECT y.agent, SUM(y.assigned), SUM(y.resolved), SUM(y.open_now),"
                + " SUM(y.responded), SUM(y.response), SUM(y.resolution) FROM ("
                + "SELECT t.assignee_id AS agent, SUM(CASE WHEN " + inPeriod + " THEN 1 ELSE 0 END) AS assigned,"
                + " 0 AS resolved, SUM(CASE WHEN t.status IN " + ACTIVE + " THEN 1 ELSE 0 END) AS open_now,"
                + " SUM(CASE WHEN " + inPeriod + " AND t.first_responded_at IS NOT NULL THEN 1 ELSE 0 END) AS responded,"
                + " COALESCE(SUM(CASE WHEN " + inPeriod + " THEN " + micros("t.created_at", "t.first_responded_at")
                + " END), 0) AS response, 0 AS resolution FROM " + tickets + " t WHERE t.assignee_id IS NOT NULL AND "
                + filters + " AND (" + inPeriod + " OR t.status IN " + ACTIVE + ") GROUP BY t.assignee_id"
                + " UNION ALL SELECT t.assignee_id, 0, COUNT(*), 0, 0, 0,"
                + " COALESCE(SUM(" + micros("t.created_at", "r.resolved_at") + "), 0) FROM " + tickets + " t JOIN ("
                + resolutions() + ") r ON r.ticket_id = t.id WHERE " + period + " AND t.assignee_id IS NOT NULL"
                + " GROUP BY t.assignee_id) y GROUP BY y.agent ORDER BY y.agent", params,
                rs -> out.add(new AgentCounts(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6), rs.getLong(7))));
        return out;
    }

    /**
     * The median and 90th percentile per agent in one query grouped by assignee: PERCENTILE_CONT as an aggregate on
     * PostgreSQL and H2; on MariaDB the values at the ranks around each percentile within each agent's spans
     * ({@code ROW_NUMBER() OVER (PARTITION BY agent ...)}), interpolated as percentile_cont does.
     */
    @Override
    public List<AgentSpanStats> agentSpanStats(AnalyticsQuery query, Span span) {
        Scope scope = new Scope(query, true);
        String spans = switch (Checks.notNull(span, "span")) {
            case FIRST_RESPONSE -> "spans AS (SELECT t.assignee_id AS a, t.created_at AS s, t.first_responded_at AS e FROM "
                    + tickets + " t WHERE " + scope + " AND t.assignee_id IS NOT NULL AND t.first_responded_at IS NOT NULL)";
            case RESOLUTION -> "spans AS (SELECT t.assignee_id AS a, t.created_at AS s, r.resolved_at AS e FROM " + tickets
                    + " t JOIN (" + resolutions() + ") r ON r.ticket_id = t.id WHERE " + scope
                    + " AND t.assignee_id IS NOT NULL)";
            case NEXT_RESPONSE -> throw new IllegalArgumentException("per-agent spans are first response and resolution");
        };
        String d = "(SELECT a, " + micros("s", "e") + " AS d FROM spans) x";
        List<AgentSpanStats> out = new ArrayList<>();
        if (dialect != Dialect.MARIADB) {
            query("reading " + span + " percentiles per agent", "WITH " + spans + " SELECT x.a, COUNT(*),"
                    + " PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY x.d), PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY x.d)"
                    + " FROM " + d + " GROUP BY x.a ORDER BY x.a", scope.params,
                    rs -> out.add(new AgentSpanStats(rs.getString(1), rs.getLong(2), rs.getDouble(3), rs.getDouble(4))));
            return out;
        }
        java.util.Map<String, java.util.Map<Integer, Long>> ranked = new java.util.TreeMap<>();
        java.util.Map<String, Integer> counts = new java.util.HashMap<>();
        query("reading " + span + " percentiles per agent", "WITH " + spans + " SELECT y.a, y.n, y.rn, y.d FROM"
                + " (SELECT x.a, x.d, ROW_NUMBER() OVER (PARTITION BY x.a ORDER BY x.d) - 1 AS rn,"
                + " COUNT(*) OVER (PARTITION BY x.a) AS n FROM " + d + ") y WHERE y.rn IN (FLOOR(0.5 * (y.n - 1)),"
                + " CEIL(0.5 * (y.n - 1)), FLOOR(0.9 * (y.n - 1)), CEIL(0.9 * (y.n - 1)))", scope.params, rs -> {
                    ranked.computeIfAbsent(rs.getString(1), k -> new java.util.HashMap<>()).put(rs.getInt(3), rs.getLong(4));
                    counts.put(rs.getString(1), rs.getInt(2));
                });
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
        query("reading request texts", "SELECT t.subject, t.body FROM " + tickets + " t WHERE " + scope,
                scope.params, rs -> request.accept(List.of(rs.getString(1), rs.getString(2))));
        if (!query.includesConversations()) {
            return;
        }
        query("reading first messages", "SELECT m.body FROM " + conversations + " c JOIN " + conversationMessages
                + " m ON m.conversation_id = c.id WHERE c.created_at >= ? AND c.created_at < ? AND c.ticket_id IS NULL"
                + " AND m.author = 'CUSTOMER' AND NOT EXISTS (SELECT 1 FROM " + conversationMessages + " o WHERE"
                + " o.conversation_id = m.conversation_id AND o.author = 'CUSTOMER' AND (o.created_at < m.created_at"
                + " OR (o.created_at = m.created_at AND o.pos < m.pos)))", List.of(query.from(), query.to()),
                rs -> request.accept(List.of(rs.getString(1))));
    }
}
