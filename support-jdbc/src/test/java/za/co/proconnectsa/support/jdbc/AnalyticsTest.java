package za.co.proconnectsa.support.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;
import za.co.proconnectsa.support.jdbc.testdb.TestDatabases;
import za.co.proconnectsa.support.spi.TicketStore;
import za.co.proconnectsa.support.testing.AnalyticsContract;

/**
 * The analytics contract (the golden data set's hand-computed figures) on every database, session zone not UTC; on
 * PostgreSQL also with reports on 3 connections sharing the report's snapshot.
 */
@ParameterizedClass(name = "{0}")
@ValueSource(strings = {"h2-mem", "postgresql", "postgresql, 3 report connections", "mariadb"})
class AnalyticsTest extends AnalyticsContract {

    @Parameter
    String database;
    private HikariDataSource dataSource;

    @Override
    protected TicketStore createStore() {
        String[] name = database.split(", ");
        dataSource = TestDatabases.named(name[0]).freshDatabase("America/New_York");
        int connections = name.length > 1 ? Integer.parseInt(name[1].substring(0, name[1].indexOf(' '))) : 1;
        return JdbcTicketStore.builder(dataSource).reportConnections(connections).build();
    }

    @AfterEach
    void dropDatabase() {
        dataSource.close();
    }
}
