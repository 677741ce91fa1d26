package dev.lambdanotes.persistence;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Savepoint;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The connection pool as the SessionFactory sees it. It hands out the pool's connections, except on
 * a thread inside {@link #dryRun}: there every session gets the same connection, inside one
 * database transaction that is rolled back when the dry run ends. The transactions of the use
 * cases become savepoints of it (a commit releases one, a rollback returns to it), so the work runs
 * for real, with its statements, triggers, constraints and locks, sees its own earlier steps, and
 * leaves nothing behind. SnapStart priming runs the functions' routes this way.
 */
public final class DryRunDataSource implements DataSource {
    private final DataSource pool;
    private final ThreadLocal<Connection> dryRun = new ThreadLocal<>();

    public DryRunDataSource(DataSource pool) {
        this.pool = pool;
    }

    /**
     * Runs the work with every connection this data source hands out on this thread bound to one
     * transaction, and rolls that transaction back afterwards, however the work ended. Other
     * threads keep using the pool as usual.
     *
     * @throws SQLException when the pool gives no connection (the work then never starts), or the
     *                      rollback fails (the pool then discards the connection as broken)
     */
    public void dryRun(Runnable work) throws SQLException {
        if (dryRun.get() != null) {
            throw new IllegalStateException("dry runs do not nest");
        }
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            dryRun.set(connection);
            try {
                work.run();
            } catch (RuntimeException | Error e) {
                try {
                    connection.rollback();
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback);
                }
                throw e;
            } finally {
                dryRun.remove();
            }
            connection.rollback();
        }
    }

    /** Whether the calling thread is inside a dry run. */
    public boolean inDryRun() {
        return dryRun.get() != null;
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection held = dryRun.get();
        return held == null ? pool.getConnection() : SessionView.over(held);
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return pool.getConnection(username, password);
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        pool.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        pool.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return pool.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return pool.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : pool.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || pool.isWrapperFor(type);
    }

    /**
     * One session's view of the dry run's connection. Hibernate begins a transaction by turning
     * auto-commit off, and ends it with commit or rollback and auto-commit back on: here these set,
     * release and return to a savepoint. Closing the view leaves the connection open for the next
     * session of the dry run.
     */
    private static final class SessionView implements InvocationHandler {
        private final Connection connection;
        private boolean autoCommit = true;
        private Savepoint transaction;
        private boolean closed;

        private SessionView(Connection connection) {
            this.connection = connection;
        }

        static Connection over(Connection connection) {
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, new SessionView(connection));
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            int arity = args == null ? 0 : args.length;
            switch (method.getName() + "/" + arity) {
                case "getAutoCommit/0":
                    return autoCommit;
                case "setAutoCommit/1":
                    setAutoCommit((Boolean) args[0]);
                    return null;
                case "commit/0":
                    requireTransaction();
                    connection.releaseSavepoint(transaction);
                    transaction = connection.setSavepoint();
                    return null;
                case "rollback/0":
                    requireTransaction();
                    connection.rollback(transaction);
                    return null;
                case "close/0":
                    if (!closed && transaction != null) {
                        connection.rollback(transaction);
                        connection.releaseSavepoint(transaction);
                        transaction = null;
                    }
                    closed = true;
                    return null;
                case "isClosed/0":
                    return closed || connection.isClosed();
                case "equals/1":
                    return proxy == args[0];
                case "hashCode/0":
                    return System.identityHashCode(proxy);
                case "toString/0":
                    return "dry run view of " + connection;
                default:
                    if (closed) {
                        throw new SQLException("this connection was closed");
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
            }
        }

        private void setAutoCommit(boolean on) throws SQLException {
            if (on && !autoCommit) {
                // As JDBC says: switching auto-commit on commits the transaction in progress.
                connection.releaseSavepoint(transaction);
                transaction = null;
            } else if (!on && autoCommit) {
                transaction = connection.setSavepoint();
            }
            autoCommit = on;
        }

        private void requireTransaction() throws SQLException {
            if (transaction == null) {
                throw new SQLException("no transaction in progress: auto-commit is on");
            }
        }
    }
}
