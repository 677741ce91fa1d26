package dev.lambdanotes.http;

/**
 * The event itself cannot be read as an API Gateway HTTP API event (payload format 2.0). API
 * Gateway never sends one: it comes from a direct invocation or a hand-written sample, so besides
 * the client's 400 it is logged, where a broken integration shows.
 */
final class MalformedEvent extends MalformedRequest {
    MalformedEvent(String detail) {
        super(detail);
    }
}
