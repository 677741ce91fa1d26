package dev.lambdanotes.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lambdanotes.config.AppConfig;
import dev.lambdanotes.config.DatabaseLogin;
import dev.lambdanotes.testing.TestDatabase;
import dev.lambdanotes.testing.TestPostgres;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** After the database secret is rotated, the login read at init stops working; the pool reads it again. */
class LoginRotationTest {
    private final TestDatabase database = TestPostgres.instance().createDatabase("rotation");

    private AppConfig configWithLogin(String user) {
        return AppConfig.fromEnvironment(Map.of("DATABASE_URL", database.jdbcUrl(), "DATABASE_USER", user,
                "DATABASE_PASSWORD", "stale", "DATABASE_CONNECT_TIMEOUT_MS", "2000"));
    }

    @Test
    void aRefusedLogin_isReadAgain_andTheConnectionSucceeds() throws SQLException {
        AtomicInteger reads = new AtomicInteger();
        try (HikariDataSource pool = DataSources.create(configWithLogin("rotated_away"), "rotation", () -> {
            reads.incrementAndGet();
            return new DatabaseLogin(database.user(), database.password());
        })) {
            try (Connection connection = pool.getConnection()) {
                assertThat(connection.isValid(1)).isTrue();
            }
            pool.getHikariPoolMXBean().softEvictConnections();
            try (Connection connection = pool.getConnection()) {
                assertThat(connection.isValid(1)).isTrue();
            }
        }
        assertThat(reads).as("read again once, then the fresh login is kept").hasValue(1);
    }

    @Test
    void whenTheSourceStillHasTheRefusedLogin_theFailureIsReported() {
        try (HikariDataSource pool = DataSources.create(configWithLogin("nobody_at_all"), "rotation-stale")) {
            assertThatThrownBy(pool::getConnection).isInstanceOf(SQLException.class);
        }
    }
}
