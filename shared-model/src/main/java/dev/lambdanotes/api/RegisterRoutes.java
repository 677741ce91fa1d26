package dev.lambdanotes.api;

import com.amazonaws.services.lambda.runtime.Context;
import dev.lambdanotes.application.RegisterUser;
import dev.lambdanotes.domain.Credentials;
import dev.lambdanotes.domain.User;
import dev.lambdanotes.http.ApiGatewayAdapter;
import dev.lambdanotes.http.HttpRequest;
import dev.lambdanotes.http.HttpResponse;
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

/** POST /register: creates an account. */
public final class RegisterRoutes implements Routes {
    private final RegisterUser registerUser;
    private final Telemetry telemetry;
    private final ApiGatewayAdapter adapter;

    @Inject
    public RegisterRoutes(RegisterUser registerUser, Telemetry telemetry) {
        this.registerUser = registerUser;
        this.telemetry = telemetry;
        this.adapter = new ApiGatewayAdapter(new Router().route("POST", "/register", this::register), telemetry);
    }

    @Override
    public void handleRequest(InputStream event, OutputStream response, Context context) throws IOException {
        adapter.handle(event, response, context);
    }

    @Override
    public Set<String> routeKeys() {
        return adapter.routeKeys();
    }

    /** A registration, then the same name again: the 409 of a taken name. */
    @Override
    public void rehearse(Rehearsal rehearsal) {
        Rehearsal.Account account = rehearsal.newAccount();
        rehearsal.request("POST /register").json("username", account.username(), "password", account.password()).expect(201);
        rehearsal.request("POST /register").json("username", account.username(), "password", account.password()).expect(409);
    }

    private HttpResponse register(HttpRequest request) {
        RequestFields fields = JsonBodies.readObject(request);
        String username = fields.string("username");
        String password = fields.string("password");
        fields.requireValidTypes();
        User user = registerUser.register(new Credentials(username, password), request.sourceIp());
        telemetry.userRegistered(user.id(), user.username());
        ObjectNode json = JsonTrees.newObject();
        json.put("id", user.id().toString());
        json.put("username", user.username());
        json.put("createdAt", user.createdAt().toString());
        return HttpResponse.json(201, JsonTrees.write(json));
    }
}
