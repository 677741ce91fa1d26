package com.example.notes.persistence;

import com.example.notes.config.AppConfig;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/** Builds the small connection pool each function instance keeps. */
public final class DataSources {
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

    /**
     * A pool sized for one Lambda instance (which serves one request at a time). It opens no
     * connection when built, so init stays short and a SnapStart snapshot holds no socket; a
     * connection that died while the instance was frozen or the database restarted is detected on
     * every borrow and replaced, so the next invocation gets a working one.
     */
    public static HikariDataSource create(AppConfig config, String poolName) {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName(poolName);
        hikari.setJdbcUrl(config.databaseUrl());
        hikari.setUsername(config.databaseUser());
        hikari.setPassword(config.databasePassword());
        hikari.setMaximumPoolSize(config.poolSize());
        hikari.setMinimumIdle(0);
        hikari.setInitializationFailTimeout(-1);
        hikari.setConnectionTimeout(Math.max(250, config.connectTimeout().toMillis()));
        hikari.setValidationTimeout(Math.max(250, Math.min(2000, config.connectTimeout().toMillis())));
        hikari.setIdleTimeout(120_000);
        hikari.setMaxLifetime(600_000);
        hikari.setKeepaliveTime(0);
        hikari.setAutoCommit(true);
        long statementMs = config.statementTimeout().toMillis();
        hikari.addDataSourceProperty("options",
                "-c statement_timeout=" + statementMs + " -c lock_timeout=" + statementMs
                        + " -c idle_in_transaction_session_timeout=" + Math.max(statementMs * 2, 10_000));
        hikari.addDataSourceProperty("connectTimeout", Math.max(1, config.connectTimeout().toSeconds()));
        hikari.addDataSourceProperty("socketTimeout", Math.max(2, config.statementTimeout().toSeconds() * 2));
        hikari.addDataSourceProperty("tcpKeepAlive", true);
        hikari.addDataSourceProperty("ApplicationName", poolName);
        return new HikariDataSource(hikari);
    }
}
