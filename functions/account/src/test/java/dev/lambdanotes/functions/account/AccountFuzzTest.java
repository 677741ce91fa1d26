package dev.lambdanotes.functions.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdanotes.testing.ApiEvent;
import dev.lambdanotes.testing.Invoke;
import dev.lambdanotes.testing.app.TestApp;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Hostile requests through the account function's handler, generated from a seeded random source
 * (replay one run with {@code -Dfuzz.seed=SEED}, run longer with {@code -Dfuzz.tries=N}). No
 * request knows the account's password, so none may change it: afterwards the account, its
 * password, its note and its token must be exactly as before, every answer below 500, and every
 * error a problem+json that names no class.
 */
class AccountFuzzTest {
    private static final int TRIES = Integer.getInteger("fuzz.tries", 10_000);
    private static final long SEED = Long.getLong("fuzz.seed", System.nanoTime());
    private static final String[] SAMPLES = {"account-get.json", "account-change-password.json", "account-delete.json"};
    private static final String[] METHODS = {"GET", "PUT", "DELETE", "POST", "PATCH", "HEAD", "OPTIONS", "get", ""};
    private static final String[] PATHS = {"/me", "/me/password", "/me/", "//me", "/me/password/x", "/ME", "/me/%zz",
            "/notes", "/", "/me/" + "a".repeat(3000)};
    private static final String[] CONTENT_TYPES = {"application/json", "application/json; charset=utf-8", ";", "/",
            "application/json; charset", "text/plain", "application/json; charset=latin1", "application/x+json",
            "APPLICATION/JSON", "application/json;;", "\u0000", "multipart/form-data; boundary=x", ""};
    private static final String[] VALUES = {"\"x\"", "\"\"", "null", "5", "-1e999999", "1" + "0".repeat(2000), "true",
            "[]", "{}", "\"\\ud800\"", "\"\\u0000\"", "\"a\\udfffb\"", "\"" + "p".repeat(2000) + "\"",
            "\"correct horse battery stapl\"", "\"correct horse battery staple \"", "\"CORRECT HORSE BATTERY STAPLE\"",
            "\"a new and longer passphrase\""};
    private static final String[] MEMBERS = {"password", "currentPassword", "newPassword", "Password", "", "\\u0000",
            "password\\ud800"};

    private final TestApp app = TestApp.shared();
    private final AccountHandler handler = new AccountHandler(app.account);

    @Test
    void tenThousandHostileRequests_getNoServerError_andChangeNothing() throws Exception {
        String username = app.newUser("account-fuzz");
        String token = app.logIn(username);
        String noteId = app.createNote(token, "Kept", "through the fuzz").get("id").asText();
        String hashBefore = passwordHash(username);
        SplittableRandom random = new SplittableRandom(SEED);
        List<String> violations = new ArrayList<>();

        for (int i = 0; i < TRIES && violations.size() < 10; i++) {
            ApiEvent event = request(random, token);
            APIGatewayV2HTTPResponse response = Invoke.invoke(handler, event, null);
            String problem = check(response);
            if (problem != null) {
                violations.add(problem + " for " + event.toJson());
            }
        }

        assertThat(violations).as("seed %d", SEED).isEmpty();
        assertThat(passwordHash(username)).as("seed %d", SEED).isEqualTo(hashBefore);
        assertThat(Invoke.invoke(app.notes, ApiEvent.load("notes-get.json").bearer(token)
                .pathParameter("id", noteId), null).getStatusCode()).as("seed %d", SEED).isEqualTo(200);
    }

    private ApiEvent request(SplittableRandom random, String token) {
        ApiEvent event = ApiEvent.load(SAMPLES[random.nextInt(SAMPLES.length)]);
        ObjectNode json = (ObjectNode) event.json();
        if (random.nextInt(4) == 0) {
            String method = pick(random, METHODS);
            String path = pick(random, PATHS);
            json.put("routeKey", random.nextBoolean() ? "$default" : method + " " + path);
            json.put("rawPath", path);
            ((ObjectNode) json.path("requestContext").path("http")).put("method", method).put("path", path);
        }
        switch (random.nextInt(6)) {
            case 0 -> event.withoutHeader("authorization");
            case 1 -> event.header("authorization", pick(random, new String[] {"Bearer", "Bearer ", "Basic abc",
                    "Bearer " + "A".repeat(43), "bearer " + token, "Bearer " + token + "x", "Bearer \u0000",
                    "Bearer " + token.substring(1)}));
            default -> event.bearer(token);
        }
        if (random.nextInt(3) == 0) {
            event.header(random.nextBoolean() ? "content-type" : "Content-Type", pick(random, CONTENT_TYPES));
        }
        if (random.nextInt(5) == 0) {
            event.query(Map.of(pick(random, new String[] {"everywhere", "q", "x", ""}),
                    pick(random, new String[] {"true", "yes", "\u0000", "%zz", "1".repeat(500)})));
        }
        int shape = random.nextInt(10);
        if (shape == 0) {
            event.body(null);
        } else if (shape == 1) {
            byte[] bytes = new byte[random.nextInt(64)];
            random.nextBytes(bytes);
            event.base64Body(bytes);
        } else if (shape == 2) {
            event.base64Body(("{\"password\":\"a" + (char) 0 + "\"}").getBytes(StandardCharsets.UTF_16));
        } else if (shape == 3) {
            int depth = 1 + random.nextInt(5000);
            event.body("[".repeat(depth) + "]".repeat(random.nextBoolean() ? depth : depth - 1));
        } else if (shape == 4) {
            event.body("{\"password\":\"a\ud800\"}");
        } else {
            StringBuilder body = new StringBuilder("{");
            int members = random.nextInt(4);
            for (int m = 0; m < members; m++) {
                body.append(m == 0 ? "" : ",").append('"').append(pick(random, MEMBERS)).append("\":")
                        .append(pick(random, VALUES));
            }
            body.append(random.nextInt(20) == 0 ? "" : "}");
            if (random.nextInt(8) == 0) {
                event.base64Body(mutate(random, body.toString().getBytes(StandardCharsets.UTF_8)));
            } else {
                event.body(body.toString());
            }
        }
        return event;
    }

    private static byte[] mutate(SplittableRandom random, byte[] bytes) {
        byte[] copy = bytes.clone();
        if (copy.length > 0) {
            copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
        }
        return copy;
    }

    private static String pick(SplittableRandom random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    /** Why the answer breaks the contract, or null when it keeps it. */
    private static String check(APIGatewayV2HTTPResponse response) {
        int status = response.getStatusCode();
        if (status >= 500) {
            return "status " + status + " " + response.getBody();
        }
        if (status < 400) {
            return status == 200 || status == 204 ? null : "unexpected status " + status;
        }
        if (!"application/problem+json".equals(response.getHeaders().get("Content-Type"))) {
            return "an error that is not problem+json: " + response.getHeaders();
        }
        String body = response.getBody();
        if (body.contains("Exception") || body.contains("dev.lambdanotes") || body.contains("org.hibernate")
                || body.contains("java.") || body.contains("\tat ")) {
            return "an error naming code: " + body;
        }
        JsonNode problem = TestApp.json(response);
        if (problem.path("status").asInt() != status || problem.path("title").asText().isEmpty()) {
            return "a problem that does not state its status and title: " + body;
        }
        return null;
    }

    private String passwordHash(String username) throws Exception {
        try (Connection connection = app.database.dataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT password_hash FROM users WHERE username = ?")) {
            statement.setString(1, username);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }
}
