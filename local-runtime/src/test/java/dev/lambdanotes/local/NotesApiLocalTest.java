package dev.lambdanotes.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdanotes.testing.TestDatabase;
import dev.lambdanotes.testing.TestPostgres;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The real template.yaml and the real function artifacts, run by the local runtime over the test
 * PostgreSQL and driven over HTTP as a person with curl would.
 */
class NotesApiLocalTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ByteArrayOutputStream LOGS = new ByteArrayOutputStream();
    private static final Path PROJECT = ProjectSettings.PROJECT;
    private static TestDatabase database;
    private static LocalRuntime runtime;
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        database = TestPostgres.instance().createDatabase("local_api");
        runtime = new LocalRuntime(ProjectSettings.builder(database)
                .maxInstances(2)
                .idleTimeout(Duration.ofMinutes(5))
                .log(new PrintStream(LOGS, true, StandardCharsets.UTF_8))
                .build());
        runtime.runDeployTimeFunctions();
        base = "http://127.0.0.1:" + runtime.startApi(0);
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    private static HttpResponse<String> call(String method, String path, String token, String body, String... headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void everyRoute_worksEndToEnd_throughTheLocalApi() throws Exception {
        String credentials = "{\"username\":\"local-alice\",\"password\":\"correct horse battery staple\"}";

        HttpResponse<String> registered = call("POST", "/register", null, credentials);
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);

        HttpResponse<String> login = call("POST", "/login", null, credentials);
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        String token = JSON.readTree(login.body()).get("token").asText();

        HttpResponse<String> created = call("POST", "/notes", token, "{\"title\":\"Groceries\",\"body\":\"Milk 🥛\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = JSON.readTree(created.body()).get("id").asText();
        assertThat(created.headers().firstValue("location")).contains("/notes/" + id);
        assertThat(created.headers().firstValue("etag")).contains("\"0\"");

        HttpResponse<String> listed = call("GET", "/notes?limit=10", token, null);
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(listed.body()).get("items").get(0).get("body").asText()).isEqualTo("Milk 🥛");

        HttpResponse<String> fetched = call("GET", "/notes/" + id, token, null);
        assertThat(fetched.statusCode()).isEqualTo(200);

        HttpResponse<String> updated = call("PUT", "/notes/" + id, token, "{\"title\":\"Groceries\",\"body\":\"Oat milk\"}",
                "If-Match", "\"0\"");
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
        assertThat(updated.headers().firstValue("etag")).contains("\"1\"");
        HttpResponse<String> stale = call("PUT", "/notes/" + id, token, "{\"title\":\"x\",\"body\":\"y\"}", "If-Match", "\"0\"");
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(stale.headers().firstValue("content-type")).contains("application/problem+json");

        assertThat(call("DELETE", "/notes/" + id, token, null).statusCode()).isEqualTo(204);
        assertThat(call("GET", "/notes/" + id, token, null).statusCode()).isEqualTo(404);

        assertThat(call("POST", "/logout", token, null).statusCode()).isEqualTo(204);
        HttpResponse<String> afterLogout = call("GET", "/notes", token, null);
        assertThat(afterLogout.statusCode()).isEqualTo(401);
        assertThat(afterLogout.headers().firstValue("www-authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));

        HttpResponse<String> unknown = call("GET", "/users", null, null);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).isEqualTo("{\"message\":\"Not Found\"}");

        String logs = LOGS.toString(StandardCharsets.UTF_8);
        assertThat(logs).contains("[MigrateFunction] {\"versionBefore\":null,\"versionAfter\":\"" + latestMigration() + "\"");
        assertThat(logs).containsPattern("\\[NotesFunction] REPORT RequestId: .*Init Duration: [\\d.]+ ms");
        assertThat(logs).contains("\"event\":\"login_succeeded\"").doesNotContain("correct horse battery staple");
    }

    @Test
    void invoke_runsAnEventFileThroughAFunction_likeSamLocalInvoke() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = Main.run(new String[] {"invoke", "RegisterFunction", "-e", "events/register.json",
                "--project-dir", PROJECT.toString(), "--db-url", database.jdbcUrl(), "--db-user", database.user(),
                "--db-password", database.password(),
                "--runtime-dir", System.getProperty("notes.lambda.runtime.dir")}, InputStream.nullInputStream(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        JsonNode response = JSON.readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(response.get("statusCode").asInt()).isEqualTo(201);
        assertThat(JSON.readTree(response.get("body").asText()).get("username").asText()).isEqualTo("alice");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("[RegisterFunction] REPORT RequestId:");
    }

    @Test
    void invoke_ofAFailingFunction_exitsNonZero() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = Main.run(new String[] {"invoke", "MigrateFunction", "-e", "events/register.json",
                "--project-dir", PROJECT.toString(), "--db-url", "jdbc:postgresql://127.0.0.1:1/nowhere",
                "--runtime-dir", System.getProperty("notes.lambda.runtime.dir")}, InputStream.nullInputStream(),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(exit).isNotZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("MigrateFunction failed");
    }

    @Test
    void invoke_withEventDash_readsTheEventFromStandardInput() throws Exception {
        String event = Files.readString(PROJECT.resolve("events/register.json")).replace("alice", "stdin-carol");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = Main.run(new String[] {"invoke", "RegisterFunction", "-e", "-",
                "--project-dir", PROJECT.toString(), "--db-url", database.jdbcUrl(), "--db-user", database.user(),
                "--db-password", database.password(),
                "--runtime-dir", System.getProperty("notes.lambda.runtime.dir")},
                new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        JsonNode response = JSON.readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(response.get("statusCode").asInt()).isEqualTo(201);
        assertThat(JSON.readTree(response.get("body").asText()).get("username").asText()).isEqualTo("stdin-carol");
    }

    @Test
    void invoke_withoutAnEvent_sendsAnEmptyObject() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        // Invoked directly with {} (no CloudFormation request), the migration answers with its versions.
        int exit = Main.run(new String[] {"invoke", "MigrateFunction",
                "--project-dir", PROJECT.toString(), "--db-url", database.jdbcUrl(), "--db-user", database.user(),
                "--db-password", database.password(),
                "--runtime-dir", System.getProperty("notes.lambda.runtime.dir")},
                new ByteArrayInputStream("not an event".getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        JsonNode response = JSON.readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(response.get("versionAfter").asText()).isEqualTo(latestMigration());
    }

    /** The version of the newest migration in the repository, as Flyway reports it. */
    private static String latestMigration() throws IOException {
        try (var files = Files.list(PROJECT.resolve("migrations/src/main/resources/db/migration"))) {
            return Integer.toString(files.map(f -> f.getFileName().toString())
                    .filter(name -> name.matches("V\\d+__.*\\.sql"))
                    .mapToInt(name -> Integer.parseInt(name.substring(1, name.indexOf("__"))))
                    .max().orElseThrow());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/notes/", "/notes/0b4a2f4e-5f43-4c1e-9c6e-1a2b3c4d5e6f/", "//notes", "/notes//x"})
    void aPathThatNoRouteHasExactly_isNotFound_beforeAnyFunctionRuns(String path) throws Exception {
        HttpResponse<String> response = call("GET", path, null, null);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("content-type")).contains("application/json");
        assertThat(response.body()).isEqualTo("{\"message\":\"Not Found\"}");
    }
}
