package dev.lambdanotes.functions.notes;

import dev.lambdanotes.api.Routes;
import dev.lambdanotes.testing.app.PrimingContract;

/** SnapStart priming of the notes function: every one of its routes, and nothing left behind. */
class NotesPrimingTest extends PrimingContract {
    @Override
    protected Routes routes() {
        return app.notes;
    }
}
