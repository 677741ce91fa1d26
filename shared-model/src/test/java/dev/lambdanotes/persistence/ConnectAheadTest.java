package dev.lambdanotes.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdanotes.config.AppConfig;
import dev.lambdanotes.testing.TestDatabase;
import dev.lambdanotes.testing.TestPostgres;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The pool's first connection opened during init, on a thread of its own, so the first request finds it. */
class ConnectAheadTest {
    private static final TestDatabase DATABASE = TestPostgres.instance().createDatabase("connectahead");

    @Test
    void connectAhead_leavesOneOpenIdleConnection_thatTheFirstRequestBorrows() throws Exception {
        try (HikariDataSource pool = DataSources.create(AppConfig.fromEnvironment(Map.of(
                "DATABASE_URL", DATABASE.jdbcUrl(), "DATABASE_USER", DATABASE.user(),
                "DATABASE_PASSWORD", DATABASE.password())), "connect-ahead")) {
            Thread connecting = DataSources.connectAhead(pool);
            connecting.join(10_000);

            assertThat(connecting.isDaemon()).as("init never waits for it").isTrue();
            assertThat(connecting.isAlive()).isFalse();
            assertThat(pool.getHikariPoolMXBean().getIdleConnections()).isEqualTo(1);
            try (Connection connection = pool.getConnection()) {
                assertThat(connection.isValid(1)).isTrue();
                assertThat(pool.getHikariPoolMXBean().getTotalConnections())
                        .as("the first request used the connection opened ahead, not a new one").isEqualTo(1);
            }
        }
    }

    @Test
    void connectAhead_toADatabaseThatCannotBeReached_endsQuietly_andLeavesThePoolUsable() throws Exception {
        AppConfig nowhere = AppConfig.fromEnvironment(Map.of("DATABASE_URL", "jdbc:postgresql://127.0.0.1:1/nowhere",
                "DATABASE_CONNECT_TIMEOUT_MS", "250"));
        try (HikariDataSource unreachable = DataSources.create(nowhere, "connect-ahead-nowhere")) {
            Thread connecting = DataSources.connectAhead(unreachable);
            connecting.join(10_000);

            assertThat(connecting.isAlive()).isFalse();
            assertThat(unreachable.isClosed()).isFalse();
            assertThat(unreachable.getHikariPoolMXBean().getTotalConnections()).isZero();
        }
    }
}
