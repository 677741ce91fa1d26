package dev.lambdanotes.functions.register;

import dev.lambdanotes.api.ApiFunction;
import dev.lambdanotes.api.RegisterRoutes;

/** Lambda entry point for /register: new accounts. */
public final class RegisterHandler extends ApiFunction {
    /** Lambda's constructor: the object graph is built once per instance, in the init phase. */
    public RegisterHandler() {
        this(DaggerRegisterComponent.create());
    }

    private RegisterHandler(RegisterComponent component) {
        super(component.routes(), component.priming());
    }

    /** For tests: the routes wired by hand. */
    public RegisterHandler(RegisterRoutes routes) {
        super(routes);
    }
}
