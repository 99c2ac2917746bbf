package za.co.proconnectsa.support.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import za.co.proconnectsa.support.internal.Checks;
import za.co.proconnectsa.support.ConcurrentUpdateException;
import za.co.proconnectsa.support.StoreUnavailableException;
import za.co.proconnectsa.support.SupportException;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.jdbc.internal.Rows;
import za.co.proconnectsa.support.jdbc.internal.Schema;
import za.co.proconnectsa.support.jdbc.internal.JdbcContactIdentities;
import za.co.proconnectsa.support.jdbc.internal.JdbcConversations;
import za.co.proconnectsa.support.jdbc.internal.JdbcSlaSchedules;
import za.co.proconnectsa.support.jdbc.internal.JdbcAttachments;
import za.co.proconnectsa.support.jdbc.internal.JdbcSurveys;
import za.co.proconnectsa.support.satisfaction.SatisfactionSurvey;
import za.co.proconnectsa.support.spi.SatisfactionStore;
import za.co.proconnectsa.support.jdbc.internal.JdbcRoster;
import za.co.proconnectsa.support.jdbc.internal.JdbcAnalytics;
import za.co.proconnectsa.support.jdbc.internal.JdbcFacts;
import za.co.proconnectsa.support.spi.AnalyticsStore;
import za.co.proconnectsa.support.analytics.AnalyticsQuery;
import za.co.proconnectsa.support.jdbc.internal.JdbcDataSubjects;
import za.co.proconnectsa.support.spi.DataSubjectStore;
import za.co.proconnectsa.support.spi.DataSubjectRecords;
import za.co.proconnectsa.support.spi.Redaction;
import za.co.proconnectsa.support.privacy.ConsentEntry;
import za.co.proconnectsa.support.privacy.DataSubject;
import za.co.proconnectsa.support.privacy.DataSubjectRequest;
import za.co.proconnectsa.support.jdbc.internal.JdbcOutbox;
import za.co.proconnectsa.support.jdbc.internal.JdbcWorkQueue;
import za.co.proconnectsa.support.jdbc.internal.Sql;
import za.co.proconnectsa.support.jdbc.internal.Tx;
import za.co.proconnectsa.support.event.DeadLetter;
import za.co.proconnectsa.support.event.OutboxEntry;
import za.co.proconnectsa.support.conversation.Conversation;
import za.co.proconnectsa.support.conversation.ConversationMessage;
import za.co.proconnectsa.support.conversation.ConversationQuery;
import za.co.proconnectsa.support.conversation.ContactIdentity;
import za.co.proconnectsa.support.conversation.DeliveryPricing;
import za.co.proconnectsa.support.conversation.MessageDelivery;
import za.co.proconnectsa.support.conversation.PricedMessages;
import za.co.proconnectsa.support.assignment.Agent;
import za.co.proconnectsa.support.assignment.AgentWorkload;
import za.co.proconnectsa.support.assignment.Presence;
import za.co.proconnectsa.support.spi.AgentRoster;
import za.co.proconnectsa.support.spi.AttachmentStore;
import za.co.proconnectsa.support.spi.AlreadyStoredException;
import za.co.proconnectsa.support.spi.ConversationInsert;
import za.co.proconnectsa.support.spi.ConversationStore;
import za.co.proconnectsa.support.spi.SlaStore;
import za.co.proconnectsa.support.sla.SlaTimeline;
import za.co.proconnectsa.support.spi.EventOutbox;
import za.co.proconnectsa.support.spi.IdempotencyKey;
import za.co.proconnectsa.support.spi.InsertResult;
import za.co.proconnectsa.support.spi.ProcessedMessageLog;
import za.co.proconnectsa.support.spi.TicketStore;
import za.co.proconnectsa.support.spi.WorkQueue;
import za.co.proconnectsa.support.queue.Job;
import za.co.proconnectsa.support.ticket.Attachment;
import za.co.proconnectsa.support.ticket.AuditEvent;
import za.co.proconnectsa.support.ticket.ChangeCursor;
import za.co.proconnectsa.support.ticket.Cursor;
import za.co.proconnectsa.support.ticket.Message;
import za.co.proconnectsa.support.ticket.Page;
import za.co.proconnectsa.support.ticket.Ticket;
import za.co.proconnectsa.support.ticket.TicketChanges;
import za.co.proconnectsa.support.ticket.TicketId;
import za.co.proconnectsa.support.ticket.TicketNotFoundException;
import za.co.proconnectsa.support.ticket.TicketQuery;

/**
 * A {@link TicketStore} on a JDBC {@link DataSource}: H2, PostgreSQL or MariaDB, detected from the
 * connection's metadata. Each write is one transaction (ticket, messages, attachments, audit events and
 * idempotency key together); a failure rolls it back and is thrown as {@link StoreUnavailableException}.
 * Several writes are one transaction inside {@link #inTransaction}: the unit binds one connection to the calling
 * thread and every call of this store on that thread runs on it; with {@link Builder#joinHostTransactions} the unit
 * runs in the host's own transaction instead.
 * Several instances, in one JVM or many, may share one database: numbers come from a database sequence,
 * and updates are guarded by the ticket's version. Each insert and update also writes its event to the outbox
 * table in the same transaction ({@link EventOutbox}), for {@link za.co.proconnectsa.support.event.OutboxRelay};
 * the row also holds the event as JSON ({@link za.co.proconnectsa.support.event.EventPayload}) in its {@code payload}
 * column and {@code 'ticket'} in {@code aggregate_type}, for a change-data-capture reader such as Debezium.
 * WhatsApp conversations are kept too ({@link ConversationStore}); their text search is a case-insensitive
 * substring of any message ({@code LIKE}), without an index: meant for one contact's or a recent set's history.
 * The agent roster of automatic assignment is kept too ({@link AgentRoster}): an assignment locks the available agents'
 * rows ({@code SELECT ... FOR UPDATE}, in id order) and counts their open tickets on an index of tickets by assignee
 * and status. The records of data subjects are kept too ({@link DataSubjectStore}): a marketing-consent ledger, the
 * trail of data-subject requests, and retention purges that claim their rows with {@code FOR UPDATE SKIP LOCKED}.
 *
 * <pre>{@code
 * TicketStore store = JdbcTicketStore.create(dataSource);             // creates the schema if missing
 * TicketStore store = JdbcTicketStore.builder(dataSource)
 *         .tablePrefix("helpdesk_").schemaMode(SchemaMode.VALIDATE).build();
 * }</pre>
 *
 * <p>Text search: PostgreSQL uses full-text search ({@code 'simple'} configuration: every word of the
 * search, whole words, any case); MariaDB uses an InnoDB FULLTEXT index in boolean mode (every word,
 * whole words of at least 3 characters, InnoDB's stop words ignored); H2 matches the search text as a
 * case-insensitive substring of subject or body.
 */
