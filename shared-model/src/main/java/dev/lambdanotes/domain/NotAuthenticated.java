package dev.lambdanotes.domain;

/** The request carries no bearer token, or one that is malformed, unknown, expired or revoked. */
public final class NotAuthenticated extends RuntimeException {
    public NotAuthenticated() {
        super("NotAuthenticated", null, false, false);
    }
}
