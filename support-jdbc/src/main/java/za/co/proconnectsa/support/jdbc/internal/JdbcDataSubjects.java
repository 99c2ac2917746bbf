package za.co.proconnectsa.support.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.access.Role;
import za.co.proconnectsa.support.conversation.Conversation;
import za.co.proconnectsa.support.conversation.ConversationMessage;
import za.co.proconnectsa.support.conversation.MessageDelivery;
import za.co.proconnectsa.support.event.DeadLetter;
import za.co.proconnectsa.support.event.EventPayload;
import za.co.proconnectsa.support.event.OutboxEntry;
import za.co.proconnectsa.support.event.TicketEvent;
import za.co.proconnectsa.support.jdbc.Dialect;
import za.co.proconnectsa.support.privacy.ConsentChoice;
import za.co.proconnectsa.support.privacy.ConsentEntry;
import za.co.proconnectsa.support.privacy.DataSubject;
import za.co.proconnectsa.support.privacy.DataSubjectRequest;
import za.co.proconnectsa.support.sla.SlaTargetType;
import za.co.proconnectsa.support.spi.ConversationStore;
import za.co.proconnectsa.support.queue.Job;
import za.co.proconnectsa.support.spi.DataSubjectRecords;
import za.co.proconnectsa.support.spi.DataSubjectStore;
import za.co.proconnectsa.support.spi.Redaction;
import za.co.proconnectsa.support.spi.TicketStore;
import za.co.proconnectsa.support.ticket.AuditEvent;
import za.co.proconnectsa.support.ticket.Message;
import za.co.proconnectsa.support.ticket.Ticket;
import za.co.proconnectsa.support.ticket.TicketId;
import za.co.proconnectsa.support.internal.Checks;
import za.co.proconnectsa.support.internal.Text;

/**
 * The records of data subjects: finding and rewriting everything linked to one person, retention purges that claim
 * their rows with {@code FOR UPDATE SKIP LOCKED}, the consent ledger and the trail of requests.
 */
public final class JdbcDataSubjects {

    private final Tx tx;
    private final Dialect dialect;
    private final String p;
    private final TicketStore tickets;
    private final ConversationStore conversations;
    private final Consumer<TicketId> changed;
    private final JdbcFacts facts;

    /**
     * @param tx            the store's transactions
     * @param dialect       the database
     * @param prefix        the table prefix
     * @param tickets       the store, to read tickets with their messages and audit trail
     * @param conversations the store, to read conversations with their transcripts
     * @param changed       notes a ticket the unit changed, for the change feed
     * @param facts         the analytics facts, rewritten with the tickets and deleted with them
     */
    public JdbcDataSubjects(Tx tx, Dialect dialect, String prefix, TicketStore tickets, ConversationStore conversations,
            Consumer<TicketId> changed, JdbcFacts facts) {
        this.tx = tx;
        this.dialect = dialect;
        this.p = prefix;
        this.tickets = tickets;
        this.conversations = conversations;
        this.changed = changed;
        this.facts = facts;
    }

    private static String in(Collection<?> values) {
        return values.isEmpty() ? "(NULL)" : "(" + Sql.placeholders(values.size()) + ")";
    }

    private static int bind(PreparedStatement ps, int from, Collection<String> values) throws SQLException {
        int i = from;
        for (String v : values) {
            ps.setString(i++, v);
        }
        return i;
    }

    private static void bindAll(PreparedStatement ps, List<Collection<String>> params) throws SQLException {
        int i = 1;
        for (Collection<String> values : params) {
            i = bind(ps, i, values);
        }
    }

