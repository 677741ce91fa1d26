package dev.lambdanotes.testing.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lambdanotes.application.PasswordHasher;
import dev.lambdanotes.testing.ApiEvent;
import dev.lambdanotes.testing.Invoke;
import dev.lambdanotes.testing.app.TestApp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The application over a database of its own, with two users, their tokens and a few notes, which
 * a fuzz property sends its requests to. Every response goes through the {@link ApiOracle}, and
 * what was acknowledged into the {@link Ledger}, so that at the end the database can be compared
 * with exactly what the API said it did.
 */
public final class FuzzedApp implements AutoCloseable {
    public static final String USERNAME = "fuzzer";
    public static final String OTHER_USERNAME = "neighbour";
    /** Holds '?', what Java's UTF-8 encoder writes for an unpaired surrogate: such a password must not log in. */
    public static final String PASSWORD = "fuzz? correct horse?";
    /**
     * Argon2id at its smallest (8 KiB, one pass): the production code path at about a millisecond
     * a hash instead of 60, so that thousands of registrations and logins fit in seconds.
     */
    private static final PasswordHasher CHEAP_HASHER = new PasswordHasher(8, 1, 1);
    /** Well inside the functions' 15 s timeout, with room for a machine busy with other builds. */
    private static final Duration SLOW = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    public final TestApp app;
    private final Ledger ledger = new Ledger();
    private final ApiOracle oracle = new ApiOracle(ledger);
    private final Logger securityLog = Logger.getLogger("security");
    private final Level securityLevel = securityLog.getLevel();
    private int sent;

    private FuzzedApp() {
        app = new TestApp(TestApp.migratedDatabase("fuzz"), Duration.ofHours(1), CHEAP_HASHER);
        // Thousands of failed logins and refused tokens are the point here, not news.
        securityLog.setLevel(Level.SEVERE);
    }

    /** A new database and application, seeded through the API itself. */
    public static FuzzedApp start() {
        FuzzedApp fuzz = new FuzzedApp();
        fuzz.seed();
        return fuzz;
    }

    private void seed() {
        RequestStreamHandler register = app.register;
        RequestStreamHandler session = app.session;
        RequestStreamHandler notes = app.notes;
        UUID own = UUID.fromString(json(send(ApiFunction.REGISTER, register, credentials("register.json", USERNAME)))
                .get("id").asText());
        send(ApiFunction.REGISTER, register, credentials("register.json", OTHER_USERNAME));
        String ownToken = json(send(ApiFunction.LOGIN, session, credentials("login.json", USERNAME))).get("token").asText();
        String otherToken = json(send(ApiFunction.LOGIN, session, credentials("login.json", OTHER_USERNAME)))
                .get("token").asText();
        ledger.cast(ownToken, own, otherToken);
        String revoked = json(send(ApiFunction.LOGIN, session, credentials("login.json", USERNAME))).get("token").asText();
        send(ApiFunction.LOGIN, session, FuzzRequest.of("logout.json", new Edit.Header("authorization", "Bearer " + revoked)));
        for (World.TokenRef owner : List.of(World.TokenRef.OTHER_USER, World.TokenRef.OWN, World.TokenRef.OWN)) {
            send(ApiFunction.NOTES, notes, FuzzRequest.of("notes-create.json",
                    new Edit.Authorization("Bearer %s", owner, 0),
                    new Edit.SetBody(Body.text(TestApp.body(Map.of("title", "Seed", "body", "of " + owner))))));
        }
    }

    private static FuzzRequest credentials(String sample, String username) {
        return FuzzRequest.of(sample,
                new Edit.SetBody(Body.text(TestApp.body(Map.of("username", username, "password", PASSWORD)))));
    }

