package za.co.proconnectsa.support.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import za.co.proconnectsa.support.jdbc.Dialect;
import za.co.proconnectsa.support.jdbc.JdbcTicketStore;

/**
 * The SLA watcher's data set: {@code n} tickets loaded by {@link QueueDataset} (layout UNIFORM: 20% active) and one
 * {@code support_sla_schedule} row per ticket, so the schedule's foreign key to the tickets holds. The schedule is
 * filled with one {@code INSERT ... SELECT} over the tickets, its two secondary indexes dropped first and re-created
 * from their own definitions afterwards (as {@link QueueDataset} does), then analysed.
 *
 * <p>Values are deterministic (hashes of the ticket's seq), relative to the fixed instant {@link #NOW}
 * (Monday 15 December 2025, 09:00 in Johannesburg, just after the last ticket was created):
 * <ul>
 *   <li>NEW and OPEN tickets (10% of all) have running clocks: {@code next_due_at} spread evenly from one day
 *       before {@link #NOW} to four days after it (a fifth of them overdue), {@code next_check_at} spread evenly from
 *       12 hours before {@link #NOW} to 7.5 days after it, so about 6,700 checks are due at {@link #NOW} (a watcher
 *       that is catching up);</li>
 *   <li>PENDING and ON_HOLD tickets (10%) are paused, RESOLVED and CLOSED ones (80%) have no clock running: both
 *       columns are NULL for them, as {@code SlaTracker} saves them.</li>
 * </ul>
 *
 * <p>{@link #open(long)} keeps the data directory under {@code benchmarks/target/queue-db/sla-<n>/} and reloads it
 * only when the store's schema changed; it then puts every {@code next_check_at} back to its loaded value (a
 * benchmark's claims move them) and vacuums.
 */
final class SlaScheduleDataset {

    /** The instant the data set is built around: Monday 15 December 2025, 09:00 SAST. */
    static final Instant NOW = Instant.parse("2025-12-15T07:00:00Z");

    private static final String T0 = "timestamptz '" + NOW + "'";
    private static final String RUNNING = "t.status IN ('NEW', 'OPEN')";
    private static final String DUE = "CASE WHEN " + RUNNING + " THEN " + T0
            + " + ((hashint8extended(t.seq, 11) & 9223372036854775807) % 7200 - 1440) * interval '1 minute' END";
    private static final String CHECK = "CASE WHEN " + RUNNING + " THEN " + T0
            + " + ((hashint8extended(t.seq, 12) & 9223372036854775807) % 11520 - 720) * interval '1 minute' END";

    private SlaScheduleDataset() {
    }

    /**
     * Starts PostgreSQL on the kept data set, loading it the first time (about five minutes for 1,000,000 tickets on
     * a 2-core machine), and resets the checks a previous run claimed.
     *
     * @param n how many tickets (and schedule rows)
     * @return the running database with the store's schema and the data
     * @throws SQLException when loading fails
     * @throws IOException  when the data directory cannot be written
     */
    static EmbeddedDatabase open(long n) throws SQLException, IOException {
        String schema = Integer.toHexString(JdbcTicketStore.schemaSql(Dialect.POSTGRESQL, JdbcTicketStore.DEFAULT_PREFIX)
                .hashCode());
        Path dir = QueueDataset.keptDirectory("sla-" + n);
        Path marker = dir.resolveSibling(dir.getFileName() + ".loaded");
        boolean loaded = Files.exists(marker) && Files.readString(marker).strip().equals(schema);
        if (!loaded) {
            deleteTree(dir);
            Files.deleteIfExists(marker);
            Files.createDirectories(dir.getParent());
        }
        EmbeddedDatabase database = EmbeddedDatabase.start(dir);
        try {
            JdbcTicketStore.create(database.dataSource());
            if (!loaded) {
                QueueDataset.Report tickets = QueueDataset.load(database.dataSource(), n, QueueDataset.Layout.UNIFORM);
                long t0 = System.nanoTime();
                long rows = loadSchedules(database);
                System.out.println();
                System.out.printf(Locale.ROOT, "PostgreSQL %s: %s; %,d SLA schedule rows in %.1f s%n",
                        database.serverVersion(), tickets, rows, (System.nanoTime() - t0) / 1e9);
                Files.writeString(marker, schema, StandardCharsets.UTF_8);
            } else {
                reset(database);
            }
            return database;
        } catch (SQLException | RuntimeException e) {
            database.close();
            throw e;
        }
    }

    private static long loadSchedules(EmbeddedDatabase database) throws SQLException {
        try (Connection c = database.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute("SET maintenance_work_mem = '512MB'");
            List<String> indexes = new ArrayList<>();
            List<String> names = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = "
                    + "current_schema() AND tablename = 'support_sla_schedule' AND indexname NOT IN "
                    + "(SELECT conname FROM pg_constraint WHERE conrelid = 'support_sla_schedule'::regclass)")) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                    indexes.add(rs.getString(2));
                }
            }
            for (String name : names) {
                st.execute("DROP INDEX " + name);
            }
            long rows = st.executeUpdate("INSERT INTO support_sla_schedule (ticket_id, next_due_at, next_check_at) "
                    + "SELECT t.id, " + DUE + ", " + CHECK + " FROM support_tickets t ORDER BY t.seq");
            for (String index : indexes) {
                st.execute(index);
            }
            st.execute("VACUUM (ANALYZE) support_sla_schedule");
            return rows;
        }
    }

    /** Puts back every check a benchmark's claims moved, then vacuums and analyses the schedule. */
    static void reset(EmbeddedDatabase database) throws SQLException {
        try (Connection c = database.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE support_sla_schedule s SET next_check_at = " + CHECK + " FROM support_tickets t "
                    + "WHERE t.id = s.ticket_id AND " + RUNNING + " AND s.next_check_at IS DISTINCT FROM " + CHECK);
            st.execute("VACUUM (ANALYZE) support_sla_schedule");
        }
    }

    /**
     * @param database the database
     * @return how many checks are due at {@link #NOW}
     * @throws SQLException from the driver
     */
    static long dueChecks(EmbeddedDatabase database) throws SQLException {
        try (Connection c = database.dataSource().getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM support_sla_schedule WHERE next_check_at <= " + T0)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
