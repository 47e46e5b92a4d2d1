package com.zemo.legacy.cli;

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

    private final DataSource physical;
    private final Deque<Connection> idle = new ArrayDeque<>();
    private boolean closed;

    ReusedConnections(DataSource physical) {
        this.physical = physical;
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
            c = physical.getConnection();
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
            if (!c.getAutoCommit()) {
                c.rollback();
                c.setAutoCommit(true);
            }
            if (c.isReadOnly()) {
                c.setReadOnly(false);
            }
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
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        return physical.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || physical.isWrapperFor(iface);
    }
}
