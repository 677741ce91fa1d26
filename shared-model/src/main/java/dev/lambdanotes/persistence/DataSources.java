package dev.lambdanotes.persistence;

import dev.lambdanotes.config.AppConfig;
import dev.lambdanotes.config.DatabaseLogin;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.postgresql.ds.PGSimpleDataSource;

/** Builds the small connection pool each function instance keeps. */
public final class DataSources {
    private static final Logger LOG = Logger.getLogger(DataSources.class.getName());

    static {
        // Hikari skips the liveness check of a connection used in the last 500 ms. A function
        // instance is frozen between invocations and its database may restart meanwhile, so every
        // borrow is checked (one round trip) and a dead connection never reaches a request.
        if (System.getProperty("com.zaxxer.hikari.aliveBypassWindowMs") == null) {
            System.setProperty("com.zaxxer.hikari.aliveBypassWindowMs", "0");
        }
    }

    private DataSources() {
    }

    /** A pool whose login never changes (no secret behind it). */
    public static HikariDataSource create(AppConfig config, String poolName) {
        DatabaseLogin login = new DatabaseLogin(config.databaseUser(), config.databasePassword());
        return create(config, poolName, () -> login);
    }

    /**
     * A pool sized for one Lambda instance (which serves one request at a time). It opens no
     * connection when built, so init stays short and a SnapStart snapshot holds no socket; a
     * connection that died while the instance was frozen or the database restarted is detected on
     * every borrow and replaced, so the next invocation gets a working one.
     *
     * <p>Directly connected, each session gets statement, lock and idle-transaction timeouts as
     * startup options. Through RDS Proxy no session state is set at all (no options, no named
     * prepared statements): either would pin the client to one database connection and defeat
     * the proxy, which sets the same timeouts on its own connections (its InitQuery).
     *
     * @param currentLogin reads the login again when the database refuses the one in use
     */
    public static HikariDataSource create(AppConfig config, String poolName, Supplier<DatabaseLogin> currentLogin) {
        PGSimpleDataSource postgres = new PGSimpleDataSource();
        postgres.setURL(config.databaseUrl());
        postgres.setApplicationName(poolName);
        postgres.setConnectTimeout((int) Math.max(1, config.connectTimeout().toSeconds()));
        postgres.setSocketTimeout((int) Math.max(2, config.statementTimeout().toSeconds() * 2));
        postgres.setTcpKeepAlive(true);
        if (config.viaProxy()) {
            postgres.setPrepareThreshold(0);
        } else {
            long statementMs = config.statementTimeout().toMillis();
            String options = "-c statement_timeout=" + statementMs + " -c lock_timeout=" + statementMs
                    + " -c idle_in_transaction_session_timeout=" + Math.max(statementMs * 2, 10_000);
            if (config.transactionTimeout() != null) {
                options += " -c transaction_timeout=" + config.transactionTimeout().toMillis();
            }
            postgres.setOptions(options);
        }
        DatabaseLogin login = new DatabaseLogin(config.databaseUser(), config.databasePassword());

        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName(poolName);
        hikari.setDataSource(new RotatingLoginDataSource(postgres, login, currentLogin));
        hikari.setMaximumPoolSize(config.poolSize());
        hikari.setMinimumIdle(0);
        hikari.setInitializationFailTimeout(-1);
        hikari.setConnectionTimeout(Math.max(250, config.connectTimeout().toMillis()));
        hikari.setValidationTimeout(Math.max(250, Math.min(2000, config.connectTimeout().toMillis())));
        hikari.setIdleTimeout(120_000);
        hikari.setMaxLifetime(600_000);
        hikari.setKeepaliveTime(0);
        hikari.setAutoCommit(true);
        return new HikariDataSource(hikari);
    }

    /**
     * Opens the pool's first connection on a daemon thread while the rest of init runs (Hibernate's
     * boot needs no connection), so that a cold start's first request finds it open: the secret,
     * the TCP and TLS handshakes, the login and the driver's classes are then paid during init, in
     * parallel, instead of after it. A database that cannot be reached is only noted here; the
     * first request meets it again and answers as it always does. Under SnapStart the pool's
     * checkpoint hook closes this connection like any other before the snapshot.
     */
    public static Thread connectAhead(HikariDataSource dataSource) {
        Thread thread = new Thread(() -> {
            try (Connection connection = dataSource.getConnection()) {
                LOG.fine("opened the pool's first connection during init");
            } catch (SQLException | RuntimeException e) {
                LOG.log(Level.FINE, "could not open a connection during init; the first request will try again", e);
            }
        }, "connect-ahead");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
