package dev.lambdanotes.migrations;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.CloudFormationCustomResourceEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import dev.lambdanotes.observability.Invocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Lambda entry point of the migration function: invoked by CloudFormation as a custom resource at
 * deploy time, or directly, it brings the database schema up to date.
 *
 * <p>It stays a stream handler rather than a {@code RequestHandler<CloudFormationCustomResourceEvent, ?>}
 * because the runtime writes a handler's result with null members left out, and a direct
 * invocation on an empty database answers {@code "versionBefore": null}. The event is read by the
 * serializer the runtime uses for its events classes, whose mixin maps CloudFormation's names
 * ({@code RequestType}, {@code ResponseURL}...) onto {@link CloudFormationCustomResourceEvent}.
 */
public final class MigrationHandler implements RequestStreamHandler {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PojoSerializer<CloudFormationCustomResourceEvent> CUSTOM_RESOURCE_EVENTS =
            LambdaEventSerializers.serializerFor(CloudFormationCustomResourceEvent.class,
                    MigrationHandler.class.getClassLoader());
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
        CloudFormationCustomResourceEvent event = customResourceEvent(input.readAllBytes());
        Duration remaining = context == null ? DEFAULT_REMAINING : Duration.ofMillis(context.getRemainingTimeInMillis());
        JsonNode result = event == null
                ? migration.migrate(remaining)
                : migration.answer(event, remaining, context == null ? null : context.getLogStreamName());
        JSON.writeValue(output, result);
    }

    /**
     * The custom resource event in the payload, or null when the payload is a direct invocation.
     * Any JSON is a valid direct invocation (usually {@code {}}, but also {@code null} or an array),
     * so only a JSON object is read as an event. Read as one, every payload becomes an event, its
     * unknown members ignored and its missing ones null: it is CloudFormation's only when it has
     * both a RequestType and a ResponseURL to answer on, which every custom resource request has
     * and a direct invocation has no reason to carry.
     */
    static CloudFormationCustomResourceEvent customResourceEvent(byte[] payload) throws IOException {
        JsonNode json = JSON.readTree(payload);
        if (json == null || !json.isObject()) {
            return null;
        }
        CloudFormationCustomResourceEvent event = CUSTOM_RESOURCE_EVENTS.fromJson(new ByteArrayInputStream(payload));
        return event.getRequestType() != null && event.getResponseUrl() != null ? event : null;
    }
}
