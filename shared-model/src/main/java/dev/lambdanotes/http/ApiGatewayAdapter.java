package dev.lambdanotes.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.lambdanotes.domain.NotAuthenticated;
import dev.lambdanotes.domain.TooManyAttempts;
import dev.lambdanotes.observability.Invocation;
import dev.lambdanotes.observability.Telemetry;
import java.util.Set;

/**
 * What every handler does with an event: read it, route it, and answer with either the
 * endpoint's response or a problem+json, never an exception; failed authorizations and server
 * errors are recorded on the way out.
 */
public final class ApiGatewayAdapter {
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

    public APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event, Context lambdaContext) {
        Invocation.begin(lambdaContext);
        HttpRequest request = null;
        try {
            request = HttpRequest.from(event);
            return router.dispatch(request).toApiGatewayResponse();
        } catch (RuntimeException e) {
            HttpRequest context = request != null ? request
                    : new HttpRequest(null, null, null, event.getHeaders(), null, null, null,
                            event.getRequestContext() == null ? null : event.getRequestContext().getRequestId(),
                            null);
            HttpResponse response = ProblemMapper.toResponse(e, context);
            if (e instanceof TooManyAttempts refused) {
                telemetry.attemptRefused(refused.counter(), context.sourceIp(), refused.retryAfter());
            } else if (e instanceof NotAuthenticated) {
                telemetry.authorizationFailed(event.getRouteKey(), context.header("Authorization") != null);
            } else if (response.statusCode() >= 500) {
                telemetry.serverError(response.statusCode());
            }
            return response.toApiGatewayResponse();
        }
    }
}
