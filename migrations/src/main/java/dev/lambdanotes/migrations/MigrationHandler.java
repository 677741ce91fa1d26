package dev.lambdanotes.migrations;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.lambdanotes.observability.Invocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Lambda entry point of the migration function: invoked by CloudFormation as a custom resource at
 * deploy time, or directly, it brings the database schema up to date.
 */
public final class MigrationHandler implements RequestStreamHandler {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration DEFAULT_REMAINING = Duration.ofMinutes(15);

    private final SchemaMigration migration;

    /** Lambda's constructor: the object graph is built once per instance, in the init phase. */
    public MigrationHandler() {
        this(buildMigration());
    }

    /**
     * A function that cannot even start (no database URL, an unreadable secret) must still answer
     * CloudFormation, or the deploy hangs: such a function reports FAILED for Create and Update,
     * and still lets Delete succeed.
     */
    private static SchemaMigration buildMigration() {
        try {
            return DaggerMigrateComponent.create().migration();
        } catch (RuntimeException e) {
            Logger.getLogger(MigrationHandler.class.getName()).log(Level.SEVERE, "the migration function could not start", e);
            return new SchemaMigration(() -> {
                throw new IllegalStateException("the migration function could not start: " + e.getMessage(), e);
            }, new CustomResourceResponder());
        }
    }

    /** For tests: the migration wired by hand. */
    public MigrationHandler(SchemaMigration migration) {
        this.migration = migration;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        Invocation.begin(context);
        JsonNode event = JSON.readTree(input);
        Duration remaining = context == null ? DEFAULT_REMAINING : Duration.ofMillis(context.getRemainingTimeInMillis());
        JsonNode result = migration.handle(event == null ? JSON.createObjectNode() : event, remaining,
                context == null ? null : context.getLogStreamName());
        JSON.writeValue(output, result);
    }
}
