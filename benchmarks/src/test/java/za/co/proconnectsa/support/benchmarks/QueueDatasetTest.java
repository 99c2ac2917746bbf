package za.co.proconnectsa.support.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import za.co.proconnectsa.support.jdbc.JdbcTicketStore;
import za.co.proconnectsa.support.ticket.Ticket;
import za.co.proconnectsa.support.ticket.TicketId;

/** The benchmark data set, loaded with raw SQL, holds exactly the analytics facts the store itself writes. */
class QueueDatasetTest {

    @Test
    @DisplayName("every loaded ticket's facts row is the row the store writes when it stores that ticket")
    void factsAreTheStores() throws SQLException {
        try (EmbeddedDatabase database = EmbeddedDatabase.start()) {
            DataSource ds = database.dataSource();
            JdbcTicketStore store = JdbcTicketStore.create(ds);
            QueueDataset.load(ds, 2_000, QueueDataset.Layout.UNIFORM);
            List<String> loaded = facts(ds);
            assertThat(loaded).hasSize(2_000);
            try (Connection c = ds.getConnection(); Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT count(first_response_us), sum(open_now) FROM support_ticket_facts")) {
                rs.next();
                assertThat(rs.getLong(1)).as("first responses").isPositive();
                assertThat(rs.getLong(2)).as("open tickets").isPositive();
            }

            // each ticket written back unchanged through the store, which rewrites its facts row from it
            for (String row : loaded) {
                Ticket ticket = store.findById(TicketId.parse(row.substring(1, 37))).orElseThrow();
                store.update(ticket, List.of(), List.of());
            }

            assertThat(facts(ds)).isEqualTo(loaded);
        }
    }

    /** Each facts row as PostgreSQL prints a row value, in ticket id order. */
    private static List<String> facts(DataSource ds) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT f::text FROM support_ticket_facts f ORDER BY f.ticket_id")) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }
}
