package dev.lambdanotes.domain;


/**
 * Login failed. Clients learn nothing about whether the username exists; the server keeps that
 * fact for its own logs, so that what an unknown user typed (often a password) is never logged.
 */
public final class InvalidCredentials extends RuntimeException {
    private final boolean knownUser;

    public InvalidCredentials(boolean knownUser) {
        super("InvalidCredentials", null, false, false);
        this.knownUser = knownUser;
    }

    public boolean knownUser() {
        return knownUser;
    }
}
