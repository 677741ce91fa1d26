package dev.lambdanotes.http;

/** No route of this function matches the request's path. */
public final class RouteNotFound extends RuntimeException {
    public RouteNotFound() {
        super("RouteNotFound", null, false, false);
    }
}
