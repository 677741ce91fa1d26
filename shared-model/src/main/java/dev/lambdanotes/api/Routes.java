package dev.lambdanotes.api;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.util.Set;

/**
 * The routes one function serves: an API Gateway event's JSON in (payload format 2.0), its
 * response's JSON out, never an exception for anything the event holds.
 */
public interface Routes extends RequestStreamHandler {
    /** The keys of the routes, as API Gateway names them ("GET /notes/{id}"). */
    Set<String> routeKeys();

    /**
     * Sends requests that run every one of the routes the way clients use them, writes included,
     * for SnapStart {@link Priming}, which runs them in a dry run that is rolled back. A route
     * added without a request here fails its function's priming test.
     */
    void rehearse(Rehearsal rehearsal);
}
