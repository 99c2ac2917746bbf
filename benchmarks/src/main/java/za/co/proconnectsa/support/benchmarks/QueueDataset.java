package za.co.proconnectsa.support.benchmarks;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import za.co.proconnectsa.support.jdbc.Dialect;
import za.co.proconnectsa.support.jdbc.JdbcTicketStore;

/**
 * Fills the store's {@code support_tickets} table (created by {@code JdbcTicketStore.create}) with
 * {@code n} realistic tickets with {@code INSERT ... SELECT ... FROM generate_series(...)} (two halves on two
 * connections, one per core), the way a bulk restore would: the table's secondary indexes (everything but the primary key and the unique
 * constraints) are dropped first and re-created afterwards from their own definitions
 * ({@code pg_indexes.indexdef}), so the schema ends up exactly as the store created it. The analytics facts
 * ({@code support_ticket_facts}, one row per ticket) are then written by the schema's own fill statement, the one
 * the store runs when it creates the table on a database with tickets, so each row is what the store writes in the
 * ticket's unit of work ({@code QueueDatasetTest} checks them against the store). Then the ticket-number sequence is
 * set past the data and the tables are vacuumed and analysed.
 *
 * <p>The values are deterministic (hashes of the row number, no random()):
 * <ul>
 *   <li>status: 20% active, split evenly over NEW, OPEN, PENDING and ON_HOLD; the rest RESOLVED or
 *       CLOSED. With {@link Layout#UNIFORM} the active tickets are spread uniformly over the whole
 *       number range; with {@link Layout#RECENT} they are all among the newest quarter of the tickets
 *       (80% of that quarter is active), as in a real help desk where old tickets are closed;</li>
 *   <li>category: BILLING, TECHNICAL, ACCOUNT, GENERAL evenly; priority 20% LOW, 55% NORMAL, 20% HIGH,
 *       5% URGENT; origin evenly over WEB, WHATSAPP, EMAIL, PHONE, API;</li>
 *   <li>requester: one of 50,000 providers; assignee: none for NEW tickets, otherwise one of 25 agents;</li>
 *   <li>subject and body: one of 8 realistic requests with a reference number (bodies of ~200 characters);
 *       tags: 10% "vip", 10% "billing"+"refund"; fingerprint: SHA-256 hex of the row number;</li>
 *   <li>seq = the row number, number = "PCS-" + at least 6 digits (as {@code TicketNumberFormat.DEFAULT}),
 *       created every 30 s from 2025-01-01, updated and first responded later unless NEW.</li>
 * </ul>
 */
final class QueueDataset {

    /** The system property naming the directory kept data sets live under (the smoke test's own target directory). */
    static final String DATA_PROPERTY = "benchmarks.data";

    /** Where the active tickets are in the number range. */
    enum Layout {
        /** Active tickets spread uniformly over all numbers. */
        UNIFORM,
        /** Active tickets only among the newest 25% of numbers (old tickets are closed). */
        RECENT
    }

    /**
     * @param name a data set's name
     * @return its kept data directory: under {@code benchmarks/target/queue-db/} of the directory the run started in,
     *         or under the directory the system property {@value #DATA_PROPERTY} names
     */
    static Path keptDirectory(String name) {
        String root = System.getProperty(DATA_PROPERTY);
        Path base = root == null ? Path.of("benchmarks", "target", "queue-db") : Path.of(root);
        return base.resolve(name).toAbsolutePath();
    }

