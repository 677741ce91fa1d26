package dev.lambdanotes.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.lambdanotes.observability.Telemetry;
import dev.lambdanotes.testing.ApiEvent;
import dev.lambdanotes.testing.Invoke;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** What a client sees when an endpoint fails in a way nobody planned for. */
class ApiGatewayAdapterTest {
    private final ByteArrayOutputStream metrics = new ByteArrayOutputStream();
    private final Telemetry telemetry = new Telemetry(new PrintStream(metrics, true, StandardCharsets.UTF_8),
            Clock.systemUTC(), "NotesService", "test");

    private APIGatewayV2HTTPResponse callFailingWith(RuntimeException failure) {
        ApiGatewayAdapter adapter = new ApiGatewayAdapter(new Router().route("GET", "/notes", request -> {
            throw failure;
        }), telemetry);
        return Invoke.invoke(adapter::handle, ApiEvent.load("notes-list.json"), null);
    }

    @Test
    void anUnexpectedException_isA500Problem_thatRevealsNothing_andCountsAsAnError() {
        APIGatewayV2HTTPResponse response = callFailingWith(
                new IllegalStateException("org.hibernate internal detail: SELECT secret FROM users"));

        assertThat(response.getStatusCode()).isEqualTo(500);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
        assertThat(response.getBody()).contains("\"status\":500")
                .doesNotContain("hibernate", "SELECT", "IllegalStateException", "secret");
        assertThat(metrics.toString(StandardCharsets.UTF_8)).contains("\"Errors\":1");
    }

    @Test
    void aLostDatabaseConnection_isA503WithRetryAfter_andCountsAsUnavailable() {
        APIGatewayV2HTTPResponse response = callFailingWith(new RuntimeException("wrapped",
                new SQLTransientConnectionException("Connection is not available, request timed out")));

        assertThat(response.getStatusCode()).isEqualTo(503);
        assertThat(response.getHeaders()).containsEntry("Retry-After", "1");
        assertThat(response.getBody()).doesNotContain("Connection is not available");
        assertThat(metrics.toString(StandardCharsets.UTF_8)).contains("\"Unavailable\":1");
    }

    @Test
    void anEventThatIsNotJson_isA400Problem_notAFailedInvocation() {
        ApiGatewayAdapter adapter = new ApiGatewayAdapter(new Router().route("GET", "/notes", request -> {
            throw new AssertionError("never routed");
        }), telemetry);

        APIGatewayV2HTTPResponse response = Invoke.invoke(adapter::handle,
                "GET /notes".getBytes(StandardCharsets.UTF_8), null);

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
        assertThat(response.getBody()).contains("The event is not valid JSON.");
    }

    @Test
    void anEventThatIsNotAnApiGatewayEvent_isLogged_withItsRequestId() {
        List<LogRecord> records = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(ApiGatewayAdapter.class.getName());
        logger.addHandler(handler);
        try {
            ApiGatewayAdapter adapter = new ApiGatewayAdapter(new Router(), telemetry);

            APIGatewayV2HTTPResponse response = Invoke.invoke(adapter::handle,
                    "{\"headers\":[],\"requestContext\":{\"requestId\":\"r-42\"}}".getBytes(StandardCharsets.UTF_8), null);

            assertThat(response.getStatusCode()).isEqualTo(400);
            assertThat(records).extracting(LogRecord::getLevel).containsExactly(Level.WARNING);
            assertThat(records.get(0).getMessage()).contains("r-42", "The event's headers must be an object of strings.");
        } finally {
            logger.removeHandler(handler);
        }
    }

    @Test
    void anEmptyEvent_asSamLocalInvokeSendsWithoutAnEventFile_isA404Problem() {
        ApiGatewayAdapter adapter = new ApiGatewayAdapter(new Router().route("GET", "/notes", request -> {
            throw new AssertionError("never routed");
        }), telemetry);

        APIGatewayV2HTTPResponse response = Invoke.invoke(adapter::handle, "{}".getBytes(StandardCharsets.UTF_8), null);

        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
    }
}
