package za.co.proconnectsa.support.jdbc.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import za.co.proconnectsa.support.attachment.AttachmentKind;
import za.co.proconnectsa.support.attachment.AttachmentRecord;
import za.co.proconnectsa.support.jdbc.Dialect;
import za.co.proconnectsa.support.spi.AttachmentStore;
import za.co.proconnectsa.support.ticket.TicketId;
import za.co.proconnectsa.support.internal.Checks;

/**
 * The stored_attachments table: each attachment's record and bytes in one row, written in the store's unit of work
 * when one runs (so a download's attachment commits with its job's done mark), else in a statement of its own.
 */
public final class JdbcAttachments implements AttachmentStore {

    private static final String COLUMNS = "id, kind, content_type, size_bytes, sha256, file_name, caption, created_at, "
            + "conversation_id, ticket_id, requester_id, source_message_id";

    private final Tx tx;
    private final Dialect dialect;
    private final String table;

    /**
     * @param tx      the store's transactions
     * @param dialect the database
     * @param prefix  the table prefix
     */
    public JdbcAttachments(Tx tx, Dialect dialect, String prefix) {
        this.tx = tx;
        this.dialect = dialect;
        this.table = prefix + "stored_attachments";
    }

    @Override
    public AttachmentRecord save(AttachmentRecord r, byte[] content) {
        Checks.notNull(r, "record").requireContent(content);
        Tx.Work<Boolean> insert = c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " (" + COLUMNS
                    + ", content) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, r.id().toString());
                ps.setString(2, r.kind().name());
                ps.setString(3, r.contentType());
                ps.setLong(4, r.sizeBytes());
                ps.setString(5, r.sha256());
                ps.setString(6, r.fileName());
                ps.setString(7, r.caption());
                Rows.setInstant(ps, 8, r.createdAt(), dialect);
                ps.setString(9, r.conversationId() == null ? null : r.conversationId().toString());
                ps.setString(10, r.ticketId() == null ? null : r.ticketId().value().toString());
                ps.setString(11, r.requesterId());
                ps.setString(12, r.sourceMessageId());
                ps.setBytes(13, content);
                ps.executeUpdate();
                return true;
            } catch (SQLException e) {
                throw Tx.unlessKeyTaken(e);
            }
        };
        try {
            if (tx.inUnit()) {
                tx.runKeyed("saving an attachment", insert);
            } else {
                tx.autoCommit("saving an attachment", insert);
            }
            return r;
        } catch (Tx.KeyTaken taken) {
            // saved before, by an earlier attempt or another instance: the first one stays
            return find(r.id()).orElseThrow(() -> new IllegalStateException("attachment " + r.id() + " vanished"));
        }
    }

    @Override
    public Optional<AttachmentRecord> find(UUID id) {
        Checks.notNull(id, "id");
        return select("reading an attachment", "id = ?", id.toString()).stream().findFirst();
    }

    @Override
    public Optional<byte[]> content(UUID id) {
        Checks.notNull(id, "id");
        return tx.run("reading an attachment's bytes", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT content FROM " + table + " WHERE id = ?")) {
                ps.setString(1, id.toString());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.<byte[]>empty();
                }
            }
        });
    }

    @Override
    public List<AttachmentRecord> byConversation(UUID conversationId) {
        Checks.notNull(conversationId, "conversationId");
        return select("listing a conversation's attachments", "conversation_id = ?", conversationId.toString());
    }

    @Override
    public List<AttachmentRecord> byTicket(TicketId ticketId) {
        Checks.notNull(ticketId, "ticketId");
        return select("listing a ticket's attachments", "ticket_id = ?", ticketId.value().toString());
    }

    @Override
    public boolean delete(UUID id) {
        Checks.notNull(id, "id");
        return tx.run("deleting an attachment", c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE id = ?")) {
                ps.setString(1, id.toString());
                return ps.executeUpdate() > 0;
            }
        });
    }

    private List<AttachmentRecord> select(String what, String where, String value) {
        return tx.run(what, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM " + table + " WHERE " + where
                    + " ORDER BY created_at, id")) {
                ps.setString(1, value);
                try (ResultSet rs = ps.executeQuery()) {
                    List<AttachmentRecord> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(read(rs));
                    }
                    return out;
                }
            }
        });
    }

    private AttachmentRecord read(ResultSet rs) throws SQLException {
        String conversation = rs.getString("conversation_id");
        String ticket = rs.getString("ticket_id");
        return new AttachmentRecord(UUID.fromString(rs.getString("id")), AttachmentKind.valueOf(rs.getString("kind")),
                rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256"), rs.getString("file_name"),
                rs.getString("caption"), Rows.getInstant(rs, "created_at", dialect),
                conversation == null ? null : UUID.fromString(conversation),
                ticket == null ? null : new TicketId(UUID.fromString(ticket)), rs.getString("requester_id"),
                rs.getString("source_message_id"));
    }
}
