package dev.lambdanotes.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lambdanotes.config.AppConfig;
import dev.lambdanotes.testing.TestDatabase;
import dev.lambdanotes.testing.TestPostgres;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Work done through Hibernate inside a dry run: real statements, each transaction of its own, nothing left behind. */
class DryRunDataSourceTest {
    private final TestDatabase database = TestPostgres.instance().createDatabase("dryrun");
    private HikariDataSource pool;
    private DryRunDataSource dryRuns;
    private SessionFactory sessions;

    @BeforeEach
    void aTableWithOneRow() throws SQLException {
        try (Connection connection = database.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("create table items (name text primary key)");
            statement.execute("insert into items values ('before')");
        }
        pool = DataSources.create(AppConfig.fromEnvironment(Map.of("DATABASE_URL", database.jdbcUrl(),
                "DATABASE_USER", database.user(), "DATABASE_PASSWORD", database.password())), "dryrun");
        dryRuns = new DryRunDataSource(pool);
        sessions = HibernateBootstrap.sessionFactory(dryRuns);
    }

    @AfterEach
    void close() {
        sessions.close();
        pool.close();
    }

    private void insert(String name) {
        sessions.inTransaction(session -> session.createNativeMutationQuery("insert into items values (:name)")
                .setParameter("name", name).executeUpdate());
    }

    private List<String> items() {
        return sessions.fromSession(session -> session.createNativeQuery("select name from items order by name", String.class)
                .getResultList());
    }

    @Test
    void aDryRun_seesWhatItsTransactionsCommitted_andLeavesTheDatabaseAsItWas() throws SQLException {
        dryRuns.dryRun(() -> {
            insert("first");
            insert("second");
            assertThat(items()).containsExactly("before", "first", "second");
        });

        assertThat(items()).containsExactly("before");
    }

    @Test
    void aTransactionRolledBackInsideADryRun_undoesOnlyItsOwnWork_andTheDryRunGoesOn() throws SQLException {
        dryRuns.dryRun(() -> {
            insert("kept");
            assertThatThrownBy(() -> sessions.inTransaction(session -> {
                session.createNativeMutationQuery("insert into items values ('undone')").executeUpdate();
                session.createNativeMutationQuery("insert into items values ('kept')").executeUpdate();
            })).as("a duplicate key fails the transaction").isInstanceOf(RuntimeException.class);
            assertThat(items()).containsExactly("before", "kept");
        });

        assertThat(items()).containsExactly("before");
    }

    @Test
    void workThatFails_isRolledBackAllTheSame() {
        assertThatThrownBy(() -> dryRuns.dryRun(() -> {
            insert("half done");
            throw new IllegalStateException("stopped");
        })).hasMessage("stopped");

        assertThat(items()).containsExactly("before");
        assertThat(dryRuns.inDryRun()).isFalse();
    }

    @Test
    void otherThreads_useThePoolAsUsual_duringADryRun() throws SQLException {
        dryRuns.dryRun(() -> {
            assertThat(dryRuns.inDryRun()).isTrue();
            CompletableFuture.runAsync(() -> {
                assertThat(dryRuns.inDryRun()).isFalse();
                insert("committed elsewhere");
            }).join();
        });

        assertThat(items()).containsExactly("before", "committed elsewhere");
    }

    @Test
    void theDryRunsConnection_goesBackToThePool() throws SQLException {
        dryRuns.dryRun(() -> insert("x"));

        assertThat(pool.getHikariPoolMXBean().getActiveConnections()).isZero();
        try (Connection connection = pool.getConnection()) {
            assertThat(connection.getAutoCommit()).as("the pool's connections commit on their own again").isTrue();
        }
    }

    @Test
    void aDatabaseThatCannotBeReached_failsTheDryRun_beforeItsWorkStarts() {
        AppConfig nowhere = AppConfig.fromEnvironment(Map.of("DATABASE_URL", "jdbc:postgresql://127.0.0.1:1/nowhere",
                "DATABASE_CONNECT_TIMEOUT_MS", "250"));
        AtomicBoolean ran = new AtomicBoolean();
        try (HikariDataSource unreachable = DataSources.create(nowhere, "dryrun-nowhere")) {
            DryRunDataSource dryRun = new DryRunDataSource(unreachable);

            assertThatThrownBy(() -> dryRun.dryRun(() -> ran.set(true))).isInstanceOf(SQLException.class);
        }
        assertThat(ran).isFalse();
    }
}
