package dev.lambdanotes.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.lambdanotes.domain.NotAuthenticated;
import dev.lambdanotes.domain.TooManyAttempts;
import dev.lambdanotes.observability.Invocation;
import dev.lambdanotes.observability.Telemetry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Set;
import java.util.logging.Logger;

/**
 * What every handler does with an event: read it, route it, and answer with either the
 * endpoint's response or a problem+json, never an exception; failed authorizations and server
 * errors are recorded on the way out.
 */
public final class ApiGatewayAdapter {
    private static final Logger LOG = Logger.getLogger(ApiGatewayAdapter.class.getName());

    private final Router router;
    private final Telemetry telemetry;

    public ApiGatewayAdapter(Router router, Telemetry telemetry) {
        this.router = router;
        this.telemetry = telemetry;
    }

    /** The keys of the routes this adapter serves ("GET /notes/{id}"). */
    public Set<String> routeKeys() {
        return router.routeKeys();
    }

    /** Reads the event (API Gateway HTTP API, payload format 2.0) and writes the response to it. */
    public void handle(InputStream event, OutputStream response, Context lambdaContext) throws IOException {
        ApiGatewayPayload.write(respond(event, lambdaContext), response);
    }

    private HttpResponse respond(InputStream input, Context lambdaContext) {
        Invocation.begin(lambdaContext);
        JsonNode event = MissingNode.getInstance();
        HttpRequest request = null;
        try {
            event = ApiGatewayPayload.readEvent(input);
            request = ApiGatewayPayload.request(event);
            return router.dispatch(request);
        } catch (RuntimeException e) {
            HttpRequest context = request != null ? request : ApiGatewayPayload.partialRequest(event);
            HttpResponse response = ProblemMapper.toResponse(e, context);
            if (e instanceof MalformedEvent) {
                LOG.warning("request " + context.requestId() + ": not an API Gateway HTTP API event: " + e.getMessage());
            } else if (e instanceof TooManyAttempts refused) {
                telemetry.attemptRefused(refused.counter(), context.sourceIp(), refused.retryAfter());
            } else if (e instanceof NotAuthenticated) {
                telemetry.authorizationFailed(context.routeKey(), context.header("Authorization") != null);
            } else if (response.statusCode() >= 500) {
                telemetry.serverError(response.statusCode());
            }
            return response;
        }
    }
}