    /**
     * Sends the request through the handler as the Lambda runtime would (the event's JSON in, the
     * response's JSON out), and checks the response; a failure names the rule, the request and the response.
     */
    public APIGatewayV2HTTPResponse send(ApiFunction function,
                                         RequestStreamHandler handler,
                                         FuzzRequest request) {
        ApiEvent apiEvent = request.event(ledger);
        APIGatewayV2HTTPEvent event = apiEvent.toEvent();
        sent++;
        long start = System.nanoTime();
        APIGatewayV2HTTPResponse response;
        try {
            response = Invoke.invoke(handler, apiEvent, null);
        } catch (RuntimeException e) {
            throw new AssertionError("The handler threw instead of answering\n" + describe(request, event, null), e);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        try {
            oracle.check(function, event, response);
            if (took.compareTo(SLOW) > 0) {
                throw new AssertionError("The API took " + took.toMillis() + " ms to answer");
            }
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\n" + describe(request, event, response));
        }
        return response;
    }

    /** How many requests went through {@link #send}. */
    public int sent() {
        return sent;
    }

    private static String describe(FuzzRequest request, APIGatewayV2HTTPEvent event, APIGatewayV2HTTPResponse response) {
        var http = event.getRequestContext() == null ? null : event.getRequestContext().getHttp();
        String sentEvent = "routeKey=" + Show.text(event.getRouteKey())
                + ", method=" + Show.text(http == null ? null : http.getMethod())
                + ", rawPath=" + Show.text(event.getRawPath())
                + ", pathParameters=" + shown(event.getPathParameters())
                + ", query=" + shown(event.getQueryStringParameters())
                + ", headers=" + shown(event.getHeaders())
                + ", isBase64Encoded=" + event.getIsBase64Encoded()
                + ", body=" + Show.text(event.getBody());
        String answer = response == null ? "none"
                : response.getStatusCode() + " " + shown(response.getHeaders()) + " " + Show.text(response.getBody());
        return "  request:  " + request + "\n  event:    " + sentEvent + "\n  response: " + answer;
    }

    private static String shown(Map<String, String> map) {
        return map == null ? "null" : map.entrySet().stream()
                .map(e -> Show.text(e.getKey()) + ": " + Show.text(e.getValue()))
                .collect(Collectors.joining(", ", "{", "}"));
    }

    /** The users, tokens and notes in the database are exactly those the API acknowledged, notes with their last acknowledged content. */
    public void assertDatabaseHoldsOnlyWhatWasAcknowledged() {
        try (Connection connection = app.database.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            Map<UUID, String> users = new HashMap<>();
            try (ResultSet rows = statement.executeQuery("select id, username from users")) {
                while (rows.next()) {
                    users.put(rows.getObject(1, UUID.class), rows.getString(2));
                }
            }
            assertSameEntries("users", users, ledger.accounts().values().stream()
                    .collect(Collectors.toMap(Ledger.Account::id, Ledger.Account::username)));

            Map<String, UUID> tokens = new HashMap<>();
            try (ResultSet rows = statement.executeQuery("select token_hash, user_id from access_tokens")) {
                while (rows.next()) {
                    tokens.put(HexFormat.of().formatHex(rows.getBytes(1)), rows.getObject(2, UUID.class));
                }
            }
            assertSameEntries("access tokens (by SHA-256)", tokens, ledger.liveTokens().entrySet().stream()
                    .collect(Collectors.toMap(e -> sha256(e.getKey()), Map.Entry::getValue)));

            Map<UUID, Ledger.StoredNote> notes = new HashMap<>();
            try (ResultSet rows = statement.executeQuery("select id, owner_id, title, body, version from notes")) {
                while (rows.next()) {
                    UUID id = rows.getObject(1, UUID.class);
                    notes.put(id, new Ledger.StoredNote(id, rows.getObject(2, UUID.class), rows.getString(3),
                            rows.getString(4), rows.getLong(5)));
                }
            }
            assertSameEntries("notes", notes, ledger.notes());
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the fuzz database", e);
        }
    }

    private static <K, V> void assertSameEntries(String what, Map<K, V> stored, Map<K, V> acknowledged) {
        List<String> differences = new ArrayList<>();
        stored.forEach((key, value) -> {
            if (!acknowledged.containsKey(key)) {
                differences.add("stored but never acknowledged: " + value);
            } else if (!Objects.equals(acknowledged.get(key), value)) {
                differences.add("stored as " + value + " but acknowledged as " + acknowledged.get(key));
            }
        });
        acknowledged.forEach((key, value) -> {
            if (!stored.containsKey(key)) {
                differences.add("acknowledged but not stored: " + value);
            }
        });
        assertThat(differences).as("%s in the database against what the API acknowledged (%d stored)", what,
                stored.size()).isEmpty();
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(APIGatewayV2HTTPResponse response) {
        try {
            return JSON.readTree(response.getBody());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        securityLog.setLevel(securityLevel);
        app.close();
    }
}
