package dev.lambdanotes.domain;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How many attempts of one kind are free, and how long to wait after that: the first delay
 * doubles with every further attempt, up to a bound, so nobody is ever locked out for good. A
 * counter is forgotten once a whole window passes with no attempt and no delay running.
 *
 * @param freeAttempts attempts allowed before the first delay (5 failed logins, for example)
 * @param window       how long a counter is remembered after its last attempt or delay
 * @param firstDelay   the wait after the last free attempt
 * @param maxDelay     the longest wait, whatever the number of attempts
 */
public record ThrottlePolicy(int freeAttempts, Duration window, Duration firstDelay, Duration maxDelay) {
    public ThrottlePolicy {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(firstDelay, "firstDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (freeAttempts < 1) {
            throw new IllegalArgumentException("at least one attempt must be free");
        }
        if (window.isNegative() || window.isZero() || firstDelay.isNegative() || firstDelay.isZero()
                || maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("the window and delays must be positive, the first delay at most the longest");
        }
    }

    /** The wait imposed after the given number of attempts counted in one window, if any. */
    public Optional<Duration> delayAfter(int attempts) {
        if (attempts < freeAttempts) {
            return Optional.empty();
        }
        int doublings = Math.min(attempts - freeAttempts, 40);
        long millis = firstDelay.toMillis();
        for (int i = 0; i < doublings && millis < maxDelay.toMillis(); i++) {
            millis *= 2;
        }
        return Optional.of(Duration.ofMillis(Math.min(millis, maxDelay.toMillis())));
    }
}
