package za.co.proconnectsa.support.spring.boot.internal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Hands the JDBC store the connection of the Spring transaction running on the calling thread, so that the store's
 * writes join it (the store joins a connection that comes with auto-commit off). Outside a Spring transaction it
 * hands out a connection of the pool with auto-commit on, even from a pool configured with auto-commit off, so that
 * the store runs a transaction of its own instead of mistaking the connection for a host's transaction.
 */
public final class SpringTransactionDataSource extends DelegatingDataSource {

    /**
     * @param target the application's data source
     */
    public SpringTransactionDataSource(DataSource target) {
        super(target);
    }

    @Override
    public Connection getConnection() throws SQLException {
        DataSource target = obtainTargetDataSource();
        Connection c = DataSourceUtils.getConnection(target);
        boolean transactional = DataSourceUtils.isConnectionTransactional(c, target);
        try {
            if (!transactional && !c.getAutoCommit()) {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            DataSourceUtils.releaseConnection(c, target);
            throw e;
        }
        return handle(c, target);
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLException("the support store uses the application's data source with its own credentials");
    }

    /** The connection whose close() gives it back as Spring does: a transaction's connection stays open. */
    private static Connection handle(Connection c, DataSource target) {
        return (Connection) Proxy.newProxyInstance(SpringTransactionDataSource.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "close":
                            DataSourceUtils.releaseConnection(c, target);
                            return null;
                        case "equals":
                            return proxy == args[0];
                        case "hashCode":
                            return System.identityHashCode(proxy);
                        case "unwrap":
                            if (((Class<?>) args[0]).isInstance(proxy)) {
                                return proxy;
                            }
                            break;
                        default:
                            break;
                    }
                    try {
                        return method.invoke(c, args);
                    } catch (InvocationTargetException e) {
                        throw e.getTargetException();
                    }
                });
    }
}
