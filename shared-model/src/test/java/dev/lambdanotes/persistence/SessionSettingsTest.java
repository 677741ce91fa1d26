package dev.lambdanotes.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdanotes.config.AppConfig;
import dev.lambdanotes.testing.TestDatabase;
import dev.lambdanotes.testing.TestPostgres;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

/** What a function's database sessions look like, directly connected and through RDS Proxy. */
class SessionSettingsTest {
    private final TestDatabase database = TestPostgres.instance().createDatabase("settings");

    private HikariDataSource pool(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(Map.of("DATABASE_URL", database.jdbcUrl(),
                "DATABASE_USER", database.user(), "DATABASE_PASSWORD", database.password()));
        env.putAll(extra);
        return DataSources.create(AppConfig.fromEnvironment(env), "settings");
    }

    private static String show(Connection connection, String setting) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("SHOW " + setting)) {
            rows.next();
            return rows.getString(1);
        }
    }

    @Test
    void directSessions_haveStatementLockAndTransactionTimeouts() throws SQLException {
        try (HikariDataSource pool = pool(Map.of("DATABASE_STATEMENT_TIMEOUT_MS", "3000",
                "DATABASE_TRANSACTION_TIMEOUT_MS", "60000"));
             Connection connection = pool.getConnection()) {
            assertThat(show(connection, "statement_timeout")).isEqualTo("3s");
            assertThat(show(connection, "lock_timeout")).isEqualTo("3s");
            assertThat(show(connection, "transaction_timeout")).isEqualTo("1min");
        }
    }

    @Test
    void sessionsThroughTheProxy_carryNoSessionStateThatWouldPinThem() throws SQLException {
        try (HikariDataSource pool = pool(Map.of("DATABASE_PROXY", "true"));
             Connection connection = pool.getConnection()) {
            assertThat(show(connection, "statement_timeout")).isEqualTo("0");
            assertThat(connection.unwrap(PGConnection.class).getPrepareThreshold()).isZero();
        }
    }
}
