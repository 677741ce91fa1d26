package com.example.notes.migrations;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.example.notes.observability.Invocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;

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
        this(DaggerMigrateComponent.create().migration());
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
