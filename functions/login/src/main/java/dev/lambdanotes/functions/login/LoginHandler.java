package dev.lambdanotes.functions.login;

import dev.lambdanotes.api.ApiFunction;
import dev.lambdanotes.api.SessionRoutes;

/** Lambda entry point for /login and /logout: bearer tokens issued and revoked. */
public final class LoginHandler extends ApiFunction {
    /** Lambda's constructor: the object graph is built once per instance, in the init phase. */
    public LoginHandler() {
        this(DaggerLoginComponent.create());
    }

    private LoginHandler(LoginComponent component) {
        super(component.routes(), component.priming());
    }

    /** For tests: the routes wired by hand. */
    public LoginHandler(SessionRoutes routes) {
        super(routes);
    }
}
