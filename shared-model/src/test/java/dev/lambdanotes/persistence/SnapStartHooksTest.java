package dev.lambdanotes.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.lambdanotes.config.AppConfig;
import dev.lambdanotes.observability.Invocation;
import dev.lambdanotes.testing.TestDatabase;
import dev.lambdanotes.testing.TestPostgres;
import com.zaxxer.hikari.HikariDataSource;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.util.Map;
import java.util.logging.Logger;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The SnapStart hooks of a function instance: no connection and no shared random state in the
 * snapshot, priming before it, and the first invocation after a restore counted as a cold start.
 * A database of their own, without tables: the hooks concern connections, not the schema.
 */
class SnapStartHooksTest {
    private static final TestDatabase DATABASE = TestPostgres.instance().createDatabase("snapstart");

    private final HikariDataSource pool = DataSources.create(AppConfig.fromEnvironment(Map.of(
            "DATABASE_URL", DATABASE.jdbcUrl(), "DATABASE_USER", DATABASE.user(),
            "DATABASE_PASSWORD", DATABASE.password())), "snapstart");
    private final DryRunDataSource dryRuns = new DryRunDataSource(pool);
    private final SessionFactory sessions = HibernateBootstrap.sessionFactory(dryRuns);
    private final SnapStartHooks poolHooks = SnapStartHooks.closingConnectionsOf(pool);

    @AfterEach
    void close() {
        sessions.close();
        pool.close();
    }

    private int openConnections() {
        return pool.getHikariPoolMXBean().getTotalConnections();
    }

    /** What a request does with the pool: one query, through Hibernate. */
    private void query() {
        Integer one = sessions.fromSession(session -> session.createNativeQuery("select 1", Integer.class)
                .getSingleResult());
        assertThat(one).isEqualTo(1);
    }

    /** A priming as Priming runs one: queries in a dry run. */
    private void primingQuery() {
        try {
            dryRuns.dryRun(this::query);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SecureRandom snapshottedGenerator() throws Exception {
        // A deterministic generator stands for the state every instance restored from one snapshot shares.
        SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
        random.setSeed(42L);
        return random;
    }

    @Test
    void afterRestore_instancesFromOneSnapshotNoLongerShareTheirRandomSequence() throws Exception {
        SecureRandom untouched = snapshottedGenerator();
        SecureRandom restored = snapshottedGenerator();
        byte[] same1 = new byte[32];
        byte[] same2 = new byte[32];
        snapshottedGenerator().nextBytes(same1);
        snapshottedGenerator().nextBytes(same2);
        assertThat(same1).as("without the hook, cloned state repeats").isEqualTo(same2);

        SnapStartHooks.reseeding(restored).afterRestore(null);

        byte[] a = new byte[32];
        byte[] b = new byte[32];
        untouched.nextBytes(a);
        restored.nextBytes(b);
        assertThat(b).isNotEqualTo(a);
    }

    @Test
    void priming_runsAQueryBeforeTheSnapshot_andPrimingThenClosingLeavesNoConnection() {
        var priming = SnapStartHooks.priming(this::primingQuery);
        poolHooks.beforeCheckpoint(null);
        assertThat(openConnections()).isZero();

        priming.beforeCheckpoint(null);
        assertThat(openConnections()).as("priming used the pool").isPositive();
        poolHooks.beforeCheckpoint(null);

        assertThat(openConnections()).isZero();
    }

    @Test
    void aPrimingThatFails_isLogged_andDoesNotFailTheCheckpoint() {
        Logger log = Logger.getLogger(SnapStartHooks.class.getName());
        log.setUseParentHandlers(false);
        try {
            assertThatCode(() -> SnapStartHooks.priming(() -> {
                throw new IllegalStateException("priming went wrong");
            }).beforeCheckpoint(null)).doesNotThrowAnyException();
        } finally {
            log.setUseParentHandlers(true);
        }
    }

    @Test
    void checkpoint_leavesNoConnectionInTheSnapshot_andTheFirstInvocationAfterTheRestoreIsAColdStart() throws Exception {
        query();
        assertThat(openConnections()).isPositive();
        Invocation.begin(null);
        Invocation.begin(null);
        assertThat(Invocation.coldStart()).as("a warm instance").isFalse();

        poolHooks.beforeCheckpoint(null);
        assertThat(openConnections()).isZero();
        poolHooks.afterRestore(null);

        assertThat(openConnections()).isZero();
        assertThat(Invocation.coldStart()).isTrue();
        Invocation.begin(null);
        query();
        assertThat(Invocation.coldStart()).as("the first invocation after a restore is a cold start").isTrue();
        Invocation.begin(null);
        assertThat(Invocation.coldStart()).isFalse();
    }
}
