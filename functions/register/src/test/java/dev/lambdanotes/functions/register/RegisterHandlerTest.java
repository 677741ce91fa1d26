package dev.lambdanotes.functions.register;

import static dev.lambdanotes.testing.app.ProblemAssertions.assertProblem;
import static dev.lambdanotes.testing.app.TestApp.body;
import static dev.lambdanotes.testing.app.TestApp.json;
import static dev.lambdanotes.testing.app.TestApp.uniqueUsername;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.lambdanotes.testing.ApiEvent;
import dev.lambdanotes.testing.Invoke;
import dev.lambdanotes.testing.app.TestApp;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RegisterHandlerTest {
    private final TestApp app = TestApp.shared();
    private final RegisterHandler handler = new RegisterHandler(app.register);

    private APIGatewayV2HTTPResponse register(ApiEvent event) {
        return Invoke.invoke(handler, event, null);
    }

    private APIGatewayV2HTTPResponse register(String username, String password) {
        return register(ApiEvent.load("register.json").body(body(Map.of("username", username, "password", password))));
    }


    @Test
    void register_withValidCredentials_returns201WithIdUsernameAndCreatedAt() {
        String username = uniqueUsername("alice");
        Instant before = Instant.now().minusSeconds(5);

        APIGatewayV2HTTPResponse response = register(username, TestApp.PASSWORD);

        assertThat(response.getStatusCode()).isEqualTo(201);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/json");
        JsonNode body = json(response);
        assertThat(UUID.fromString(body.get("id").asText())).isNotNull();
        assertThat(body.get("username").asText()).isEqualTo(username);
        assertThat(Instant.parse(body.get("createdAt").asText())).isAfter(before);
        assertThat(body.get("createdAt").asText()).endsWith("Z");
        assertThat(body.has("password")).isFalse();
        assertThat(response.getBody()).doesNotContain(TestApp.PASSWORD, "argon2");
    }

    @Test
    void register_storesAnArgon2idHashAtOwaspMinimumCost_neverThePassword() throws SQLException {
        String username = uniqueUsername("hash");
        register(username, TestApp.PASSWORD);

        String stored = storedHash(username);

        assertThat(stored).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").doesNotContain(TestApp.PASSWORD);
        String[] parts = stored.split("\\$");
        assertThat(java.util.Base64.getDecoder().decode(parts[4])).as("salt").hasSize(16);
        assertThat(java.util.Base64.getDecoder().decode(parts[5])).as("hash").hasSize(32);
    }

    @Test
    void register_sameUsernameInAnotherCase_returns409() {
        String username = uniqueUsername("Bob");
        assertThat(register(username, TestApp.PASSWORD).getStatusCode()).isEqualTo(201);

        APIGatewayV2HTTPResponse response = register(username.toUpperCase(), "another password");

        assertProblem(response, 409);
        assertThat(json(response).get("type").asText()).isEqualTo("/problems/username-taken");
    }

    @Test
    void register_concurrentlyWithOneUsername_givesOne201AndOne409() throws Exception {
        for (int round = 0; round < 3; round++) {
            String username = uniqueUsername("race");
            CyclicBarrier start = new CyclicBarrier(2);
            Callable<Integer> attempt = () -> {
                start.await();
                return register(username, TestApp.PASSWORD).getStatusCode();
            };
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<Integer>> results = new ArrayList<>();
                results.add(pool.submit(attempt));
                results.add(pool.submit(attempt));
                List<Integer> statuses = new ArrayList<>();
                for (Future<Integer> result : results) {
                    statuses.add(result.get());
                }
                assertThat(statuses).containsExactlyInAnyOrder(201, 409);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ab", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
            "has space", "semi;colon", "émile", ""})
    void register_withAnInvalidUsername_returns400NamingTheField(String username) {
        APIGatewayV2HTTPResponse response = register(username, TestApp.PASSWORD);

        assertProblem(response, 400);
        assertThat(json(response).get("errors").get(0).get("pointer").asText()).isEqualTo("#/username");
    }

    @Test
    void register_usernameOfAllowedCharactersAtTheLimits_isAccepted() {
        String suffix = UUID.randomUUID().toString().replace("-", "");
        assertThat(register("a._-" + suffix, TestApp.PASSWORD).getStatusCode()).isEqualTo(201);
        String longest = (suffix + "x".repeat(80)).substring(0, 80);
        assertThat(register(longest, TestApp.PASSWORD).getStatusCode()).isEqualTo(201);
    }

    @Test
    void register_withPasswordShorterThan8_returns400() {
        APIGatewayV2HTTPResponse response = register(uniqueUsername("short"), "1234567");

        assertProblem(response, 400);
        assertThat(json(response).get("errors").get(0).get("pointer").asText()).isEqualTo("#/password");
    }

    @Test
    void register_acceptsLongUnicodePasswordsExactlyAsSent() {
        String password = "  pässwörd 🔑 ".repeat(20).substring(0, 256);
        String username = uniqueUsername("unicodepw");

        assertThat(register(username, password).getStatusCode()).isEqualTo(201);

        APIGatewayV2HTTPResponse login = Invoke.invoke(app.session, ApiEvent.load("login.json")
                .body(body(Map.of("username", username, "password", password))), null);
        assertThat(login.getStatusCode()).isEqualTo(200);
        APIGatewayV2HTTPResponse trimmed = Invoke.invoke(app.session, ApiEvent.load("login.json")
                .body(body(Map.of("username", username, "password", password.trim()))), null);
        assertThat(trimmed.getStatusCode()).isEqualTo(401);
    }

    @Test
    void register_withMissingMembers_returns400ListingEach() {
        APIGatewayV2HTTPResponse response = register(ApiEvent.load("register.json").body("{}"));

        assertProblem(response, 400);
        assertThat(json(response).get("errors").findValuesAsText("pointer"))
                .containsExactlyInAnyOrder("#/username", "#/password");
    }

    @Test
    void register_withWrongTypes_returns400() {
        APIGatewayV2HTTPResponse response = register(ApiEvent.load("register.json")
                .body("{\"username\": 42, \"password\": [\"a\"]}"));

        assertProblem(response, 400);
        assertThat(json(response).get("errors").findValuesAsText("detail"))
                .containsExactlyInAnyOrder("username must be a string", "password must be a string");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"username\": ", "not json", "[]", "\"text\"", "{} {}",
            "{\"username\":\"a\",\"username\":\"b\",\"password\":\"12345678\"}"})
    void register_withMalformedJson_returns400(String bad) {
        assertProblem(register(ApiEvent.load("register.json").body(bad)), 400);
    }

    @Test
    void register_withoutBody_returns400() {
        assertProblem(register(ApiEvent.load("register.json").body(null)), 400);
    }

    @Test
    void register_withBodyOver1MiB_returns413() {
        String huge = body(Map.of("username", uniqueUsername("big"), "password", "x".repeat(1024 * 1024)));

        assertProblem(register(ApiEvent.load("register.json").body(huge)), 413);
    }

    @Test
    void register_withNonJsonContentType_returns415() {
        APIGatewayV2HTTPResponse response = register(ApiEvent.load("register.json")
                .header("content-type", "application/x-www-form-urlencoded")
                .body("username=a&password=b"));

        assertProblem(response, 415);
    }

    @Test
    void register_withJsonInAnotherCharset_returns415() {
        assertProblem(register(ApiEvent.load("register.json")
                .header("content-type", "application/json; charset=ISO-8859-1")), 415);
    }

    @Test
    void register_withBase64BodyAndMixedCaseHeaders_works() {
        String username = uniqueUsername("b64");
        byte[] bytes = body(Map.of("username", username, "password", TestApp.PASSWORD)).getBytes(StandardCharsets.UTF_8);

        APIGatewayV2HTTPResponse response = register(ApiEvent.load("register.json")
                .header("Content-TYPE", "Application/JSON; Charset=UTF-8")
                .base64Body(bytes));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
        assertThat(json(response).get("username").asText()).isEqualTo(username);
    }

    @Test
    void register_withInvalidBase64Body_returns400() {
        var event = ApiEvent.load("register.json").body("***not base64***");
        ((com.fasterxml.jackson.databind.node.ObjectNode) event.json()).put("isBase64Encoded", true);

        assertProblem(register(event), 400);
    }

    @Test
    void register_withInvalidUtf8_returns400() {
        byte[] invalid = {'{', '"', 'u', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};

        assertProblem(register(ApiEvent.load("register.json").base64Body(invalid)), 400);
    }

    /** The passwords are JSON escapes, as a client sends them: \\ud800 is one lone surrogate. */
    @ParameterizedTest
    @ValueSource(strings = {"\\ud800\\ud800abcdefgh", "\\udfff\\udbffabcdefgh", "abcdefgh\\ud83d"})
    void register_withPasswordThatHasNoUtf8Form_returns400AndCreatesNoAccount(String escapedPassword) throws SQLException {
        String username = uniqueUsername("surrogate");
        String json = "{\"username\":\"" + username + "\",\"password\":\"" + escapedPassword + "\"}";

        APIGatewayV2HTTPResponse response = register(ApiEvent.load("register.json").body(json));

        assertProblem(response, 400);
        assertThat(json(response).get("errors").get(0).get("pointer").asText()).isEqualTo("#/password");
        assertThat(accounts(username)).isZero();
    }

    @Test
    void register_withLoneSurrogateInATextBody_returns400() throws SQLException {
        String username = uniqueUsername("rawsurrogate");
        String raw = "{\"username\":\"" + username + "\",\"password\":\"abcdefgh\ud800\"}";

        assertProblem(register(ApiEvent.load("register.json").body(raw)), 400);
        assertThat(accounts(username)).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {";", "/", "application/", "/json", "application/json; charset",
            "application/json;;", "application/json; charset=\"utf-8", "json", "application/json garbage", "\u0000"})
    void register_withMalformedContentType_returns400Problem(String contentType) {
        APIGatewayV2HTTPResponse response = register(ApiEvent.load("register.json")
                .header("content-type", contentType)
                .body(body(Map.of("username", uniqueUsername("ct"), "password", TestApp.PASSWORD))));

        assertProblem(response, 400);
    }

    @Test
    void register_withEncodedSurrogateBytes_returns400() throws SQLException {
        String username = uniqueUsername("cesu");
        byte[] prefix = ("{\"username\":\"" + username + "\",\"password\":\"abcdefgh").getBytes(StandardCharsets.UTF_8);
        byte[] surrogate = {(byte) 0xED, (byte) 0xA0, (byte) 0x80};
        byte[] suffix = "\"}".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[prefix.length + surrogate.length + suffix.length];
        System.arraycopy(prefix, 0, bytes, 0, prefix.length);
        System.arraycopy(surrogate, 0, bytes, prefix.length, surrogate.length);
        System.arraycopy(suffix, 0, bytes, prefix.length + surrogate.length, suffix.length);

        assertProblem(register(ApiEvent.load("register.json").base64Body(bytes)), 400);
        assertThat(accounts(username)).isZero();
    }

    private int accounts(String username) throws SQLException {
        try (Connection connection = app.database.dataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT count(*) FROM users WHERE lower(username) = lower(?)")) {
            statement.setString(1, username);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    private String storedHash(String username) throws SQLException {
        try (Connection connection = app.database.dataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT password_hash FROM users WHERE username = ?")) {
            statement.setString(1, username);
            try (ResultSet rows = statement.executeQuery()) {
                assertThat(rows.next()).isTrue();
                return rows.getString(1);
            }
        }
    }
}
