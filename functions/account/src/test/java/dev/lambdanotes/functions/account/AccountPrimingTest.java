package dev.lambdanotes.functions.account;

import dev.lambdanotes.api.Routes;
import dev.lambdanotes.testing.app.PrimingContract;

/** SnapStart priming of the account function: every one of its routes, and nothing left behind. */
class AccountPrimingTest extends PrimingContract {
    @Override
    protected Routes routes() {
        return app.account;
    }
}
