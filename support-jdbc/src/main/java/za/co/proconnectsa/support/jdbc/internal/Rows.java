package za.co.proconnectsa.support.jdbc.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.access.Role;
import za.co.proconnectsa.support.jdbc.Dialect;
import za.co.proconnectsa.support.ticket.Attachment;
import za.co.proconnectsa.support.ticket.AuditAction;
import za.co.proconnectsa.support.ticket.AuditEvent;
import za.co.proconnectsa.support.ticket.Category;
import za.co.proconnectsa.support.ticket.Message;
import za.co.proconnectsa.support.ticket.OriginChannel;
import za.co.proconnectsa.support.ticket.Priority;
import za.co.proconnectsa.support.ticket.Ticket;
import za.co.proconnectsa.support.ticket.TicketId;
import za.co.proconnectsa.support.ticket.TicketNumber;
import za.co.proconnectsa.support.ticket.TicketStatus;
import za.co.proconnectsa.support.ticket.Visibility;

/** Binding values to statements and reading them back, the same way on every dialect. */
public final class Rows {

    private Rows() {
    }

    /**
     * Binds an instant so that it is stored in UTC whatever the JVM's and the session's time zones:
     * as an offset date-time for timestamp-with-time-zone columns, as a UTC local date-time for
     * MariaDB's DATETIME.
     *
     * @param ps      the statement
     * @param index   the parameter
     * @param instant the value, or null
     * @param dialect the database
     * @throws SQLException from the driver
     */
    public static void setInstant(PreparedStatement ps, int index, Instant instant, Dialect dialect) throws SQLException {
        if (dialect == Dialect.MARIADB) {
            if (instant == null) {
                ps.setNull(index, Types.TIMESTAMP);
            } else {
                ps.setObject(index, LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
            }
        } else if (instant == null) {
            ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            ps.setObject(index, instant.atOffset(ZoneOffset.UTC));
        }
    }

    public static Instant getInstant(ResultSet rs, String column, Dialect dialect) throws SQLException {
        if (dialect == Dialect.MARIADB) {
            LocalDateTime value = rs.getObject(column, LocalDateTime.class);
            return value == null ? null : value.toInstant(ZoneOffset.UTC);
        }
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    public static void bindTicketInsert(PreparedStatement ps, Ticket t, Dialect d) throws SQLException {
        ps.setString(1, t.id().toString());
        ps.setLong(2, t.number().sequence());
        ps.setString(3, t.number().text());
        ps.setString(4, t.subject());
        ps.setString(5, t.body());
        ps.setString(6, t.category().code());
        ps.setString(7, t.priority().name());
        ps.setString(8, t.status().name());
        ps.setString(9, t.origin().name());
        ps.setString(10, t.requesterId());
        ps.setString(11, t.assigneeId());
        ps.setString(12, tags(t.tags()));
        ps.setString(13, t.fingerprint());
        setInstant(ps, 14, t.createdAt(), d);
        setInstant(ps, 15, t.updatedAt(), d);
        setInstant(ps, 16, t.firstRespondedAt(), d);
        ps.setLong(17, t.version());
    }

    public static void bindTicketUpdate(PreparedStatement ps, Ticket t, Dialect d) throws SQLException {
        ps.setString(1, t.subject());
        ps.setString(2, t.body());
        ps.setString(3, t.category().code());
        ps.setString(4, t.priority().name());
        ps.setString(5, t.status().name());
        ps.setString(6, t.origin().name());
        ps.setString(7, t.requesterId());
        ps.setString(8, t.assigneeId());
        ps.setString(9, tags(t.tags()));
        ps.setString(10, t.fingerprint());
        setInstant(ps, 11, t.updatedAt(), d);
        setInstant(ps, 12, t.firstRespondedAt(), d);
        ps.setLong(13, t.version() + 1);
        ps.setString(14, t.id().toString());
        ps.setLong(15, t.version());
    }

    /** Tags are single words (letters, digits, '-' and '_'), so a newline separates them safely. */
    private static String tags(Set<String> tags) {
        return String.join("\n", tags);
    }

    public static Ticket ticket(ResultSet rs, List<Attachment> attachments, Dialect d) throws SQLException {
        String tags = rs.getString("tags");
        Set<String> tagSet = new LinkedHashSet<>();
        if (!tags.isEmpty()) {
            tagSet.addAll(Arrays.asList(tags.split("\n")));
        }
        return new Ticket(
                new TicketId(UUID.fromString(rs.getString("id"))),
                new TicketNumber(rs.getLong("seq"), rs.getString("number")),
                rs.getString("subject"),
                rs.getString("body"),
                new Category(rs.getString("category")),
                Priority.valueOf(rs.getString("priority")),
                TicketStatus.valueOf(rs.getString("status")),
                OriginChannel.valueOf(rs.getString("origin")),
                rs.getString("requester_id"),
                rs.getString("assignee_id"),
                tagSet,
                attachments,
                rs.getString("fingerprint"),
                getInstant(rs, "created_at", d),
                getInstant(rs, "updated_at", d),
                getInstant(rs, "first_responded_at", d),
                rs.getLong("version"));
    }

    public static void bindAttachment(PreparedStatement ps, TicketId ticket, UUID message, Attachment a) throws SQLException {
        ps.setString(1, ticket.toString());
        ps.setString(2, message == null ? null : message.toString());
        ps.setString(3, a.name());
        ps.setString(4, a.contentType());
        ps.setLong(5, a.sizeBytes());
        ps.setString(6, a.reference());
    }

    public static Attachment attachment(ResultSet rs) throws SQLException {
        return new Attachment(rs.getString("name"), rs.getString("content_type"), rs.getLong("size_bytes"),
                rs.getString("reference"));
    }

    public static void bindMessage(PreparedStatement ps, Message m, Dialect d) throws SQLException {
        ps.setString(1, m.id().toString());
        ps.setString(2, m.ticketId().toString());
        ps.setString(3, m.author().id());
        ps.setString(4, m.author().role().name());
        ps.setString(5, m.author().displayName());
        ps.setString(6, m.body());
        ps.setString(7, m.visibility().name());
        setInstant(ps, 8, m.createdAt(), d);
    }

    public static Message message(ResultSet rs, List<Attachment> attachments, Dialect d) throws SQLException {
        return new Message(UUID.fromString(rs.getString("id")), new TicketId(UUID.fromString(rs.getString("ticket_id"))),
                new Actor(rs.getString("author_id"), Role.valueOf(rs.getString("author_role")), rs.getString("author_name")),
                rs.getString("body"), Visibility.valueOf(rs.getString("visibility")), attachments,
                getInstant(rs, "created_at", d));
    }

    public static void bindAudit(PreparedStatement ps, AuditEvent e, Dialect d) throws SQLException {
        ps.setString(1, e.ticketId().toString());
        ps.setString(2, e.actor().id());
        ps.setString(3, e.actor().role().name());
        ps.setString(4, e.actor().displayName());
        ps.setString(5, e.action().name());
        ps.setString(6, e.before());
        ps.setString(7, e.after());
        ps.setString(8, e.visibility().name());
        setInstant(ps, 9, e.at(), d);
    }

    public static AuditEvent audit(ResultSet rs, Dialect d) throws SQLException {
        return new AuditEvent(new TicketId(UUID.fromString(rs.getString("ticket_id"))),
                new Actor(rs.getString("actor_id"), Role.valueOf(rs.getString("actor_role")), rs.getString("actor_name")),
                AuditAction.valueOf(rs.getString("action")), rs.getString("before_value"), rs.getString("after_value"),
                Visibility.valueOf(rs.getString("visibility")), getInstant(rs, "at", d));
    }
}
