package dev.lambdanotes.testing.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lambdanotes.api.Routes;
import dev.lambdanotes.observability.Invocation;
import dev.lambdanotes.observability.JsonLogFormatter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.StreamHandler;
import org.junit.jupiter.api.Test;

/**
 * What SnapStart priming must do for every API function, each function's test class naming its
 * routes: run every route (a route added without priming fails here), through the function's real
 * routes, and leave the database, the throttle and the telemetry exactly as they were.
 */
public abstract class PrimingContract {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** More than any throttle allows in its window: registrations per address (10), failed logins per name (5). */
    private static final int MORE_RUNS_THAN_ANY_THROTTLE_ALLOWS = 11;

    protected final TestApp app = TestApp.shared();

    /** The function's routes, as its handler serves them. */
    protected abstract Routes routes();

    @Test
    void priming_runsEveryRouteOfTheFunction() {
        assertThat(routes().routeKeys()).isNotEmpty();

        assertThat(app.priming.prime(routes())).containsExactlyInAnyOrderElementsOf(routes().routeKeys());
    }

    @Test
    void primingBeforeTheSnapshot_usesThePool_whoseHookThenClosesEveryConnection() {
        var priming = app.priming.beforeSnapshot(routes());
        app.snapStartHooks.beforeCheckpoint(null);
        assertThat(app.openConnections()).isZero();

        // CRaC calls the hooks in reverse order of registration: priming's (registered last) first.
        priming.beforeCheckpoint(null);
        assertThat(app.openConnections()).as("priming used the pool").isPositive();
        app.snapStartHooks.beforeCheckpoint(null);

        assertThat(app.openConnections()).isZero();
    }

    @Test
    void priming_leavesEveryTableExactlyAsItWas() {
        DatabaseContents.addRowsOfEveryKind(app);
        Map<String, List<String>> before = DatabaseContents.of(app.database);
        assertThat(before).as("the data priming must not change")
                .allSatisfy((table, rows) -> assertThat(rows).as(table).isNotEmpty());

        assertThat(app.priming.prime(routes())).containsExactlyInAnyOrderElementsOf(routes().routeKeys());

        assertThat(DatabaseContents.of(app.database)).isEqualTo(before);
    }

    @Test
    void priming_countsNoAttempt_andIsNeverThrottled_howeverOftenItRuns() {
        DatabaseContents.addRowsOfEveryKind(app);
        Map<String, List<String>> before = DatabaseContents.of(app.database);

        for (int run = 1; run <= MORE_RUNS_THAN_ANY_THROTTLE_ALLOWS; run++) {
            assertThat(app.priming.prime(routes())).as("run " + run)
                    .containsExactlyInAnyOrderElementsOf(routes().routeKeys());
        }

        assertThat(DatabaseContents.of(app.database)).isEqualTo(before);
    }

    @Test
    void priming_recordsNoMetricAndNoSecurityEvent_marksItsLogLines_andLeavesTheFirstInvocationCold() throws Exception {
        ByteArrayOutputStream logs = new ByteArrayOutputStream();
        StreamHandler capture = new StreamHandler(logs, new JsonLogFormatter("test"));
        capture.setLevel(Level.ALL);
        Logger root = Logger.getLogger("");
        Logger security = Logger.getLogger("security");
        Level securityLevel = security.getLevel();
        root.addHandler(capture);
        security.setLevel(Level.ALL);
        app.metrics.reset();
        Invocation.restored();
        try {
            app.priming.prime(routes());
        } finally {
            root.removeHandler(capture);
            security.setLevel(securityLevel);
        }
        capture.flush();

        assertThat(app.metrics.size()).as("metrics written").isZero();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : logs.toString(StandardCharsets.UTF_8).split("\\R")) {
            if (!line.isBlank()) {
                lines.add(JSON.readTree(line));
            }
        }
        assertThat(lines).as("priming says what it did").isNotEmpty();
        assertThat(lines).allSatisfy(line -> {
            assertThat(line.path("category").asText()).isNotEqualTo("security");
            assertThat(line.path("priming").asBoolean()).as(line.toString()).isTrue();
        });
        assertThat(Invocation.coldStart()).isTrue();
        Invocation.begin(null);
        assertThat(Invocation.coldStart()).as("the first real invocation is the cold start").isTrue();
    }
}
