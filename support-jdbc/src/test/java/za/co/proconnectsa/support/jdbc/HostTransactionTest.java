package za.co.proconnectsa.support.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;
import za.co.proconnectsa.support.SupportDesk;
import za.co.proconnectsa.support.access.Actor;
import za.co.proconnectsa.support.jdbc.testdb.TestDatabases;
import za.co.proconnectsa.support.ticket.Category;
import za.co.proconnectsa.support.ticket.NewTicket;
import za.co.proconnectsa.support.ticket.SubmissionReceipt;

/**
 * The store joining the host's own transaction, with plain JDBC: the host holds one connection with auto-commit off
 * and hands it out as a transaction-aware data source does; the desk's writes commit or roll back with the host's.
 */
@ParameterizedClass(name = "{0}")
@ValueSource(strings = {"h2-mem", "postgresql", "mariadb"})
class HostTransactionTest {

    private static final Actor THANDI = Actor.requester("prov-17", "Thandi Nkosi");

    @Parameter
    String database;
    private HikariDataSource pool;
    private JdbcTicketStore reader;
    private Connection hostConnection;
    private SupportDesk joined;

    @BeforeEach
    void open() throws SQLException {
        pool = TestDatabases.named(database).freshDatabase();
        reader = JdbcTicketStore.create(pool);
        try (Connection c = pool.getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE host_orders (id INT PRIMARY KEY, note VARCHAR(100))");
        }
        hostConnection = pool.getConnection();
        hostConnection.setAutoCommit(false);
        if (hostConnection.getTransactionIsolation() > Connection.TRANSACTION_READ_COMMITTED) {
            hostConnection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        }
        JdbcTicketStore store = JdbcTicketStore.builder(transactionAware(hostConnection))
                .schemaMode(SchemaMode.VALIDATE).joinHostTransactions(true).build();
        joined = SupportDesk.builder().store(store).build();
    }

    @AfterEach
    void close() throws SQLException {
        if (!hostConnection.getAutoCommit()) {
            hostConnection.rollback();
        }
        hostConnection.close();
        pool.close();
    }

    @Test
    @DisplayName("the host rolls back: its own row and the desk's ticket are both gone")
    void rollsBackWithHost() throws SQLException {
        insertOrder(1);
        SubmissionReceipt receipt = joined.tickets().submit(THANDI, invoice());
        assertThat(reader.findByNumber(receipt.ticketNumber().text())).as("not visible before the host commits").isEmpty();

        hostConnection.rollback();

        assertThat(reader.findByNumber(receipt.ticketNumber().text())).isEmpty();
        assertThat(reader.pendingCount()).isZero();
        assertThat(orders()).isZero();
    }

    @Test
    @DisplayName("the host commits: its own row, the desk's ticket and its outbox event are all stored")
    void commitsWithHost() throws SQLException {
        insertOrder(2);
        SubmissionReceipt receipt = joined.tickets().submit(THANDI, invoice());

        hostConnection.commit();

        assertThat(reader.findByNumber(receipt.ticketNumber().text())).isPresent();
        assertThat(reader.pendingCount()).isEqualTo(1);
        assertThat(orders()).isEqualTo(1);
    }

    @Test
    @DisplayName("a redelivered message or a repeated id inside the host's transaction is a duplicate and leaves the host's work usable")
    void takenKeysKeepHostTransaction() throws SQLException {
        reader.enqueueJob("whatsapp.inbound", "wamid.1", new byte[] {1}, java.time.Instant.now());
        insertOrder(1);
        JdbcTicketStore joinedStore = JdbcTicketStore.builder(transactionAware(hostConnection))
                .schemaMode(SchemaMode.VALIDATE).joinHostTransactions(true).build();
        assertThat(joinedStore.enqueueJob("whatsapp.inbound", "wamid.1", new byte[] {1}, java.time.Instant.now()))
                .as("Meta's redelivery").isFalse();
        assertThat(joinedStore.firstSeen("m-1", java.time.Instant.now())).isTrue();
        assertThat(joinedStore.firstSeen("m-1", java.time.Instant.now())).isFalse();
        insertOrder(2);
        hostConnection.commit();
        assertThat(orders()).isEqualTo(2);
        assertThat(reader.firstSeen("m-1", java.time.Instant.now())).as("committed with the host's work").isFalse();
    }

    @Test
    @DisplayName("without a host transaction (auto-commit on) the store commits on its own")
    void ownTransactionWithoutHost() throws SQLException {
        hostConnection.setAutoCommit(true);
        SubmissionReceipt receipt = joined.tickets().submit(THANDI, invoice());
        assertThat(reader.findByNumber(receipt.ticketNumber().text())).isPresent();
        assertThat(hostConnection.getAutoCommit()).as("the connection goes back as it came").isTrue();
    }

    private static NewTicket invoice() {
        return NewTicket.builder().subject("Invoice INV-2291 charged twice").body("I was billed twice for March.")
                .category(Category.BILLING).build();
    }

    private void insertOrder(int id) throws SQLException {
        try (Statement st = hostConnection.createStatement()) {
            st.executeUpdate("INSERT INTO host_orders (id, note) VALUES (" + id + ", 'paid')");
        }
    }

    private int orders() throws SQLException {
        try (Connection c = pool.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM host_orders")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** Hands out the host's one connection, whose close() leaves it open, as a transaction-aware proxy does. */
    private static DataSource transactionAware(Connection host) {
        Connection handle = (Connection) Proxy.newProxyInstance(HostTransactionTest.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        return null;
                    }
                    try {
                        return method.invoke(host, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        return (DataSource) Proxy.newProxyInstance(HostTransactionTest.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        return handle;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
