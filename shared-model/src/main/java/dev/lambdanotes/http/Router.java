package dev.lambdanotes.http;

import dev.lambdanotes.routing.RouteTemplate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Sends a request to the endpoint of its route. API Gateway names the matched route in the
 * event's routeKey (for example "GET /notes/{id}"), which is used as it is; for a catch-all
 * ($default) route the path is matched against the templates instead.
 */
public final class Router {
    private record Route(String key, String method, RouteTemplate template, Endpoint endpoint) {
    }

    private final List<Route> routes = new ArrayList<>();

    public Router route(String method, String template, Endpoint endpoint) {
        routes.add(new Route(method + " " + template, method, RouteTemplate.parse(template), endpoint));
        return this;
    }

    /** The routes' keys, as API Gateway names them ("GET /notes/{id}"), in the order they were added. */
    public Set<String> routeKeys() {
        Set<String> keys = new LinkedHashSet<>();
        routes.forEach(route -> keys.add(route.key()));
        return Collections.unmodifiableSet(keys);
    }

    public HttpResponse dispatch(HttpRequest request) {
        String routeKey = request.routeKey();
        if (routeKey != null && !routeKey.equals("$default")) {
            for (Route route : routes) {
                if (route.key().equals(routeKey)) {
                    return route.endpoint().handle(request);
                }
            }
        }
        List<String> path = segments(request.path());
        Set<String> allowed = new LinkedHashSet<>();
        for (Route route : routes) {
            Optional<Map<String, String>> parameters = route.template().match(path);
            if (parameters.isEmpty()) {
                continue;
            }
            if (route.method().equals(request.method())) {
                return route.endpoint().handle(request.withPathParameters(parameters.get()));
            }
            allowed.add(route.method());
        }
        if (!allowed.isEmpty()) {
            throw new MethodNotAllowed(allowed);
        }
        throw new RouteNotFound();
    }

    /**
     * The path's segments, empty ones dropped (a catch-all route takes /notes/ and //notes as
     * /notes); linear in the path's length, however many slashes it has.
     */
    private static List<String> segments(String path) {
        List<String> segments = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= path.length(); i++) {
            if (i == path.length() || path.charAt(i) == '/') {
                if (i > start) {
                    segments.add(path.substring(start, i));
                }
                start = i + 1;
            }
        }
        return segments;
    }
}
