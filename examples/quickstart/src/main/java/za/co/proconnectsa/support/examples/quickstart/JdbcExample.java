package za.co.proconnectsa.support.examples.quickstart;

// jdbc-imports:begin
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import za.co.proconnectsa.support.SupportDesk;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.jdbc.JdbcTicketStore;
import za.co.proconnectsa.support.spi.TicketStore;
import za.co.proconnectsa.support.ticket.NewTicket;
import za.co.proconnectsa.support.ticket.SubmissionReceipt;
// jdbc-imports:end

/**
 * Tickets in a database: an embedded H2 database behind a HikariCP pool, the schema created by the store. The
 * README's "Storing tickets in a database" section is this code.
 */
public final class JdbcExample {

    private JdbcExample() {
    }

    /**
     * Runs the example.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        run();
    }

    static void run() {
        // jdbc:begin
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:support;DB_CLOSE_DELAY=-1");   // or your PostgreSQL or MariaDB URL
        try (HikariDataSource dataSource = new HikariDataSource(config)) {   // any pooled DataSource
            TicketStore store = JdbcTicketStore.create(dataSource);        // detects the database, creates the schema
            SupportDesk desk = SupportDesk.builder().store(store).build();

            SubmissionReceipt receipt = desk.tickets().submit(Actor.requester("provider-17", "Thandi Nkosi"),
                    NewTicket.builder().subject("Payout not received").body("My payout for March is missing.").build());
            System.out.println(receipt.confirmationText());
        }
        // jdbc:end
    }
}
