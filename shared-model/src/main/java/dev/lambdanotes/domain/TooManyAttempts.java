package dev.lambdanotes.domain;

import java.time.Duration;

/**
 * An attempt refused because too many came before it; it may be made again after
 * {@link #retryAfter()}. Which counter refused it is for the logs only: a client is told the same
 * whether the username or the address was the reason, and whether or not the account exists.
 */
public final class TooManyAttempts extends RuntimeException {
    private final Duration retryAfter;
    private final String counter;

    public TooManyAttempts(Duration retryAfter, String counter) {
        super("TooManyAttempts", null, false, false);
        this.retryAfter = retryAfter;
        this.counter = counter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** The kind of counter that refused the attempt, for example {@code login-account}. */
    public String counter() {
        return counter;
    }
}
