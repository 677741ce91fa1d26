package dev.lambdanotes.migrations;

import com.amazonaws.services.lambda.runtime.events.CloudFormationCustomResourceEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What the migration function does. A CloudFormation custom resource request (Create, Update,
 * Delete) is answered on its ResponseURL, always, and before the function's own timeout; a direct
 * invocation migrates and returns a summary.
 */
public final class SchemaMigration {
    /** Stays the same across updates, so CloudFormation never replaces (and deletes) the resource. */
    public static final String PHYSICAL_RESOURCE_ID = "notes-schema";
    static final int MAX_RESPONSE_BYTES = 4096;
    /** Time kept back from the function's deadline to send a FAILED response. */
    static final Duration RESPONSE_MARGIN = Duration.ofSeconds(3);

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    private final Supplier<SchemaMigrator> migrator;
    private final CustomResourceResponder responder;

    public SchemaMigration(Supplier<SchemaMigrator> migrator, CustomResourceResponder responder) {
        this.migrator = migrator;
        this.responder = responder;
    }

    /** Thrown to the Lambda runtime when a direct invocation fails. */
    public static final class MigrationFailed extends RuntimeException {
        MigrationFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * A direct invocation: migrates and returns {@code {versionBefore, versionAfter, applied}}.
     *
     * @param remaining how long the function may still run
     * @throws MigrationFailed so that the invocation fails
     */
    public JsonNode migrate(Duration remaining) {
        try {
            return summary(runWithin(remaining));
        } catch (Exception e) {
            LOG.log(Level.SEVERE, "schema migration failed", e);
            throw new MigrationFailed("Schema migration failed: " + describe(e), e);
        }
    }

    /**
     * A custom resource request: carries it out and PUTs SUCCESS or FAILED to its ResponseURL,
     * whatever happens, before the function's timeout.
     *
     * @param event     CloudFormation's request
     * @param remaining how long the function may still run
     * @param logStream where the details of a failure can be read
     * @return the response sent
     */
    public JsonNode answer(CloudFormationCustomResourceEvent event, Duration remaining, String logStream) {
        String requestType = event.getRequestType();
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        response.put("PhysicalResourceId", event.getPhysicalResourceId() != null
                ? event.getPhysicalResourceId() : PHYSICAL_RESOURCE_ID);
        response.put("StackId", Objects.requireNonNullElse(event.getStackId(), ""));
        response.put("RequestId", Objects.requireNonNullElse(event.getRequestId(), ""));
        response.put("LogicalResourceId", Objects.requireNonNullElse(event.getLogicalResourceId(), ""));
        try {
            switch (requestType) {
                case "Create" -> succeeded(response, create(remaining));
                case "Update" -> succeeded(response, update(remaining));
                case "Delete" -> succeeded(response, delete());
                default -> {
                    response.put("Status", "FAILED");
                    response.put("Reason", "Unknown RequestType " + requestType);
                }
            }
        } catch (Exception e) {
            LOG.log(Level.SEVERE, requestType + " of the schema failed", e);
            response.put("Status", "FAILED");
            response.put("Reason", "Schema migration failed: " + describe(e)
                    + (logStream == null ? "" : " (log stream " + logStream + ")"));
        }
        responder.send(event.getResponseUrl(), fitted(response));
        return response;
    }

    /** A new stack: the database gets every migration. */
    private Map<String, String> create(Duration remaining) throws Exception {
        return applyMigrations("Create", remaining);
    }

    /** The migrations changed (the resource's checksum did): only those not yet applied run. */
    private Map<String, String> update(Duration remaining) throws Exception {
        return applyMigrations("Update", remaining);
    }

    /**
     * Deleting the stack (or replacing the resource) must never drop data: nothing is done, and the
     * database is not even connected to.
     */
    private static Map<String, String> delete() {
        return Map.of();
    }

    /** Migrates, and returns what CloudFormation may read of it (Fn::GetAtt on the resource). */
    private Map<String, String> applyMigrations(String requestType, Duration remaining) throws Exception {
        SchemaMigrator.Summary summary = runWithin(remaining);
        LOG.info(requestType + ": schema at version " + summary.versionAfter() + ", "
                + summary.applied().size() + " migration(s) applied");
        Map<String, String> data = new LinkedHashMap<>();
        data.put("VersionBefore", String.valueOf(summary.versionBefore()));
        data.put("VersionAfter", String.valueOf(summary.versionAfter()));
        data.put("MigrationsApplied", String.valueOf(summary.applied().size()));
        return data;
    }

    private static void succeeded(ObjectNode response, Map<String, String> data) {
        response.put("Status", "SUCCESS");
        if (!data.isEmpty()) {
            ObjectNode json = response.putObject("Data");
            data.forEach(json::put);
        }
    }

    /** Runs the migration on a worker, giving up early enough to report the failure in time. */
    private SchemaMigrator.Summary runWithin(Duration remaining) throws Exception {
        Duration budget = remaining.minus(RESPONSE_MARGIN);
        if (budget.toMillis() < 1000) {
            budget = Duration.ofSeconds(1);
        }
        ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "schema-migration");
            thread.setDaemon(true);
            return thread;
        });
        SchemaMigrator schema = migrator.get();
        try {
            Future<SchemaMigrator.Summary> result = worker.submit(schema::migrate);
            return result.get(budget.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            schema.cancel();
            throw new TimeoutException("the migration did not finish within " + budget.toSeconds()
                    + " s, before the function's timeout; no further migration will start, and the database"
                    + " ends the one in progress at its transaction timeout");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } finally {
            worker.shutdownNow();
        }
    }

    private static ObjectNode summary(SchemaMigrator.Summary summary) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("versionBefore", summary.versionBefore());
        json.put("versionAfter", summary.versionAfter());
        summary.applied().forEach(json.putArray("applied")::add);
        return json;
    }

    private static String describe(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.replaceAll("\\s+", " ").trim();
    }

    /** The response as JSON, its Reason shortened so the whole stays within CloudFormation's 4 KiB. */
    static String fitted(ObjectNode response) {
        String body = response.toString();
        while (body.getBytes(StandardCharsets.UTF_8).length > MAX_RESPONSE_BYTES && response.hasNonNull("Reason")) {
            String reason = response.get("Reason").asText();
            int excess = body.getBytes(StandardCharsets.UTF_8).length - MAX_RESPONSE_BYTES;
            int keep = Math.max(0, reason.length() - excess - 16);
            response.put("Reason", reason.substring(0, keep) + " [truncated]");
            body = response.toString();
        }
        return body;
    }
}
