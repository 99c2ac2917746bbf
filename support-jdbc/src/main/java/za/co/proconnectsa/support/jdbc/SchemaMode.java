package za.co.proconnectsa.support.jdbc;

/** What {@link JdbcTicketStore} does with the schema when it is built. */
public enum SchemaMode {
    /** Create the tables, indexes and sequence if they are missing (the default). */
    CREATE,
    /** Check that the schema is there at the version this library expects; fail clearly if not. */
    VALIDATE,
    /** Touch nothing: the host manages the schema (e.g. with Flyway, from the SQL shipped in the jar). */
    NONE
}
