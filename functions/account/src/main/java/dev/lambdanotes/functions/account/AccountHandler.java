package dev.lambdanotes.functions.account;

import dev.lambdanotes.api.ApiFunction;
import dev.lambdanotes.api.AccountRoutes;

/** Lambda entry point for /me and /me/password: a signed-in person's own account. */
public final class AccountHandler extends ApiFunction {
    /** Lambda's constructor: the object graph is built once per instance, in the init phase. */
    public AccountHandler() {
        this(DaggerAccountComponent.create());
    }

    private AccountHandler(AccountComponent component) {
        super(component.routes(), component.priming());
    }

    /** For tests: the routes wired by hand. */
    public AccountHandler(AccountRoutes routes) {
        super(routes);
    }
}
