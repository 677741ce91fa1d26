package dev.lambdanotes.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.lambdanotes.functions.account.AccountHandler;
import dev.lambdanotes.functions.login.LoginHandler;
import dev.lambdanotes.functions.notes.NotesHandler;
import dev.lambdanotes.functions.register.RegisterHandler;
import dev.lambdanotes.migrations.CustomResourceResponder;
import dev.lambdanotes.migrations.MigrationHandler;
import dev.lambdanotes.migrations.SchemaMigration;
import dev.lambdanotes.migrations.SchemaMigrator;
import dev.lambdanotes.testing.ApiEvent;
import dev.lambdanotes.testing.Invoke;
import dev.lambdanotes.testing.TestDatabase;
import dev.lambdanotes.testing.TestLambdaContext;
import dev.lambdanotes.testing.app.TestApp;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every sample in events/ goes through its function, as `sam local invoke FUNCTION -e events/FILE`
 * would send it, in the order a person following the README uses them: register, log in, then the
 * notes routes with the token (and note id) they got, then log out. So the samples never rot.
 */
class EventsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A string member of a sample's JSON body. */
    private static final java.util.function.BiFunction<ApiEvent, String, String> JSON_FIELDS = (event, name) -> {
        try {
            return JSON.readTree(event.json().get("body").asText()).get(name).asText();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    };

    /** What each API sample is meant to produce, in the order they are replayed. */
    private static final Map<String, Integer> API_EVENTS = new LinkedHashMap<>();

    static {
        API_EVENTS.put("register.json", 201);
        API_EVENTS.put("login.json", 200);
        API_EVENTS.put("notes-create.json", 201);
        API_EVENTS.put("notes-list.json", 200);
        API_EVENTS.put("notes-get.json", 200);
        API_EVENTS.put("notes-update.json", 200);
        API_EVENTS.put("notes-delete.json", 204);
        API_EVENTS.put("account-get.json", 200);
        API_EVENTS.put("account-change-password.json", 204);
        API_EVENTS.put("logout.json", 204);
        API_EVENTS.put("logout-everywhere.json", 204);
        API_EVENTS.put("account-delete.json", 204);
    }

    private static final List<String> MIGRATE_EVENTS =
            List.of("migrate.json", "migrate-create.json", "migrate-update.json", "migrate-delete.json");

    @Test
    void everyFileInEvents_isReplayedByThisTest() throws Exception {
        List<String> files;
        try (Stream<Path> paths = Files.list(ApiEvent.eventsDirectory())) {
            files = paths.map(path -> path.getFileName().toString()).toList();
        }
        List<String> covered = new ArrayList<>(API_EVENTS.keySet());
        covered.addAll(MIGRATE_EVENTS);
        covered.add("env.json");

        assertThat(files).containsExactlyInAnyOrderElementsOf(covered);
    }

    @Test
    void apiEvents_produceTheirStatus_inTheOrderOfTheReadme() {
        try (TestApp app = new TestApp(TestApp.migratedDatabase("events"), Duration.ofHours(1))) {
            Map<String, Function<ApiEvent, APIGatewayV2HTTPResponse>> functions = Map.of(
                    "register", event -> Invoke.invoke(new RegisterHandler(app.register), event, null),
                    "login", event -> Invoke.invoke(new LoginHandler(app.session), event, null),
                    "logout", event -> Invoke.invoke(new LoginHandler(app.session), event, null),
                    "notes", event -> Invoke.invoke(new NotesHandler(app.notes), event, null),
                    "account", event -> Invoke.invoke(new AccountHandler(app.account), event, null));
            String username = JSON_FIELDS.apply(ApiEvent.load("register.json"), "username");
            String password = JSON_FIELDS.apply(ApiEvent.load("register.json"), "password");
            String token = null;
            String noteId = null;
            for (Map.Entry<String, Integer> sample : API_EVENTS.entrySet()) {
                ApiEvent event = ApiEvent.load(sample.getKey());
                if (event.json().path("headers").has("authorization")) {
                    if (token == null) {
                        // Signed out by the sample before: sign in again, as a client would.
                        token = TestApp.json(Invoke.invoke(app.session, ApiEvent.load("login.json")
                                .body(TestApp.body(Map.of("username", username, "password", password))), null))
                                .get("token").asText();
                    }
                    event.bearer(token);
                }
                if (noteId != null && event.json().path("pathParameters").has("id")) {
                    event.pathParameter("id", noteId);
                }
                String function = sample.getKey().replaceAll("[-.].*", "");

                APIGatewayV2HTTPResponse response = functions.get(function).apply(event);

                assertThat(response.getStatusCode()).as("%s: %s", sample.getKey(), response.getBody())
                        .isEqualTo(sample.getValue());
                if (sample.getKey().equals("login.json")) {
                    token = TestApp.json(response).get("token").asText();
                }
                if (sample.getKey().startsWith("logout")) {
                    token = null;
                }
                if (sample.getKey().equals("account-change-password.json")) {
                    password = JSON_FIELDS.apply(event, "newPassword");
                }
                if (sample.getKey().equals("notes-create.json")) {
                    noteId = TestApp.json(response).get("id").asText();
                }
            }
        }
    }


    @Test
    void migrateEvents_migrateAndAnswerCloudFormation() throws Exception {
        TestDatabase database = TestApp.migratedDatabase("events_migrate");
        List<JsonNode> answers = new ArrayList<>();
        HttpServer cloudFormation = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        cloudFormation.createContext("/", exchange -> {
            answers.add(JSON.readTree(exchange.getRequestBody().readAllBytes()));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        cloudFormation.start();
        try {
            MigrationHandler handler = new MigrationHandler(new SchemaMigration(
                    () -> new SchemaMigrator(database.dataSource()), new CustomResourceResponder()));
            for (String file : MIGRATE_EVENTS) {
                ObjectNode event = (ObjectNode) JSON.readTree(ApiEvent.eventsDirectory().resolve(file).toFile());
                if (event.has("ResponseURL")) {
                    event.put("ResponseURL", "http://127.0.0.1:" + cloudFormation.getAddress().getPort() + "/r");
                }
                ByteArrayOutputStream output = new ByteArrayOutputStream();
                handler.handleRequest(new ByteArrayInputStream(JSON.writeValueAsBytes(event)), output,
                        new TestLambdaContext("MigrateFunction", Duration.ofMinutes(5)));
                JsonNode result = JSON.readTree(output.toString(StandardCharsets.UTF_8));
                if (file.equals("migrate.json")) {
                    assertThat(result.get("versionAfter").asText()).isEqualTo(Project.latestMigrationVersion());
                } else {
                    assertThat(answers.get(answers.size() - 1).get("Status").asText()).as(file).isEqualTo("SUCCESS");
                }
            }
            assertThat(answers).hasSize(3);
        } finally {
            cloudFormation.stop(0);
        }
    }
}
