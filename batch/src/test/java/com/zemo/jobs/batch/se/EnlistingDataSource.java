package com.zemo.jobs.batch.se;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;

/**
 * The test's {@code jdbc/zemo}: connections to the embedded PostgreSQL that behave like the Payara pool's.
 * Inside a {@link ChunkTransactions} transaction every {@code getConnection()} returns the transaction's one
 * connection (closing it is a no-op; committing or rolling it back yourself is refused, as a managed connection
 * refuses it); outside one, a plain auto-commit connection.
 */
public final class EnlistingDataSource implements DataSource {
    private final DataSource physical;
    private final ChunkTransactions tm;

    public EnlistingDataSource(DataSource physical, ChunkTransactions tm) {
        this.physical = physical;
        this.tm = tm;
    }

    @Override
    public Connection getConnection() throws SQLException {
        ChunkTransactions.LocalTx tx = tm.active();
        if (tx == null) {
            return physical.getConnection();
        }
        Connection c = tx.connection(physical);
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[]{Connection.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "close" -> null;
                    case "isClosed" -> false;
                    case "commit", "rollback", "setAutoCommit" -> throw new SQLException(
                            method.getName() + " is not allowed on a connection enlisted in a transaction");
                    case "unwrap" -> ((Class<?>) args[0]).isInstance(proxy) ? proxy : c.unwrap((Class<?>) args[0]);
                    default -> {
                        try {
                            yield method.invoke(c, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    }
                });
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("the pool has fixed credentials");
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return physical.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        physical.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        physical.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return physical.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return physical.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return iface.isInstance(this) ? iface.cast(this) : physical.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || physical.isWrapperFor(iface);
    }
}