public final class JdbcTicketStore implements TicketStore, ProcessedMessageLog, EventOutbox, ConversationStore,
        WorkQueue, SlaStore, AgentRoster, AnalyticsStore, DataSubjectStore, SatisfactionStore,
        za.co.proconnectsa.support.spi.ConversationSurveyStore {

    /** The table prefix when none is set. */
    public static final String DEFAULT_PREFIX = "support_";

    private static final Pattern PREFIX = Pattern.compile("[a-z][a-z0-9_]{0,29}");

    private static final String TICKET_NUMBERS = "ticket_number";
    private static final String TICKET_CHANGES = "ticket_change";
    private static final Object CHANGED_TICKETS = new Object();

    private final Dialect dialect;
    private final String prefix;
    private final Sql sql;
    private final Tx tx;
    private final JdbcOutbox outbox;
    private final JdbcConversations conversations;
    private final JdbcContactIdentities contactIdentities;
    private final JdbcSlaSchedules slaSchedules;
    private final JdbcSurveys surveys;
    private final za.co.proconnectsa.support.jdbc.internal.JdbcConversationSurveys conversationSurveys;
    private final JdbcWorkQueue jobs;
    private final JdbcRoster roster;
    private final JdbcAnalytics analytics;
    private final JdbcFacts facts;
    private final JdbcDataSubjects dataSubjects;
    private final JdbcAttachments attachments;

    private JdbcTicketStore(DataSource dataSource, Dialect dialect, String prefix, boolean joinHostTransactions,
            int reportConnections) {
        this.dialect = dialect;
        this.prefix = prefix;
        this.sql = new Sql(dialect, prefix);
        this.tx = new Tx(dataSource, joinHostTransactions, dialect == Dialect.MARIADB);
        this.outbox = new JdbcOutbox(tx, dialect, prefix);
        this.conversations = new JdbcConversations(tx, sql, prefix);
        this.contactIdentities = new JdbcContactIdentities(tx, sql, prefix);
        this.slaSchedules = new JdbcSlaSchedules(tx, dialect, prefix);
        this.surveys = new JdbcSurveys(tx, dialect, prefix);
        this.conversationSurveys = new za.co.proconnectsa.support.jdbc.internal.JdbcConversationSurveys(tx, dialect,
                prefix);
        this.jobs = new JdbcWorkQueue(tx, dialect, prefix);
        this.roster = new JdbcRoster(tx, dialect, prefix);
        this.analytics = new JdbcAnalytics(tx, dialect, prefix, reportConnections);
        this.facts = new JdbcFacts(dialect, prefix, analytics::forgetFigures);
        this.dataSubjects = new JdbcDataSubjects(tx, dialect, prefix, this, this, this::changed, facts);
        this.attachments = new JdbcAttachments(tx, dialect, prefix);
    }

    /**
     * A store with the default prefix that creates its schema if it is missing.
     *
     * @param dataSource the host's data source (pooled, e.g. HikariCP)
     * @return the store
     * @throws StoreUnavailableException when the database cannot be reached
     */
    public static JdbcTicketStore create(DataSource dataSource) {
        return builder(dataSource).build();
    }

    /**
     * @param dataSource the host's data source
     * @return a builder
     */
    public static Builder builder(DataSource dataSource) {
        if (dataSource == null) {
            throw InvalidInputException.of("dataSource", "must not be null");
        }
        return new Builder(dataSource);
    }

    /**
     * The schema's SQL for a dialect and prefix, as the store would apply it, for hosts that manage their
     * schema with Flyway or Liquibase. The same files are in the jar under
     * {@code za/co/proconnectsa/support/jdbc/schema/}.
     *
     * @param dialect the database
     * @param prefix  the table prefix
     * @return the SQL, statements ending with ";"
     */
    public static String schemaSql(Dialect dialect, String prefix) {
        return Schema.sql(dialect, checkPrefix(prefix));
    }

    /** @return the database dialect in use */
    public Dialect dialect() {
        return dialect;
    }

    /** @return the table prefix */
    public String tablePrefix() {
        return prefix;
    }

    /**
     * An {@link AttachmentStore} in this store's database (table {@code stored_attachments}), the option to the
     * file-system store: a file saved inside a unit of work of this store commits with it, so an inbound WhatsApp
     * file and its download job's done mark are kept together or not at all. Keep files below the database's
     * packet limit (MariaDB's {@code max_allowed_packet}, 16 MB by default; WhatsApp documents may reach 100 MB).
     *
     * @return the attachment store, sharing this store's data source, transactions and table prefix
     */
    public AttachmentStore attachments() {
        return attachments;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (work == null) {
            throw InvalidInputException.of("work", "must not be null");
        }
        return tx.inTransaction(work);
    }

    @Override
    public void afterCommit(Runnable action) {
        if (action == null) {
            throw InvalidInputException.of("action", "must not be null");
        }
        tx.afterCommit(action);
    }

    @Override
    public long nextSequence() {
        return tx.run("taking a ticket number", c -> bump(c, TICKET_NUMBERS));
    }

    /** Moves a counter on and reads it; its row stays locked until the unit commits. */
    private long bump(Connection c, String counter) throws SQLException {
        if (dialect == Dialect.POSTGRESQL) {
            try (PreparedStatement ps = c.prepareStatement(sql.bumpCounter(counter)); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
        try (PreparedStatement ps = c.prepareStatement(sql.bumpCounter(counter))) {
            ps.executeUpdate();
        }
        return counterValue(c, counter);
    }

    private long counterValue(Connection c, String counter) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql.counterValue(counter)); ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new SupportException("The counter '" + counter + "' is missing from " + prefix
                        + "counters; apply the schema SQL again");
            }
            return rs.getLong(1);
        }
    }

    /**
     * Notes a ticket the current unit changed. Just before the unit commits, every ticket it changed is stamped with
     * the next change position, taken last so that the counter's lock is held only for the commit.
     */
    private void changed(TicketId ticket) {
        tx.unitState(CHANGED_TICKETS, java.util.LinkedHashSet<String>::new, tickets -> c -> {
            long position = bump(c, TICKET_CHANGES);
            try (PreparedStatement ps = c.prepareStatement(sql.stampChange(tickets.size()))) {
                ps.setLong(1, position);
                int i = 2;
                for (String id : tickets) {
                    ps.setString(i++, id);
                }
                ps.executeUpdate();
            }
            return null;
        }).add(ticket.toString());
    }

    @Override
    public TicketChanges changesSince(ChangeCursor after, int limit) {
        if (after == null) {
            throw InvalidInputException.of("after", "must not be null");
        }
        Checks.between(limit, 1, 1000, "limit");
        return tx.run("reading ticket changes", c -> {
            List<Long> positions = new ArrayList<>();
            List<Ticket> tickets;
            try (PreparedStatement ps = c.prepareStatement(sql.changesSince())) {
                ps.setLong(1, after.position());
                ps.setInt(2, limit + 1);
                tickets = withAttachments(c, ps, positions);
            }
            boolean more = tickets.size() > limit;
            List<Ticket> items = more ? tickets.subList(0, limit) : tickets;
            ChangeCursor next = items.isEmpty() ? after : ChangeCursor.after(positions.get(items.size() - 1));
            return new TicketChanges(items, next, more);
        });
    }

    @Override
    public ChangeCursor latestChange() {
        return tx.run("reading the latest change", c -> ChangeCursor.after(counterValue(c, TICKET_CHANGES)));
    }

    @Override
    public InsertResult insert(Ticket ticket, List<AuditEvent> events, IdempotencyKey key) {
        try {
            return tx.runKeyed("inserting a ticket", c -> {
                try (PreparedStatement ps = c.prepareStatement(sql.insertTicket())) {
                    Rows.bindTicketInsert(ps, ticket, dialect);
                    ps.executeUpdate();
                } catch (SQLException e) {
                    if (Tx.isUniqueViolation(e)) {
                        throw new AlreadyStoredException("ticket " + ticket.number(), e);
                    }
                    throw e;
                }
                insertAttachments(c, ticket.id(), null, ticket.attachments());
                insertAudit(c, events);
                facts.insert(c, ticket, events);
                outbox.write(c, ticket, events, List.of());
                if (key != null) {
                    insertKey(c, key, ticket.id());
                }
                changed(ticket.id());
                return new InsertResult.Inserted(ticket);
            });
        } catch (Tx.KeyTaken taken) {
            // the insert was taken back; the key's owner committed before the unique check failed
            return new InsertResult.KeyAlreadyUsed(keyOwner(key, taken));
        }
    }

    @Override
    public Optional<Ticket> recordIdempotencyKey(IdempotencyKey key, TicketId ticket) {
        if (key == null || ticket == null) {
            throw InvalidInputException.of(key == null ? "key" : "ticket", "must not be null");
        }
        try {
            return tx.runKeyed("recording an idempotency key", c -> {
                try (PreparedStatement ps = c.prepareStatement(sql.versionOf())) {
                    ps.setString(1, ticket.toString());
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) {
                            throw new TicketNotFoundException(ticket.toString());
                        }
                    }
                }
                insertKey(c, key, ticket);
                return Optional.<Ticket>empty();
            });
        } catch (Tx.KeyTaken taken) {
            return Optional.of(keyOwner(key, taken));
        }
    }

    private void insertKey(Connection c, IdempotencyKey key, TicketId ticket) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql.insertIdempotencyKey())) {
            ps.setString(1, key.scope());
            ps.setString(2, key.key());
            ps.setString(3, ticket.toString());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw Tx.unlessKeyTaken(e);
        }
    }

    private Ticket keyOwner(IdempotencyKey key, Tx.KeyTaken taken) {
        return findByIdempotencyKey(key).orElseThrow(() ->
                new StoreUnavailableException("An idempotency key was taken but its ticket cannot be read", taken));
    }

    @Override
    public Ticket update(Ticket ticket, List<Message> newMessages, List<AuditEvent> events) {
        return tx.run("updating a ticket", c -> {
            try (PreparedStatement ps = c.prepareStatement(sql.updateTicket())) {
                Rows.bindTicketUpdate(ps, ticket, dialect);
                if (ps.executeUpdate() == 0) {
                    throw versionConflict(c, ticket);
                }
            }
            if (!newMessages.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement(sql.insertMessage())) {
                    for (Message m : newMessages) {
                        Rows.bindMessage(ps, m, dialect);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                for (Message m : newMessages) {
                    insertAttachments(c, ticket.id(), m.id(), m.attachments());
                }
            }
            insertAudit(c, events);
            facts.write(c, List.of(ticket.id().toString()));
            outbox.write(c, ticket.withVersion(ticket.version() + 1), events, newMessages);
            changed(ticket.id());
            return ticket.withVersion(ticket.version() + 1);
        });
    }

    private SupportException versionConflict(Connection c, Ticket ticket) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql.versionOf())) {
            ps.setString(1, ticket.id().toString());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return new TicketNotFoundException(ticket.number().text());
                }
                return new ConcurrentUpdateException(ticket.number().text(), ticket.version(), rs.getLong(1));
            }
        }
    }

    @Override
    public Optional<Ticket> findById(TicketId id) {
        return findOne("reading a ticket", sql.ticketBy("id"), id.toString());
    }

    @Override
    public List<Ticket> findByIds(Collection<TicketId> ids) {
        List<String> distinct = new ArrayList<>();
        for (TicketId id : new LinkedHashSet<>(Checks.notNull(ids, "ids"))) {
            distinct.add(Checks.notNull(id, "ids").toString());
        }
        Checks.between(distinct.size(), 0, 1000, "ids");
        if (distinct.isEmpty()) {
            return List.of();
        }
        String statement = sql.selectTickets() + " WHERE id IN (" + Sql.placeholders(distinct.size()) + ")";
        Map<TicketId, Ticket> byId = new HashMap<>();
        for (Ticket t : tx.run("reading tickets", c -> readTickets(c, statement, distinct.toArray()))) {
            byId.put(t.id(), t);
        }
        List<Ticket> out = new ArrayList<>(byId.size());
        for (String id : distinct) {
            Ticket t = byId.get(TicketId.parse(id));
            if (t != null) {
                out.add(t);
            }
        }
        return out;
    }

    @Override
    public Optional<Ticket> findByNumber(String number) {
        return findOne("reading a ticket", sql.ticketBy("number"), number);
    }

    @Override
    public Optional<Ticket> findByIdempotencyKey(IdempotencyKey key) {
        return findOne("reading an idempotency key", sql.ticketByIdempotencyKey(), key.scope(), key.key());
    }

    @Override
    public List<Message> messages(TicketId id) {
        return tx.run("reading messages", c -> {
            Map<String, List<Attachment>> attachments = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement(sql.messageAttachments())) {
                ps.setString(1, id.toString());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        attachments.computeIfAbsent(rs.getString("message_id"), k -> new ArrayList<>()).add(Rows.attachment(rs));
                    }
                }
            }
            List<Message> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql.messages())) {
                ps.setString(1, id.toString());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(Rows.message(rs, attachments.getOrDefault(rs.getString("id"), List.of()), dialect));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public List<AuditEvent> auditTrail(TicketId id) {
        return tx.run("reading the audit trail", c -> {
            List<AuditEvent> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql.auditTrail())) {
                ps.setString(1, id.toString());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(Rows.audit(rs, dialect));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public Page<Ticket> query(TicketQuery query) {
        StringBuilder where = new StringBuilder();
        List<Object> params = new ArrayList<>();
        if (!query.statuses().isEmpty()) {
            // literals, not parameters: PostgreSQL then plans the queue on its partial index of active tickets
            and(where, params, "status IN (" + query.statuses().stream().sorted().map(s -> "'" + s.name() + "'")
                    .collect(Collectors.joining(", ")) + ")", null);
        }
        in(where, params, "category", query.categories().stream().map(cat -> cat.code()).toList());
        in(where, params, "priority", query.priorities().stream().map(Enum::name).toList());
        in(where, params, "origin", query.origins().stream().map(Enum::name).toList());
        query.assigneeId().ifPresent(a -> and(where, params, "assignee_id = ?", a));
        if (query.unassignedOnly()) {
            and(where, params, "assignee_id IS NULL", null);
        }
        query.requesterId().ifPresent(r -> and(where, params, "requester_id = ?", r));
        query.text().ifPresent(text -> {
            and(where, params, sql.textPredicate(), null);
            params.addAll(sql.textParameters(text));
        });
        boolean ascending = query.order() == TicketQuery.Order.OLDEST_FIRST;
        if (query.afterSequence().isPresent()) {
            and(where, params, ascending ? "seq > ?" : "seq < ?", query.afterSequence().getAsLong());
        }
        String statement = sql.selectTickets() + (where.length() == 0 ? "" : " WHERE " + where) + " ORDER BY seq " + (ascending ? "ASC" : "DESC") + " "
                + sql.limit(query.limit() + 1);
        List<Ticket> rows = tx.run("listing tickets", c -> readTickets(c, statement, params.toArray()));
        boolean more = rows.size() > query.limit();
        List<Ticket> items = more ? rows.subList(0, query.limit()) : rows;
        return new Page<>(items, more ? Cursor.after(items.get(items.size() - 1).number().sequence()) : null);
    }

    @Override
    public Optional<Ticket> findActiveDuplicate(String requesterId, String fingerprint, Instant since) {
        return tx.run("looking for a duplicate", c -> {
            try (PreparedStatement ps = c.prepareStatement(sql.activeDuplicate())) {
                ps.setString(1, requesterId);
                ps.setString(2, fingerprint);
                Rows.setInstant(ps, 3, since, dialect);
                return withAttachments(c, ps).stream().findFirst();
            }
        });
    }

    @Override
    public boolean firstSeen(String messageId, Instant at) {
        if (messageId == null || messageId.isEmpty() || messageId.length() > 200) {
            throw InvalidInputException.of("messageId", "must be 1 to 200 characters");
        }
        try {
            return tx.runKeyed("recording a processed message", c -> {
                try (PreparedStatement ps = c.prepareStatement(sql.insertProcessed())) {
                    ps.setString(1, messageId);
                    Rows.setInstant(ps, 2, at, dialect);
                    ps.executeUpdate();
                    return true;
                } catch (SQLException e) {
                    throw Tx.unlessKeyTaken(e);
                }
            });
        } catch (Tx.KeyTaken seen) {
            return false;
        }
    }

    @Override
    public void forget(String messageId) {
        tx.run("forgetting a processed message", c -> {
            try (PreparedStatement ps = c.prepareStatement(sql.deleteProcessed())) {
                ps.setString(1, messageId);
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public int purgeProcessedBefore(Instant cutoff) {
        if (cutoff == null) {
            throw InvalidInputException.of("cutoff", "must not be null");
        }
        return tx.run("purging processed message ids", c -> {
            try (PreparedStatement ps = c.prepareStatement(sql.purgeProcessed())) {
                Rows.setInstant(ps, 1, cutoff, dialect);
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public List<OutboxEntry> claim(String owner, int max, Duration lease, Instant now) {
        return outbox.claim(owner, max, lease, now);
    }

    @Override
    public boolean renew(long entryId, String owner, Instant until) {
        return outbox.renew(entryId, owner, until);
    }

    @Override
    public boolean complete(long entryId, String owner) {
        return outbox.complete(entryId, owner);
    }

    @Override
    public boolean release(long entryId, String owner, Instant retryAt) {
        return outbox.release(entryId, owner, retryAt);
    }

    @Override
    public boolean deadLetter(long entryId, String owner, String reason, Instant at) {
        return outbox.deadLetter(entryId, owner, reason, at);
    }

    @Override
    public long pendingCount() {
        return outbox.countLive();
    }

    @Override
    public long deadLetterCount() {
        return outbox.countDead();
    }

    @Override
    public List<DeadLetter> deadLetters(long afterId, int limit) {
        return outbox.deadLetters(afterId, limit);
    }

    @Override
    public Optional<DeadLetter> findDeadLetter(long entryId) {
        return outbox.findDeadLetter(entryId);
    }

    @Override
    public boolean retryDeadLetter(long entryId) {
        return outbox.retryDeadLetter(entryId);
    }

    @Override
    public boolean deleteDeadLetter(long entryId) {
        return outbox.deleteDeadLetter(entryId);
    }

    @Override
    public long nextConversationSequence() {
        return conversations.nextSequence();
    }

    @Override
    public ConversationInsert insertConversation(Conversation conversation, List<ConversationMessage> messages) {
        return conversations.insert(conversation, messages);
    }

    @Override
    public Conversation updateConversation(Conversation conversation, List<ConversationMessage> newMessages) {
        return conversations.update(conversation, newMessages);
    }

    @Override
    public Optional<Conversation> findConversation(UUID id) {
        return conversations.find(id);
    }

    @Override
    public Optional<Conversation> findConversationByNumber(String number) {
        return conversations.findByNumber(number);
    }

    @Override
    public Optional<Conversation> findActiveConversation(String contact) {
        return conversations.findActive(contact);
    }

    @Override
    public Optional<Conversation> findConversationByTicket(TicketId ticketId) {
        return conversations.findByTicket(ticketId);
    }

    @Override
    public Optional<ConversationMessage> findConversationMessage(String messageId) {
        return conversations.findMessage(messageId);
    }

    @Override
    public List<ConversationMessage> conversationMessages(UUID id) {
        return conversations.messages(id);
    }

    @Override
    public Page<Conversation> queryConversations(ConversationQuery query) {
        return conversations.query(query);
    }

    @Override
    public int countMessages(String contact, ConversationMessage.Author author, Instant since) {
        return conversations.count(contact, author, since);
    }

    @Override
    public void saveSlaSchedule(TicketId ticketId, Instant nextDue, Instant nextCheck) {
        slaSchedules.save(ticketId, nextDue, nextCheck);
    }

    @Override
    public List<TicketId> claimSlaChecks(Instant now, Duration lease, int max) {
        return slaSchedules.claim(now, lease, max);
    }

    @Override
    public boolean openSurvey(SatisfactionSurvey survey) {
        return surveys.open(survey);
    }

    @Override
    public Optional<SatisfactionSurvey> findSurvey(TicketId ticketId) {
        return surveys.find(ticketId);
    }

    @Override
    public Optional<Instant> lastSurveyAsked(String requesterId) {
        return surveys.lastAsked(requesterId);
    }

    @Override
    public boolean recordAnswer(TicketId ticketId, int score, String comment, Instant at) {
        return surveys.answer(ticketId, score, comment, at);
    }

    @Override
    public boolean openConversationSurvey(za.co.proconnectsa.support.satisfaction.ConversationSurvey survey) {
        return conversationSurveys.open(survey);
    }

    @Override
    public Optional<za.co.proconnectsa.support.satisfaction.ConversationSurvey> findConversationSurvey(
            java.util.UUID surveyId) {
        return conversationSurveys.find(surveyId);
    }

    @Override
    public Optional<za.co.proconnectsa.support.satisfaction.ConversationSurvey> findConversationSurveyOf(
            java.util.UUID conversationId) {
        return conversationSurveys.findOf(conversationId);
    }

    @Override
    public Optional<Instant> lastConversationSurveyAsked(String contact) {
        return conversationSurveys.lastAsked(contact);
    }

    @Override
    public boolean recordConversationAnswer(java.util.UUID surveyId, int score, String comment, Instant at) {
        return conversationSurveys.answer(surveyId, score, comment, at);
    }

    @Override
    public AnalyticsStore.SatisfactionCounts conversationSatisfactionCounts(Instant from, Instant to) {
        return conversationSurveys.counts(from, to);
    }

    @Override
    public boolean markSlaEvent(TicketId ticketId, String eventKey, Instant at) {
        return slaSchedules.mark(ticketId, eventKey, at);
    }

    @Override
    public List<TicketId> ticketsDueBy(Instant until, int limit) {
        return slaSchedules.dueBy(until, limit);
    }

    @Override
    public Map<TicketId, SlaTimeline> slaTimelines(Collection<Ticket> tickets) {
        return slaSchedules.timelines(tickets);
    }

    @Override
    public void recordTicketEvents(TicketId ticketId, List<AuditEvent> events) {
        Checks.notNull(ticketId, "ticketId");
        List<AuditEvent> added = List.copyOf(Checks.notNull(events, "events"));
        tx.run("recording ticket events", c -> {
            insertAudit(c, added);
            if (added.stream().anyMatch(e -> e.action() == za.co.proconnectsa.support.ticket.AuditAction.STATUS_CHANGED)) {
                // a status event moves the ticket's resolution figures
                facts.write(c, List.of(ticketId.toString()));
            }
            if (!added.isEmpty()) {
                // the payload holds the ticket as it is: read in this unit, on its connection
                Ticket ticket = findById(ticketId).orElseThrow(() -> new TicketNotFoundException(ticketId.toString()));
                outbox.write(c, ticket, added, List.of());
            }
            // not a change of the ticket: the change counter's row stays untouched, so a watcher never waits on it
            return null;
        });
    }

    @Override
    public boolean recordDelivery(MessageDelivery delivery) {
        return conversations.recordDelivery(Checks.notNull(delivery, "delivery"));
    }

    @Override
    public Optional<MessageDelivery> advanceDelivery(String providerMessageId, MessageDelivery.State state, String detail,
            Instant at) {
        return conversations.advanceDelivery(providerMessageId, state, detail, at);
    }

    @Override
    public void saveContactIdentity(ContactIdentity identity) {
        contactIdentities.save(Checks.notNull(identity, "identity"));
    }

    @Override
    public Optional<ContactIdentity> findContactIdentity(String phoneNumberOrUserId) {
        return contactIdentities.find(Checks.notNull(phoneNumberOrUserId, "phoneNumberOrUserId"));
    }

    @Override
    public Optional<ContactIdentity> changeContactUserId(String oldUserId, String newUserId, Instant at) {
        return contactIdentities.changeUserId(Checks.notNull(oldUserId, "oldUserId"),
                Checks.notNull(newUserId, "newUserId"), Checks.notNull(at, "at"));
    }

    @Override
    public boolean recordPricing(String providerMessageId, DeliveryPricing pricing) {
        return conversations.recordPricing(providerMessageId, Checks.notNull(pricing, "pricing"));
    }

    @Override
    public Optional<DeliveryPricing> findPricing(String messageId) {
        return conversations.findPricing(Checks.notNull(messageId, "messageId"));
    }

    @Override
    public List<PricedMessages> pricedMessages(Instant from, Instant to) {
        return conversations.pricedMessages(Checks.notNull(from, "from"), Checks.notNull(to, "to"));
    }

    @Override
    public Optional<MessageDelivery> findDelivery(String messageId) {
        return conversations.findDelivery(Checks.notNull(messageId, "messageId"));
    }

    @Override
    public List<MessageDelivery> conversationDeliveries(UUID conversationId) {
        return conversations.deliveries(Checks.notNull(conversationId, "conversationId"));
    }

    @Override
    public boolean enqueueJob(String kind, String key, byte[] payload, Instant at) {
        return jobs.enqueue(kind, key, payload, at, null);
    }

    @Override
    public boolean enqueueJob(String kind, String key, byte[] payload, Instant at, String about) {
        return jobs.enqueue(kind, key, payload, at, about);
    }

    @Override
    public List<Job> claimJobs(String kind, String owner, int max, Duration lease, Instant now) {
        return jobs.claim(kind, owner, max, lease, now);
    }

    @Override
    public boolean renewJob(long jobId, String owner, Instant until) {
        return jobs.renew(jobId, owner, until);
    }

    @Override
    public boolean completeJob(long jobId, String owner, Instant at) {
        return jobs.complete(jobId, owner, at);
    }

    @Override
    public boolean releaseJob(long jobId, String owner, Instant retryAt, String error) {
        return jobs.release(jobId, owner, retryAt, error);
    }

    @Override
    public boolean buryJob(long jobId, String owner, String reason, Instant at) {
        return jobs.bury(jobId, owner, reason, at);
    }

    @Override
    public Optional<Job> findJob(String kind, String key) {
        return jobs.find(kind, key);
    }

    @Override
    public List<Job> deadJobs(String kind, long afterId, int limit) {
        return jobs.dead(kind, afterId, limit);
    }

    @Override
    public List<Job> jobs(String kind, long afterId, int limit) {
        return jobs.all(kind, afterId, limit);
    }

    @Override
    public boolean retryDeadJob(long jobId) {
        return jobs.retryDead(jobId);
    }

    @Override
    public long pendingJobs(String kind) {
        return jobs.pending(kind);
    }

    @Override
    public int purgeDoneJobs(String kind, Instant before) {
        return jobs.purgeDone(kind, before);
    }

    @Override
    public void saveAgent(Agent agent) {
        roster.save(agent);
    }

    @Override
    public Optional<Agent> findAgent(String agentId) {
        return roster.find(agentId);
    }

    @Override
    public List<Agent> agents() {
        return roster.all();
    }

    @Override
    public Optional<Agent> changePresence(String agentId, Presence presence) {
        return roster.changePresence(agentId, presence);
    }

    @Override
    public List<AgentWorkload> lockAvailableAgents() {
        return roster.lockAvailable();
    }

    @Override
    public Map<String, Integer> assignmentsSince(java.util.Collection<String> agentIds, Instant since) {
        return roster.assignmentsSince(agentIds, since);
    }

    @Override
    public Optional<String> lockRotation(String rotation) {
        return roster.lockRotation(rotation);
    }

    @Override
    public void moveRotation(String rotation, String agentId) {
        roster.moveRotation(rotation, agentId);
    }

    private static void in(StringBuilder where, List<Object> params, String column, List<String> values) {
        if (values.isEmpty()) {
            return;
        }
        and(where, params, column + " IN (" + Sql.placeholders(values.size()) + ")", null);
        params.addAll(values);
    }

    private static void and(StringBuilder where, List<Object> params, String predicate, Object value) {
        where.append(where.length() == 0 ? "" : " AND ").append(predicate);
        if (value != null) {
            params.add(value);
        }
    }

    private Optional<Ticket> findOne(String what, String statement, Object... params) {
        return tx.run(what, c -> readTickets(c, statement, params).stream().findFirst());
    }

    private List<Ticket> readTickets(Connection c, String statement, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(statement)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            return withAttachments(c, ps);
        }
    }

    /** Runs a ticket query, then reads the tickets' attachments in one more query. */
    private List<Ticket> withAttachments(Connection c, PreparedStatement ps) throws SQLException {
        return withAttachments(c, ps, null);
    }

    /** The same, also collecting each row's change position when {@code positions} is given. */
    private List<Ticket> withAttachments(Connection c, PreparedStatement ps, List<Long> positions) throws SQLException {
        List<String> ids = new ArrayList<>();
        List<Ticket> bare = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Ticket t = Rows.ticket(rs, List.of(), dialect);
                bare.add(t);
                ids.add(t.id().toString());
                if (positions != null) {
                    positions.add(rs.getLong("change_seq"));
                }
            }
        }
        if (bare.isEmpty()) {
            return bare;
        }
        Map<String, List<Attachment>> attachments = new HashMap<>();
        try (PreparedStatement ap = c.prepareStatement(sql.ticketAttachments(ids.size()))) {
            for (int i = 0; i < ids.size(); i++) {
                ap.setString(i + 1, ids.get(i));
            }
            try (ResultSet rs = ap.executeQuery()) {
                while (rs.next()) {
                    attachments.computeIfAbsent(rs.getString("ticket_id"), k -> new ArrayList<>()).add(Rows.attachment(rs));
                }
            }
        }
        if (attachments.isEmpty()) {
            return bare;
        }
        List<Ticket> out = new ArrayList<>(bare.size());
        for (Ticket t : bare) {
            List<Attachment> a = attachments.get(t.id().toString());
            out.add(a == null ? t : new Ticket(t.id(), t.number(), t.subject(), t.body(), t.category(), t.priority(),
                    t.status(), t.origin(), t.requesterId(), t.assigneeId(), t.tags(), a, t.fingerprint(), t.createdAt(),
                    t.updatedAt(), t.firstRespondedAt(), t.version()));
        }
        return out;
    }

    private void insertAttachments(Connection c, TicketId ticket, UUID message, List<Attachment> attachments)
            throws SQLException {
        if (attachments.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(sql.insertAttachment())) {
            for (Attachment a : attachments) {
                Rows.bindAttachment(ps, ticket, message, a);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private void insertAudit(Connection c, List<AuditEvent> events) throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(sql.insertAudit())) {
            for (AuditEvent e : events) {
                Rows.bindAudit(ps, e, dialect);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    @Override
    public DataSubjectRecords findDataSubjectRecords(DataSubject subject) {
        return dataSubjects.find(subject);
    }

    @Override
    public int redact(Redaction redaction) {
        return dataSubjects.redact(redaction);
    }

    @Override
    public List<Job> findJobs(java.util.Set<String> keys) {
        return jobs.findByKeys(List.copyOf(Checks.notNull(keys, "keys")));
    }

    @Override
    public int dropJobs(java.util.Set<String> keys) {
        return dataSubjects.dropJobs(keys);
    }

    @Override
    public int rewriteJobs(List<Job> jobs) {
        return dataSubjects.rewriteJobs(jobs);
    }

    @Override
    public int emptyJobs(java.util.Set<String> keys, java.util.Set<String> about, String note, Instant now) {
        return dataSubjects.emptyJobs(keys, about, note, now);
    }

    @Override
    public List<TicketId> purgeClosedTickets(Instant before, int max, Instant now) {
        return dataSubjects.purgeClosedTickets(before, max, now);
    }

    @Override
    public List<UUID> purgeClosedConversations(Instant before, int max, Instant now) {
        return dataSubjects.purgeClosedConversations(before, max, now);
    }

    @Override
    public void appendConsent(ConsentEntry entry) {
        dataSubjects.appendConsent(entry);
    }

    @Override
    public List<ConsentEntry> consentHistory(String contact) {
        return dataSubjects.consentHistory(contact);
    }

    @Override
    public void appendDataSubjectRequest(DataSubjectRequest request) {
        dataSubjects.appendRequest(request);
    }

    @Override
    public List<DataSubjectRequest> dataSubjectRequests(int limit) {
        return dataSubjects.requests(limit);
    }

    private static String checkPrefix(String prefix) {
        if (prefix == null || !PREFIX.matcher(prefix).matches()) {
            throw InvalidInputException.of("tablePrefix",
                    "must be 1 to 30 lower-case letters, digits or '_' starting with a letter, was \"" + prefix + "\"");
        }
        return prefix;
    }

    /** Configures a {@link JdbcTicketStore}. */
    public static final class Builder {
        private final DataSource dataSource;
        private String prefix = DEFAULT_PREFIX;
        private SchemaMode schemaMode = SchemaMode.CREATE;
        private Dialect dialect;
        private boolean joinHostTransactions;
        private int reportConnections = 1;

        private Builder(DataSource dataSource) {
            this.dataSource = dataSource;
        }

        /**
         * @param value the table prefix, e.g. {@code "helpdesk_"} ({@value JdbcTicketStore#DEFAULT_PREFIX} by default)
         * @return this builder
         */
        public Builder tablePrefix(String value) {
            this.prefix = checkPrefix(value);
            return this;
        }

        /**
         * @param value what to do with the schema at build time ({@link SchemaMode#CREATE} by default)
         * @return this builder
         */
        public Builder schemaMode(SchemaMode value) {
            if (value == null) {
                throw InvalidInputException.of("schemaMode", "must not be null");
            }
            this.schemaMode = value;
            return this;
        }

        /**
         * @param value the dialect to use instead of the detected one
         * @return this builder
         */
        public Builder dialect(Dialect value) {
            if (value == null) {
                throw InvalidInputException.of("dialect", "must not be null");
            }
            this.dialect = value;
            return this;
        }

        /**
         * Makes the store join the host's transactions: when the data source hands out a connection with auto-commit
         * off (as Spring's {@code TransactionAwareDataSourceProxy} does inside {@code @Transactional}), the store's
         * writes run in that transaction, never commit or roll back on their own, and commit or roll back with the
         * host's work. A connection with auto-commit on still gets a transaction of the store's own. Off by default,
         * for pools whose connections have auto-commit off. On MariaDB, run the host's transactions at
         * READ COMMITTED: a retried read must see what others committed meanwhile. A host transaction that writes a
         * ticket holds the ticket counters (numbers and change positions, which must become visible in commit
         * order) until it commits, so other ticket writes wait for it: keep such transactions short.
         *
         * @param value whether to join
         * @return this builder
         */
        public Builder joinHostTransactions(boolean value) {
            this.joinHostTransactions = value;
            return this;
        }

        /**
         * PostgreSQL: how many connections an analytics report may use at once for its five largest aggregates
         * (per-agent figures, both spans' percentiles, quarter hours, counts, backlog). With 1 (the default) every
         * aggregate runs on the report's own connection, one after the other. With {@code n} from 2 to 5 they run on
         * {@code n} more connections, each reading the snapshot the report's own transaction exports
         * ({@code pg_export_snapshot()}), so these five figures are of one moment; the report then holds
         * {@code n + 1} connections from the pool while it runs, so size the pool for the reports that may run at
         * once, times {@code n + 1}, besides the rest of the application. An extra connection the pool cannot give
         * within its timeout is done without: its aggregates run on the report's own connection afterwards (a
         * warning is logged). Over 1,000,000 tickets on a 2-core machine, 2 took the report from 1.6-2.0 s to
         * 0.93-1.02 s. Only a report in a transaction of the store's own that has not written runs this way: inside the
         * host's transaction ({@link #joinHostTransactions}), or after writes in the same unit, the report runs on
         * that transaction's connection alone. Other databases always run one aggregate at a time.
         *
         * @param value from 1 to 5
         * @return this builder
         */
        public Builder reportConnections(int value) {
            if (value < 1 || value > 5) {
                throw InvalidInputException.of("reportConnections", "must be from 1 to 5");
            }
            this.reportConnections = value;
            return this;
        }

        /**
         * Connects once to detect the dialect and apply the schema mode.
         *
         * @return the store
         * @throws StoreUnavailableException when the database cannot be reached
         * @throws SupportException          when the database is not supported or the schema is missing or outdated
         */
        public JdbcTicketStore build() {
            try (Connection c = dataSource.getConnection()) {
                Dialect d = dialect != null ? dialect : Dialect.detect(c.getMetaData());
                if (d == Dialect.MYSQL) {
                    throw new SupportException("MySQL is recognised but no schema ships for it yet; "
                            + "JdbcTicketStore supports H2, PostgreSQL and MariaDB");
                }
                JdbcTicketStore store = new JdbcTicketStore(dataSource, d, prefix, joinHostTransactions, reportConnections);
                boolean autoCommit = c.getAutoCommit();
                c.setAutoCommit(true);
                try {
                    switch (schemaMode) {
                        case CREATE -> Schema.create(c, store.sql, prefix);
                        case VALIDATE -> Schema.validate(c, prefix);
                        case NONE -> { }
                    }
                } finally {
                    c.setAutoCommit(autoCommit);
                }
                return store;
            } catch (SQLException e) {
                throw new StoreUnavailableException("The JDBC ticket store could not start (SQLState " + e.getSQLState()
                        + ")", e);
            }
        }
    }

    @Override
    public List<AnalyticsStore.TicketCount> ticketCounts(AnalyticsQuery query) {
        return analytics.ticketCounts(query);
    }

    @Override
    public java.util.SortedMap<Long, Long> requestsByQuarterHour(AnalyticsQuery query) {
        return analytics.requestsByQuarterHour(query);
    }

    @Override
    public void prepareReport(AnalyticsQuery query, java.util.List<Instant> backlogLimits) {
        analytics.prepareReport(query, backlogLimits);
    }

    @Override
    public AnalyticsStore.ConversationCounts conversationCounts(AnalyticsQuery query) {
        return analytics.conversationCounts(query);
    }

    @Override
    public AnalyticsStore.SpanStats spanStats(AnalyticsQuery query, AnalyticsStore.Span span) {
        return analytics.spanStats(query, span);
    }

    @Override
    public void forEachSpan(AnalyticsQuery query, AnalyticsStore.Span span,
            java.util.function.BiConsumer<Instant, Instant> each) {
        analytics.forEachSpan(query, span, each);
    }

    @Override
    public List<AnalyticsStore.SlaCounts> slaCounts(AnalyticsQuery query) {
        return analytics.slaCounts(query);
    }

    @Override
    public AnalyticsStore.ResolutionCounts resolutionCounts(AnalyticsQuery query) {
        return analytics.resolutionCounts(query);
    }

    @Override
    public AnalyticsStore.SatisfactionCounts satisfactionCounts(AnalyticsQuery query) {
        return analytics.satisfactionCounts(query);
    }

    @Override
    public List<Long> backlog(AnalyticsQuery query, List<Instant> createdAfter) {
        return analytics.backlog(query, createdAfter);
    }

    @Override
    public List<AnalyticsStore.AgentCounts> agentCounts(AnalyticsQuery query) {
        return analytics.agentCounts(query);
    }

    @Override
    public List<AnalyticsStore.AgentSpanStats> agentSpanStats(AnalyticsQuery query, AnalyticsStore.Span span) {
        return analytics.agentSpanStats(query, span);
    }

    @Override
    public void forEachRequestText(AnalyticsQuery query, java.util.function.Consumer<List<String>> request) {
        analytics.forEachRequestText(query, request);
    }
}
