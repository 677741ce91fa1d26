package dev.lambdanotes.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdanotes.application.AccessTokens;
import dev.lambdanotes.application.AccountService;
import dev.lambdanotes.application.Caller;
import dev.lambdanotes.domain.PasswordChange;
import dev.lambdanotes.domain.User;
import dev.lambdanotes.domain.UserId;
import dev.lambdanotes.domain.WrongPassword;
import dev.lambdanotes.http.ApiGatewayAdapter;
import dev.lambdanotes.http.BearerToken;
import dev.lambdanotes.http.HttpRequest;
import dev.lambdanotes.http.HttpResponse;
import dev.lambdanotes.http.JsonBodies;
import dev.lambdanotes.http.RequestFields;
import dev.lambdanotes.http.Router;
import dev.lambdanotes.json.JsonTrees;
import dev.lambdanotes.observability.Telemetry;
import java.util.function.Supplier;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Set;
import javax.inject.Inject;

/** GET /me, PUT /me/password and DELETE /me: a signed-in person's own account. */
public final class AccountRoutes implements Routes {
    private final AccessTokens tokens;
    private final AccountService accounts;
    private final Telemetry telemetry;
    private final ApiGatewayAdapter adapter;

    @Inject
    public AccountRoutes(AccessTokens tokens, AccountService accounts, Telemetry telemetry) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.telemetry = telemetry;
        this.adapter = new ApiGatewayAdapter(new Router()
                .route("GET", "/me", this::profile)
                .route("PUT", "/me/password", this::changePassword)
                .route("DELETE", "/me", this::deleteAccount), telemetry);
    }

    @Override
    public void handleRequest(InputStream event, OutputStream response, Context context) throws IOException {
        adapter.handle(event, response, context);
    }

    @Override
    public Set<String> routeKeys() {
        return adapter.routeKeys();
    }

    /**
     * The profile, a password change refused for a wrong current password (counted by the
     * throttle) and then made (signing the other token out), and the account deleted.
     */
    @Override
    public void rehearse(Rehearsal rehearsal) {
        Rehearsal.Account account = rehearsal.registeredAccount();
        String token = rehearsal.signIn(account);
        rehearsal.signIn(account);
        rehearsal.request("GET /me").bearer(token).expect(200);
        String newPassword = "new " + account.password();
        rehearsal.request("PUT /me/password").bearer(token)
                .json("currentPassword", "not " + account.password(), "newPassword", newPassword).expect(401);
        rehearsal.request("PUT /me/password").bearer(token)
                .json("currentPassword", account.password(), "newPassword", newPassword).expect(204);
        rehearsal.request("DELETE /me").bearer(token).json("password", newPassword).expect(204);
    }

    private HttpResponse profile(HttpRequest request) {
        User user = accounts.profile(tokens.caller(BearerToken.from(request)));
        ObjectNode json = JsonTrees.newObject();
        json.put("id", user.id().toString());
        json.put("username", user.username());
        json.put("createdAt", user.createdAt().toString());
        return HttpResponse.json(200, JsonTrees.write(json));
    }

    private HttpResponse changePassword(HttpRequest request) {
        Caller caller = tokens.caller(BearerToken.from(request));
        UserId userId = confirmed(request, () -> accounts.changePassword(caller, () -> {
            RequestFields fields = JsonBodies.readObject(request);
            String current = fields.string("currentPassword");
            String next = fields.string("newPassword");
            fields.requireValidTypes();
            return new PasswordChange(current, next);
        }, request.sourceIp()));
        telemetry.passwordChanged(userId);
        return HttpResponse.noContent();
    }

    private HttpResponse deleteAccount(HttpRequest request) {
        Caller caller = tokens.caller(BearerToken.from(request));
        UserId userId = confirmed(request, () -> accounts.deleteAccount(caller, () -> {
            RequestFields fields = JsonBodies.readObject(request);
            String password = fields.string("password");
            fields.requireValidTypes();
            return password;
        }, request.sourceIp()));
        telemetry.accountDeleted(userId);
        return HttpResponse.noContent();
    }

    private UserId confirmed(HttpRequest request, Supplier<UserId> change) {
        try {
            return change.get();
        } catch (WrongPassword e) {
            telemetry.passwordConfirmationFailed(e.userId());
            throw e;
        }
    }
}
