package dev.lambdanotes.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import dev.lambdanotes.application.AccessTokens;
import dev.lambdanotes.application.AttemptThrottle;
import dev.lambdanotes.application.LogIn;
import dev.lambdanotes.application.NoteService;
import dev.lambdanotes.application.PasswordHasher;
import dev.lambdanotes.application.RegisterUser;
import dev.lambdanotes.config.AppConfig;
import dev.lambdanotes.observability.JsonLogFormatter;
import dev.lambdanotes.observability.Telemetry;
import dev.lambdanotes.persistence.DataSources;
import dev.lambdanotes.persistence.DryRunDataSource;
import dev.lambdanotes.persistence.HibernateBootstrap;
import dev.lambdanotes.persistence.NoteQueries;
import dev.lambdanotes.testing.TestDatabase;
import dev.lambdanotes.testing.TestPostgres;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.StreamHandler;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Priming that cannot do everything does what it can, says so in its log, and never fails the snapshot. */
class PrimingTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ByteArrayOutputStream logs = new ByteArrayOutputStream();
    private final Logger log = Logger.getLogger(Priming.class.getName());
    private final StreamHandler capture = new StreamHandler(logs, new JsonLogFormatter("test"));
    private final List<AutoCloseable> opened = new ArrayList<>();

    @BeforeEach
    void captureLogs() {
        capture.setLevel(Level.ALL);
        log.addHandler(capture);
        log.setUseParentHandlers(false);
    }

    @AfterEach
    void close() throws Exception {
        log.removeHandler(capture);
        log.setUseParentHandlers(true);
        for (AutoCloseable closeable : opened) {
            closeable.close();
        }
    }

    private record Wired(HikariDataSource pool, Priming priming, NotesRoutes notes) {
    }

    /** Priming and the notes routes over a database, wired as the Dagger components wire them. */
    private Wired wiredTo(String url, String user, String password) {
        AppConfig config = AppConfig.fromEnvironment(Map.of("DATABASE_URL", url, "DATABASE_USER", user,
                "DATABASE_PASSWORD", password, "DATABASE_CONNECT_TIMEOUT_MS", "500"));
        HikariDataSource pool = DataSources.create(config, "priming");
        DryRunDataSource dryRuns = new DryRunDataSource(pool);
        SessionFactory sessions = HibernateBootstrap.sessionFactory(dryRuns);
        opened.add(pool);
        opened.add(sessions);
        Clock clock = Clock.systemUTC();
        PasswordHasher hasher = PasswordHasher.owaspMinimum();
        AttemptThrottle throttle = new AttemptThrottle(clock, config.throttlePolicies(), (kind, sourceIp) -> { });
        AccessTokens tokens = new AccessTokens(sessions, new SecureRandom(), clock, config.tokenTtl());
        Telemetry telemetry = new Telemetry(new PrintStream(OutputStream.nullOutputStream()), clock, "test", "test");
        RegisterUser registerUser = new RegisterUser(sessions, hasher, throttle);
        LogIn logIn = new LogIn(sessions, hasher, tokens, throttle);
        Priming priming = new Priming(dryRuns, () -> registerUser, () -> logIn);
        return new Wired(pool, priming, new NotesRoutes(tokens, new NoteService(sessions, tokens, new NoteQueries(sessions)), telemetry));
    }

    private Wired wiredToAnEmptyDatabase() {
        TestDatabase database = TestPostgres.instance().createDatabase("priming");
        return wiredTo(database.jdbcUrl(), database.user(), database.password());
    }

    private List<String> warnings() throws Exception {
        capture.flush();
        List<String> warnings = new ArrayList<>();
        for (String line : logs.toString(StandardCharsets.UTF_8).split("\\R")) {
            if (!line.isBlank()) {
                var json = JSON.readTree(line);
                assertThat(json.path("priming").asBoolean()).as("marked as priming: " + line).isTrue();
                if (json.path("level").asText().equals("WARNING")) {
                    warnings.add(json.path("message").asText());
                }
            }
        }
        return warnings;
    }

    /** Routes that answer every request with one status and rehearse only some of their routes. */
    private static final class StubRoutes implements Routes {
        private final Set<String> keys;
        private final int status;
        private final String[] rehearsed;
        private int rehearsals;

        StubRoutes(Set<String> keys, int status, String... rehearsed) {
            this.keys = keys;
            this.status = status;
            this.rehearsed = rehearsed;
        }

        @Override
        public void handleRequest(InputStream event, OutputStream response, Context context) throws IOException {
            response.write(("{\"statusCode\":" + status + "}").getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public Set<String> routeKeys() {
            return keys;
        }

        @Override
        public void rehearse(Rehearsal rehearsal) {
            rehearsals++;
            for (String key : rehearsed) {
                rehearsal.request(key).expect(200);
            }
        }
    }

    @Test
    void aFunctionsColdStart_primesNothing_onlyTheCheckpointHookDoes() {
        Wired wired = wiredToAnEmptyDatabase();
        StubRoutes routes = new StubRoutes(Set.of("GET /things"), 200, "GET /things");

        new ApiFunction(routes, wired.priming()) { };
        assertThat(routes.rehearsals).as("priming during init").isZero();
        assertThat(wired.pool().getHikariPoolMXBean().getTotalConnections()).isZero();

        wired.priming().beforeSnapshot(routes).beforeCheckpoint(null);
        assertThat(routes.rehearsals).as("priming before the checkpoint").isOne();
    }

    @Test
    void withTheDatabaseUnreachable_primingIsALoggedNoOp_andTheCheckpointGoesOn() throws Exception {
        Wired wired = wiredTo("jdbc:postgresql://127.0.0.1:1/nowhere", "nobody", "nothing");

        long started = System.nanoTime();
        assertThat(wired.priming().prime(wired.notes())).isEmpty();
        assertThatCode(() -> wired.priming().beforeSnapshot(wired.notes()).beforeCheckpoint(null)).doesNotThrowAnyException();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("bounded by the connect timeout")
                .isLessThan(Duration.ofSeconds(10));
        assertThat(warnings()).hasSize(4)
                .anySatisfy(message -> assertThat(message).startsWith("priming stopped before the snapshot"))
                .anySatisfy(message -> assertThat(message).contains("GET /notes", "DELETE /notes/{id}"));
        assertThat(wired.pool().getHikariPoolMXBean().getTotalConnections()).isZero();
    }

    @Test
    void aRouteTheRehearsalLeavesOut_isNotPrimed_andTheLogNamesIt() throws Exception {
        Wired wired = wiredToAnEmptyDatabase();
        Set<String> keys = new LinkedHashSet<>(List.of("GET /things", "POST /things"));

        assertThat(wired.priming().prime(new StubRoutes(keys, 200, "GET /things"))).containsExactly("GET /things");

        assertThat(warnings()).containsExactly("routes not primed before the snapshot: [POST /things]");
    }

    @Test
    void aRouteAnsweredOtherwiseThanRehearsed_endsPriming_withoutAnException() throws Exception {
        Wired wired = wiredToAnEmptyDatabase();
        Set<String> keys = new LinkedHashSet<>(List.of("GET /things", "POST /things"));

        assertThat(wired.priming().prime(new StubRoutes(keys, 503, "GET /things", "POST /things"))).isEmpty();

        assertThat(warnings()).hasSize(2).first().asString().startsWith("priming stopped before the snapshot");
        assertThat(wired.pool().getHikariPoolMXBean().getActiveConnections()).as("the dry run's connection is back").isZero();
    }
}
