package za.co.proconnectsa.support.jdbc.internal;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import za.co.proconnectsa.support.jdbc.Dialect;

/** The SQL text of one store: table prefix and dialect applied once, at build time. */
public final class Sql {

    static final String TICKET_COLUMNS = "id, seq, number, subject, body, category, priority, status, origin, "
            + "requester_id, assignee_id, tags, fingerprint, created_at, updated_at, first_responded_at, version";
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    /** The escape clause of every {@link #containsPattern} comparison. */
    public static final String LIKE_ESCAPE = "ESCAPE '!'";

    private final Dialect dialect;
    private final String p;

    /**
     * @param dialect the database
     * @param prefix  the table prefix
     */
    public Sql(Dialect dialect, String prefix) {
        this.dialect = dialect;
        this.p = prefix;
    }

    /** @return the dialect */
    public Dialect dialect() {
        return dialect;
    }

    /**
     * @param counter a row of the counters table
     * @return the statement that moves the counter on by one; its row stays locked until the unit commits
     */
    public String bumpCounter(String counter) {
        return "UPDATE " + p + "counters SET counter_value = counter_value + 1 WHERE counter_name = '" + counter + "'"
                + (dialect == Dialect.POSTGRESQL ? " RETURNING counter_value" : "");
    }

    /**
     * @param counter a row of the counters table
     * @return the query of its value
     */
    public String counterValue(String counter) {
        return "SELECT counter_value FROM " + p + "counters WHERE counter_name = '" + counter + "'";
    }

    /**
     * @param tickets how many tickets
     * @return the statement that stamps tickets with a change position
     */
    public String stampChange(int tickets) {
        return "UPDATE " + p + "tickets SET change_seq = ? WHERE id IN (" + placeholders(tickets) + ")";
    }

    /** @return tickets changed after a position, by position, with a LIMIT parameter */
    public String changesSince() {
        return "SELECT " + TICKET_COLUMNS + ", change_seq FROM " + p + "tickets WHERE change_seq > ? "
                + "ORDER BY change_seq, seq LIMIT ?";
    }

    /**
     * @param sequence a sequence's name without the prefix, e.g. {@code conversation_number_seq}
     * @return the query for its next value
     */
    public String nextValue(String sequence) {
        return switch (dialect) {
            case POSTGRESQL -> "SELECT nextval('" + p + sequence + "')";
            case MARIADB -> "SELECT NEXTVAL(" + p + sequence + ")";
            default -> "SELECT NEXT VALUE FOR " + p + sequence;
        };
    }

    public String insertTicket() {
        return "INSERT INTO " + p + "tickets (" + TICKET_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    }

    public String updateTicket() {
        return "UPDATE " + p + "tickets SET subject = ?, body = ?, category = ?, priority = ?, status = ?, origin = ?, "
                + "requester_id = ?, assignee_id = ?, tags = ?, fingerprint = ?, updated_at = ?, first_responded_at = ?, "
                + "version = ? WHERE id = ? AND version = ?";
    }

    public String versionOf() {
        return "SELECT version FROM " + p + "tickets WHERE id = ?";
    }

    public String ticketBy(String column) {
        return selectTickets() + " WHERE " + column + " = ?";
    }

    public String ticketByIdempotencyKey() {
        return "SELECT t." + TICKET_COLUMNS.replace(", ", ", t.") + " FROM " + p + "tickets t JOIN " + p
                + "idempotency_keys k ON k.ticket_id = t.id WHERE k.scope = ? AND k.idem_key = ?";
    }

    public String insertProcessed() {
        return "INSERT INTO " + p + "whatsapp_processed (message_id, processed_at) VALUES (?, ?)";
    }

    public String deleteProcessed() {
        return "DELETE FROM " + p + "whatsapp_processed WHERE message_id = ?";
    }

    /** @return deletes the processed message ids recorded before a time */
    public String purgeProcessed() {
        return "DELETE FROM " + p + "whatsapp_processed WHERE processed_at < ?";
    }

