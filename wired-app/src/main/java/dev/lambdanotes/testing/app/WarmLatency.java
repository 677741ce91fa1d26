package dev.lambdanotes.testing.app;

import dev.lambdanotes.testing.ApiEvent;
import dev.lambdanotes.testing.Invoke;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Measures a warm function instance: the time of one login (Argon2id hashing included), of one
 * note creation and of listing 20 notes, each through the handler's routes from the event's JSON
 * to the response's, against the test PostgreSQL. Run it with the command in docs/testing.md.
 */
public final class WarmLatency {
    private WarmLatency() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        TestApp app = TestApp.shared();
        String username = app.newUser("latency");
        String token = app.logIn(username);
        String loginBody = TestApp.body(Map.of("username", username, "password", TestApp.PASSWORD));
        String noteBody = TestApp.body(Map.of("title", "Groceries", "body", "Milk, eggs, bread"));

        report("login (POST /login)", rounds, () -> Invoke.invoke(app.session,
                ApiEvent.load("login.json").body(loginBody), null).getStatusCode());
        report("note creation (POST /notes)", rounds, () -> Invoke.invoke(app.notes,
                ApiEvent.load("notes-create.json").bearer(token).body(noteBody), null).getStatusCode());
        String reader = app.newUser("latency-list");
        String readerToken = app.logIn(reader);
        for (int i = 0; i < 20; i++) {
            Invoke.invoke(app.notes, ApiEvent.load("notes-create.json").bearer(readerToken)
                    .body(TestApp.body(Map.of("title", "Note " + i, "body", "Some *Markdown* " + i))), null);
        }
        report("list of 20 notes (GET /notes)", rounds, () -> Invoke.invoke(app.notes,
                ApiEvent.load("notes-list.json").bearer(readerToken), null).getStatusCode());
        app.close();
        System.exit(0);
    }

    private static void report(String what, int rounds, Supplier<Integer> call) {
        for (int i = 0; i < rounds; i++) {
            call.get();
        }
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            int status = call.get();
            millis.add((System.nanoTime() - start) / 1e6);
            if (status >= 300) {
                throw new IllegalStateException(what + " answered " + status);
            }
        }
        Collections.sort(millis);
        System.out.printf("%-28s median %7.2f ms   p90 %7.2f ms   min %7.2f ms   (%d warm calls)%n", what,
                millis.get(rounds / 2), millis.get((int) (rounds * 0.9)), millis.get(0), rounds);
    }
}
