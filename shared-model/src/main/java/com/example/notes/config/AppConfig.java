package com.example.notes.config;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a function can be configured with, read once from the environment at init.
 * No other class reads environment variables.
 *
 * @param databaseUrl        JDBC URL of the PostgreSQL database ({@code DATABASE_URL})
 * @param databaseUser       database user ({@code DATABASE_USER})
 * @param databasePassword   database password ({@code DATABASE_PASSWORD})
 * @param poolSize           connections one function instance may hold ({@code DATABASE_POOL_SIZE}, default 2)
 * @param statementTimeout   longest a single SQL statement may run ({@code DATABASE_STATEMENT_TIMEOUT_MS}, default 5000)
 * @param connectTimeout     longest to wait for a connection ({@code DATABASE_CONNECT_TIMEOUT_MS}, default 5000)
 * @param tokenTtl           how long a login token stays valid ({@code TOKEN_TTL_SECONDS}, default 3600)
 */
public record AppConfig(
        String databaseUrl,
        String databaseUser,
        String databasePassword,
        int poolSize,
        Duration statementTimeout,
        Duration connectTimeout,
        Duration tokenTtl) {

    public AppConfig {
        Objects.requireNonNull(databaseUrl, "databaseUrl");
        if (poolSize < 1) {
            throw new IllegalArgumentException("DATABASE_POOL_SIZE must be at least 1");
        }
        if (tokenTtl.isNegative() || tokenTtl.isZero()) {
            throw new IllegalArgumentException("TOKEN_TTL_SECONDS must be positive");
        }
    }

    public static AppConfig fromEnvironment(Map<String, String> env) {
        String url = env.get("DATABASE_URL");
        if (url == null || url.isBlank()) {
            throw new IllegalStateException("DATABASE_URL is not set: give the JDBC URL of the PostgreSQL database");
        }
        return new AppConfig(
                url,
                env.getOrDefault("DATABASE_USER", "postgres"),
                env.getOrDefault("DATABASE_PASSWORD", ""),
                intValue(env, "DATABASE_POOL_SIZE", 2),
                Duration.ofMillis(intValue(env, "DATABASE_STATEMENT_TIMEOUT_MS", 5000)),
                Duration.ofMillis(intValue(env, "DATABASE_CONNECT_TIMEOUT_MS", 5000)),
                Duration.ofSeconds(intValue(env, "TOKEN_TTL_SECONDS", 3600)));
    }

    /** The same configuration pointing at another database; used where one process talks to several. */
    public AppConfig withDatabase(String url, String user, String password) {
        return new AppConfig(url, user, password, poolSize, statementTimeout, connectTimeout, tokenTtl);
    }

    private static int intValue(Map<String, String> env, String name, int defaultValue) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalStateException(name + " must be a whole number, not '" + value + "'");
        }
    }

    @Override
    public String toString() {
        return "AppConfig[databaseUrl=" + databaseUrl + ", databaseUser=" + databaseUser
                + ", databasePassword=<hidden>, poolSize=" + poolSize + ", statementTimeout=" + statementTimeout
                + ", connectTimeout=" + connectTimeout + ", tokenTtl=" + tokenTtl + "]";
    }
}
