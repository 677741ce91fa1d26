package dev.lambdanotes.domain;

import java.util.List;

/**
 * A signed-in user confirmed a change to the account with a password that is not theirs. Counted
 * by the login throttle like a failed login.
 */
public final class WrongPassword extends RuntimeException {
    private final UserId userId;
    private final List<String> throttlesEngaged;

    public WrongPassword(UserId userId, List<String> throttlesEngaged) {
        super("WrongPassword", null, false, false);
        this.userId = userId;
        this.throttlesEngaged = List.copyOf(throttlesEngaged);
    }

    public UserId userId() {
        return userId;
    }

    /** The counters that this failure made hold further attempts back. */
    public List<String> throttlesEngaged() {
        return throttlesEngaged;
    }
}
