package dev.lambdanotes.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.lambdanotes.functions.account.AccountHandler;
import dev.lambdanotes.functions.login.LoginHandler;
import dev.lambdanotes.functions.notes.NotesHandler;
import dev.lambdanotes.functions.register.RegisterHandler;
import dev.lambdanotes.testing.ApiEvent;
import dev.lambdanotes.testing.Invoke;
import dev.lambdanotes.testing.app.TestApp;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** template.yaml is the deployed truth; these tests keep it and the code from drifting apart. */
class TemplateTest {
    private static final List<String> API_FUNCTIONS = List.of("RegisterFunction", "LoginFunction", "NotesFunction",
            "AccountFunction");

    /** SHA-256 over the migration files in name order (name, NUL, content, NUL), first 16 hex digits. */
    static String migrationsChecksum() throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        Path dir = Project.root().resolve("migrations/src/main/resources/db/migration");
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
                digest.update(file.getFileName().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(Files.readAllBytes(file));
                digest.update((byte) 0);
            }
        }
        return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
    }

    @Test
    void migrationsChecksum_matchesTheMigrationFiles_soChangingThemRerunsTheMigration() throws Exception {
        String inTemplate = Project.template().get("Resources").get("DatabaseMigration")
                .get("Properties").get("MigrationsChecksum").asText();

        assertThat(inTemplate)
                .as("set DatabaseMigration.Properties.MigrationsChecksum in template.yaml to %s", migrationsChecksum())
                .isEqualTo(migrationsChecksum());
    }

    @Test
    void apiFunctions_waitForTheMigration_andRunWithSnapStartOnAPublishedAlias() {
        Map<String, JsonNode> functions = Project.functions();
        for (String id : API_FUNCTIONS) {
            JsonNode function = functions.get(id);
            assertThat(function.path("DependsOn").asText()).as(id).isEqualTo("DatabaseMigration");
            JsonNode properties = function.get("Properties");
            assertThat(properties.path("AutoPublishAlias").asText()).as(id).isNotEmpty();
            assertThat(properties.path("SnapStart").path("ApplyOn").asText()).as(id).isEqualTo("PublishedVersions");
        }
    }

    @Test
    void everyFunction_logsToItsOwnGroupWithARetentionPeriod() {
        JsonNode resources = Project.template().get("Resources");
        Set<String> groups = new HashSet<>();
        Project.functions().forEach((id, function) -> {
            String group = function.get("Properties").get("LoggingConfig").get("LogGroup").asText();
            assertThat(resources.get(group).get("Type").asText()).as(id).isEqualTo("AWS::Logs::LogGroup");
            assertThat(resources.get(group).get("Properties").has("RetentionInDays")).as(group).isTrue();
            groups.add(group);
        });
        assertThat(groups).hasSize(Project.functions().size());
    }

    @Test
    void everyRouteOfTheTemplate_isServedByItsFunction() {
        TestApp app = TestApp.shared();
        Map<String, Function<ApiEvent, APIGatewayV2HTTPResponse>> handlers = Map.of(
                "RegisterFunction", event -> Invoke.invoke(new RegisterHandler(app.register), event, null),
                "LoginFunction", event -> Invoke.invoke(new LoginHandler(app.session), event, null),
                "NotesFunction", event -> Invoke.invoke(new NotesHandler(app.notes), event, null),
                "AccountFunction", event -> Invoke.invoke(new AccountHandler(app.account), event, null));
        int routes = 0;
        for (String id : API_FUNCTIONS) {
            JsonNode events = Project.functions().get(id).get("Properties").get("Events");
            for (Map.Entry<String, JsonNode> event : events.properties()) {
                JsonNode properties = event.getValue().get("Properties");
                String method = properties.get("Method").asText();
                String path = properties.get("Path").asText();
                ApiEvent request = ApiEvent.load("register.json").withoutHeader("authorization").body(null);
                ObjectNode json = (ObjectNode) request.json();
                json.put("routeKey", method + " " + path);
                json.put("rawPath", path.replace("{id}", "00000000-0000-0000-0000-000000000000"));
                json.putObject("pathParameters").put("id", "00000000-0000-0000-0000-000000000000");
                ((ObjectNode) json.get("requestContext").get("http")).put("method", method).put("path", json.get("rawPath").asText());

                APIGatewayV2HTTPResponse response = handlers.get(id).apply(request);

                // Without a body or a token every route answers 400 or 401; 404 would mean no route.
                assertThat(response.getStatusCode()).as("%s %s on %s: %s", method, path, id, response.getBody())
                        .isIn(400, 401);
                routes++;
            }
        }
        assertThat(routes).isEqualTo(11);
    }

    @Test
    void envJson_setsOnlyVariablesTheTemplateDeclares_forEveryFunction() throws IOException {
        JsonNode env = new ObjectMapper().readTree(ApiEvent.eventsDirectory().resolve("env.json").toFile());
        JsonNode globals = Project.template().get("Globals").get("Function").get("Environment").get("Variables");
        assertThat(env.properties().stream().map(Map.Entry::getKey).toList())
                .containsExactlyInAnyOrderElementsOf(Project.functions().keySet());
        Project.functions().forEach((id, function) -> {
            JsonNode own = function.get("Properties").path("Environment").path("Variables");
            for (Map.Entry<String, JsonNode> variable : env.get(id).properties()) {
                assertThat(globals.has(variable.getKey()) || own.has(variable.getKey()))
                        .as("%s sets %s, which the template must declare for sam local to pass it", id, variable.getKey())
                        .isTrue();
            }
        });
    }
}
