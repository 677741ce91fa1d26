package dev.lambdanotes.functions.notes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdanotes.observability.Invocation;
import dev.lambdanotes.testing.ApiEvent;
import dev.lambdanotes.testing.TestLambdaContext;
import dev.lambdanotes.testing.app.TestApp;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SnapStartTest {
    private final TestApp app = TestApp.shared();
    private final NotesHandler handler = new NotesHandler(app.notes);

    @Test
    void priming_runsAQueryBeforeTheSnapshot_andPrimingThenClosingLeavesNoConnection() {
        var priming = app.priming.beforeSnapshot(app.notes);
        app.snapStartHooks.beforeCheckpoint(null);
        assertThat(app.openConnections()).isZero();

        priming.beforeCheckpoint(null);
        assertThat(app.openConnections()).as("priming used the pool").isPositive();
        app.snapStartHooks.beforeCheckpoint(null);

        assertThat(app.openConnections()).isZero();
    }

    @Test
    void checkpoint_leavesNoConnectionInTheSnapshot_andTheRestoredFunctionWorks() throws Exception {
        String token = app.signedInUser("snapstart");
        assertThat(handler.handleRequest(ApiEvent.load("notes-list.json").bearer(token).toEvent(), null)
                .getStatusCode()).isEqualTo(200);
        assertThat(app.openConnections()).isPositive();

        app.snapStartHooks.beforeCheckpoint(null);
        assertThat(app.openConnections()).isZero();
        app.snapStartHooks.afterRestore(null);

        assertThat(Invocation.coldStart()).isTrue();
        var response = handler.handleRequest(ApiEvent.load("notes-list.json").bearer(token).toEvent(),
                new TestLambdaContext("notes", Duration.ofSeconds(15)));
        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(Invocation.coldStart()).as("the first invocation after a restore is a cold start").isTrue();
        handler.handleRequest(ApiEvent.load("notes-list.json").bearer(token).toEvent(),
                new TestLambdaContext("notes", Duration.ofSeconds(15)));
        assertThat(Invocation.coldStart()).isFalse();
    }
}
