/** A {@link za.co.proconnectsa.support.spi.TicketStore} on JDBC for H2, PostgreSQL and MariaDB/MySQL. */
package za.co.proconnectsa.support.jdbc;
