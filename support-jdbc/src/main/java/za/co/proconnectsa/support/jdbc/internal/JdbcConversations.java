package za.co.proconnectsa.support.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import za.co.proconnectsa.support.ConcurrentUpdateException;
import za.co.proconnectsa.support.SupportException;
import za.co.proconnectsa.support.InvalidInputException;
import za.co.proconnectsa.support.conversation.Conversation;
import za.co.proconnectsa.support.conversation.ConversationMessage;
import za.co.proconnectsa.support.conversation.ConversationNotFoundException;
import za.co.proconnectsa.support.conversation.ConversationNumber;
import za.co.proconnectsa.support.conversation.ConversationQuery;
import za.co.proconnectsa.support.conversation.ConversationStatus;
import za.co.proconnectsa.support.conversation.DeliveryPricing;
import za.co.proconnectsa.support.conversation.MessageDelivery;
import za.co.proconnectsa.support.conversation.PricedMessages;
import za.co.proconnectsa.support.jdbc.Dialect;
import za.co.proconnectsa.support.spi.AlreadyStoredException;
import za.co.proconnectsa.support.spi.ConversationInsert;
import za.co.proconnectsa.support.ticket.Cursor;
import za.co.proconnectsa.support.ticket.Page;
import za.co.proconnectsa.support.ticket.TicketId;
import za.co.proconnectsa.support.internal.Retry;
import za.co.proconnectsa.support.internal.Text;

/**
 * WhatsApp conversations and their transcripts in two tables. One active conversation a contact is kept by a
 * unique {@code active_contact} column (the contact while active, NULL after), so racing inserts on several
 * instances cannot both win.
 */
public final class JdbcConversations {

    private static final String COLUMNS = "id, seq, number, contact, contact_name, requester_id, status, ticket_id, "
            + "reference, last_inbound_at, created_at, updated_at, version";
    private static final String MESSAGE_COLUMNS = "id, conversation_id, contact, author, author_id, author_name, body, "
            + "created_at";

    /** An active conversation in the way may be closed before it could be read: up to three tries. */
    private static final Retry INSERT_RETRY = Retry.builder().handle(ActiveClosed.class).withMinAttempts(3).build();

    private final Tx tx;
    private final Dialect dialect;
    private final String conversations;
    private final String messages;
    private final String nextSequence;

    /**
     * @param tx     the store's transactions
     * @param sql    the store's SQL (dialect and prefix)
     * @param prefix the table prefix
     */
    public JdbcConversations(Tx tx, Sql sql, String prefix) {
        this.tx = tx;
        this.dialect = sql.dialect();
        this.conversations = prefix + "whatsapp_conversations";
        this.messages = prefix + "whatsapp_messages";
        this.nextSequence = sql.nextValue("conversation_number_seq");
    }

    /** @return the next sequence value */
    public long nextSequence() {
        return tx.nextValue("taking a conversation number", nextSequence);
    }

    /**
     * @param conversation the new conversation
     * @param first        its first messages
     * @return inserted, or the contact's active conversation
     */
    public ConversationInsert insert(Conversation conversation, List<ConversationMessage> first) {
        try {
            return INSERT_RETRY.get(() -> insertOnce(conversation, first));
        } catch (ActiveClosed spent) {
            throw new AlreadyStoredException("conversation " + conversation.number() + " or one of its message ids",
                    spent.getCause());
        }
    }

