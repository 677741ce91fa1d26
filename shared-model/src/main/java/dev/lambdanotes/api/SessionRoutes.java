package dev.lambdanotes.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.lambdanotes.application.IssuedToken;
import dev.lambdanotes.application.LogIn;
import dev.lambdanotes.domain.InvalidCredentials;
import dev.lambdanotes.http.ApiGatewayAdapter;
import dev.lambdanotes.http.BearerToken;
import dev.lambdanotes.http.HttpRequest;
import dev.lambdanotes.http.HttpResponse;
import dev.lambdanotes.http.JsonBodies;
import dev.lambdanotes.http.RequestFields;
import dev.lambdanotes.http.Router;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdanotes.observability.Telemetry;
import javax.inject.Inject;

/** POST /login issues a bearer token; POST /logout revokes the one it is called with. */
public final class SessionRoutes {
    private final LogIn logIn;
    private final Telemetry telemetry;
    private final ApiGatewayAdapter adapter;

    @Inject
    public SessionRoutes(LogIn logIn, Telemetry telemetry) {
        this.logIn = logIn;
        this.telemetry = telemetry;
        this.adapter = new ApiGatewayAdapter(new Router()
                .route("POST", "/login", this::login)
                .route("POST", "/logout", this::logout), telemetry);
    }

    public APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event, Context context) {
        return adapter.handle(event, context);
    }

    private HttpResponse login(HttpRequest request) {
        RequestFields fields = JsonBodies.readObject(request);
        String username = fields.string("username");
        String password = fields.string("password");
        fields.requireValidTypes();
        IssuedToken issued;
        try {
            issued = logIn.logIn(username, password);
        } catch (InvalidCredentials e) {
            telemetry.loginFailed(e.knownUser() ? username : null);
            throw e;
        }
        telemetry.loginSucceeded(username);
        ObjectNode json = JsonBodies.newObject();
        json.put("token", issued.token());
        json.put("tokenType", "Bearer");
        json.put("expiresIn", issued.expiresIn().toSeconds());
        return HttpResponse.json(200, JsonBodies.write(json));
    }

    private HttpResponse logout(HttpRequest request) {
        logIn.logOut(BearerToken.from(request));
        telemetry.loggedOut();
        return HttpResponse.noContent();
    }
}
