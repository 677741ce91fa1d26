package dev.lambdanotes.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Set;

/** The routes one function serves: an API Gateway event in, its response out, never an exception. */
public interface Routes {
    APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event, Context context);

    /** The keys of the routes, as API Gateway names them ("GET /notes/{id}"). */
    Set<String> routeKeys();

    /**
     * Sends requests that run every one of the routes the way clients use them, writes included,
     * for SnapStart {@link Priming}, which runs them in a dry run that is rolled back. A route
     * added without a request here fails its function's priming test.
     */
    void rehearse(Rehearsal rehearsal);
}
