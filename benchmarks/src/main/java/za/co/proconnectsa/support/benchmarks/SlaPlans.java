package za.co.proconnectsa.support.benchmarks;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * Not a benchmark: opens the SLA watcher's data set ({@link SlaScheduleDataset}, loading it the first time) and
 * prints {@code EXPLAIN (ANALYZE, BUFFERS)} of the statements {@code JdbcTicketStore} sends for
 * {@code claimSlaChecks} (the SELECT ... FOR UPDATE SKIP LOCKED and the UPDATE of one claimed row) and for
 * {@code ticketsDueBy}, each as a custom plan (values known to the planner) and as the generic plan PostgreSQL may
 * switch to for a prepared statement after five executions; and the baseline of {@link SlaWatcherBenchmark}, 100
 * rows by primary key. Run it with
 * {@code java -cp benchmarks/target/benchmarks.jar za.co.proconnectsa.support.benchmarks.SlaPlans [tickets]}.
 */
public final class SlaPlans {

    private SlaPlans() {
    }

    /**
     * @param args number of tickets (default 1000000)
     * @throws Exception when a statement fails or the data directory cannot be written
     */
    public static void main(String[] args) throws Exception {
        long n = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        try (EmbeddedDatabase database = SlaScheduleDataset.open(n)) {
            String now = "timestamptz '" + SlaScheduleDataset.NOW + "'";
            try (Connection c = database.dataSource().getConnection(); Statement st = c.createStatement()) {
                try (ResultSet rs = st.executeQuery("SELECT count(*), count(next_check_at), count(next_due_at), "
                        + "count(*) FILTER (WHERE next_check_at <= " + now + "), count(*) FILTER (WHERE next_due_at <= "
                        + now + "), pg_size_pretty(pg_total_relation_size('support_sla_schedule')) FROM support_sla_schedule")) {
                    rs.next();
                    System.out.printf(Locale.ROOT, "PostgreSQL %s: support_sla_schedule holds %,d rows (%s with indexes): "
                            + "%,d with a check, %,d with a due instant; at %s %,d checks and %,d due instants have "
                            + "come%n", database.serverVersion(), rs.getLong(1), rs.getString(6), rs.getLong(2),
                            rs.getLong(3), SlaScheduleDataset.NOW, rs.getLong(4), rs.getLong(5));
                }
                String claim = "SELECT ticket_id FROM support_sla_schedule WHERE next_check_at <= %s "
                        + "ORDER BY next_check_at LIMIT %s FOR UPDATE SKIP LOCKED";
                String update = "UPDATE support_sla_schedule SET next_check_at = %s WHERE ticket_id = %s";
                String dueBy = "SELECT ticket_id FROM support_sla_schedule WHERE next_due_at <= %s "
                        + "ORDER BY next_due_at, ticket_id LIMIT %s";
                String id;
                try (ResultSet rs = st.executeQuery(String.format(claim.replace(" FOR UPDATE SKIP LOCKED", ""), now, 1))) {
                    rs.next();
                    id = "'" + rs.getString(1) + "'";
                }
                String ids = "SELECT ticket_id FROM support_sla_schedule WHERE next_check_at IS NOT NULL "
                        + "ORDER BY ticket_id LIMIT 100";
                StringBuilder list = new StringBuilder();
                try (ResultSet rs = st.executeQuery(ids)) {
                    while (rs.next()) {
                        list.append(list.length() == 0 ? "" : ",").append(rs.getString(1));
                    }
                }

                c.setAutoCommit(false);
                // every claim statement is rolled back, so the data stays as loaded
                explain(st, "claimSlaChecks, the claim (custom plan, 100 rows)", String.format(claim, now, 100));
                c.rollback();
                explain(st, "claimSlaChecks, the update of one claimed row (custom plan)",
                        String.format(update, now + " + interval '5 minutes'", id));
                c.rollback();
                st.execute("PREPARE claim(timestamptz, int) AS " + String.format(claim, "$1", "$2"));
                st.execute("PREPARE moveon(timestamptz, varchar) AS " + String.format(update, "$1", "$2"));
                st.execute("PREPARE dueby(timestamptz, int) AS " + String.format(dueBy, "$1", "$2"));
                st.execute("SET plan_cache_mode = force_generic_plan");
                explain(st, "claimSlaChecks, the claim: generic plan of the prepared statement",
                        "EXECUTE claim(" + now + ", 100)");
                c.rollback();
                st.execute("SET plan_cache_mode = force_generic_plan");
                explain(st, "claimSlaChecks, the update of one claimed row: generic plan",
                        "EXECUTE moveon(" + now + " + interval '5 minutes', " + id + ")");
                c.rollback();
                c.setAutoCommit(true);

                explain(st, "ticketsDueBy (custom plan, 100 rows)", String.format(dueBy, now, 100));
                st.execute("SET plan_cache_mode = force_generic_plan");
                explain(st, "ticketsDueBy: generic plan of the prepared statement", "EXECUTE dueby(" + now + ", 100)");
                st.execute("RESET plan_cache_mode");
                explain(st, "baseline of SlaWatcherBenchmark: 100 rows by primary key",
                        "SELECT ticket_id, next_due_at, next_check_at FROM support_sla_schedule WHERE ticket_id = "
                                + "ANY('{" + list + "}'::varchar[])");
                st.execute("DEALLOCATE ALL");
            }
        }
    }

    private static void explain(Statement st, String title, String sql) throws SQLException {
        System.out.println();
        System.out.println("== " + title + ": " + (sql.length() > 300 ? sql.substring(0, 300) + "..." : sql));
        for (int run = 0; run < 3; run++) {
            // the last of three runs, so the plan is shown with warm caches
            StringBuilder out = new StringBuilder();
            try (ResultSet rs = st.executeQuery("EXPLAIN (ANALYZE, BUFFERS) " + sql)) {
                while (rs.next()) {
                    String line = rs.getString(1);
                    out.append(line.length() > 200 ? line.substring(0, 200) + "..." : line).append('\n');
                }
            }
            if (run == 2) {
                System.out.print(out);
            }
        }
    }
}