    /**
     * What loading took.
     *
     * @param rows         tickets inserted
     * @param active       of which active (NEW, OPEN, PENDING, ON_HOLD)
     * @param insertMillis the INSERT ... SELECT
     * @param indexMillis  re-creating the secondary indexes
     * @param factsMillis  the analytics facts' INSERT ... SELECT
     * @param vacuumMillis VACUUM ANALYZE
     * @param totalMillis  everything, including the sequence and the drop of the indexes
     */
    record Report(long rows, long active, long insertMillis, long indexMillis, long factsMillis, long vacuumMillis,
            long totalMillis) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%,d tickets (%,d active) loaded in %.1f s: insert %.1f s, "
                    + "%s %.1f s, facts %.1f s, vacuum analyze %.1f s", rows, active, totalMillis / 1000.0,
                    insertMillis / 1000.0, "secondary indexes", indexMillis / 1000.0, factsMillis / 1000.0,
                    vacuumMillis / 1000.0);
        }
    }

    private QueueDataset() {
    }

    private static String insertSql(Layout layout) {
        String active = layout == Layout.UNIFORM
                ? "h1 % 100 < 20"
                : "i > n * 3 / 4 AND h1 % 100 < 80";
        return """
            INSERT INTO support_tickets (id, seq, number, subject, body, category, priority, status, origin,
                requester_id, assignee_id, tags, fingerprint, created_at, updated_at, first_responded_at, version)
            SELECT gen_random_uuid()::text,
                   i,
                   'PCS-' || lpad(i::text, greatest(6, length(i::text)), '0'),
                   subject,
                   subject || '. ' || (ARRAY[
                       'Hi support, this started yesterday afternoon and happens every time I try. I am on Android 14 with the latest app.',
                       'Good day, I need this sorted before month end please, my clients are waiting for quotes and invoices.',
                       'Hello, I tried logging out and in again and clearing the cache as the help page says, no change.',
                       'Morning, see the screenshot I sent on WhatsApp earlier. It shows the same message on my laptop too.',
                       'Hi there, a customer in Durban North phoned me about this, can you check what they see on their side?',
                       'Please call me back when you can, I am on site until 4pm. Thanks for the quick help last time.',
                       'This is the second time this month. I have been a Pro member for three years, please escalate.',
                       'Quick one: is this a known problem? Several providers in our WhatsApp group have the same issue.'
                   ])[1 + h2 % 8] || ' Ref ' || i,
                   (ARRAY['BILLING', 'TECHNICAL', 'ACCOUNT', 'GENERAL'])[1 + h4 % 4],
                   CASE WHEN h5 % 100 < 20 THEN 'LOW' WHEN h5 % 100 < 75 THEN 'NORMAL'
                        WHEN h5 % 100 < 95 THEN 'HIGH' ELSE 'URGENT' END,
                   status,
                   (ARRAY['WEB', 'WHATSAPP', 'EMAIL', 'PHONE', 'API'])[1 + h6 % 5],
                   'provider-' || (h3 % 50000),
                   CASE WHEN status = 'NEW' THEN NULL ELSE 'agent-' || lpad((h4 / 4 % 25)::text, 2, '0') END,
                   CASE h1 / 100 % 10 WHEN 0 THEN 'vip' WHEN 1 THEN E'billing\\nrefund' ELSE '' END,
                   encode(sha256(int8send(i)), 'hex'),
                   created,
                   CASE WHEN status = 'NEW' THEN created ELSE created + (h2 % 4320) * interval '1 minute' END,
                   CASE WHEN status = 'NEW' THEN NULL ELSE created + (1 + h6 % 240) * interval '1 minute' END,
                   CASE WHEN status = 'NEW' THEN 1 ELSE 2 + h1 % 4 END
            FROM (
                SELECT i, h1, h2, h3, h4, h5, h6, h7, h8,
                       timestamptz '2025-01-01 00:00:00+00' + i * interval '30 seconds' AS created,
                       (ARRAY['Charged twice for my subscription', 'Cannot log in to the provider app',
                              'Leads page shows a 500 error', 'How do I add a second service area',
                              'App crashes when I open messages', 'Please update my banking details',
                              'Customer left an unfair review', 'Quote PDF does not download'])[1 + h7 % 8] AS subject,
                       CASE WHEN {ACTIVE} THEN (ARRAY['NEW', 'OPEN', 'PENDING', 'ON_HOLD'])[1 + h8 % 4]
                            ELSE (ARRAY['RESOLVED', 'CLOSED'])[1 + h8 % 2] END AS status
                FROM (SELECT ?::bigint AS n) AS total,
                     generate_series(?::bigint, ?::bigint) AS i,
                     LATERAL (SELECT hashint8extended(i, 1) & 9223372036854775807 AS h1,
                                     hashint8extended(i, 2) & 9223372036854775807 AS h2,
                                     hashint8extended(i, 3) & 9223372036854775807 AS h3,
                                     hashint8extended(i, 4) & 9223372036854775807 AS h4,
                                     hashint8extended(i, 5) & 9223372036854775807 AS h5,
                                     hashint8extended(i, 6) & 9223372036854775807 AS h6,
                                     hashint8extended(i, 7) & 9223372036854775807 AS h7,
                                     hashint8extended(i, 8) & 9223372036854775807 AS h8) AS h
            ) AS g
            """.replace("{ACTIVE}", active);
    }

    /**
     * @param dataSource a database where {@code JdbcTicketStore.create} made the schema, tables empty; a
     *                   pool of at least two connections (the load uses both cores)
     * @param n          how many tickets
     * @param layout     where the active tickets are
     * @return timings
     * @throws SQLException when a statement fails
     */
    static Report load(DataSource dataSource, long n, Layout layout) throws SQLException {
        long start = System.nanoTime();
        ExecutorService workers = Executors.newFixedThreadPool(2);
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            c.setAutoCommit(true);
            List<String> names = new ArrayList<>();
            List<String> gin = new ArrayList<>();
            List<String> btree = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() "
                    + "AND tablename IN ('support_tickets', 'support_ticket_facts') AND indexname NOT IN "
                    + "(SELECT conname FROM pg_constraint WHERE conrelid IN ('support_tickets'::regclass, "
                    + "'support_ticket_facts'::regclass)) ORDER BY indexname")) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                    (rs.getString(2).contains(" USING gin ") ? gin : btree).add(rs.getString(2));
                }
            }
            for (String name : names) {
                st.execute("DROP INDEX " + name);
            }
            long t0 = System.nanoTime();
            // two halves of the number range on two connections
            String insert = insertSql(layout);
            inParallel(workers, dataSource, List.of(
                    List.of(insert, n, 1L, n / 2),
                    List.of(insert, n, n / 2 + 1, n)));
            long tf = System.nanoTime();
            // the facts before their secondary index, as the tickets
            st.execute(factsFill());
            long t1 = System.nanoTime();
            // the full-text GIN index (to_tsvector on every row, single-threaded) on one connection, the B-trees
            // on the other; CREATE INDEX takes a SHARE lock, so both build at once
            inParallel(workers, dataSource, List.of(List.copyOf(gin), List.copyOf(btree)));
            long t2 = System.nanoTime();
            st.execute("UPDATE support_counters SET counter_value = " + n + " WHERE counter_name = 'ticket_number'");
            st.execute("VACUUM (ANALYZE) support_tickets");
            st.execute("VACUUM (ANALYZE) support_ticket_facts");
            long t3 = System.nanoTime();
            long active;
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM support_tickets WHERE status IN "
                    + "('NEW', 'OPEN', 'PENDING', 'ON_HOLD')")) {
                rs.next();
                active = rs.getLong(1);
            }
            return new Report(n, active, ms(tf - t0), ms(t2 - t1), ms(t1 - tf), ms(t3 - t2), ms(t3 - start));
        } finally {
            workers.shutdownNow();
        }
    }

    /**
     * @return the schema's statement that fills the analytics facts from the tickets and their audit events, as the
     *         store runs it when it creates the facts table (PostgreSQL, default prefix)
     */
    static String factsFill() {
        String schema = JdbcTicketStore.schemaSql(Dialect.POSTGRESQL, JdbcTicketStore.DEFAULT_PREFIX);
        int start = schema.indexOf("INSERT INTO " + JdbcTicketStore.DEFAULT_PREFIX + "ticket_facts ");
        if (start < 0) {
            throw new IllegalStateException("the schema has no statement filling the analytics facts");
        }
        return schema.substring(start, schema.indexOf(";\n", start));
    }

    /**
     * Runs each list on its own connection, at the same time: a list is either SQL statements, or one
     * statement followed by its long parameters.
     */
    private static void inParallel(ExecutorService workers, DataSource dataSource, List<List<?>> jobs) throws SQLException {
        List<Future<?>> running = new ArrayList<>();
        for (List<?> job : jobs) {
            running.add(workers.submit(() -> {
                try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
                    c.setAutoCommit(true);
                    st.execute("SET maintenance_work_mem = '512MB'");
                    if (job.size() > 1 && job.get(1) instanceof Long) {
                        try (PreparedStatement ps = c.prepareStatement((String) job.get(0))) {
                            for (int i = 1; i < job.size(); i++) {
                                ps.setLong(i, (Long) job.get(i));
                            }
                            ps.executeUpdate();
                        }
                    } else {
                        for (Object sql : job) {
                            long i0 = System.nanoTime();
                            st.execute((String) sql);
                            if (Boolean.getBoolean("dataset.verbose")) {
                                System.out.println(ms(System.nanoTime() - i0) + " ms: " + sql);
                            }
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted while loading", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof SQLException sql ? sql : new SQLException(e.getCause());
            }
        }
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }
}