    private ConversationInsert insertOnce(Conversation conversation, List<ConversationMessage> first) {
        try {
            return tx.runKeyed("inserting a conversation", c -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + conversations + " (" + COLUMNS
                        + ", active_contact) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    bind(ps, conversation);
                    ps.setString(14, conversation.status().isActive() ? conversation.contact() : null);
                    ps.executeUpdate();
                } catch (SQLException e) {
                    throw Tx.unlessKeyTaken(e);
                }
                insertMessages(c, first);
                return new ConversationInsert.Inserted(conversation);
            });
        } catch (Tx.KeyTaken taken) {
            // rolled back; which key was taken is read afresh, as a failed transaction can ask nothing more
            Optional<Conversation> active = conversation.status().isActive()
                    ? findActive(conversation.contact()) : Optional.empty();
            if (active.isPresent()) {
                return new ConversationInsert.ActiveExists(active.get());
            }
            if (find(conversation.id()).isPresent() || findByNumber(conversation.number().text()).isPresent()) {
                throw new AlreadyStoredException("conversation " + conversation.number()
                        + " or one of its message ids", taken);
            }
            throw new ActiveClosed(taken);
        }
    }

    /** The key in the way was the contact's active conversation, closed before it could be read: try again. */
    private static final class ActiveClosed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ActiveClosed(Tx.KeyTaken taken) {
            super(null, taken, false, false);
        }
    }

    /**
     * @param conversation the changed conversation at the version it was read
     * @param added        new messages
     * @return the stored conversation at the next version
     */
    public Conversation update(Conversation conversation, List<ConversationMessage> added) {
        return tx.run("updating a conversation", c -> {
            String current;
            long version;
            try (PreparedStatement ps = c.prepareStatement("SELECT status, version FROM " + conversations + " WHERE id = ?")) {
                ps.setString(1, conversation.id().toString());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new ConversationNotFoundException(conversation.number().text());
                    }
                    current = rs.getString(1);
                    version = rs.getLong(2);
                }
            }
            if (!ConversationStatus.valueOf(current).isActive() && conversation.status().isActive()) {
                throw InvalidInputException.of("status", "a closed conversation stays closed; start a new one");
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + conversations + " SET contact_name = ?, "
                    + "requester_id = ?, status = ?, ticket_id = ?, reference = ?, last_inbound_at = ?, updated_at = ?, "
                    + "version = ?, active_contact = ? WHERE id = ? AND version = ?")) {
                ps.setString(1, conversation.contactName());
                ps.setString(2, conversation.requesterId());
                ps.setString(3, conversation.status().name());
                ps.setString(4, conversation.ticketId() == null ? null : conversation.ticketId().toString());
                ps.setString(5, conversation.reference());
                Rows.setInstant(ps, 6, conversation.lastInboundAt(), dialect);
                Rows.setInstant(ps, 7, conversation.updatedAt(), dialect);
                ps.setLong(8, conversation.version() + 1);
                ps.setString(9, conversation.status().isActive() ? conversation.contact() : null);
                ps.setString(10, conversation.id().toString());
                ps.setLong(11, conversation.version());
                if (ps.executeUpdate() == 0) {
                    throw new ConcurrentUpdateException(conversation.number().text(), conversation.version(), version);
                }
            }
            insertMessages(c, added);
            return conversation.withVersion(conversation.version() + 1);
        });
    }

    private void insertMessages(Connection c, List<ConversationMessage> added) throws SQLException {
        if (added.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + messages + " (" + MESSAGE_COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (ConversationMessage m : added) {
                ps.setString(1, m.id());
                ps.setString(2, m.conversationId().toString());
                ps.setString(3, m.contact());
                ps.setString(4, m.author().name());
                ps.setString(5, m.authorId());
                ps.setString(6, m.authorName());
                ps.setString(7, m.body());
                Rows.setInstant(ps, 8, m.at(), dialect);
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            if (Tx.isUniqueViolation(e) || (e.getNextException() != null && Tx.isUniqueViolation(e.getNextException()))) {
                throw new AlreadyStoredException("a message id of " + added.size() + " new messages", e);
            }
            throw e;
        }
    }

    private void bind(PreparedStatement ps, Conversation v) throws SQLException {
        ps.setString(1, v.id().toString());
        ps.setLong(2, v.number().sequence());
        ps.setString(3, v.number().text());
        ps.setString(4, v.contact());
        ps.setString(5, v.contactName());
        ps.setString(6, v.requesterId());
        ps.setString(7, v.status().name());
        ps.setString(8, v.ticketId() == null ? null : v.ticketId().toString());
        ps.setString(9, v.reference());
        Rows.setInstant(ps, 10, v.lastInboundAt(), dialect);
        Rows.setInstant(ps, 11, v.createdAt(), dialect);
        Rows.setInstant(ps, 12, v.updatedAt(), dialect);
        ps.setLong(13, v.version());
    }

    private Conversation read(ResultSet rs) throws SQLException {
        String ticket = rs.getString("ticket_id");
        return new Conversation(UUID.fromString(rs.getString("id")),
                new ConversationNumber(rs.getLong("seq"), rs.getString("number")), rs.getString("contact"),
                rs.getString("contact_name"), rs.getString("requester_id"),
                ConversationStatus.valueOf(rs.getString("status")), ticket == null ? null : TicketId.parse(ticket),
                rs.getString("reference"), Rows.getInstant(rs, "last_inbound_at", dialect),
                Rows.getInstant(rs, "created_at", dialect), Rows.getInstant(rs, "updated_at", dialect),
                rs.getLong("version"));
    }

    private List<Conversation> select(String what, String where, Object... params) {
        return tx.run(what, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM " + conversations + " " + where)) {
                for (int i = 0; i < params.length; i++) {
                    ps.setObject(i + 1, params[i]);
                }
                List<Conversation> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(read(rs));
                    }
                }
                return out;
            }
        });
    }

    /** @param id an id @return the conversation */
    public Optional<Conversation> find(UUID id) {
        return select("reading a conversation", "WHERE id = ?", id.toString()).stream().findFirst();
    }

    /** @param number a number @return the conversation */
    public Optional<Conversation> findByNumber(String number) {
        return select("reading a conversation", "WHERE number = ?", number).stream().findFirst();
    }

    /** @param contact a contact @return its active conversation */
    public Optional<Conversation> findActive(String contact) {
        return select("reading a contact's conversation", "WHERE active_contact = ?", contact).stream().findFirst();
    }

    /** @param ticketId a ticket @return the newest conversation joined to it */
    public Optional<Conversation> findByTicket(TicketId ticketId) {
        return select("reading a ticket's conversation", "WHERE ticket_id = ? ORDER BY seq DESC LIMIT 1",
                ticketId.toString()).stream().findFirst();
    }

    /** @param id a conversation @return its messages, oldest first */
    public List<ConversationMessage> messages(UUID id) {
        return selectMessages("reading a conversation's messages", "conversation_id = ? ORDER BY created_at, pos",
                id.toString());
    }

    /** @param messageId a message id @return the message */
    public Optional<ConversationMessage> findMessage(String messageId) {
        return selectMessages("reading a conversation message", "id = ?", messageId).stream().findFirst();
    }

    private List<ConversationMessage> selectMessages(String what, String where, String param) {
        return tx.run(what, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + MESSAGE_COLUMNS + " FROM " + messages
                    + " WHERE " + where)) {
                ps.setString(1, param);
                List<ConversationMessage> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new ConversationMessage(rs.getString("id"), UUID.fromString(rs.getString("conversation_id")),
                                rs.getString("contact"), ConversationMessage.Author.valueOf(rs.getString("author")),
                                rs.getString("author_id"), rs.getString("author_name"), rs.getString("body"),
                                Rows.getInstant(rs, "created_at", dialect)));
                    }
                }
                return out;
            }
        });
    }

    /** @param query filters and page @return one page, newest first */
    public Page<Conversation> query(ConversationQuery query) {
        StringBuilder where = new StringBuilder();
        List<Object> params = new ArrayList<>();
        if (!query.statuses().isEmpty()) {
            where.append("status IN (").append(Sql.placeholders(query.statuses().size())).append(")");
            query.statuses().stream().sorted().forEach(s -> params.add(s.name()));
        }
        query.contactFilter().ifPresent(contact -> {
            where.append(where.length() == 0 ? "" : " AND ").append("contact = ?");
            params.add(contact);
        });
        query.textFilter().ifPresent(text -> {
            where.append(where.length() == 0 ? "" : " AND ").append("id IN (SELECT conversation_id FROM ").append(messages)
                    .append(" WHERE LOWER(body) LIKE ? ").append(Sql.LIKE_ESCAPE).append(")");
            params.add(Sql.containsPattern(text));
        });
        if (query.after().isPresent()) {
            where.append(where.length() == 0 ? "" : " AND ").append("seq < ?");
            params.add(query.after().getAsLong());
        }
        List<Conversation> rows = select("listing conversations", (where.length() == 0 ? "" : "WHERE " + where)
                + " ORDER BY seq DESC LIMIT " + (query.limit() + 1), params.toArray());
        boolean more = rows.size() > query.limit();
        List<Conversation> items = more ? rows.subList(0, query.limit()) : rows;
        return new Page<>(items, more ? Cursor.after(items.get(items.size() - 1).number().sequence()) : null);
    }

    /**
     * @param contact a contact
     * @param author  who wrote
     * @param since   from when
     * @return how many
     */
    public int count(String contact, ConversationMessage.Author author, Instant since) {
        return tx.run("counting a contact's messages", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + messages
                    + " WHERE contact = ? AND author = ? AND created_at >= ?")) {
                ps.setString(1, contact);
                ps.setString(2, author.name());
                Rows.setInstant(ps, 3, since, dialect);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    /**
     * @param d a line's delivery
     * @return whether the line exists
     */
    public boolean recordDelivery(MessageDelivery d) {
        try {
            return tx.runKeyed("recording a message's delivery", c -> {
                try (PreparedStatement ps = c.prepareStatement("UPDATE " + messages + " SET provider_message_id = ?, "
                        + "delivery_state = ?, delivery_rank = ?, delivery_detail = ?, delivery_at = ? WHERE id = ?")) {
                    ps.setString(1, d.providerMessageId());
                    ps.setString(2, d.state().name());
                    ps.setInt(3, d.state().rank());
                    ps.setString(4, d.detail());
                    Rows.setInstant(ps, 5, d.at(), dialect);
                    ps.setString(6, d.messageId());
                    return ps.executeUpdate() > 0;
                } catch (SQLException e) {
                    throw Tx.unlessKeyTaken(e);
                }
            });
        } catch (Tx.KeyTaken taken) {
            throw new AlreadyStoredException("provider message id " + d.providerMessageId(), taken);
        }
    }

    /**
     * @param providerMessageId the channel's id
     * @param state             the reported state
     * @param detail            why, or null
     * @param at                when
     * @return the line's delivery after the report, or empty when no line has that id
     */
    public Optional<MessageDelivery> advanceDelivery(String providerMessageId, MessageDelivery.State state, String detail,
            Instant at) {
        String id = Text.identifier(providerMessageId, "providerMessageId");
        String cut = detail == null ? null : Text.text(Text.truncate(detail, MessageDelivery.MAX_DETAIL), "detail",
                MessageDelivery.MAX_DETAIL);
        return tx.run("applying a message's delivery report", c -> {
            // one conditional statement: racing reports cannot move a line down
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + messages + " SET delivery_state = ?, "
                    + "delivery_rank = ?, delivery_detail = ?, delivery_at = ? WHERE provider_message_id = ? "
                    + "AND delivery_rank < ?")) {
                ps.setString(1, state.name());
                ps.setInt(2, state.rank());
                ps.setString(3, cut);
                Rows.setInstant(ps, 4, at, dialect);
                ps.setString(5, id);
                ps.setInt(6, state.rank());
                ps.executeUpdate();
            }
            return selectDeliveries(c, "provider_message_id = ?", id).stream().findFirst();
        });
    }

    /**
     * @param providerMessageId the channel's id
     * @param pricing           the report's pricing
     * @return whether a line has that id
     */
    public boolean recordPricing(String providerMessageId, DeliveryPricing pricing) {
        String id = Text.identifier(providerMessageId, "providerMessageId");
        return tx.run("keeping a message's pricing", c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + messages + " SET pricing_model = ?, "
                    + "pricing_category = ?, pricing_type = ? WHERE provider_message_id = ?")) {
                ps.setString(1, pricing.model());
                ps.setString(2, pricing.category());
                ps.setString(3, pricing.type());
                ps.setString(4, id);
                return ps.executeUpdate() > 0;
            }
        });
    }

    /** @param messageId a line @return how the channel priced it */
    public Optional<DeliveryPricing> findPricing(String messageId) {
        return tx.run("reading a message's pricing", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT pricing_model, pricing_category, pricing_type FROM "
                    + messages + " WHERE id = ? AND pricing_model IS NOT NULL")) {
                ps.setString(1, messageId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new DeliveryPricing(rs.getString(1), rs.getString(2), rs.getString(3)))
                            : Optional.<DeliveryPricing>empty();
                }
            }
        });
    }

    /**
     * @param from the first instant counted
     * @param to   the instant after the last
     * @return the priced lines written in the period, counted by model, category and type
     */
    public List<PricedMessages> pricedMessages(Instant from, Instant to) {
        return tx.run("counting priced messages", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT pricing_model, pricing_category, pricing_type, "
                    + "COUNT(*) FROM " + messages + " WHERE pricing_model IS NOT NULL AND created_at >= ? AND "
                    + "created_at < ? GROUP BY pricing_model, pricing_category, pricing_type")) {
                Rows.setInstant(ps, 1, from, dialect);
                Rows.setInstant(ps, 2, to, dialect);
                List<PricedMessages> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new PricedMessages(new DeliveryPricing(rs.getString(1), rs.getString(2),
                                rs.getString(3)), rs.getLong(4)));
                    }
                }
                // sorted here, not in SQL: the databases order NULL types differently
                out.sort(PricedMessages.ORDER);
                return out;
            }
        });
    }

    /** @param messageId a line @return its delivery */
    public Optional<MessageDelivery> findDelivery(String messageId) {
        return tx.run("reading a message's delivery", c -> selectDeliveries(c, "id = ?", messageId).stream().findFirst());
    }

    /** @param conversationId a conversation @return its lines' deliveries, in transcript order */
    public List<MessageDelivery> deliveries(UUID conversationId) {
        return tx.run("reading a conversation's deliveries", c -> selectDeliveries(c,
                "conversation_id = ? ORDER BY created_at, pos", conversationId.toString()));
    }

    private List<MessageDelivery> selectDeliveries(Connection c, String where, String param) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, delivery_state, provider_message_id, delivery_detail, "
                + "delivery_at FROM " + messages + " WHERE delivery_state IS NOT NULL AND " + where)) {
            ps.setString(1, param);
            List<MessageDelivery> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new MessageDelivery(rs.getString("id"), MessageDelivery.State.valueOf(rs.getString("delivery_state")),
                            rs.getString("provider_message_id"), rs.getString("delivery_detail"),
                            Rows.getInstant(rs, "delivery_at", dialect)));
                }
            }
            return out;
        }
    }
}