    public String insertIdempotencyKey() {
        return "INSERT INTO " + p + "idempotency_keys (scope, idem_key, ticket_id) VALUES (?, ?, ?)";
    }

    public String insertAttachment() {
        return "INSERT INTO " + p + "attachments (ticket_id, message_id, name, content_type, size_bytes, reference) "
                + "VALUES (?, ?, ?, ?, ?, ?)";
    }

    public String ticketAttachments(int tickets) {
        return "SELECT ticket_id, name, content_type, size_bytes, reference FROM " + p + "attachments WHERE ticket_id IN ("
                + placeholders(tickets) + ") AND message_id IS NULL ORDER BY pos";
    }

    public String messageAttachments() {
        return "SELECT message_id, name, content_type, size_bytes, reference FROM " + p + "attachments "
                + "WHERE ticket_id = ? AND message_id IS NOT NULL ORDER BY pos";
    }

    public String insertMessage() {
        return "INSERT INTO " + p + "messages (id, ticket_id, author_id, author_role, author_name, body, visibility, "
                + "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    }

    public String messages() {
        return "SELECT id, ticket_id, author_id, author_role, author_name, body, visibility, created_at FROM " + p
                + "messages WHERE ticket_id = ? ORDER BY created_at, pos";
    }

    public String insertAudit() {
        return "INSERT INTO " + p + "audit_events (ticket_id, actor_id, actor_role, actor_name, action, before_value, "
                + "after_value, visibility, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    }

    public String auditTrail() {
        return "SELECT ticket_id, actor_id, actor_role, actor_name, action, before_value, after_value, visibility, at FROM "
                + p + "audit_events WHERE ticket_id = ? ORDER BY at, pos";
    }

    public String activeDuplicate() {
        return selectTickets() + " WHERE requester_id = ? AND fingerprint = ? "
                + "AND status NOT IN ('RESOLVED', 'CLOSED') AND created_at >= ? ORDER BY seq DESC " + limit(1);
    }

    public String selectTickets() {
        return "SELECT " + TICKET_COLUMNS + " FROM " + p + "tickets";
    }

    /**
     * The text-search predicate over subject and body, with one parameter.
     *
     * @return the SQL fragment
     */
    public String textPredicate() {
        return switch (dialect) {
            case POSTGRESQL -> "to_tsvector('simple', subject || ' ' || body) @@ plainto_tsquery('simple', ?)";
            case MARIADB -> "MATCH (subject, body) AGAINST (? IN BOOLEAN MODE)";
            default -> "(LOWER(subject) LIKE ? " + LIKE_ESCAPE + " OR LOWER(body) LIKE ? " + LIKE_ESCAPE + ")";
        };
    }

    /**
     * @param text the host's search text
     * @return the parameter values for {@link #textPredicate()}
     */
    public List<String> textParameters(String text) {
        return switch (dialect) {
            case POSTGRESQL -> List.of(text);
            case MARIADB -> List.of(booleanModeQuery(text));
            default -> {
                String like = containsPattern(text);
                yield List.of(like, like);
            }
        };
    }

    /** Every word required ("+word"); operators in the host's text are dropped, never interpreted. */
    private static String booleanModeQuery(String text) {
        StringBuilder out = new StringBuilder();
        for (String word : NON_WORD.split(text.strip())) {
            if (!word.isEmpty()) {
                out.append(out.length() == 0 ? "" : " ").append('+').append(word);
            }
        }
        return out.length() == 0 ? "\"\"" : out.toString();
    }

    /**
     * @param text a search text
     * @return a {@code LIKE} pattern, for {@link #LIKE_ESCAPE}, matching any lower-cased text that contains it
     *         literally ('%', '_' and '!' in it match themselves)
     */
    public static String containsPattern(String text) {
        // '!' escapes, not a backslash: MariaDB reads a backslash inside a literal as an escape of its own
        return "%" + text.toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }

    public String limit(int rows) {
        return "LIMIT " + rows;
    }

    /** @param n how many @return "?, ?, ..." */
    public static String placeholders(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }
}
