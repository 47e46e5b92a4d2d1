package com.zemo.jobs.batch.se;

import jakarta.transaction.HeuristicMixedException;
import jakarta.transaction.HeuristicRollbackException;
import jakarta.transaction.InvalidTransactionException;
import jakarta.transaction.NotSupportedException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.SystemException;
import jakarta.transaction.Transaction;
import jakarta.transaction.TransactionManager;

import javax.sql.DataSource;
import javax.transaction.xa.XAResource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The chunk transactions of the tests: one PostgreSQL transaction per Jakarta Batch transaction.
 * <p>
 * In Payara the batch runtime begins a JTA transaction around every chunk (and around {@code open}/{@code close}),
 * and every connection the artifacts take from the {@code jdbc/zemo} pool inside it is enlisted in it: a writer's
 * items and the fenced checkpoint commit or roll back together. JBeret SE's own transaction manager
 * ({@code org.jberet.tx.LocalTransactionManager}) only records a status, so under it the artifacts' connections
 * would auto-commit each statement and a fenced-off chunk would keep its items: the tests would prove nothing.
 * This manager (handed to JBeret by {@link SeBatchEnvironment}) does what the container's does for one non-XA
 * resource: {@link EnlistingDataSource} gives every caller inside a transaction the same physical connection,
 * with auto-commit off, and commit/rollback here commit/roll back that connection. Outside a transaction
 * connections auto-commit, as the pool's do.
 */
public final class ChunkTransactions implements TransactionManager {
    public static final ChunkTransactions INSTANCE = new ChunkTransactions();

    private final ThreadLocal<LocalTx> current = new ThreadLocal<>();

    private ChunkTransactions() {
    }

    /** The transaction of this thread if it can still do work (active or marked for rollback), else null. */
    LocalTx active() {
        LocalTx tx = current.get();
        return tx != null && (tx.status == Status.STATUS_ACTIVE || tx.status == Status.STATUS_MARKED_ROLLBACK) ? tx : null;
    }

    @Override
    public void begin() throws NotSupportedException {
        if (current.get() != null) {
            throw new NotSupportedException("nested transactions are not supported (one is already associated with this thread)");
        }
        current.set(new LocalTx());
    }

    @Override
    public void commit() throws RollbackException, HeuristicMixedException, HeuristicRollbackException, SystemException {
        LocalTx tx = require();
        current.remove();
        tx.commit();
    }

    @Override
    public void rollback() throws SystemException {
        LocalTx tx = require();
        current.remove();
        tx.rollback();
    }

    @Override
    public void setRollbackOnly() {
        require().setRollbackOnly();
    }

    @Override
    public int getStatus() {
        LocalTx tx = current.get();
        return tx == null ? Status.STATUS_NO_TRANSACTION : tx.status;
    }

    @Override
    public Transaction getTransaction() {
        return current.get();
    }

    @Override
    public void setTransactionTimeout(int seconds) {
        // Chunks here take milliseconds; a timeout would never fire.
    }

    @Override
    public Transaction suspend() {
        LocalTx tx = current.get();
        current.remove();
        return tx;
    }

    @Override
    public void resume(Transaction tx) throws InvalidTransactionException {
        if (current.get() != null) {
            throw new IllegalStateException("a transaction is already associated with this thread");
        }
        if (tx == null) {
            return;
        }
        if (!(tx instanceof LocalTx local)) {
            throw new InvalidTransactionException("not a transaction of this manager: " + tx);
        }
        current.set(local);
    }

    private LocalTx require() {
        LocalTx tx = current.get();
        if (tx == null) {
            throw new IllegalStateException("no transaction is associated with this thread");
        }
        return tx;
    }

    /** One transaction: at most one physical connection, opened on first use. */
    static final class LocalTx implements Transaction {
        private int status = Status.STATUS_ACTIVE;
        private Connection connection;
        private final List<Synchronization> synchronizations = new ArrayList<>();

        Connection connection(DataSource physical) throws SQLException {
            if (connection == null) {
                Connection c = physical.getConnection();
                c.setAutoCommit(false);
                connection = c;
            }
            return connection;
        }

        @Override
        public void commit() throws RollbackException, SystemException {
            if (status == Status.STATUS_MARKED_ROLLBACK) {
                rollback();
                throw new RollbackException("the transaction was marked for rollback");
            }
            if (status != Status.STATUS_ACTIVE) {
                throw new IllegalStateException("transaction not active: status " + status);
            }
            synchronizations.forEach(Synchronization::beforeCompletion);
            status = Status.STATUS_COMMITTING;
            try {
                if (connection != null) {
                    connection.commit();
                }
                status = Status.STATUS_COMMITTED;
            } catch (SQLException e) {
                quietRollback();
                status = Status.STATUS_ROLLEDBACK;
                RollbackException re = new RollbackException("commit failed; rolled back: " + e.getMessage());
                re.initCause(e);
                throw re;
            } finally {
                end();
            }
        }

        @Override
        public void rollback() throws SystemException {
            status = Status.STATUS_ROLLING_BACK;
            try {
                if (connection != null) {
                    connection.rollback();
                }
            } catch (SQLException e) {
                SystemException se = new SystemException("rollback failed: " + e.getMessage());
                se.initCause(e);
                throw se;
            } finally {
                status = Status.STATUS_ROLLEDBACK;
                end();
            }
        }

        private void quietRollback() {
            try {
                connection.rollback();
            } catch (SQLException ignored) {
                // the connection is closed below anyway
            }
        }

        private void end() {
            if (connection != null) {
                try {
                    connection.close();
                } catch (SQLException ignored) {
                    // nothing left to do with it
                }
                connection = null;
            }
            for (Synchronization s : synchronizations) {
                s.afterCompletion(status);
            }
        }

        @Override
        public void setRollbackOnly() {
            status = Status.STATUS_MARKED_ROLLBACK;
        }

        @Override
        public int getStatus() {
            return status;
        }

        @Override
        public void registerSynchronization(Synchronization sync) {
            synchronizations.add(sync);
        }

        @Override
        public boolean enlistResource(XAResource xaRes) {
            throw new UnsupportedOperationException("XA resources are not used by the batch artifacts");
        }

        @Override
        public boolean delistResource(XAResource xaRes, int flag) {
            return false;
        }
    }
}
