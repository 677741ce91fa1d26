package dev.lambdanotes.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lambdanotes.testing.ApiEvent;
import dev.lambdanotes.testing.TestDatabase;
import dev.lambdanotes.testing.TestLambdaContext;
import dev.lambdanotes.testing.TestPostgres;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The migration function against PostgreSQL, with a local HTTP server standing in for CloudFormation's S3 URL. */
class MigrationHandlerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private HttpServer cloudFormation;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresToSimulate = new AtomicInteger();

    record Received(String method, String contentType, String body) {
        JsonNode json() throws IOException {
            return JSON.readTree(body);
        }
    }

    @BeforeEach
    void startResponseServer() throws IOException {
        cloudFormation = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        cloudFormation.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (failuresToSimulate.getAndDecrement() > 0) {
                exchange.sendResponseHeaders(503, -1);
            } else {
                received.add(new Received(exchange.getRequestMethod(),
                        exchange.getRequestHeaders().getFirst("Content-Type"), new String(body, StandardCharsets.UTF_8)));
                exchange.sendResponseHeaders(200, -1);
            }
            exchange.close();
        });
        cloudFormation.start();
    }

    @AfterEach
    void stopResponseServer() {
        cloudFormation.stop(0);
    }

    private ObjectNode event(String file) throws IOException {
        ObjectNode event = (ObjectNode) JSON.readTree(Files.readString(ApiEvent.eventsDirectory().resolve(file)));
        if (event.has("ResponseURL")) {
            event.put("ResponseURL", "http://127.0.0.1:" + cloudFormation.getAddress().getPort()
                    + "/stack/response?X-Amz-Signature=abc");
        }
        return event;
    }

    private static MigrationHandler handler(TestDatabase database, String... locations) {
        SchemaMigration migration = new SchemaMigration(
                () -> locations.length == 0 ? new SchemaMigrator(database.dataSource())
                        : new SchemaMigrator(database.dataSource(), locations),
                new CustomResourceResponder());
        return new MigrationHandler(migration);
    }

    /** A migration whose migrator must never be asked for. */
    private static SchemaMigration neverMigrates() {
        return new SchemaMigration(() -> {
            throw new AssertionError("the database was reached");
        }, new CustomResourceResponder());
    }

    private static JsonNode invoke(MigrationHandler handler, JsonNode event) throws IOException {
        return invoke(handler, event, Duration.ofMinutes(5));
    }

    private static JsonNode invoke(MigrationHandler handler, JsonNode event, Duration timeout) throws IOException {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(JSON.writeValueAsBytes(event)), output,
                new TestLambdaContext("MigrateFunction", timeout));
        return JSON.readTree(output.toByteArray());
    }

    @Test
    void create_migratesAndPutsSuccessToTheResponseUrl() throws Exception {
        TestDatabase database = TestPostgres.instance().createDatabase("cr_create");

        invoke(handler(database), event("migrate-create.json"));

        assertThat(received).hasSize(1);
        Received put = received.get(0);
        assertThat(put.method()).isEqualTo("PUT");
        assertThat(put.contentType()).isNull();
        JsonNode response = put.json();
        assertThat(response.get("Status").asText()).isEqualTo("SUCCESS");
        assertThat(response.get("PhysicalResourceId").asText()).isEqualTo(SchemaMigration.PHYSICAL_RESOURCE_ID);
        assertThat(response.get("StackId").asText()).startsWith("arn:aws:cloudformation:");
        assertThat(response.get("RequestId").asText()).isEqualTo("d1f0c8e2-7b3a-4c5d-9e6f-0a1b2c3d4e5f");
        assertThat(response.get("LogicalResourceId").asText()).isEqualTo("DatabaseMigration");
        assertThat(response.get("Data").get("VersionAfter").asText()).isEqualTo(MigrationFiles.latestVersion());
        assertThat(response.get("Data").get("MigrationsApplied").asText()).isEqualTo(Integer.toString(MigrationFiles.count()));
        assertThat(tableExists(database, "notes")).isTrue();
    }

    @Test
    void update_keepsThePhysicalResourceId_andAppliesOnlyWhatIsNew() throws Exception {
        TestDatabase database = TestPostgres.instance().createDatabase("cr_update");
        new SchemaMigrator(database.dataSource()).migrate();

        invoke(handler(database), event("migrate-update.json"));

        JsonNode response = received.get(0).json();
        assertThat(response.get("Status").asText()).isEqualTo("SUCCESS");
        assertThat(response.get("PhysicalResourceId").asText()).isEqualTo("notes-schema");
        assertThat(response.get("Data").get("MigrationsApplied").asText()).isEqualTo("0");
    }

    @Test
    void delete_succeedsWithoutTouchingTheDatabase() throws Exception {
        TestDatabase database = TestPostgres.instance().createDatabase("cr_delete");
        new SchemaMigrator(database.dataSource()).migrate();
        execute(database, "INSERT INTO users (id, username, password_hash) VALUES (gen_random_uuid(), 'keeper', 'h')");

        // Even a migrator that would fail is never used by a Delete.
        invoke(handler(database, SchemaMigrator.LOCATION, "classpath:db/test-broken"), event("migrate-delete.json"));

        JsonNode response = received.get(0).json();
        assertThat(response.get("Status").asText()).isEqualTo("SUCCESS");
        assertThat(response.get("PhysicalResourceId").asText()).isEqualTo("notes-schema");
        assertThat(count(database, "SELECT count(*) FROM users WHERE username = 'keeper'")).isEqualTo(1);
        assertThat(tableExists(database, "half_done")).isFalse();
    }

    @Test
    void delete_answersWithThePhysicalResourceIdItWasGiven() throws Exception {
        ObjectNode event = event("migrate-delete.json").put("PhysicalResourceId", "schema-of-an-earlier-release");

        invoke(new MigrationHandler(neverMigrates()), event);

        JsonNode response = received.get(0).json();
        assertThat(response.get("Status").asText()).isEqualTo("SUCCESS");
        assertThat(response.get("PhysicalResourceId").asText()).isEqualTo("schema-of-an-earlier-release");
        assertThat(response.has("Data")).isFalse();
    }

    @Test
    void unknownRequestType_isAnsweredFailed_withoutMigrating() throws Exception {
        ObjectNode event = event("migrate-update.json").put("RequestType", "Rollback");

        invoke(new MigrationHandler(neverMigrates()), event);

        JsonNode response = received.get(0).json();
        assertThat(response.get("Status").asText()).isEqualTo("FAILED");
        assertThat(response.get("Reason").asText()).isEqualTo("Unknown RequestType Rollback");
        assertThat(response.get("PhysicalResourceId").asText()).isEqualTo("notes-schema");
    }

    @Test
    void failingMigration_reportsFailed_andLeavesTheSchemaAsItWas() throws Exception {
        TestDatabase database = TestPostgres.instance().createDatabase("cr_failing");
        new SchemaMigrator(database.dataSource()).migrate();

        invoke(handler(database, SchemaMigrator.LOCATION, "classpath:db/test-broken"), event("migrate-update.json"));

        JsonNode response = received.get(0).json();
        assertThat(response.get("Status").asText()).isEqualTo("FAILED");
        assertThat(response.get("Reason").asText()).contains("Schema migration failed").contains("no_such_function")
                .contains("log stream");
        assertThat(tableExists(database, "half_done")).isFalse();
        assertThat(count(database, "SELECT count(*) FROM information_schema.columns "
                + "WHERE table_name = 'notes' AND column_name = 'pinned'")).isZero();
        assertThat(count(database, "SELECT count(*) FROM flyway_schema_history WHERE version = '900'")).isZero();
    }

    @Test
    void migrationOutlastingTheFunction_reportsFailedBeforeTheTimeout() throws Exception {
        TestDatabase database = TestPostgres.instance().createDatabase("cr_slow");
        long start = System.nanoTime();

        invoke(handler(database, SchemaMigrator.LOCATION, "classpath:db/test-slow"),
                event("migrate-create.json"), Duration.ofSeconds(6));

        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(took).isLessThan(Duration.ofSeconds(6));
        JsonNode response = received.get(0).json();
        assertThat(response.get("Status").asText()).isEqualTo("FAILED");
        assertThat(response.get("Reason").asText()).contains("did not finish");

        // The abandoned run wakes up when its slow migration ends; it must not start the next one.
        Thread.sleep(Duration.ofSeconds(8).minus(took).plusSeconds(2).toMillis());
        assertThat(tableExists(database, "after_slow")).isFalse();
        assertThat(count(database, "SELECT count(*) FROM flyway_schema_history WHERE version = '901'")).isZero();
    }

    @Test
    void twoRunsAtOnce_applyEachMigrationExactlyOnce() throws Exception {
        TestDatabase database = TestPostgres.instance().createDatabase("cr_concurrent");
        CyclicBarrier barrier = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<JsonNode>> runs = List.of(
                    pool.submit(() -> {
                        barrier.await();
                        return invoke(handler(database), event("migrate.json"));
                    }),
                    pool.submit(() -> {
                        barrier.await();
                        return invoke(handler(database), event("migrate.json"));
                    }));
            int applied = 0;
            for (Future<JsonNode> run : runs) {
                JsonNode summary = run.get();
                assertThat(summary.get("versionAfter").asText()).isEqualTo(MigrationFiles.latestVersion());
                applied += summary.get("applied").size();
            }
            assertThat(applied).isEqualTo(MigrationFiles.count());
        } finally {
            pool.shutdownNow();
        }
        assertThat(count(database, "SELECT count(*) FROM flyway_schema_history WHERE version = '1' AND success"))
                .isEqualTo(1);
    }

    @Test
    void directInvocation_migratesAndReturnsASummary() throws Exception {
        TestDatabase database = TestPostgres.instance().createDatabase("direct");

        JsonNode summary = invoke(handler(database), event("migrate.json"));

        assertThat(summary.get("versionBefore").isNull()).isTrue();
        assertThat(summary.get("versionAfter").asText()).isEqualTo(MigrationFiles.latestVersion());
        assertThat(summary.get("applied").get(0).asText()).isEqualTo("1 users notes tokens");
        assertThat(received).isEmpty();

        JsonNode again = invoke(handler(database), event("migrate.json"));
        assertThat(again.get("versionBefore").asText()).isEqualTo(MigrationFiles.latestVersion());
        assertThat(again.get("applied")).isEmpty();
    }

    @Test
    void directInvocation_isAnyPayloadWithoutBothRequestTypeAndResponseUrl() throws Exception {
        TestDatabase database = TestPostgres.instance().createDatabase("direct_payloads");

        JsonNode first = invoke(handler(database), JSON.createObjectNode().put("RequestType", "Create"));
        JsonNode second = invoke(handler(database), JSON.nullNode());
        JsonNode third = invoke(handler(database), JSON.createArrayNode());

        assertThat(first.get("applied")).isNotEmpty();
        assertThat(second.get("versionBefore").asText()).isEqualTo(first.get("versionAfter").asText());
        assertThat(third.get("versionAfter").asText()).isEqualTo(first.get("versionAfter").asText());
        assertThat(received).isEmpty();
    }

    @Test
    void directInvocation_thatFails_throwsSoTheInvocationFails() {
        TestDatabase database = TestPostgres.instance().createDatabase("direct_failing");

        assertThatThrownBy(() -> invoke(handler(database, SchemaMigrator.LOCATION, "classpath:db/test-broken"),
                JSON.createObjectNode()))
                .isInstanceOf(SchemaMigration.MigrationFailed.class)
                .hasMessageContaining("no_such_function");
    }

    @Test
    void aFunctionThatCannotStart_stillAnswersCloudFormation_failingCreateAndAllowingDelete() throws Exception {
        // The test JVM has no DATABASE_URL: the real object graph fails to build, as a misconfigured function would.
        MigrationHandler misconfigured = new MigrationHandler();

        invoke(misconfigured, event("migrate-create.json"));
        invoke(misconfigured, event("migrate-delete.json"));

        assertThat(received).hasSize(2);
        assertThat(received.get(0).json().get("Status").asText()).isEqualTo("FAILED");
        assertThat(received.get(0).json().get("Reason").asText()).contains("DATABASE_URL");
        assertThat(received.get(1).json().get("Status").asText()).isEqualTo("SUCCESS");
    }

    @Test
    void responseUrlFailingTransiently_isRetried() throws Exception {
        TestDatabase database = TestPostgres.instance().createDatabase("cr_retry");
        failuresToSimulate.set(2);

        invoke(handler(database), event("migrate-create.json"));

        assertThat(received).hasSize(1);
        assertThat(received.get(0).json().get("Status").asText()).isEqualTo("SUCCESS");
    }

    @Test
    void response_staysWithinFourKibibytes_evenWithAHugeReason() {
        ObjectNode response = JSON.createObjectNode();
        response.put("Status", "FAILED");
        response.put("Reason", "é".repeat(10_000));

        String body = SchemaMigration.fitted(response);

        assertThat(body.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(4096);
        assertThat(body).contains("[truncated]");
    }

    private static boolean tableExists(TestDatabase database, String table) throws SQLException {
        return count(database, "SELECT count(*) FROM information_schema.tables WHERE table_name = '" + table + "'") > 0;
    }

    private static long count(TestDatabase database, String sql) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static void execute(TestDatabase database, String sql) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
