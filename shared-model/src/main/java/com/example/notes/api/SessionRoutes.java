package com.example.notes.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.example.notes.application.IssuedToken;
import com.example.notes.application.LogIn;
import com.example.notes.http.ApiGatewayAdapter;
import com.example.notes.http.BearerToken;
import com.example.notes.http.HttpRequest;
import com.example.notes.http.HttpResponse;
import com.example.notes.http.JsonBodies;
import com.example.notes.http.RequestFields;
import com.example.notes.http.Router;
import com.fasterxml.jackson.databind.node.ObjectNode;
import javax.inject.Inject;

/** POST /login issues a bearer token; POST /logout revokes the one it is called with. */
public final class SessionRoutes {
    private final LogIn logIn;
    private final ApiGatewayAdapter adapter;

    @Inject
    public SessionRoutes(LogIn logIn) {
        this.logIn = logIn;
        this.adapter = new ApiGatewayAdapter(new Router()
                .route("POST", "/login", this::login)
                .route("POST", "/logout", this::logout));
    }

    public APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event) {
        return adapter.handle(event);
    }

    private HttpResponse login(HttpRequest request) {
        RequestFields fields = JsonBodies.readObject(request);
        String username = fields.string("username");
        String password = fields.string("password");
        fields.requireValidTypes();
        IssuedToken issued = logIn.logIn(username, password);
        ObjectNode json = JsonBodies.newObject();
        json.put("token", issued.token());
        json.put("tokenType", "Bearer");
        json.put("expiresIn", issued.expiresIn().toSeconds());
        return HttpResponse.json(200, JsonBodies.write(json));
    }

    private HttpResponse logout(HttpRequest request) {
        logIn.logOut(BearerToken.from(request));
        return HttpResponse.noContent();
    }
}
