package dev.lambdanotes.config;

import dev.lambdanotes.domain.ThrottlePolicies;
import dev.lambdanotes.domain.ThrottlePolicy;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a function can be configured with, read once from the environment at init.
 * No other class reads environment variables.
 *
 * <p>The database credentials come from one of two places, decided here alone: in the deployed
 * stack, {@code DATABASE_SECRET_ARN} names a Secrets Manager secret holding {@code username} and
 * {@code password} (as RDS writes it); locally, {@code DATABASE_USER} and {@code DATABASE_PASSWORD}.
 *
 * @param databaseUrl        JDBC URL of the PostgreSQL database ({@code DATABASE_URL})
 * @param databaseUser       database user ({@code DATABASE_USER})
 * @param databasePassword   database password ({@code DATABASE_PASSWORD})
 * @param poolSize           connections one function instance may hold ({@code DATABASE_POOL_SIZE}, default 2)
 * @param statementTimeout   longest a single SQL statement may run ({@code DATABASE_STATEMENT_TIMEOUT_MS}, default 5000)
 * @param connectTimeout     longest to wait for a connection ({@code DATABASE_CONNECT_TIMEOUT_MS}, default 5000)
 * @param transactionTimeout longest a transaction may run, enforced by PostgreSQL 17's transaction_timeout
 *                           ({@code DATABASE_TRANSACTION_TIMEOUT_MS}), or null for none
 * @param tokenTtl           how long a login token stays valid ({@code TOKEN_TTL_SECONDS}, default 3600)
 * @param databaseSecretArn  the secret holding the database login ({@code DATABASE_SECRET_ARN}), or null
 * @param viaProxy           whether connections go through RDS Proxy ({@code DATABASE_PROXY=true}): no session
 *                           state is set on them, so the proxy can share its database connections
 * @param functionName       the function's name, on every log line ({@code AWS_LAMBDA_FUNCTION_NAME}, set by Lambda)
 * @param metricsNamespace   CloudWatch namespace of the metrics ({@code METRICS_NAMESPACE}, default NotesService)
 * @param throttlePolicies   login and registration throttling: {@code LOGIN_THROTTLE_ACCOUNT_FREE_ATTEMPTS}
 *                           (default 5), {@code LOGIN_THROTTLE_SOURCE_FREE_ATTEMPTS} (50),
 *                           {@code LOGIN_THROTTLE_WINDOW_SECONDS} (900), {@code LOGIN_THROTTLE_MAX_DELAY_SECONDS}
 *                           (900), {@code REGISTRATION_THROTTLE_FREE_ATTEMPTS} (10),
 *                           {@code REGISTRATION_THROTTLE_WINDOW_SECONDS} (3600); see {@link ThrottlePolicies#defaults()}
 */
public record AppConfig(
        String databaseUrl,
        String databaseUser,
        String databasePassword,
        int poolSize,
        Duration statementTimeout,
        Duration connectTimeout,
        Duration transactionTimeout,
        Duration tokenTtl,
        String databaseSecretArn,
        boolean viaProxy,
        String functionName,
        String metricsNamespace,
        ThrottlePolicies throttlePolicies) {

    public AppConfig {
        Objects.requireNonNull(databaseUrl, "databaseUrl");
        if (poolSize < 1) {
            throw new IllegalArgumentException("DATABASE_POOL_SIZE must be at least 1");
        }
        if (tokenTtl.isNegative() || tokenTtl.isZero()) {
            throw new IllegalArgumentException("TOKEN_TTL_SECONDS must be positive");
        }
    }

    /** Without a secret store: for local runs and tests, where credentials are plain variables. */
    public static AppConfig fromEnvironment(Map<String, String> env) {
        return fromEnvironment(env, secretId -> {
            throw new IllegalStateException("DATABASE_SECRET_ARN is set but no secret store is available");
        });
    }

    public static AppConfig fromEnvironment(Map<String, String> env, SecretSource secrets) {
        String url = env.get("DATABASE_URL");
        if (url == null || url.isBlank()) {
            throw new IllegalStateException("DATABASE_URL is not set: give the JDBC URL of the PostgreSQL database");
        }
        String secretArn = value(env, "DATABASE_SECRET_ARN", null);
        DatabaseLogin login = secretArn == null
                ? new DatabaseLogin(value(env, "DATABASE_USER", "postgres"), value(env, "DATABASE_PASSWORD", ""))
                : readSecret(secrets, secretArn);
        return new AppConfig(
                url,
                login.user(),
                login.password(),
                intValue(env, "DATABASE_POOL_SIZE", 2),
                Duration.ofMillis(intValue(env, "DATABASE_STATEMENT_TIMEOUT_MS", 5000)),
                Duration.ofMillis(intValue(env, "DATABASE_CONNECT_TIMEOUT_MS", 5000)),
                value(env, "DATABASE_TRANSACTION_TIMEOUT_MS", null) == null ? null
                        : Duration.ofMillis(intValue(env, "DATABASE_TRANSACTION_TIMEOUT_MS", 0)),
                Duration.ofSeconds(intValue(env, "TOKEN_TTL_SECONDS", 3600)),
                secretArn,
                "true".equalsIgnoreCase(value(env, "DATABASE_PROXY", "false")),
                value(env, "AWS_LAMBDA_FUNCTION_NAME", "notes"),
                value(env, "METRICS_NAMESPACE", "NotesService"),
                throttlePolicies(env));
    }

    private static ThrottlePolicies throttlePolicies(Map<String, String> env) {
        ThrottlePolicies defaults = ThrottlePolicies.defaults();
        Duration loginWindow = Duration.ofSeconds(intValue(env, "LOGIN_THROTTLE_WINDOW_SECONDS",
                (int) defaults.loginAccount().window().toSeconds()));
        Duration loginMaxDelay = Duration.ofSeconds(intValue(env, "LOGIN_THROTTLE_MAX_DELAY_SECONDS",
                (int) defaults.loginAccount().maxDelay().toSeconds()));
        Duration registrationWindow = Duration.ofSeconds(intValue(env, "REGISTRATION_THROTTLE_WINDOW_SECONDS",
                (int) defaults.registrationSource().window().toSeconds()));
        try {
            return new ThrottlePolicies(
                    new ThrottlePolicy(intValue(env, "LOGIN_THROTTLE_ACCOUNT_FREE_ATTEMPTS",
                            defaults.loginAccount().freeAttempts()), loginWindow,
                            defaults.loginAccount().firstDelay(), loginMaxDelay),
                    new ThrottlePolicy(intValue(env, "LOGIN_THROTTLE_SOURCE_FREE_ATTEMPTS",
                            defaults.loginSource().freeAttempts()), loginWindow,
                            defaults.loginSource().firstDelay(), loginMaxDelay),
                    new ThrottlePolicy(intValue(env, "REGISTRATION_THROTTLE_FREE_ATTEMPTS",
                            defaults.registrationSource().freeAttempts()), registrationWindow,
                            defaults.registrationSource().firstDelay(), registrationWindow));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The throttling variables are out of range: " + e.getMessage());
        }
    }


    /**
     * The current database login, read again from the secret where there is one: after the
     * secret is rotated, the login read at init no longer works.
     */
    public DatabaseLogin currentLogin(SecretSource secrets) {
        return databaseSecretArn == null ? new DatabaseLogin(databaseUser, databasePassword)
                : readSecret(secrets, databaseSecretArn);
    }

    private static DatabaseLogin readSecret(SecretSource secrets, String secretArn) {
        DatabaseSecret secret = DatabaseSecret.parse(secrets.secretString(secretArn));
        return new DatabaseLogin(secret.username(), secret.password());
    }

    /** A variable's value; an empty one counts as unset (templates declare variables they leave empty). */
    private static String value(Map<String, String> env, String name, String defaultValue) {
        String value = env.get(name);
        return value == null || value.isEmpty() ? defaultValue : value;
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
                + ", connectTimeout=" + connectTimeout + ", tokenTtl=" + tokenTtl
                + ", databaseSecretArn=" + databaseSecretArn + ", viaProxy=" + viaProxy
                + ", functionName=" + functionName + ", metricsNamespace=" + metricsNamespace
                + ", throttlePolicies=" + throttlePolicies + "]";
    }
}
