package za.co.proconnectsa.support.jdbc;

import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;
import za.co.proconnectsa.support.SupportException;

/**
 * The databases {@link JdbcTicketStore} knows. Detected from {@link DatabaseMetaData} unless the
 * builder sets one.
 */
public enum Dialect {
    /** H2 2.x: the embedded default. Text search is a case-insensitive substring match (LIKE). */
    H2,
    /** PostgreSQL 12 and later. Text search is full-text search with the 'simple' configuration. */
    POSTGRESQL,
    /** MariaDB 10.6 and later. Text search is an InnoDB FULLTEXT boolean search (words of 3+ letters). */
    MARIADB,
    /** MySQL: recognised, but no schema ships for it yet; the store refuses it with a clear error. */
    MYSQL;

    /**
     * @param meta the connection's metadata
     * @return the dialect
     * @throws SQLException        when the metadata cannot be read
     * @throws SupportException    when the database is none of these
     */
    public static Dialect detect(DatabaseMetaData meta) throws SQLException {
        String product = meta.getDatabaseProductName().toLowerCase(Locale.ROOT);
        String version = meta.getDatabaseProductVersion().toLowerCase(Locale.ROOT);
        if (product.contains("h2")) {
            return H2;
        }
        if (product.contains("postgresql")) {
            return POSTGRESQL;
        }
        // MariaDB's driver reports "MariaDB"; through a MySQL driver the version says "-MariaDB"
        if (product.contains("mariadb") || version.contains("mariadb")) {
            return MARIADB;
        }
        if (product.contains("mysql")) {
            return MYSQL;
        }
        throw new SupportException("JdbcTicketStore supports H2, PostgreSQL and MariaDB; this database is \""
                + meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion() + "\"");
    }
}
