package za.co.proconnectsa.support.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.charset.StandardCharsets;
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
import za.co.proconnectsa.support.spi.AttachmentStore;
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
    /** Job payloads (JSON) and the bytes of stored files are read as UTF-8 text too. */
    private static final Set<Integer> BINARY_TYPES = Set.of(Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY,
            Types.BLOB);

    @Parameter
    String database;
    private HikariDataSource dataSource;

    @Override
    protected TicketStore createStore() {
        dataSource = TestDatabases.named(database).freshDatabase("America/New_York");
        return JdbcTicketStore.create(dataSource);
    }

    @Override
    protected AttachmentStore createAttachments(TicketStore on) {
        // the files in the database: the scan of every column below reads them
        return ((JdbcTicketStore) on).attachments();
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
                    int type = rs.getInt("DATA_TYPE");
                    if (table.toLowerCase(Locale.ROOT).startsWith(JdbcTicketStore.DEFAULT_PREFIX)
                            && (CHARACTER_TYPES.contains(type) || BINARY_TYPES.contains(type))) {
                        columns.add(new String[] {rs.getString("TABLE_SCHEM"), table, rs.getString("COLUMN_NAME"),
                                BINARY_TYPES.contains(type) ? "binary" : "text"});
                    }
                }
            }
            if (columns.stream().filter(col -> col[3].equals("binary")).count() < 2) {
                throw new IllegalStateException("found no job payload or file content column: " + database);
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
                        if (col[3].equals("binary")) {
                            byte[] bytes = rs.getBytes(1);
                            out.add(bytes == null ? null : new String(bytes, StandardCharsets.UTF_8));
                        } else {
                            out.add(rs.getString(1));
                        }
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
