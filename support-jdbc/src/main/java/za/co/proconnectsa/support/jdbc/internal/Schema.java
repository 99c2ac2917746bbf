package za.co.proconnectsa.support.jdbc.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import za.co.proconnectsa.support.SupportException;
import za.co.proconnectsa.support.jdbc.Dialect;

/** Creates or checks the schema from the versioned SQL shipped in the jar. */
public final class Schema {

    /** The schema version this library writes and expects. */
    public static final int VERSION = 2;

    private static final Logger LOG = LoggerFactory.getLogger(Schema.class);
    private static final String[] TABLES = {"counters", "jobs", "tickets", "messages", "attachments", "audit_events", "idempotency_keys",
        "whatsapp_processed", "whatsapp_conversations", "whatsapp_contacts", "whatsapp_messages", "outbox",
        "sla_schedule", "sla_events", "agents", "assignment_rotations", "marketing_consent", "data_subject_requests",
        "stored_attachments", "satisfaction_surveys", "conversation_surveys", "ticket_facts",
        "schema_version"};
    /** The analytics facts, filled from the tickets and audit events by the schema's one INSERT into it. */
    private static final String FACTS = "ticket_facts";

    private Schema() {
    }

    /**
     * @param dialect the database
     * @param prefix  the table prefix
     * @return the schema's SQL, statements separated by ";" at the end of a line
     */
    public static String sql(Dialect dialect, String prefix) {
        if (dialect == Dialect.MYSQL) {
            throw new SupportException("No schema ships for MySQL yet; JdbcTicketStore supports H2, PostgreSQL and MariaDB");
        }
        String resource = "/za/co/proconnectsa/support/jdbc/schema/" + dialect.name().toLowerCase(Locale.ROOT)
                + "-v" + VERSION + ".sql";
        try (InputStream in = Schema.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new SupportException("The schema resource " + resource + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${prefix}", prefix);
        } catch (IOException e) {
            throw new SupportException("Could not read the schema resource " + resource, e);
        }
    }

    /**
     * Creates whatever is missing. Every statement is "IF NOT EXISTS", so two instances starting at once
     * are safe.
     *
     * @param c       a connection in auto-commit mode
     * @param sql     the store's SQL
     * @param prefix  the table prefix
     * @throws SQLException when a statement fails
     */
    public static void create(Connection c, Sql sql, String prefix) throws SQLException {
        Integer found = version(c, prefix);
        if (found != null) {
            requireVersion(found, prefix);
            // first, so that the statements below may index a column added since the table was made
            addMissingColumns(c, sql.dialect(), prefix);
        }
        // every statement is "IF NOT EXISTS": on a schema of this version they add only the tables added to it since
        List<String> statements = statements(sql(sql.dialect(), prefix));
        // the facts are filled from the tickets when the table is made, so upgrading loses no history; once it exists,
        // every unit of work keeps it up to date and the fill (a scan of every ticket) is not run again
        boolean factsExisted = exists(c, prefix + FACTS);
        String fill = "INSERT INTO " + prefix + FACTS + " ";
        try (Statement st = c.createStatement()) {
            for (String statement : statements) {
                if (!statement.startsWith(fill)) {
                    st.execute(statement);
                } else if (!factsExisted) {
                    fill(st, statement, prefix);
                }
            }
        }
        if (found != null) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + prefix
                + "schema_version (version, applied_at) VALUES (?, ?)")) {
            ps.setInt(1, VERSION);
            Rows.setInstant(ps, 2, Instant.now(), sql.dialect());
            ps.executeUpdate();
        } catch (SQLException raced) {
            // another instance created the schema at the same moment and wrote the row first
            if (version(c, prefix) == null) {
                throw raced;
            }
        }
        LOG.info("Created the support schema version {} with table prefix '{}'", VERSION, prefix);
    }

    /**
     * Columns added to this version's tables after they first shipped: added, with a default for the rows already
     * there, to a table that lacks them. Each is looked for first, so that a start on an up-to-date schema takes no
     * table lock (an ALTER TABLE would, even with IF NOT EXISTS).
     */
    private static void addMissingColumns(Connection c, Dialect dialect, String prefix) throws SQLException {
        String text = switch (dialect) {
            case POSTGRESQL -> "TEXT";
            case MARIADB -> "MEDIUMTEXT";
            default -> "CHARACTER VARYING";
        };
        // the outbox's Debezium columns: rows written before them keep an empty payload (the relay never reads it)
        addColumnIfMissing(c, prefix + "outbox", "aggregate_type", "VARCHAR(40) NOT NULL DEFAULT 'ticket'");
        addColumnIfMissing(c, prefix + "outbox", "payload", text + " NOT NULL DEFAULT ''");
        // the record a job is about (a send's transcript line): jobs queued before it have none; the schema's
        // statements index it next
        addColumnIfMissing(c, prefix + "jobs", "about_ref", "VARCHAR(200)");
    }

    /** Adds a column to a table that exists and lacks it (a table still missing is made whole by its CREATE). */
    private static void addColumnIfMissing(Connection c, String table, String column, String definition)
            throws SQLException {
        // the table is looked for only when the column is not there: a start on an up-to-date schema reads once
        if (readable(c, "SELECT " + column + " FROM " + table) || !exists(c, table)) {
            return;
        }
        // the column is not there (any other fault shows again in the ALTER TABLE below)
        try (Statement st = c.createStatement()) {
            st.execute("ALTER TABLE " + table + " ADD COLUMN IF NOT EXISTS " + column + " " + definition);
        }
        LOG.info("Added the column {} to {}", column, table);
    }

    /**
     * Checks that every table is there at the expected version.
     *
     * @param c      a connection in auto-commit mode
     * @param prefix the table prefix
     * @throws SQLException when the check itself fails
     */
    public static void validate(Connection c, String prefix) throws SQLException {
        Integer found = version(c, prefix);
        if (found == null) {
            throw new SupportException("The support schema is missing (no " + prefix + "schema_version table); build the "
                    + "store with SchemaMode.CREATE or apply the SQL from JdbcTicketStore.schemaSql(...)");
        }
        requireVersion(found, prefix);
        List<String> missing = new ArrayList<>();
        for (String table : TABLES) {
            if (!exists(c, prefix + table)) {
                missing.add(prefix + table);
            }
        }
        if (!missing.isEmpty()) {
            throw new SupportException("The support schema is incomplete; missing tables: " + missing);
        }
    }

    /**
     * Runs the facts' fill. Another instance may write facts rows meanwhile (filling too, or changing a ticket): the
     * fill then meets one of its rows and fails as a whole, and is run again, adding only the rows still missing.
     */
    private static void fill(Statement st, String statement, String prefix) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try {
                int rows = st.executeUpdate(statement);
                if (rows > 0) {
                    LOG.info("Filled {}{} with the analytics facts of {} existing tickets", prefix, FACTS, rows);
                }
                return;
            } catch (SQLException raced) {
                if (!Tx.isUniqueViolation(raced) || attempt == 5) {
                    throw raced;
                }
            }
        }
    }

    private static boolean exists(Connection c, String table) {
        return readable(c, "SELECT 1 FROM " + table);
    }

    /** Whether the query (a SELECT without WHERE) runs: its table and columns are there. Reads no row. */
    private static boolean readable(Connection c, String select) {
        try (Statement st = c.createStatement()) {
            st.executeQuery(select + " WHERE 1 = 0").close();
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static void requireVersion(int found, String prefix) {
        if (found != VERSION) {
            throw new SupportException("The support schema with prefix '" + prefix + "' is at version " + found
                    + " but this library needs version " + VERSION);
        }
    }

    private static Integer version(Connection c, String prefix) {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT MAX(version) FROM " + prefix + "schema_version")) {
            if (rs.next()) {
                int v = rs.getInt(1);
                return rs.wasNull() ? null : v;
            }
            return null;
        } catch (SQLException e) {
            return null; // no such table
        }
    }

    static List<String> statements(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("--") || trimmed.isEmpty()) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String statement = current.toString().strip();
                out.add(statement.substring(0, statement.length() - 1));
                current.setLength(0);
            }
        }
        return out;
    }
}
