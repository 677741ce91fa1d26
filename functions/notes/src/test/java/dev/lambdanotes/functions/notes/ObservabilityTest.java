package dev.lambdanotes.functions.notes;

import static dev.lambdanotes.testing.app.TestApp.body;
import static dev.lambdanotes.testing.app.TestApp.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdanotes.observability.Invocation;
import dev.lambdanotes.observability.JsonLogFormatter;
import dev.lambdanotes.testing.ApiEvent;
import dev.lambdanotes.testing.Invoke;
import dev.lambdanotes.testing.TestLambdaContext;
import dev.lambdanotes.testing.app.TestApp;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.StreamHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Logs and metrics as CloudWatch would receive them: JSON lines, security events, EMF documents, no secrets. */
class ObservabilityTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final TestApp app = TestApp.shared();
    private final ByteArrayOutputStream logs = new ByteArrayOutputStream();
    private StreamHandler capture;

    @BeforeEach
    void captureLogs() {
        capture = new StreamHandler(logs, new JsonLogFormatter("test"));
        capture.setLevel(Level.ALL);
        Logger.getLogger("").addHandler(capture);
        Logger.getLogger("security").setLevel(Level.INFO);
        app.metrics.reset();
    }

    @AfterEach
    void stopCapturing() {
        Logger.getLogger("").removeHandler(capture);
    }

    private List<JsonNode> lines(ByteArrayOutputStream out) throws Exception {
        capture.flush();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\\R")) {
            if (!line.isBlank()) {
                lines.add(JSON.readTree(line));
            }
        }
        return lines;
    }

    @Test
    void aUsersWholeJourney_isLoggedAsSecurityEventsAndMetrics_withoutAnySecret() throws Exception {
        String username = TestApp.uniqueUsername("observed");
        String password = "very secret password 9f8e7d";
        String noteTitle = "title-that-must-not-be-logged";
        String noteBody = "body-that-must-not-be-logged";
        var context = new TestLambdaContext("notes", Duration.ofSeconds(15));

        Invoke.invoke(app.register, ApiEvent.load("register.json")
                .body(body(Map.of("username", username, "password", password))), context);
        Invoke.invoke(app.session, ApiEvent.load("login.json")
                .body(body(Map.of("username", username, "password", "wrong " + password))), context);
        String token = json(Invoke.invoke(app.session, ApiEvent.load("login.json")
                .body(body(Map.of("username", username, "password", password))), context)).get("token").asText();
        Invoke.invoke(app.notes, ApiEvent.load("notes-create.json").bearer(token)
                .body(body(Map.of("title", noteTitle, "body", noteBody))), context);
        Invoke.invoke(app.session, ApiEvent.load("logout.json").bearer(token), context);
        Invoke.invoke(app.notes, ApiEvent.load("notes-list.json").bearer(token), context);

        List<JsonNode> logLines = lines(logs);
        List<JsonNode> metricLines = lines(app.metrics);
        String everything = logs.toString(StandardCharsets.UTF_8) + app.metrics.toString(StandardCharsets.UTF_8);

        assertThat(logLines).extracting(line -> line.path("event").asText()).contains(
                "user_registered", "login_failed", "login_succeeded", "logged_out", "authorization_failed");
        assertThat(logLines).allSatisfy(line -> {
            assertThat(line.get("requestId").asText()).isEqualTo(context.getAwsRequestId());
            assertThat(line.has("coldStart")).isTrue();
            assertThat(line.get("timestamp").asText()).endsWith("Z");
        });
        assertThat(everything).doesNotContain(password, token, noteTitle, noteBody);

        assertThat(metricLines).extracting(this::metricName)
                .contains("Registrations", "LoginFailures", "Logins", "NotesCreated", "AuthorizationFailures");
        assertThat(metricLines).allSatisfy(document -> {
            JsonNode directive = document.get("_aws").get("CloudWatchMetrics").get(0);
            assertThat(directive.get("Namespace").asText()).isEqualTo("NotesService");
            String name = directive.get("Metrics").get(0).get("Name").asText();
            assertThat(document.get(name).asInt()).isEqualTo(1);
            assertThat(document.get("_aws").get("Timestamp").asLong()).isPositive();
            assertThat(document.get("function").asText()).isEqualTo("test");
        });
    }

    @Test
    void aFailedLoginWithAnUnknownUsername_neverLogsWhatWasTyped() throws Exception {
        String typedPasswordAsUsername = "Hunter2-" + System.nanoTime();

        Invoke.invoke(app.session, ApiEvent.load("login.json")
                .body(body(Map.of("username", typedPasswordAsUsername, "password", "irrelevant password"))),
                new TestLambdaContext("login", Duration.ofSeconds(15)));

        List<JsonNode> failures = lines(logs).stream()
                .filter(line -> line.path("event").asText().equals("login_failed")).toList();
        assertThat(failures).hasSize(1);
        assertThat(failures.get(0).get("reason").asText()).isEqualTo("unknown_user");
        assertThat(logs.toString(StandardCharsets.UTF_8)).doesNotContain(typedPasswordAsUsername);
    }

    @Test
    void everyLine_carriesTheColdStartFlag_trueOnlyForTheFirstInvocation() throws Exception {
        String token = app.signedInUser("coldstart");
        Invocation.restored();
        NotesHandler handler = new NotesHandler(app.notes);

        Invoke.invoke(handler, ApiEvent.load("notes-list.json").bearer(token + "x"),
                new TestLambdaContext("notes", Duration.ofSeconds(15)));
        Invoke.invoke(handler, ApiEvent.load("notes-list.json").bearer(token + "y"),
                new TestLambdaContext("notes", Duration.ofSeconds(15)));

        List<JsonNode> failures = lines(logs).stream()
                .filter(line -> line.path("event").asText().equals("authorization_failed")).toList();
        assertThat(failures).extracting(line -> line.get("coldStart").asBoolean()).containsExactly(true, false);
        assertThat(failures.get(0).get("requestId")).isNotEqualTo(failures.get(1).get("requestId"));
    }

    private String metricName(JsonNode document) {
        return document.get("_aws").get("CloudWatchMetrics").get(0).get("Metrics").get(0).get("Name").asText();
    }
}