    private List<String> strings(Connection c, String sql, List<Collection<String>> params) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bindAll(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    private List<String> conversationIds(Connection c, Set<String> ids, Set<String> contacts) throws SQLException {
        return strings(c, "SELECT id FROM " + p + "whatsapp_conversations WHERE requester_id IN " + in(ids)
                + " OR contact IN " + in(contacts) + " ORDER BY seq", List.of(ids, contacts));
    }

    private List<String> ticketIds(Connection c, Set<String> ids, Set<String> contacts) throws SQLException {
        return strings(c, "SELECT id FROM " + p + "tickets WHERE requester_id IN " + in(ids) + " OR id IN (SELECT ticket_id FROM "
                + p + "whatsapp_conversations WHERE requester_id IN " + in(ids) + " OR contact IN " + in(contacts)
                + ") ORDER BY seq", List.of(ids, ids, contacts));
    }

    /** @return everything held about the subject */
    public DataSubjectRecords find(DataSubject subject) {
        Checks.notNull(subject, "subject");
        Set<String> ids = subject.requesterIds();
        return tx.run("reading a data subject's records", c -> {
            List<String> own = ticketIds(c, ids, subject.contacts());
            List<Ticket> found = new ArrayList<>();
            List<Message> messages = new ArrayList<>();
            List<AuditEvent> audit = new ArrayList<>();
            for (String id : own) {
                TicketId ticket = TicketId.parse(id);
                tickets.findById(ticket).ifPresent(found::add);
                messages.addAll(tickets.messages(ticket));
                audit.addAll(tickets.auditTrail(ticket));
            }
            for (String id : strings(c, "SELECT DISTINCT ticket_id FROM " + p + "messages WHERE author_id IN " + in(ids),
                    List.of(ids))) {
                if (!own.contains(id)) {
                    tickets.messages(TicketId.parse(id)).stream().filter(m -> ids.contains(m.author().id()))
                            .forEach(messages::add);
                }
            }
            for (String id : strings(c, "SELECT DISTINCT ticket_id FROM " + p + "audit_events WHERE actor_id IN " + in(ids),
                    List.of(ids))) {
                if (!own.contains(id)) {
                    tickets.auditTrail(TicketId.parse(id)).stream().filter(e -> ids.contains(e.actor().id()))
                            .forEach(audit::add);
                }
            }
            List<Conversation> chats = new ArrayList<>();
            List<ConversationMessage> lines = new ArrayList<>();
            for (String id : conversationIds(c, ids, subject.contacts())) {
                UUID uuid = UUID.fromString(id);
                conversations.findConversation(uuid).ifPresent(chats::add);
                lines.addAll(conversations.conversationMessages(uuid));
            }
            return new DataSubjectRecords(found, messages, audit, chats, lines, pendingOutbox(c, own, ids),
                    deadOutbox(c, own, ids), consent(c, subject.contacts()), requests(c, ids));
        });
    }

    private List<OutboxEntry> pendingOutbox(Connection c, List<String> own, Set<String> ids) throws SQLException {
        List<OutboxEntry> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, event_type, ticket_id, actor_id, actor_role, actor_name, "
                + "message_id, sla_target, occurred_at, attempts FROM " + p + "outbox WHERE dead_at IS NULL AND (ticket_id IN "
                + in(own) + " OR actor_id IN " + in(ids) + ") ORDER BY id")) {
            bind(ps, bind(ps, 1, own), ids);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String message = rs.getString("message_id");
                    String target = rs.getString("sla_target");
                    out.add(new OutboxEntry(rs.getLong("id"), TicketEvent.Type.valueOf(rs.getString("event_type")),
                            TicketId.parse(rs.getString("ticket_id")), actor(rs), Rows.getInstant(rs, "occurred_at", dialect),
                            message == null ? null : UUID.fromString(message), rs.getInt("attempts"),
                            target == null ? null : SlaTargetType.valueOf(target)));
                }
            }
        }
        return out;
    }

    /**
     * Dead entries of their tickets or with them as actor: two index lookups (outbox_ticket, outbox_actor), the same
     * predicate as the pending entries', never a scan of every dead entry.
     */
    private List<DeadLetter> deadOutbox(Connection c, List<String> own, Set<String> ids) throws SQLException {
        String columns = "SELECT id, event_type, ticket_id, occurred_at, attempts, last_error, dead_at FROM " + p + "outbox";
        List<DeadLetter> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(columns + " WHERE ticket_id IN " + in(own)
                + " AND dead_at IS NOT NULL UNION " + columns + " WHERE actor_id IN " + in(ids)
                + " AND dead_at IS NOT NULL ORDER BY id")) {
            bind(ps, bind(ps, 1, own), ids);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new DeadLetter(rs.getLong("id"), rs.getString("event_type"), rs.getString("ticket_id"),
                            Rows.getInstant(rs, "occurred_at", dialect), rs.getInt("attempts"),
                            rs.getString("last_error"), Rows.getInstant(rs, "dead_at", dialect)));
                }
            }
        }
        return out;
    }

    private static Actor actor(ResultSet rs) throws SQLException {
        return new Actor(rs.getString("actor_id"), Role.valueOf(rs.getString("actor_role")), rs.getString("actor_name"));
    }

    private List<ConsentEntry> consent(Connection c, Set<String> contacts) throws SQLException {
        List<ConsentEntry> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT contact, choice, source, actor_id, actor_role, actor_name, "
                + "recorded_at FROM " + p + "marketing_consent WHERE contact IN " + in(contacts)
                + " ORDER BY recorded_at, pos")) {
            bind(ps, 1, contacts);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ConsentEntry(rs.getString("contact"), ConsentChoice.valueOf(rs.getString("choice")),
                            rs.getString("source"), actor(rs), Rows.getInstant(rs, "recorded_at", dialect)));
                }
            }
        }
        return out;
    }

    private List<DataSubjectRequest> requests(Connection c, Set<String> ids) throws SQLException {
        return readRequests(c, "SELECT kind, subject_ref, actor_id, actor_role, actor_name, reason, outcome, requested_at FROM "
                + p + "data_subject_requests WHERE subject_ref IN " + in(ids) + " ORDER BY pos", ids);
    }

    private List<DataSubjectRequest> readRequests(Connection c, String sql, Collection<String> params)
            throws SQLException {
        List<DataSubjectRequest> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, 1, params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new DataSubjectRequest(DataSubjectRequest.Kind.valueOf(rs.getString("kind")),
                            rs.getString("subject_ref"), actor(rs), rs.getString("reason"), rs.getString("outcome"),
                            Rows.getInstant(rs, "requested_at", dialect)));
                }
            }
        }
        return out;
    }

    /** A row read for rewriting: its key and its columns' values, in the order of the update's SET list. */
    private record Row(List<Object> key, List<String> values) {
    }

    private List<Row> rows(Connection c, String sql, int keyColumns, List<Collection<String>> params)
            throws SQLException {
        List<Row> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bindAll(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    // keys keep their type (a BIGINT position, a VARCHAR id): PostgreSQL compares no text to a number
                    List<Object> key = new ArrayList<>();
                    List<String> values = new ArrayList<>();
                    for (int col = 1; col <= n; col++) {
                        if (col <= keyColumns) {
                            key.add(rs.getObject(col));
                        } else {
                            values.add(rs.getString(col));
                        }
                    }
                    out.add(new Row(key, values));
                }
            }
        }
        return out;
    }

    /** Writes each row whose new values differ; @return how many were written. */
    private int rewrite(Connection c, List<Row> rows, String update, java.util.function.UnaryOperator<List<String>> how)
            throws SQLException {
        int written = 0;
        try (PreparedStatement ps = c.prepareStatement(update)) {
            for (Row row : rows) {
                List<String> next = how.apply(row.values());
                if (next.equals(row.values())) {
                    continue;
                }
                int i = 1;
                for (String v : next) {
                    ps.setString(i++, v);
                }
                for (Object k : row.key()) {
                    ps.setObject(i++, k);
                }
                ps.addBatch();
                written++;
            }
            if (written > 0) {
                ps.executeBatch();
            }
        }
        return written;
    }

    /** @return rows changed */
    public int redact(Redaction r) {
        Checks.notNull(r, "redaction");
        Set<String> ids = r.requesterIds();
        Set<String> contacts = r.contacts();
        return tx.run("rewriting a data subject's records", c -> {
            List<String> own = ticketIds(c, ids, contacts);
            List<String> chats = conversationIds(c, ids, contacts);
            int n = 0;
            // the version moves on, so a change read before the redaction cannot write the old text back
            List<Row> ticketRows = rows(c, "SELECT id, subject, body, requester_id FROM " + p + "tickets WHERE id IN "
                    + in(own) + " FOR UPDATE", 1, List.of(own));
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + p + "tickets SET subject = ?, body = ?, "
                    + "requester_id = ?, fingerprint = ?, version = version + 1 WHERE id = ?")) {
                for (Row row : ticketRows) {
                    String subject = r.authored(row.values().get(0));
                    String body = r.authored(row.values().get(1));
                    if (List.of(subject, body, r.requesterId(row.values().get(2))).equals(row.values())) {
                        continue;
                    }
                    ps.setString(1, subject);
                    ps.setString(2, body);
                    ps.setString(3, r.requesterId(row.values().get(2)));
                    ps.setString(4, r.fingerprint(subject, body));
                    ps.setString(5, (String) row.key().get(0));
                    ps.addBatch();
                    changed.accept(TicketId.parse((String) row.key().get(0)));
                    n++;
                }
                if (n > 0) {
                    ps.executeBatch();
                }
            }
            n += rewrite(c, rows(c, "SELECT pos, name, reference FROM " + p + "attachments WHERE ticket_id IN " + in(own), 1,
                    List.of(own)), "UPDATE " + p + "attachments SET name = ?, reference = ? WHERE pos = ?",
                    v -> List.of(Text.truncate(r.authored(v.get(0)), 255), r.text(v.get(1))));
            n += rewrite(c, rows(c, "SELECT id, author_id, author_name, body FROM " + p + "messages WHERE ticket_id IN "
                    + in(own) + " OR author_id IN " + in(ids), 1, List.of(own, ids)),
                    "UPDATE " + p + "messages SET author_id = ?, author_name = ?, body = ? WHERE id = ?", v -> {
                        boolean theirs = r.isSubject(v.get(0));
                        return List.of(r.requesterId(v.get(0)), theirs ? r.name(v.get(1)) : r.text(v.get(1)),
                                theirs ? r.authored(v.get(2)) : r.text(v.get(2)));
                    });
            n += rewrite(c, rows(c, "SELECT pos, actor_id, actor_name, before_value, after_value FROM " + p
                    + "audit_events WHERE ticket_id IN " + in(own) + " OR actor_id IN " + in(ids), 1, List.of(own, ids)),
                    "UPDATE " + p + "audit_events SET actor_id = ?, actor_name = ?, before_value = ?, after_value = ? "
                    + "WHERE pos = ?", v -> nullable(r.requesterId(v.get(0)),
                            r.isSubject(v.get(0)) ? r.name(v.get(1)) : r.text(v.get(1)), r.text(v.get(2)), r.text(v.get(3))));
            // the facts follow the rewritten tickets and events, so the figures add up as before
            facts.write(c, own);
            n += rewrite(c, rows(c, "SELECT scope, idem_key, scope, idem_key FROM " + p + "idempotency_keys WHERE scope IN "
                    + in(ids) + " OR ticket_id IN " + in(own), 2, List.of(ids, own)),
                    "UPDATE " + p + "idempotency_keys SET scope = ?, idem_key = ? WHERE scope = ? AND idem_key = ?",
                    v -> List.of(r.requesterId(v.get(0)), r.text(v.get(1))));
            n += rewrite(c, rows(c, "SELECT id, contact, contact_name, requester_id, active_contact FROM " + p
                    + "whatsapp_conversations WHERE id IN " + in(chats) + " FOR UPDATE", 1, List.of(chats)),
                    "UPDATE " + p + "whatsapp_conversations SET contact = ?, contact_name = ?, requester_id = ?, "
                    + "active_contact = ?, version = version + 1 WHERE id = ?", v -> nullable(r.contact(v.get(0)),
                            r.name(v.get(1)), r.requesterId(v.get(2)),
                            r.pseudonymises() || v.get(3) == null ? null : v.get(3)));
            n += rewrite(c, rows(c, "SELECT pos, contact, author, author_id, author_name, body, delivery_detail FROM " + p
                    + "whatsapp_messages WHERE conversation_id IN " + in(chats), 1, List.of(chats)),
                    "UPDATE " + p + "whatsapp_messages SET contact = ?, author = ?, author_id = ?, author_name = ?, body = ?, "
                    + "delivery_detail = ? WHERE pos = ?", v -> {
                        boolean theirs = ConversationMessage.Author.CUSTOMER.name().equals(v.get(1));
                        return nullable(r.contact(v.get(0)), v.get(1),
                                r.isSubject(v.get(2)) ? r.contact(v.get(2)) : v.get(2),
                                theirs ? r.name(v.get(3)) : r.text(v.get(3)),
                                theirs ? r.authored(v.get(4)) : r.text(v.get(4)), r.text(v.get(5)));
                    });
            n += rewriteOutbox(c, r, own, ids);
            n += rewrite(c, rows(c, "SELECT id, contact, answer_text FROM " + p + "conversation_surveys WHERE contact IN "
                    + in(contacts), 1, List.of(contacts)),
                    "UPDATE " + p + "conversation_surveys SET contact = ?, answer_text = ? WHERE id = ?",
                    v -> nullable(r.contact(v.get(0)), r.authored(v.get(1))));
            n += rewrite(c, rows(c, "SELECT pos, contact, source FROM " + p + "marketing_consent WHERE contact IN "
                    + in(contacts), 1, List.of(contacts)),
                    "UPDATE " + p + "marketing_consent SET contact = ?, source = ? WHERE pos = ?",
                    v -> List.of(r.contact(v.get(0)), r.text(v.get(1))));
            n += rewrite(c, rows(c, "SELECT pos, subject_ref, reason FROM " + p + "data_subject_requests WHERE subject_ref IN "
                    + in(ids), 1, List.of(ids)),
                    "UPDATE " + p + "data_subject_requests SET subject_ref = ?, reason = ? WHERE pos = ?",
                    v -> List.of(r.requesterId(v.get(0)), r.text(v.get(1))));
            n += rewrite(c, rows(c, "SELECT ticket_id, requester_id, answer_text FROM " + p + "satisfaction_surveys"
                    + " WHERE ticket_id IN " + in(own) + " OR requester_id IN " + in(ids), 1, List.of(own, ids)),
                    "UPDATE " + p + "satisfaction_surveys SET requester_id = ?, answer_text = ? WHERE ticket_id = ?",
                    v -> nullable(r.requesterId(v.get(0)), r.authored(v.get(1))));
            // files kept in this database: their names and captions go now, the files with the deletion jobs (a
            // correction leaves files as they were sent, as on every attachment store)
            n += !r.pseudonymises() ? 0 : rewrite(c, rows(c, "SELECT id, file_name, caption, requester_id FROM " + p + "stored_attachments WHERE "
                    + "ticket_id IN " + in(own) + " OR conversation_id IN " + in(chats), 1, List.of(own, chats)),
                    "UPDATE " + p + "stored_attachments SET file_name = ?, caption = ?, requester_id = ? WHERE id = ?",
                    v -> nullable(v.get(0) == null ? null : Text.truncate(r.authored(v.get(0)), 255),
                            v.get(1) == null ? null : r.authored(v.get(1)), v.get(2) == null ? null : r.requesterId(v.get(2))));
            if (r.pseudonymises() && !contacts.isEmpty()) {
                // who the person is on WhatsApp (number, business-scoped user id, username) goes with the erasure
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + p + "whatsapp_contacts WHERE contact IN "
                        + in(contacts) + " OR phone_number IN " + in(contacts) + " OR user_id IN " + in(contacts))) {
                    bind(ps, bind(ps, bind(ps, 1, contacts), contacts), contacts);
                    n += ps.executeUpdate();
                }
            }
            return n;
        });
    }

    /**
     * Rewrites the outbox entries of their tickets or by them: the actor, and the payload written again from the
     * records as this unit has just redacted them (the ticket as it is now, the entry's message as rewritten), so no
     * pending payload keeps what the redaction took out. An entry this version cannot read keeps its payload with
     * the redaction applied to it as text.
     *
     * @return entries changed
     */
    private int rewriteOutbox(Connection c, Redaction r, List<String> own, Set<String> ids) throws SQLException {
        List<OutboxRow> entries = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, event_type, ticket_id, actor_id, actor_role, actor_name, "
                + "message_id, sla_target, occurred_at, payload FROM " + p + "outbox WHERE ticket_id IN " + in(own)
                + " OR actor_id IN " + in(ids))) {
            bind(ps, bind(ps, 1, own), ids);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    entries.add(new OutboxRow(rs.getLong("id"), rs.getString("event_type"), rs.getString("ticket_id"),
                            actor(rs), rs.getString("message_id"), rs.getString("sla_target"),
                            Rows.getInstant(rs, "occurred_at", dialect), rs.getString("payload")));
                }
            }
        }
        java.util.Map<String, java.util.Optional<Ticket>> ticketsNow = new java.util.HashMap<>();
        java.util.Map<String, List<Message>> messagesNow = new java.util.HashMap<>();
        int written = 0;
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + p + "outbox SET actor_id = ?, actor_name = ?, "
                + "payload = ? WHERE id = ?")) {
            for (OutboxRow e : entries) {
                String was = e.actor().id();
                Actor actor = new Actor(r.requesterId(was), e.actor().role(),
                        r.isSubject(was) ? r.name(e.actor().displayName()) : r.text(e.actor().displayName()));
                java.util.Optional<Ticket> ticket = ticketsNow.computeIfAbsent(e.ticketId(),
                        id -> tickets.findById(TicketId.parse(id)));
                String payload;
                if (ticket.isPresent() && known(e.type())) {
                    Message message = e.messageId() == null ? null : messagesNow.computeIfAbsent(e.ticketId(),
                            id -> tickets.messages(TicketId.parse(id))).stream()
                            .filter(m -> m.id().toString().equals(e.messageId())).findFirst().orElse(null);
                    payload = EventPayload.json(new TicketEvent(TicketEvent.Type.valueOf(e.type()), ticket.get(), actor,
                            e.at(), message, e.slaTarget() == null ? null : SlaTargetType.valueOf(e.slaTarget())));
                } else {
                    payload = r.text(e.payload());
                }
                if (actor.equals(e.actor()) && payload.equals(e.payload())) {
                    continue;
                }
                ps.setString(1, actor.id());
                ps.setString(2, actor.displayName());
                ps.setString(3, payload);
                ps.setLong(4, e.id());
                ps.addBatch();
                written++;
            }
            if (written > 0) {
                ps.executeBatch();
            }
        }
        return written;
    }

    /** An outbox row as its columns hold it, the event type as text: a newer version may have written it. */
    private record OutboxRow(long id, String type, String ticketId, Actor actor, String messageId, String slaTarget,
            Instant at, String payload) {
    }

    private static boolean known(String type) {
        return java.util.Arrays.stream(TicketEvent.Type.values()).anyMatch(t -> t.name().equals(type));
    }

    private static List<String> nullable(String... values) {
        return java.util.Arrays.asList(values);
    }

    /** @return how many jobs with these keys were deleted */
    public int dropJobs(Set<String> keys) {
        Checks.notNull(keys, "keys");
        List<String> all = List.copyOf(keys);
        return tx.run("dropping a data subject's jobs", c -> deleteJobs(c, all));
    }

    /** Deletes the jobs with these keys, of any kind, 500 keys a statement; @return how many. */
    private int deleteJobs(Connection c, List<String> keys) throws SQLException {
        int n = 0;
        for (int from = 0; from < keys.size(); from += 500) {
            n += update(c, "DELETE FROM " + p + "jobs WHERE job_key IN ", keys.subList(from, Math.min(keys.size(), from + 500)));
        }
        return n;
    }

    /** @return how many jobs with these keys or about these records were emptied */
    public int emptyJobs(Set<String> keys, Set<String> about, String note, Instant now) {
        Checks.notNull(keys, "keys");
        Checks.notNull(about, "about");
        Checks.notNull(now, "now");
        return tx.run("emptying a data subject's jobs", c -> empty(c, List.copyOf(keys), List.copyOf(about), note, now));
    }

    /**
     * Empties the jobs with these keys or about these records, 500 values a statement: the payload goes, a pending or
     * dead job becomes done with the note, the row and its key stay. @return how many.
     */
    private int empty(Connection c, List<String> keys, List<String> about, String note, Instant now)
            throws SQLException {
        // MariaDB applies SET assignments left to right: the state is set last, after the columns that read it
        String set = "UPDATE " + p + "jobs SET payload = ?, last_error = CASE WHEN state = 'DONE' THEN NULL ELSE ? END, "
                + "finished_at = CASE WHEN state = 'DONE' THEN finished_at ELSE ? END, claimed_by = NULL, "
                + "state = 'DONE' WHERE ";
        int n = 0;
        for (String column : List.of("job_key", "about_ref")) {
            List<String> values = column.equals("job_key") ? keys : about;
            for (int from = 0; from < values.size(); from += 500) {
                List<String> part = values.subList(from, Math.min(values.size(), from + 500));
                // a job its key found already is not emptied and counted again when its record finds it too
                String notAgain = column.equals("about_ref") ? " AND NOT (state = 'DONE' AND OCTET_LENGTH(payload) = 0)"
                        : "";
                try (PreparedStatement ps = c.prepareStatement(set + column + " IN " + in(part) + notAgain)) {
                    ps.setBytes(1, new byte[0]);
                    ps.setString(2, Text.truncate(note, Job.MAX_ERROR_LENGTH));
                    Rows.setInstant(ps, 3, now, dialect);
                    bind(ps, 4, part);
                    n += ps.executeUpdate();
                }
            }
        }
        return n;
    }

    /** @return how many of these jobs were rewritten (payload and last error) */
    public int rewriteJobs(List<Job> jobs) {
        Checks.notNull(jobs, "jobs");
        if (jobs.isEmpty()) {
            return 0;
        }
        return tx.run("rewriting a data subject's jobs", c -> {
            int n = 0;
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + p + "jobs SET payload = ?, last_error = ? WHERE id = ?")) {
                for (Job j : jobs) {
                    ps.setBytes(1, j.payload());
                    ps.setString(2, j.lastError());
                    ps.setLong(3, j.id());
                    n += ps.executeUpdate();
                }
            }
            return n;
        });
    }

    private List<String> claim(Connection c, String table, Instant before, int max) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM " + p + table + " WHERE status = 'CLOSED' AND "
                + "updated_at < ? ORDER BY updated_at, id LIMIT ? FOR UPDATE SKIP LOCKED")) {
            Rows.setInstant(ps, 1, before, dialect);
            ps.setInt(2, max);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    private static int update(Connection c, String sql, List<String> ids) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql + in(ids))) {
            bind(ps, 1, ids);
            return ps.executeUpdate();
        }
    }

    /** Deletes a batch of claimed rows and what belongs to them. */
    @FunctionalInterface
    private interface Deletion {
        void delete(Connection c, List<String> ids) throws SQLException;
    }

    /** Claims up to {@code max} CLOSED rows of a table last changed before a time and deletes them; @return their ids. */
    private List<String> purge(String table, Instant before, int max, Deletion deletion) {
        Checks.notNull(before, "before");
        Checks.between(max, 1, 1000, "max");
        return tx.run("purging closed " + table, c -> {
            List<String> ids = claim(c, table, before, max);
            if (!ids.isEmpty()) {
                deletion.delete(c, ids);
            }
            return ids;
        });
    }

    /** @return ids of the closed tickets deleted, with everything that belongs to them */
    public List<TicketId> purgeClosedTickets(Instant before, int max, Instant now) {
        Checks.notNull(now, "now");
        return purge("tickets", before, max, (c, ids) -> {
            dropNotificationJobs(c, ids, now);
            facts.delete(c, ids);
            for (String table : List.of("attachments", "messages", "audit_events", "idempotency_keys", "sla_schedule",
                    "sla_events", "outbox", "satisfaction_surveys")) {
                update(c, "DELETE FROM " + p + table + " WHERE ticket_id IN ", ids);
            }
            // MariaDB applies SET assignments left to right: active_contact reads the status before it changes
            update(c, "UPDATE " + p + "whatsapp_conversations SET active_contact = CASE WHEN status = 'ESCALATED' THEN "
                    + "NULL ELSE active_contact END, status = CASE WHEN status = 'ESCALATED' THEN 'CLOSED' ELSE status END, "
                    + "ticket_id = NULL, version = version + 1 WHERE ticket_id IN ", ids);
            update(c, "DELETE FROM " + p + "tickets WHERE id IN ", ids);
        }).stream().map(TicketId::parse).toList();
    }

    /**
     * Deletes the notifications of claimed tickets, in any state, and the WhatsApp sends they became, found by their
     * keys (each ticket's id, versions and message ids): none may send the ticket's words after the purge.
     */
    private void dropNotificationJobs(Connection c, List<String> ids, Instant now) throws SQLException {
        java.util.Map<String, Long> versions = new java.util.HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, version FROM " + p + "tickets WHERE id IN " + in(ids))) {
            bind(ps, 1, ids);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    versions.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        java.util.Map<String, List<UUID>> replies = new java.util.HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT ticket_id, id FROM " + p + "messages WHERE ticket_id IN "
                + in(ids))) {
            bind(ps, 1, ids);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    replies.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(UUID.fromString(rs.getString(2)));
                }
            }
        }
        List<String> keys = new ArrayList<>();
        versions.forEach((id, version) -> keys.addAll(DataSubjectStore.notificationJobKeys(TicketId.parse(id), version,
                replies.getOrDefault(id, List.of()))));
        // a send dropped before it went out says so on its line, instead of staying queued for ever
        for (int from = 0; from < keys.size(); from += 500) {
            List<String> part = keys.subList(from, Math.min(keys.size(), from + 500));
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + p + "whatsapp_messages SET delivery_state = ?, "
                    + "delivery_rank = ?, delivery_detail = ?, delivery_at = ? WHERE delivery_state = 'QUEUED' AND id IN "
                    + "(SELECT about_ref FROM " + p + "jobs WHERE job_key IN " + in(part) + ")")) {
                ps.setString(1, MessageDelivery.State.FAILED.name());
                ps.setInt(2, MessageDelivery.State.FAILED.rank());
                ps.setString(3, DataSubjectStore.PURGED_UNSENT);
                Rows.setInstant(ps, 4, now, dialect);
                bind(ps, 5, part);
                ps.executeUpdate();
            }
        }
        deleteJobs(c, keys);
    }

    /** @return ids of the closed conversations deleted, with their transcripts */
    public List<UUID> purgeClosedConversations(Instant before, int max, Instant now) {
        Checks.notNull(now, "now");
        return purge("whatsapp_conversations", before, max, (c, ids) -> {
            // the webhook bodies and sends of their lines go; the keys stay, so a redelivery is still a duplicate
            List<String> lines = new ArrayList<>();
            java.util.Set<String> keys = new java.util.LinkedHashSet<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, provider_message_id FROM " + p
                    + "whatsapp_messages WHERE conversation_id IN " + in(ids))) {
                bind(ps, 1, ids);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        lines.add(rs.getString(1));
                        keys.addAll(DataSubjectStore.transcriptJobKeys(rs.getString(1), rs.getString(2)));
                    }
                }
            }
            empty(c, List.copyOf(keys), lines, DataSubjectStore.PURGED_JOB, now);
            update(c, "DELETE FROM " + p + "whatsapp_messages WHERE conversation_id IN ", ids);
            update(c, "DELETE FROM " + p + "conversation_surveys WHERE conversation_id IN ", ids);
            update(c, "DELETE FROM " + p + "whatsapp_conversations WHERE id IN ", ids);
        }).stream().map(UUID::fromString).toList();
    }

    /** Appends a consent line. */
    public void appendConsent(ConsentEntry e) {
        Checks.notNull(e, "entry");
        tx.run("recording marketing consent", c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + p + "marketing_consent (contact, choice, source, "
                    + "actor_id, actor_role, actor_name, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, e.contact());
                ps.setString(2, e.choice().name());
                ps.setString(3, e.source());
                ps.setString(4, e.recordedBy().id());
                ps.setString(5, e.recordedBy().role().name());
                ps.setString(6, e.recordedBy().displayName());
                Rows.setInstant(ps, 7, e.at(), dialect);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** @return a contact's ledger, oldest first */
    public List<ConsentEntry> consentHistory(String contact) {
        Checks.notNull(contact, "contact");
        return tx.run("reading marketing consent", c -> consent(c, Set.of(contact)));
    }

    /** Appends a request to the trail. */
    public void appendRequest(DataSubjectRequest q) {
        Checks.notNull(q, "request");
        tx.run("recording a data-subject request", c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + p + "data_subject_requests (kind, subject_ref, "
                    + "actor_id, actor_role, actor_name, reason, outcome, requested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, q.kind().name());
                ps.setString(2, q.subjectRef());
                ps.setString(3, q.actor().id());
                ps.setString(4, q.actor().role().name());
                ps.setString(5, q.actor().displayName());
                ps.setString(6, q.reason());
                ps.setString(7, q.outcome());
                Rows.setInstant(ps, 8, q.at(), dialect);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** @return the latest requests, newest first */
    public List<DataSubjectRequest> requests(int limit) {
        Checks.between(limit, 1, 1000, "limit");
        return tx.run("reading data-subject requests", c -> readRequests(c, "SELECT kind, subject_ref, actor_id, actor_role, "
                + "actor_name, reason, outcome, requested_at FROM " + p + "data_subject_requests ORDER BY pos DESC LIMIT "
                + limit, List.of()));
    }
}
