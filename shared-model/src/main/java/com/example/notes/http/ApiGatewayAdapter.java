package com.example.notes.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

/**
 * What every handler does with an event: read it, route it, and answer with either the
 * endpoint's response or a problem+json, never an exception.
 */
public final class ApiGatewayAdapter {
    private final Router router;

    public ApiGatewayAdapter(Router router) {
        this.router = router;
    }

    public APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event) {
        HttpRequest request = null;
        try {
            request = HttpRequest.from(event);
            return router.dispatch(request).toApiGatewayResponse();
        } catch (RuntimeException e) {
            HttpRequest context = request != null ? request
                    : new HttpRequest(null, null, null, event.getHeaders(), null, null, null,
                            event.getRequestContext() == null ? null : event.getRequestContext().getRequestId());
            return ProblemMapper.toResponse(e, context).toApiGatewayResponse();
        }
    }
}
