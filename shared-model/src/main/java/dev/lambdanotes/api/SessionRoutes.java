package dev.lambdanotes.api;

import com.amazonaws.services.lambda.runtime.Context;
import dev.lambdanotes.application.AccessTokens;
import dev.lambdanotes.application.IssuedToken;
import dev.lambdanotes.application.LogIn;
import dev.lambdanotes.domain.InvalidCredentials;
import dev.lambdanotes.http.ApiGatewayAdapter;
import dev.lambdanotes.http.BearerToken;
import dev.lambdanotes.http.HttpRequest;
import dev.lambdanotes.http.HttpResponse;
import dev.lambdanotes.http.InvalidQueryParameters;
import dev.lambdanotes.http.JsonBodies;
import dev.lambdanotes.http.RequestFields;
import dev.lambdanotes.http.Router;
import dev.lambdanotes.json.JsonTrees;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdanotes.observability.Telemetry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Set;
import javax.inject.Inject;

/** POST /login issues a bearer token; POST /logout revokes the one it is called with, or all of the user's. */
public final class SessionRoutes implements Routes {
    private final LogIn logIn;
    private final AccessTokens tokens;
    private final Telemetry telemetry;
    private final ApiGatewayAdapter adapter;

    @Inject
    public SessionRoutes(LogIn logIn, AccessTokens tokens, Telemetry telemetry) {
        this.logIn = logIn;
        this.tokens = tokens;
        this.telemetry = telemetry;
        this.adapter = new ApiGatewayAdapter(new Router()
                .route("POST", "/login", this::login)
                .route("POST", "/logout", this::logout), telemetry);
    }

    @Override
    public void handleRequest(InputStream event, OutputStream response, Context context) throws IOException {
        adapter.handle(event, response, context);
    }

    @Override
    public Set<String> routeKeys() {
        return adapter.routeKeys();
    }

    /** A failed login (counted by the throttle), two logins, and a logout of each kind. */
    @Override
    public void rehearse(Rehearsal rehearsal) {
        Rehearsal.Account account = rehearsal.registeredAccount();
        rehearsal.request("POST /login").json("username", account.username(), "password", "not " + account.password())
                .expect(401);
        String first = rehearsal.request("POST /login")
                .json("username", account.username(), "password", account.password()).expect(200).member("token");
        String second = rehearsal.request("POST /login")
                .json("username", account.username(), "password", account.password()).expect(200).member("token");
        rehearsal.request("POST /logout").bearer(first).expect(204);
        rehearsal.request("POST /logout").query("everywhere", "true").bearer(second).expect(204);
    }

    private HttpResponse login(HttpRequest request) {
        RequestFields fields = JsonBodies.readObject(request);
        String username = fields.string("username");
        String password = fields.string("password");
        fields.requireValidTypes();
        IssuedToken issued;
        try {
            issued = logIn.logIn(username, password, request.sourceIp());
        } catch (InvalidCredentials e) {
            telemetry.loginFailed(e.knownUser() ? username : null);
            throw e;
        }
        telemetry.loginSucceeded(username);
        ObjectNode json = JsonTrees.newObject();
        json.put("token", issued.token());
        json.put("tokenType", "Bearer");
        json.put("expiresIn", issued.expiresIn().toSeconds());
        return HttpResponse.json(200, JsonTrees.write(json));
    }

    /** {@code ?everywhere=true} revokes every token of the user, on every device; otherwise only this one. */
    private HttpResponse logout(HttpRequest request) {
        String token = BearerToken.from(request);
        String value = request.queryParameter("everywhere");
        if (value != null && !value.equals("true") && !value.equals("false")) {
            // As on every route, a request that is not signed in hears nothing else about itself.
            tokens.authenticate(tokens.caller(token));
        }
        boolean everywhere = everywhere(value);
        if (everywhere) {
            tokens.revokeAll(tokens.caller(token));
        } else {
            logIn.logOut(token);
        }
        telemetry.loggedOut(everywhere);
        return HttpResponse.noContent();
    }

    private static boolean everywhere(String value) {
        if (value == null || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw InvalidQueryParameters.of("everywhere", "must be true or false");
    }
}
