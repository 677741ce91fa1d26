package dev.lambdanotes.functions.login;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.lambdanotes.api.SessionRoutes;

/** Lambda entry point for POST /login and POST /logout: issues and revokes bearer tokens. */
public final class LoginHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final SessionRoutes routes;

    /** Lambda's constructor: the object graph is built once per instance, in the init phase. */
    public LoginHandler() {
        this(DaggerLoginComponent.create().routes());
    }

    /** For tests: the routes wired by hand. */
    public LoginHandler(SessionRoutes routes) {
        this.routes = routes;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return routes.handle(event, context);
    }
}
