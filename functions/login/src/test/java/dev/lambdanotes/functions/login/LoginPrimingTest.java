package dev.lambdanotes.functions.login;

import dev.lambdanotes.api.Routes;
import dev.lambdanotes.testing.app.PrimingContract;

/** SnapStart priming of the login function: every one of its routes, and nothing left behind. */
class LoginPrimingTest extends PrimingContract {
    @Override
    protected Routes routes() {
        return app.session;
    }
}
