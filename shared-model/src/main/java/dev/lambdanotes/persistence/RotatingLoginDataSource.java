package dev.lambdanotes.persistence;

import dev.lambdanotes.config.DatabaseLogin;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.function.Supplier;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Opens PostgreSQL connections with the current login. When the server refuses the login (the
 * secret was rotated since it was read, or a SnapStart snapshot holds an old one), the login is
 * read again and the connection retried once.
 */
final class RotatingLoginDataSource implements DataSource {
    private static final Logger LOG = Logger.getLogger(RotatingLoginDataSource.class.getName());

    private final PGSimpleDataSource target;
    private final Supplier<DatabaseLogin> currentLogin;
    private volatile DatabaseLogin login;

    RotatingLoginDataSource(PGSimpleDataSource target, DatabaseLogin login, Supplier<DatabaseLogin> currentLogin) {
        this.target = target;
        this.login = login;
        this.currentLogin = currentLogin;
    }

    @Override
    public Connection getConnection() throws SQLException {
        DatabaseLogin used = login;
        try {
            return target.getConnection(used.user(), used.password());
        } catch (SQLException e) {
            if (!isLoginRefused(e)) {
                throw e;
            }
            DatabaseLogin fresh = currentLogin.get();
            if (fresh.equals(used)) {
                throw e;
            }
            LOG.warning("the database refused the login; connecting with the login read again from its source");
            login = fresh;
            return target.getConnection(fresh.user(), fresh.password());
        }
    }

    /** 28P01 invalid_password, 28000 invalid_authorization_specification (for example an unknown user). */
    static boolean isLoginRefused(SQLException e) {
        return "28P01".equals(e.getSQLState()) || "28000".equals(e.getSQLState());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return target.getConnection(username, password);
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return target.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        target.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        target.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return target.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        return target.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || target.isWrapperFor(type);
    }
}
