package dev.lambdanotes.functions.register;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.lambdanotes.api.RegisterRoutes;

/** Lambda entry point for POST /register: creates an account. */
public final class RegisterHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final RegisterRoutes routes;

    /** Lambda's constructor: the object graph is built once per instance, in the init phase. */
    public RegisterHandler() {
        this(DaggerRegisterComponent.create().routes());
    }

    /** For tests: the routes wired by hand. */
    public RegisterHandler(RegisterRoutes routes) {
        this.routes = routes;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return routes.handle(event, context);
    }
}
