package dev.lambdanotes.functions.login;

import static dev.lambdanotes.testing.app.ProblemAssertions.assertProblem;
import static dev.lambdanotes.testing.app.ProblemAssertions.assertUnauthorized;
import static dev.lambdanotes.testing.app.TestApp.body;
import static dev.lambdanotes.testing.app.TestApp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.lambdanotes.testing.ApiEvent;
import dev.lambdanotes.testing.Invoke;
import dev.lambdanotes.testing.app.TestApp;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The login and registration throttles, with the application's clock moved instead of waiting. */
class LoginThrottleTest {
    private static final AtomicInteger ADDRESSES = new AtomicInteger(1);
    private final TestApp app = TestApp.shared();
    private final LoginHandler handler = new LoginHandler(app.session);

    /** Delays of a second are measured on the application's clock, stopped unless a test moves it. */
    @BeforeEach
    void stopTheClock() {
        app.clock.stop();
    }

    @AfterEach
    void restartTheClock() {
        app.clock.restart();
    }

    /** An address of its own for each test, in 192.0.2.0/24 (documentation). */
    private static String newAddress() {
        return "192.0.2." + ADDRESSES.getAndIncrement();
    }

    private APIGatewayV2HTTPResponse login(String username, String password, String sourceIp) {
        return Invoke.invoke(handler, ApiEvent.load("login.json").sourceIp(sourceIp)
                .body(body(Map.of("username", username, "password", password))), null);
    }

    private APIGatewayV2HTTPResponse register(String username, String sourceIp) {
        return Invoke.invoke(app.register, ApiEvent.load("register.json").sourceIp(sourceIp)
                .body(body(Map.of("username", username, "password", TestApp.PASSWORD))), null);
    }

    private static void assertThrottled(APIGatewayV2HTTPResponse response, long retryAfterSeconds) {
        assertProblem(response, 429);
        assertThat(json(response).get("type").asText()).isEqualTo("/problems/too-many-attempts");
        assertThat(response.getHeaders()).containsEntry("Retry-After", Long.toString(retryAfterSeconds));
    }

    private void failFiveTimes(String username, String sourceIp) {
        for (int i = 0; i < 5; i++) {
            assertUnauthorized(login(username, "not the password", sourceIp));
        }
    }

    @Test
    void afterFiveFailures_theAccountWaitsOneSecond_evenForTheRightPassword() {
        String username = app.newUser("throttled");
        String address = newAddress();
        failFiveTimes(username, address);

        assertThrottled(login(username, TestApp.PASSWORD, address), 1);
        assertThrottled(login(username, TestApp.PASSWORD, newAddress()), 1);

        app.clock.advance(Duration.ofSeconds(1));
        assertThat(login(username, TestApp.PASSWORD, address).getStatusCode()).isEqualTo(200);
    }

    @Test
    void eachFailureAfterADelay_doublesTheNextDelay() {
        String username = app.newUser("doubling");
        String address = newAddress();
        failFiveTimes(username, address);

        List<String> delays = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            APIGatewayV2HTTPResponse refused = login(username, "not the password", address);
            delays.add(refused.getHeaders().get("Retry-After"));
            app.clock.advance(Duration.ofSeconds(Long.parseLong(refused.getHeaders().get("Retry-After"))));
            assertUnauthorized(login(username, "not the password", address));
        }

