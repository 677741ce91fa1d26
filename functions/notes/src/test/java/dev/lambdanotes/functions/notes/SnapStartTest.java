package dev.lambdanotes.functions.notes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdanotes.observability.Invocation;
import dev.lambdanotes.testing.ApiEvent;
import dev.lambdanotes.testing.Invoke;
import dev.lambdanotes.testing.TestLambdaContext;
import dev.lambdanotes.testing.app.TestApp;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The notes function across a SnapStart checkpoint and restore, through its handler. The hooks
 * themselves (no connection in the snapshot, priming before it, the cold start after it) are
 * tested in shared-model's SnapStartHooksTest, and each function's priming by its PrimingTest.
 */
class SnapStartTest {
    private final TestApp app = TestApp.shared();
    private final NotesHandler handler = new NotesHandler(app.notes);

    @Test
    void checkpoint_leavesNoConnectionInTheSnapshot_andTheRestoredFunctionWorks() {
        String token = app.signedInUser("snapstart");
        assertThat(Invoke.invoke(handler, ApiEvent.load("notes-list.json").bearer(token), null)
                .getStatusCode()).isEqualTo(200);

        app.snapStartHooks.beforeCheckpoint(null);
        assertThat(app.openConnections()).isZero();
        app.snapStartHooks.afterRestore(null);

        var response = Invoke.invoke(handler, ApiEvent.load("notes-list.json").bearer(token),
                new TestLambdaContext("notes", Duration.ofSeconds(15)));
        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(Invocation.coldStart()).as("the first invocation after a restore is a cold start").isTrue();
        Invoke.invoke(handler, ApiEvent.load("notes-list.json").bearer(token),
                new TestLambdaContext("notes", Duration.ofSeconds(15)));
        assertThat(Invocation.coldStart()).isFalse();
    }
}
