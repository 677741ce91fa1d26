package dev.lambdanotes.functions.notes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdanotes.testing.ApiEvent;
import dev.lambdanotes.testing.Invoke;
import dev.lambdanotes.testing.TestPostgres;
import dev.lambdanotes.testing.app.TestApp;
import org.junit.jupiter.api.Test;

class DatabaseRestartTest {
    private final TestApp app = TestApp.shared();
    private final NotesHandler handler = new NotesHandler(app.notes);

    @Test
    void afterTheDatabaseRestarts_theNextInvocationSucceeds() {
        String token = app.signedInUser("restart");
        String id = app.createNote(token, "survives", "a restart").get("id").asText();
        // Warm the pool: the function instance now holds open connections.
        assertThat(Invoke.invoke(handler, ApiEvent.load("notes-list.json").bearer(token), null)
                .getStatusCode()).isEqualTo(200);

        TestPostgres.instance().restart();

        var response = Invoke.invoke(handler,
                ApiEvent.load("notes-get.json").bearer(token).pathParameter("id", id), null);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        assertThat(Invoke.invoke(handler, ApiEvent.load("notes-list.json").bearer(token), null)
                .getStatusCode()).isEqualTo(200);
    }
}
