package dev.lambdanotes.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lambdanotes.domain.UserId;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** Synthetic requests sent before a SnapStart snapshot are nobody's: no security event, no metric, no cold start used up. */
class PrimingObservabilityTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ByteArrayOutputStream metrics = new ByteArrayOutputStream();
    private final Telemetry telemetry = new Telemetry(new PrintStream(metrics, true, StandardCharsets.UTF_8),
            Clock.systemUTC(), "NotesService", "test");

    private void everyEvent() {
        telemetry.userRegistered(UserId.random(), "someone");
        telemetry.loginSucceeded("someone");
        telemetry.loginFailed(null);
        telemetry.attemptRefused("login-source", "192.0.2.1", Duration.ofSeconds(1));
        telemetry.throttleEngaged("login-source", "192.0.2.1");
        telemetry.loggedOut(true);
        telemetry.passwordChanged(UserId.random());
        telemetry.passwordConfirmationFailed(UserId.random());
        telemetry.accountDeleted(UserId.random());
        telemetry.authorizationFailed("GET /me", true);
        telemetry.noteCreated();
        telemetry.serverError(500);
    }

    @Test
    void whilePriming_telemetryWritesNoMetricAndLogsNoSecurityEvent() {
        Logger security = Logger.getLogger("security");
        Level level = security.getLevel();
        security.setLevel(Level.ALL);
        int[] published = {0};
        var counter = new Handler() {
            @Override
            public void publish(LogRecord record) {
                published[0]++;
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        security.addHandler(counter);
        security.setUseParentHandlers(false);
        try {
            Invocation.whilePriming(this::everyEvent);
            assertThat(published[0]).isZero();
            assertThat(metrics.size()).isZero();

            everyEvent();
            assertThat(published[0]).as("outside priming the same events are recorded").isPositive();
            assertThat(metrics.size()).isPositive();
        } finally {
            security.removeHandler(counter);
            security.setUseParentHandlers(true);
            security.setLevel(level);
        }
    }

    @Test
    void aLogLineWrittenWhilePriming_isMarkedAsPriming() throws Exception {
        JsonLogFormatter formatter = new JsonLogFormatter("test");
        LogRecord record = new LogRecord(Level.WARNING, "something");
        String[] line = new String[1];

        Invocation.whilePriming(() -> line[0] = formatter.format(record));

        JsonNode primed = JSON.readTree(line[0]);
        assertThat(primed.path("priming").asBoolean()).isTrue();
        assertThat(JSON.readTree(formatter.format(record)).has("priming")).isFalse();
    }

    @Test
    void requestsHandledWhilePriming_leaveTheInstancesFirstInvocationAColdStart() {
        Invocation.restored();

        Invocation.whilePriming(() -> {
            Invocation.begin(null);
            Invocation.begin(null);
        });

        assertThat(Invocation.priming()).isFalse();
        Invocation.begin(null);
        assertThat(Invocation.coldStart()).isTrue();
        Invocation.begin(null);
        assertThat(Invocation.coldStart()).isFalse();
    }
}
