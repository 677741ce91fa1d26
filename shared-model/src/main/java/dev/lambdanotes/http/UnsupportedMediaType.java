package dev.lambdanotes.http;

/** The request body is not JSON (by its Content-Type). The message is safe to show to the client. */
public final class UnsupportedMediaType extends RuntimeException {
    public UnsupportedMediaType(String detail) {
        super(detail, null, false, false);
    }
}
