package dev.lambdanotes.testing.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.lambdanotes.api.AccountRoutes;
import dev.lambdanotes.api.NotesRoutes;
import dev.lambdanotes.api.Priming;
import dev.lambdanotes.api.RegisterRoutes;
import dev.lambdanotes.api.SessionRoutes;
import dev.lambdanotes.application.AccessTokens;
import dev.lambdanotes.application.AccountService;
import dev.lambdanotes.application.AttemptThrottle;
import dev.lambdanotes.application.LogIn;
import dev.lambdanotes.application.NoteService;
import dev.lambdanotes.application.PasswordHasher;
import dev.lambdanotes.application.RegisterUser;
import dev.lambdanotes.config.AppConfig;
import dev.lambdanotes.migrations.SchemaMigrator;
import dev.lambdanotes.observability.Telemetry;
import dev.lambdanotes.persistence.DataSources;
import dev.lambdanotes.persistence.DryRunDataSource;
import dev.lambdanotes.persistence.HibernateBootstrap;
import dev.lambdanotes.persistence.NoteQueries;
import dev.lambdanotes.persistence.SnapStartHooks;
import dev.lambdanotes.testing.ApiEvent;
import dev.lambdanotes.testing.Invoke;
import dev.lambdanotes.testing.TestDatabase;
import dev.lambdanotes.testing.TestPostgres;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zaxxer.hikari.HikariDataSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.hibernate.SessionFactory;

/**
 * The application wired by hand, as the Dagger components wire it in Lambda, over a test
 * database migrated by the same migrations the migration function runs.
 */
public final class TestApp implements AutoCloseable {
    public static final String PASSWORD = "correct horse battery staple";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger USERS = new AtomicInteger();
    private static TestApp shared;
    private static TestDatabase sharedDatabase;

    public final TestDatabase database;
    public final TestClock clock = new TestClock();
    public final SessionFactory sessions;
    public final RegisterRoutes register;
    public final SessionRoutes session;
    public final NotesRoutes notes;
    public final AccountRoutes account;
    /** What the telemetry wrote: one Embedded Metric Format document per line. */
    public final ByteArrayOutputStream metrics = new ByteArrayOutputStream();
    public final SnapStartHooks snapStartHooks;
    /** Primes a function's routes, as each function does before a SnapStart snapshot. */
    public final Priming priming;
    private final HikariDataSource dataSource;

    public TestApp(TestDatabase database, Duration tokenTtl) {
        this(database, tokenTtl, PasswordHasher.owaspMinimum());
    }

    /** With another password hasher: the fuzz tests take a cheap one, as they register and log in thousands of times. */
    public TestApp(TestDatabase database, Duration tokenTtl, PasswordHasher hasher) {
        this.database = database;
        AppConfig config = AppConfig.fromEnvironment(Map.of(
                "DATABASE_URL", database.jdbcUrl(),
                "DATABASE_USER", database.user(),
                "DATABASE_PASSWORD", database.password(),
                "TOKEN_TTL_SECONDS", Long.toString(tokenTtl.toSeconds()),
                "DATABASE_POOL_SIZE", "4"));
        this.dataSource = DataSources.create(config, "test");
        this.snapStartHooks = SnapStartHooks.closingConnectionsOf(dataSource);
        DryRunDataSource dryRuns = new DryRunDataSource(dataSource);
        this.sessions = HibernateBootstrap.sessionFactory(dryRuns);
        AccessTokens tokens = new AccessTokens(sessions, new SecureRandom(), clock, config.tokenTtl());
        Telemetry telemetry = new Telemetry(new PrintStream(metrics, true, StandardCharsets.UTF_8), clock,
                config.metricsNamespace(), "test");
        AttemptThrottle throttle = new AttemptThrottle(clock, config.throttlePolicies(),
                (kind, sourceIp) -> telemetry.throttleEngaged(kind.label(), sourceIp));
        RegisterUser registerUser = new RegisterUser(sessions, hasher, throttle);
        LogIn logIn = new LogIn(sessions, hasher, tokens, throttle);
        this.register = new RegisterRoutes(registerUser, telemetry);
        this.session = new SessionRoutes(logIn, tokens, telemetry);
        this.notes = new NotesRoutes(tokens, new NoteService(sessions, tokens, new NoteQueries(sessions)), telemetry);
        this.account = new AccountRoutes(tokens, new AccountService(sessions, hasher, tokens, throttle), telemetry);
        this.priming = new Priming(dryRuns, () -> registerUser, () -> logIn);
    }

