package dev.lambdanotes.http;

/** Serves one route. Throws domain or HTTP exceptions; {@link ProblemMapper} turns them into responses. */
@FunctionalInterface
public interface Endpoint {
    HttpResponse handle(HttpRequest request);
}