        assertThat(delays).containsExactly("1", "2", "4", "8");
    }

    @Test
    void theDelay_neverExceedsFifteenMinutes_andTheOwnerGetsIn() {
        String username = app.newUser("bounded");
        String address = newAddress();
        long longest = 0;
        for (int i = 0; i < 40; i++) {
            APIGatewayV2HTTPResponse response = login(username, "not the password", address);
            if (response.getStatusCode() == 429) {
                long wait = Long.parseLong(response.getHeaders().get("Retry-After"));
                longest = Math.max(longest, wait);
                app.clock.advance(Duration.ofSeconds(wait));
            }
        }

        assertThat(longest).isEqualTo(900);
        app.clock.advance(Duration.ofMinutes(15));
        assertThat(login(username, TestApp.PASSWORD, newAddress()).getStatusCode()).isEqualTo(200);
    }

    @Test
    void wrongPasswordsSentInParallel_countEachOther_soOnlyFiveAreTriedBeforeTheDelay() throws Exception {
        String username = app.newUser("parallel");
        List<LoginAttempt> attempts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            attempts.add(new LoginAttempt(username, "not the password", newAddress()));
        }

        List<Integer> statuses = statusesAtOnce(attempts);

        assertThat(statuses).filteredOn(status -> status == 401).hasSize(5);
        assertThat(statuses).filteredOn(status -> status == 429).hasSize(3);
    }

    /**
     * A success deletes the counter it gave its count back to, and the clean-up deletes expired
     * ones: a login that found its counter, then waited to lock it while another transaction deleted
     * it, creates it again (it failed with a 500 before).
     */
    @Test
    void aCounterDeletedWhileALoginWaitsToLockIt_isCreatedAgain() throws Exception {
        try (TestApp fresh = new TestApp(TestApp.migratedDatabase("relock"), Duration.ofHours(1))) {
            String username = fresh.newUser("relock");
            APIGatewayV2HTTPResponse failed = Invoke.invoke(fresh.session, ApiEvent.load("login.json")
                    .body(body(Map.of("username", username, "password", "not the password"))), null);
            assertUnauthorized(failed);
            ExecutorService thread = Executors.newSingleThreadExecutor();
            try (Connection other = fresh.database.dataSource().getConnection(); Statement statement = other.createStatement()) {
                other.setAutoCommit(false);
                statement.execute("SELECT key_hash FROM attempt_counters FOR UPDATE");
                Future<APIGatewayV2HTTPResponse> login = thread.submit(() -> Invoke.invoke(fresh.session,
                        ApiEvent.load("login.json").body(body(Map.of("username", username, "password", TestApp.PASSWORD))), null));
                TestApp.awaitEndOrLockWait(login, other);
                statement.execute("DELETE FROM attempt_counters");
                other.commit();

                assertThat(login.get(30, TimeUnit.SECONDS).getStatusCode()).isEqualTo(200);
            } finally {
                thread.shutdownNow();
            }
        }
    }

    /** The address's counter counts an attempt before the password is checked, and a success gives it back. */
    @Test
    void successfulLogins_doNotCountAgainstTheirAddress() {
        String username = app.newUser("regular");
        String address = newAddress();
        for (int i = 0; i < 51; i++) {
            assertThat(login(username, TestApp.PASSWORD, address).getStatusCode()).as("login %d", i + 1).isEqualTo(200);
        }
    }

    @Test
    void aSuccessfulLogin_forgetsTheAccountsFailures() {
        String username = app.newUser("reset");
        String address = newAddress();
        for (int i = 0; i < 4; i++) {
            assertUnauthorized(login(username, "not the password", address));
        }
        assertThat(login(username, TestApp.PASSWORD, address).getStatusCode()).isEqualTo(200);

        for (int i = 0; i < 4; i++) {
            assertUnauthorized(login(username, "not the password", address));
        }
    }

    @Test
    void failuresOlderThanFifteenMinutes_areForgotten() {
        String username = app.newUser("window");
        String address = newAddress();
        for (int i = 0; i < 4; i++) {
            assertUnauthorized(login(username, "not the password", address));
        }

        app.clock.advance(Duration.ofMinutes(15));

        for (int i = 0; i < 4; i++) {
            assertUnauthorized(login(username, "not the password", address));
        }
    }

    @Test
    void anUnknownUsername_isThrottledExactlyLikeAKnownOne() {
        String known = app.newUser("enum");
        String unknown = known + "-nobody";
        String address = newAddress();
        failFiveTimes(known, address);
        failFiveTimes(unknown, newAddress());

        APIGatewayV2HTTPResponse knownRefusal = login(known, "not the password", address);
        APIGatewayV2HTTPResponse unknownRefusal = login(unknown, "not the password", address);

        assertThrottled(knownRefusal, 1);
        assertThrottled(unknownRefusal, 1);
        assertThat(unknownRefusal.getBody()).isEqualTo(knownRefusal.getBody());
        assertThat(unknownRefusal.getHeaders()).isEqualTo(knownRefusal.getHeaders());
    }

    @Test
    void aRefusal_hashesNoPassword_soItIsFarCheaperThanAFailedLogin() {
        String username = app.newUser("cheap");
        String address = newAddress();
        List<Long> failures = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            assertUnauthorized(login(username, "not the password", address));
            failures.add(System.nanoTime() - start);
        }
        List<Long> refusals = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            assertProblem(login(username, "not the password", address), 429);
            refusals.add(System.nanoTime() - start);
        }

        // Argon2id with 19 MiB costs tens of milliseconds; a refusal is one indexed read.
        assertThat(median(refusals)).isLessThan(median(failures) / 3);
    }

    @Test
    void fiftyFailuresFromOneAddress_acrossUsernames_holdBackThatAddressOnly() {
        String address = newAddress();
        for (int i = 0; i < 50; i++) {
            assertUnauthorized(login(TestApp.uniqueUsername("stuffing"), "not the password", address));
        }
        String victim = app.newUser("victim");

        assertThrottled(login(victim, TestApp.PASSWORD, address), 1);
        assertThat(login(victim, TestApp.PASSWORD, newAddress()).getStatusCode()).isEqualTo(200);
    }

    @Test
    void aSuccessFromAnAddressWhoseDelayRanOut_startsNoNewDelay_forTheNextLogin() {
        String address = newAddress();
        for (int i = 0; i < 50; i++) {
            assertUnauthorized(login(TestApp.uniqueUsername("served"), "not the password", address));
        }
        String first = app.newUser("first");
        String second = app.newUser("second");
        assertThrottled(login(first, TestApp.PASSWORD, address), 1);
        app.clock.advance(Duration.ofSeconds(1));

        assertThat(login(first, TestApp.PASSWORD, address).getStatusCode()).isEqualTo(200);
        assertThat(login(second, TestApp.PASSWORD, address).getStatusCode()).isEqualTo(200);
    }

    @Test
    void tenRegistrationsFromOneAddress_holdBackTheEleventhForAMinute() {
        String address = newAddress();
        int engagedBefore = engagements();
        for (int i = 0; i < 10; i++) {
            assertThat(register(TestApp.uniqueUsername("signup"), address).getStatusCode()).isEqualTo(201);
        }
        assertThat(engagements()).as("the tenth registration engaged the throttle").isEqualTo(engagedBefore + 1);

        assertThrottled(register(TestApp.uniqueUsername("signup"), address), 60);
        assertThat(register(TestApp.uniqueUsername("signup"), newAddress()).getStatusCode()).isEqualTo(201);
        app.clock.advance(Duration.ofMinutes(1));
        assertThat(register(TestApp.uniqueUsername("signup"), address).getStatusCode()).isEqualTo(201);
    }

    /** The fifth attempt is counted before its password is checked, but only a failure engages the delay. */
    @Test
    void theRightPasswordAfterFourFailures_engagesNoThrottle_andLetsTheNextAttemptIn() {
        String username = app.newUser("fifthright");
        String address = newAddress();
        for (int i = 0; i < 4; i++) {
            assertUnauthorized(login(username, "not the password", address));
        }
        int before = engagements();

        assertThat(login(username, TestApp.PASSWORD, address).getStatusCode()).isEqualTo(200);

        assertThat(engagements()).isEqualTo(before);
        assertUnauthorized(login(username, "not the password", address));
    }

    /**
     * Logins that pass give their counts back while others are being counted, on the same two
     * counters, and none of them fails the server. (Against a give-back that locked the counters
     * in another order than the count, two runs of this test did not meet the deadlock that order
     * allows: it guards the whole, not that race.)
     */
    @Test
    void rightAndWrongPasswordsInParallel_fromOneAddress_neverFailTheServer() throws Exception {
        String username = app.newUser("mixed");
        String address = newAddress();
        List<LoginAttempt> attempts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            attempts.add(new LoginAttempt(username, i % 3 == 0 ? "not the password" : TestApp.PASSWORD, address));
        }
        for (int round = 0; round < 4; round++) {
            assertThat(statusesAtOnce(attempts)).allSatisfy(status -> assertThat(status).isIn(200, 401, 429));
            app.clock.advance(Duration.ofMinutes(16));
        }
    }

    private record LoginAttempt(String username, String password, String sourceIp) {
    }

    /** Sends the logins at once, each from a thread of its own released together, and returns their statuses in order. */
    private List<Integer> statusesAtOnce(List<LoginAttempt> attempts) throws Exception {
        CyclicBarrier start = new CyclicBarrier(attempts.size());
        ExecutorService pool = Executors.newFixedThreadPool(attempts.size());
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (LoginAttempt attempt : attempts) {
                results.add(pool.submit(() -> {
                    start.await();
                    return login(attempt.username(), attempt.password(), attempt.sourceIp()).getStatusCode();
                }));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void throttlingDecisions_areSecurityEventsAndMetrics() {
        String username = app.newUser("metered");
        String address = newAddress();
        failFiveTimes(username, address);
        login(username, TestApp.PASSWORD, address);

        String metrics = app.metrics.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(metrics).contains("\"ThrottlesEngaged\":1", "\"ThrottledAttempts\":1");
    }

    @Test
    void expiredCountersAndTokens_areDeletedByLaterWrites() throws Exception {
        try (TestApp fresh = new TestApp(TestApp.migratedDatabase("purge"), Duration.ofHours(1))) {
            String username = fresh.newUser("purge");
            fresh.logIn(username);
            Invoke.invoke(fresh.session, ApiEvent.load("login.json")
                    .body(body(Map.of("username", username, "password", "not the password"))), null);
            assertThat(rows(fresh, "attempt_counters")).isEqualTo(3);
            assertThat(rows(fresh, "access_tokens")).isEqualTo(1);

            fresh.clock.advance(Duration.ofHours(2));
            Invoke.invoke(fresh.session, ApiEvent.load("login.json")
                    .body(body(Map.of("username", "someone-else", "password", "not the password"))), null);
            assertThat(rows(fresh, "attempt_counters")).as("the two counters of the last failure").isEqualTo(2);

            fresh.logIn(username);
            assertThat(rows(fresh, "access_tokens")).as("only the token just issued").isEqualTo(1);
        }
    }

    /** How many times a throttle started holding attempts back, as the metrics counted it. */
    private int engagements() {
        String metrics = app.metrics.toString(java.nio.charset.StandardCharsets.UTF_8);
        return metrics.split("\"ThrottlesEngaged\":1", -1).length - 1;
    }

    private static int rows(TestApp app, String table) throws Exception {
        try (Connection connection = app.database.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT count(*) FROM " + table)) {
            result.next();
            return result.getInt(1);
        }
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }
}
