package dev.lambdanotes.http;

/** The request body is larger than the API accepts (1 MiB). */
public final class PayloadTooLarge extends RuntimeException {
    public PayloadTooLarge() {
        super("PayloadTooLarge", null, false, false);
    }
}
