package dev.lambdanotes.migrations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
 * What the migration function does with an event. A CloudFormation custom resource event
 * (Create, Update, Delete) is answered on its ResponseURL, always, and before the function's own
 * timeout; any other event is a direct invocation that migrates and returns a summary.
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
     * @param event      the invocation payload
     * @param remaining  how long the function may still run
     * @param logStream  where the details of a failure can be read
     */
    public JsonNode handle(JsonNode event, Duration remaining, String logStream) {
        if (event.hasNonNull("RequestType") && event.hasNonNull("ResponseURL")) {
            return handleCustomResource(event, remaining, logStream);
        }
        try {
            return summary(runWithin(remaining));
        } catch (Exception e) {
            LOG.log(Level.SEVERE, "schema migration failed", e);
            throw new MigrationFailed("Schema migration failed: " + describe(e), e);
        }
    }

    private JsonNode handleCustomResource(JsonNode event, Duration remaining, String logStream) {
        String requestType = event.get("RequestType").asText();
        String physicalId = event.hasNonNull("PhysicalResourceId")
                ? event.get("PhysicalResourceId").asText() : PHYSICAL_RESOURCE_ID;
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        response.put("PhysicalResourceId", physicalId);
        response.put("StackId", event.path("StackId").asText());
        response.put("RequestId", event.path("RequestId").asText());
        response.put("LogicalResourceId", event.path("LogicalResourceId").asText());
        try {
            switch (requestType) {
                case "Create", "Update" -> {
                    SchemaMigrator.Summary summary = runWithin(remaining);
                    response.put("Status", "SUCCESS");
                    ObjectNode data = response.putObject("Data");
                    data.put("VersionBefore", String.valueOf(summary.versionBefore()));
                    data.put("VersionAfter", String.valueOf(summary.versionAfter()));
                    data.put("MigrationsApplied", String.valueOf(summary.applied().size()));
                    LOG.info(requestType + ": schema at version " + summary.versionAfter() + ", "
                            + summary.applied().size() + " migration(s) applied");
                }
                // Deleting the stack (or replacing the resource) must never drop data.
                case "Delete" -> response.put("Status", "SUCCESS");
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
        String body = fitted(response);
        responder.send(event.get("ResponseURL").asText(), body);
        return response;
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
