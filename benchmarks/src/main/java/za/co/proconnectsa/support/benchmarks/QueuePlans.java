package za.co.proconnectsa.support.benchmarks;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import za.co.proconnectsa.support.jdbc.JdbcTicketStore;
import za.co.proconnectsa.support.jdbc.internal.Sql;
import za.co.proconnectsa.support.jdbc.Dialect;

/**
 * Not a benchmark: loads the queue data set (see {@link QueueDataset}) into a fresh embedded PostgreSQL
 * and prints {@code EXPLAIN (ANALYZE, BUFFERS)} of the statements {@code JdbcTicketStore.query} sends
 * for the queue pages measured by {@link QueuePagingBenchmark}, both as a custom plan (values known to
 * the planner) and as the generic plan PostgreSQL may switch to for a prepared statement after five
 * executions. Run it with
 * {@code java -cp benchmarks/target/benchmarks.jar za.co.proconnectsa.support.benchmarks.QueuePlans [tickets] [UNIFORM|RECENT] [proposals]}.
 */
public final class QueuePlans {

    private QueuePlans() {
    }

    /**
     * @param args number of tickets (default 1000000), layout (default UNIFORM), and "proposals" to also
     *             explain the two candidate fixes for a queue whose active tickets are not spread evenly
     * @throws SQLException when a statement fails
     */
    public static void main(String[] args) throws SQLException {
        long n = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        QueueDataset.Layout layout = QueueDataset.Layout.valueOf(args.length > 1 ? args[1] : "UNIFORM");
        boolean proposals = args.length > 2 && args[2].equals("proposals");
        try (EmbeddedDatabase database = EmbeddedDatabase.start()) {
            JdbcTicketStore.create(database.dataSource());
            System.out.println("PostgreSQL " + database.serverVersion() + ", layout " + layout + ": "
                    + QueueDataset.load(database.dataSource(), n, layout));
            String select = new Sql(Dialect.POSTGRESQL, JdbcTicketStore.DEFAULT_PREFIX).selectTickets();
            String active = "status IN ('NEW', 'OPEN', 'PENDING', 'ON_HOLD')";
            try (Connection c = database.dataSource().getConnection(); Statement st = c.createStatement()) {
                long cursor;
                try (ResultSet rs = st.executeQuery("SELECT seq FROM support_tickets WHERE " + active
                        + " ORDER BY seq OFFSET " + (99 * QueuePagingBenchmark.PAGE - 1) + " LIMIT 1")) {
                    // a small data set has fewer than 100 pages of active tickets: then page 100 is not shown
                    cursor = rs.next() ? rs.getLong(1) : -1;
                }
                String tail = " ORDER BY seq ASC LIMIT " + (QueuePagingBenchmark.PAGE + 1);
                explain(st, "first page", select + " WHERE " + active + tail);
                if (cursor >= 0) {
                    explain(st, "page 100", select + " WHERE " + active + " AND seq > " + cursor + tail);
                }
                explain(st, "filtered first page (TECHNICAL, unassigned)", select + " WHERE " + active
                        + " AND category IN ('TECHNICAL') AND assignee_id IS NULL" + tail);

                st.execute("PREPARE queue(bigint) AS " + select + " WHERE " + active + " AND seq > $1" + tail);
                st.execute("SET plan_cache_mode = force_generic_plan");
                explain(st, "page after a cursor, generic plan of the prepared statement (statuses as literals, as the "
                        + "store sends them)", "EXECUTE queue(" + Math.max(cursor, 0) + ")");
                st.execute("RESET plan_cache_mode");
                st.execute("DEALLOCATE queue");

                if (proposals && cursor >= 0) {
                    proposals(st, select, cursor, tail);
                }
            }
        }
    }

    /**
     * Two candidate fixes, on this database only (the store's schema and SQL are unchanged): the same
     * queries as one ordered sub-query per status merged by seq (UNION ALL, which PostgreSQL runs as a
     * Merge Append of index scans on (status, seq)); and a partial index on seq for active tickets.
     */
    private static void proposals(Statement st, String select, long cursor, String tail) throws SQLException {
        String[] statuses = {"NEW", "OPEN", "PENDING", "ON_HOLD"};
        String columns = select.substring("SELECT ".length(), select.indexOf(" FROM "));
        String[][] shapes = {
            {"first page", ""},
            {"page 100", " AND seq > " + cursor},
            {"filtered first page (TECHNICAL, unassigned)", " AND category IN ('TECHNICAL') AND assignee_id IS NULL"},
        };
        for (String[] shape : shapes) {
            StringBuilder union = new StringBuilder("SELECT " + columns + " FROM (");
            for (int i = 0; i < statuses.length; i++) {
                union.append(i == 0 ? "" : " UNION ALL ").append("(").append(select).append(" WHERE status = '")
                        .append(statuses[i]).append("'").append(shape[1]).append(tail).append(")");
            }
            union.append(") AS q").append(tail);
            explain(st, "PROPOSAL A, one sub-query per status: " + shape[0], union.toString());
        }
        st.execute("CREATE INDEX support_tickets_active_seq ON support_tickets (seq) "
                + "WHERE status IN ('NEW', 'OPEN', 'PENDING', 'ON_HOLD')");
        st.execute("ANALYZE support_tickets");
        String active = " WHERE status IN ('NEW', 'OPEN', 'PENDING', 'ON_HOLD')";
        for (String[] shape : shapes) {
            explain(st, "PROPOSAL B, partial index on active tickets: " + shape[0], select + active + shape[1] + tail);
        }
        st.execute("PREPARE queue(text, text, text, text) AS " + select + " WHERE status IN ($1, $2, $3, $4)" + tail);
        st.execute("SET plan_cache_mode = force_generic_plan");
        explain(st, "PROPOSAL B, first page, generic plan of the prepared statement (statuses as parameters)",
                "EXECUTE queue('NEW', 'OPEN', 'PENDING', 'ON_HOLD')");
        st.execute("RESET plan_cache_mode");
        st.execute("DEALLOCATE queue");
    }

    private static void explain(Statement st, String title, String sql) throws SQLException {
        System.out.println();
        System.out.println("== " + title + ": " + sql.replaceAll("SELECT id, seq, [a-z_, ]+ FROM", "SELECT ... FROM"));
        for (int run = 0; run < 3; run++) {
            // the last of three runs, so the plan is shown with warm caches
            StringBuilder out = new StringBuilder();
            try (ResultSet rs = st.executeQuery("EXPLAIN (ANALYZE, BUFFERS) " + sql)) {
                while (rs.next()) {
                    out.append(rs.getString(1)).append('\n');
                }
            }
            if (run == 2) {
                System.out.print(out);
            }
        }
    }
}
