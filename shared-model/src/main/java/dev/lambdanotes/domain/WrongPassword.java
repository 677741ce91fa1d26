package dev.lambdanotes.domain;


/**
 * A signed-in user confirmed a change to the account with a password that is not theirs. Counted
 * by the login throttle like a failed login.
 */
public final class WrongPassword extends RuntimeException {
    private final UserId userId;

    public WrongPassword(UserId userId) {
        super("WrongPassword", null, false, false);
        this.userId = userId;
    }

    public UserId userId() {
        return userId;
    }

}
