package za.co.proconnectsa.support.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import za.co.proconnectsa.support.ticket.Ticket;

/** Writes an outbox row as a newer version of the library would: with an event type this version does not know. */
final class UnreadableOutboxRow {

    private UnreadableOutboxRow() {
    }

    static void write(DataSource dataSource, String eventType, Ticket ticket) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("INSERT INTO support_outbox (event_type, ticket_id, actor_id, "
                        + "actor_role, actor_name, occurred_at, attempts, aggregate_type, payload) VALUES (?, ?, "
                        + "'prov-17', 'REQUESTER', 'Thandi Nkosi', CURRENT_TIMESTAMP, 0, 'ticket', '{}')")) {
            ps.setString(1, eventType);
            ps.setString(2, ticket.id().toString());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not write the unreadable outbox row", e);
        }
    }
}
