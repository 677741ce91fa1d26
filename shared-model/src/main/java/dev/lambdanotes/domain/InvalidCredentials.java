package dev.lambdanotes.domain;

import java.util.List;

/**
 * Login failed. Clients learn nothing about whether the username exists; the server keeps that
 * fact for its own logs, so that what an unknown user typed (often a password) is never logged.
 */
public final class InvalidCredentials extends RuntimeException {
    private final boolean knownUser;
    private final List<String> throttlesEngaged;

    public InvalidCredentials(boolean knownUser) {
        this(knownUser, List.of());
    }

    /** @param throttlesEngaged the counters that this failure made hold further attempts back */
    public InvalidCredentials(boolean knownUser, List<String> throttlesEngaged) {
        super("InvalidCredentials", null, false, false);
        this.knownUser = knownUser;
        this.throttlesEngaged = List.copyOf(throttlesEngaged);
    }

    public List<String> throttlesEngaged() {
        return throttlesEngaged;
    }

    public boolean knownUser() {
        return knownUser;
    }
}