    /** One application over one migrated database, shared by the tests of a JVM; tests isolate by creating their own users. */
    public static synchronized TestApp shared() {
        if (shared == null) {
            shared = new TestApp(sharedDatabase(), Duration.ofHours(1));
        }
        return shared;
    }

    public static synchronized TestDatabase sharedDatabase() {
        if (sharedDatabase == null) {
            sharedDatabase = migratedDatabase("notes");
        }
        return sharedDatabase;
    }

    /** A new database with the schema of this release. */
    public static TestDatabase migratedDatabase(String prefix) {
        TestDatabase database = TestPostgres.instance().createDatabase(prefix);
        new SchemaMigrator(database.dataSource()).migrate();
        return database;
    }

    public static String uniqueUsername(String prefix) {
        return prefix + "-" + ProcessHandle.current().pid() + "-" + USERS.incrementAndGet();
    }

    public static String body(Map<String, ?> members) {
        try {
            return JSON.writeValueAsString(members);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode json(APIGatewayV2HTTPResponse response) {
        try {
            return JSON.readTree(response.getBody());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Registers a new user with {@link #PASSWORD} and returns the username. */
    public String newUser(String prefix) {
        String username = uniqueUsername(prefix);
        APIGatewayV2HTTPResponse response = Invoke.invoke(register, ApiEvent.load("register.json")
                .body(body(Map.of("username", username, "password", PASSWORD))), null);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
        return username;
    }

    public String logIn(String username) {
        APIGatewayV2HTTPResponse response = Invoke.invoke(session, ApiEvent.load("login.json")
                .body(body(Map.of("username", username, "password", PASSWORD))), null);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        return json(response).get("token").asText();
    }

    /** A new user, logged in: the bearer token. */
    public String signedInUser(String prefix) {
        return logIn(newUser(prefix));
    }

    /** Creates a note through the API and returns its JSON representation. */
    public ObjectNode createNote(String token, String title, String body) {
        APIGatewayV2HTTPResponse response = Invoke.invoke(notes, ApiEvent.load("notes-create.json")
                .bearer(token).body(body(Map.of("title", title, "body", body))), null);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
        return (ObjectNode) json(response);
    }

    /**
     * Runs a request while another transaction has deleted the user's account (and, by cascade, its
     * notes and tokens) without committing yet, and commits the deletion once the request waits on
     * a lock the deletion holds: the request has read the account as it was, and what it does next
     * meets the deletion. The race of a request with the account's deletion, made repeatable.
     */
    public <T> T duringAccountDeletion(String username, Callable<T> request) throws Exception {
        try (Connection deleting = database.dataSource().getConnection()) {
            deleting.setAutoCommit(false);
            try (PreparedStatement delete = deleting.prepareStatement("DELETE FROM users WHERE lower(username) = lower(?)")) {
                delete.setString(1, username);
                assertThat(delete.executeUpdate()).as("accounts named %s", username).isEqualTo(1);
            }
            ExecutorService thread = Executors.newSingleThreadExecutor();
            try {
                Future<T> result = thread.submit(request);
                awaitEndOrLockWait(result, deleting);
                deleting.commit();
                return result.get(30, TimeUnit.SECONDS);
            } finally {
                thread.shutdownNow();
            }
        }
    }

    /**
     * Waits, at most 30 seconds, until the task has ended or another session waits on a lock the
     * connection's open transaction holds.
     */
    public static void awaitEndOrLockWait(Future<?> task, Connection connection) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!task.isDone() && !anotherSessionWaitsOn(connection)) {
            assertThat(System.nanoTime()).as("the request neither ended nor waited on a lock").isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    private static boolean anotherSessionWaitsOn(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet waiting = statement.executeQuery("SELECT count(*) FROM pg_stat_activity"
                     + " WHERE pg_backend_pid() = ANY (pg_blocking_pids(pid))")) {
            waiting.next();
            return waiting.getInt(1) > 0;
        }
    }

    /** Connections the function instance's pool holds right now. */
    public int openConnections() {
        return dataSource.getHikariPoolMXBean().getTotalConnections();
    }

    @Override
    public void close() {
        sessions.close();
        dataSource.close();
    }
}
