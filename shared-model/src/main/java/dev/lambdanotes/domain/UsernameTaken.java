package dev.lambdanotes.domain;

/** Registration asked for a username that another user already has (in any letter case). */
public final class UsernameTaken extends RuntimeException {
    public UsernameTaken() {
        super("UsernameTaken", null, false, false);
    }
}
