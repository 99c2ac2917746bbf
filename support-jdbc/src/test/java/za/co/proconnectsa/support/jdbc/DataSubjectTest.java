package za.co.proconnectsa.support.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;
import za.co.proconnectsa.support.jdbc.testdb.TestDatabases;
import za.co.proconnectsa.support.spi.TicketStore;
import za.co.proconnectsa.support.testing.DataSubjectContract;

/**
 * The data-subject contract on every database. "Every stored text" is every value of every character column of every
 * table of the store, found through the database's metadata, so a table or column added later is scanned too.
 */
@ParameterizedClass(name = "{0}")
@ValueSource(strings = {"h2-mem", "postgresql", "mariadb"})
class DataSubjectTest extends DataSubjectContract {

    private static final Set<Integer> CHARACTER_TYPES = Set.of(Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.CLOB,
            Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR, Types.NCLOB);

    @Parameter
    String database;
    private HikariDataSource dataSource;

    @Override
    protected TicketStore createStore() {
        dataSource = TestDatabases.named(database).freshDatabase("America/New_York");
        return JdbcTicketStore.create(dataSource);
    }

    @Override
    protected TicketStore sameDataAgain() {
        return JdbcTicketStore.create(dataSource);
    }

    @Override
    protected List<String> everyStoredText() {
        List<String> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            List<String[]> columns = new ArrayList<>();
            try (ResultSet rs = meta.getColumns(c.getCatalog(), null, "%", "%")) {
                while (rs.next()) {
                    String table = rs.getString("TABLE_NAME");
                    if (table.toLowerCase(Locale.ROOT).startsWith(JdbcTicketStore.DEFAULT_PREFIX)
                            && CHARACTER_TYPES.contains(rs.getInt("DATA_TYPE"))) {
                        columns.add(new String[] {rs.getString("TABLE_SCHEM"), table, rs.getString("COLUMN_NAME")});
                    }
                }
            }
            if (columns.size() < 40) {
                throw new IllegalStateException("found only " + columns.size() + " character columns: " + database);
            }
            for (String[] col : columns) {
                String q = meta.getIdentifierQuoteString();
                String table = (col[0] == null ? "" : q + col[0] + q + ".") + q + col[1] + q;
                try (Statement st = c.createStatement();
                        ResultSet rs = st.executeQuery("SELECT " + q + col[2] + q + " FROM " + table)) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    @AfterEach
    void dropDatabase() {
        dataSource.close();
    }
}
