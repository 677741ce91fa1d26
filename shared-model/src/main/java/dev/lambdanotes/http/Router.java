package dev.lambdanotes.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sends a request to the endpoint of its route. API Gateway names the matched route in the
 * event's routeKey (for example "GET /notes/{id}"), which is used as it is; for a catch-all
 * ($default) route the path is matched against the templates instead.
 */
public final class Router {
    private record Route(String method, String template, String[] segments, Endpoint endpoint) {
        String key() {
            return method + " " + template;
        }
    }

    private final List<Route> routes = new ArrayList<>();

    public Router route(String method, String template, Endpoint endpoint) {
        routes.add(new Route(method, template, split(template), endpoint));
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
        String[] path = split(request.path());
        Set<String> allowed = new LinkedHashSet<>();
        for (Route route : routes) {
            Map<String, String> parameters = match(route.segments(), path);
            if (parameters == null) {
                continue;
            }
            if (route.method().equals(request.method())) {
                return route.endpoint().handle(request.withPathParameters(parameters));
            }
            allowed.add(route.method());
        }
        if (!allowed.isEmpty()) {
            throw new MethodNotAllowed(allowed);
        }
        throw new RouteNotFound();
    }

    /** The path's segments, empty ones dropped; linear in the path's length, however many slashes it has. */
    private static String[] split(String path) {
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
        return segments.toArray(new String[0]);
    }

    private static Map<String, String> match(String[] template, String[] path) {
        if (template.length != path.length) {
            return null;
        }
        Map<String, String> parameters = new HashMap<>();
        for (int i = 0; i < template.length; i++) {
            String segment = template[i];
            if (segment.startsWith("{") && segment.endsWith("}")) {
                parameters.put(segment.substring(1, segment.length() - 1), path[i]);
            } else if (!segment.equals(path[i])) {
                return null;
            }
        }
        return parameters;
    }
}
