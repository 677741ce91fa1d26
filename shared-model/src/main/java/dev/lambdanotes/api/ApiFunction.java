package dev.lambdanotes.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * What every API function's entry point does: hand the event to its routes, and prime them before
 * a SnapStart snapshot. A function's handler extends this and only says which object graph builds
 * its routes and their priming, once per instance.
 *
 * <p>A stream handler: the Lambda runtime hands over the event's JSON and takes the response's
 * as they are, and the routes read and write them ({@link dev.lambdanotes.http.ApiGatewayPayload}),
 * so the runtime never builds its reflection-based serializer for the event classes.
 */
public abstract class ApiFunction implements RequestStreamHandler {
    private final Routes routes;

    /** The routes alone, never primed: for tests. */
    protected ApiFunction(Routes routes) {
        this.routes = routes;
    }

    /**
     * The routes, primed before each SnapStart snapshot of the instance (and only then). The
     * priming is registered here, after the object graph and so after its pool's hooks.
     */
    protected ApiFunction(Routes routes, Priming priming) {
        this(routes);
        priming.beforeSnapshot(routes);
    }

    @Override
    public final void handleRequest(InputStream event, OutputStream response, Context context) throws IOException {
        routes.handleRequest(event, response, context);
    }
}
