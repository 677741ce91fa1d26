package dev.lambdanotes.functions.register;

import dev.lambdanotes.api.Routes;
import dev.lambdanotes.testing.app.PrimingContract;

/** SnapStart priming of the register function: every one of its routes, and nothing left behind. */
class RegisterPrimingTest extends PrimingContract {
    @Override
    protected Routes routes() {
        return app.register;
    }
}
