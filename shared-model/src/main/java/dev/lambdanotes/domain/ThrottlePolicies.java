package dev.lambdanotes.domain;

import java.time.Duration;

/**
 * The throttling rules of the service: failed password checks per username and per source
 * address, and registrations per source address.
 */
public record ThrottlePolicies(ThrottlePolicy loginAccount, ThrottlePolicy loginSource, ThrottlePolicy registrationSource) {

    /** 5 failures per username or 50 per address in 15 minutes, then 1 s doubling up to 15 minutes; 10 registrations per address an hour, then 1 minute doubling up to an hour. */
    public static ThrottlePolicies defaults() {
        return new ThrottlePolicies(
                new ThrottlePolicy(5, Duration.ofMinutes(15), Duration.ofSeconds(1), Duration.ofMinutes(15)),
                new ThrottlePolicy(50, Duration.ofMinutes(15), Duration.ofSeconds(1), Duration.ofMinutes(15)),
                new ThrottlePolicy(10, Duration.ofHours(1), Duration.ofMinutes(1), Duration.ofHours(1)));
    }
}
