package com.zemo.legacy.cli;

import com.zemo.legacy.importer.PooledSession;
import org.postgresql.Driver;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The command line's connections, kept open and handed out again once closed, as the application server's
 * pool does for the batch job. The import's checkpoints, reconciliation threads and workers each borrow a
 * connection for a short while: unpooled, one import of 20k tasks opened about a hundred PostgreSQL sessions,
 * each a new backend process that loads its caches afresh. A connection comes back with its transaction rolled
 * back, autocommit on and read-only off (the session settings the import changes, it resets itself); one that
 * cannot be reset is closed.
 */
final class ReusedConnections implements DataSource, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(ReusedConnections.class.getName());

    /** Opens a new PostgreSQL session. */
    @FunctionalInterface
    interface Opener {
        Connection open() throws SQLException;
    }

    private final Opener physical;
    private final Deque<Connection> idle = new ArrayDeque<>();
    private boolean closed;

    ReusedConnections(Opener physical) {
        this.physical = physical;
    }

    /**
     * Sessions of the PostgreSQL driver for {@code url} as given: a {@code PGSimpleDataSource} would connect
     * with its URL rebuilt from every driver property (some 80 of them), which Flyway then logs and runs a dozen
     * regular expressions over to hide passwords, on the start-up path.
     */
    static ReusedConnections of(String url, Properties properties) {
        Driver driver = new Driver();
        return new ReusedConnections(() -> {
            Connection c = driver.connect(url, properties);
            if (c == null) {
                throw new SQLException("not a PostgreSQL JDBC URL: " + url);
            }
            return c;
        });
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection c;
        synchronized (this) {
            if (closed) {
                throw new SQLException("the command's connections are closed");
            }
            c = idle.pollFirst();
        }
        if (c == null || c.isClosed()) {
            c = physical.open();
        }
        Connection borrowed = c;
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[]{Connection.class},
                new Handle(borrowed));
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("the command connects with the user it was given");
    }

    private void giveBack(Connection c) {
        try {
            PooledSession.reset(c);
        } catch (SQLException e) {
            LOG.log(Level.FINE, "a connection that could not be reset is closed", e);
            closeQuietly(c);
            return;
        }
        synchronized (this) {
            if (!closed) {
                idle.addFirst(c);
                return;
            }
        }
        closeQuietly(c);
    }

    @Override
    public synchronized void close() {
        closed = true;
        idle.forEach(ReusedConnections::closeQuietly);
        idle.clear();
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            LOG.log(Level.FINE, "closing a connection failed", e);
        }
    }

    /** What the borrower holds: every call goes to the connection, but close() hands it back, once. */
    private final class Handle implements InvocationHandler {
        private Connection target;

        Handle(Connection target) {
            this.target = target;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "close" -> {
                    if (target != null) {
                        Connection c = target;
                        target = null;
                        giveBack(c);
                    }
                    return null;
                }
                case "isClosed" -> {
                    return target == null || target.isClosed();
                }
                case "equals" -> {
                    return proxy == args[0];
                }
                case "hashCode" -> {
                    return System.identityHashCode(proxy);
                }
                default -> {
                    if (target == null) {
                        throw new SQLException("connection handed back already");
                    }
                    try {
                        return method.invoke(target, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                }
            }
        }
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // the driver logs through java.util.logging
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        throw new SQLFeatureNotSupportedException("set loginTimeout in the JDBC URL");
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("not a wrapper for " + iface.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }
}
