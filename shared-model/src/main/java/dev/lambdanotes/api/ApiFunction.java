package dev.lambdanotes.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

/**
 * What every API function's entry point does: hand the event to its routes, and prime them before
 * a SnapStart snapshot. A function's handler extends this and only says which object graph builds
 * its routes and their priming, once per instance.
 */
public abstract class ApiFunction implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
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
    public final APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return routes.handle(event, context);
    }
}
