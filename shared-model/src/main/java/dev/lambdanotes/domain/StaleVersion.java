package dev.lambdanotes.domain;

/** An If-Match precondition named a version of the note that is no longer current. */
public final class StaleVersion extends RuntimeException {
    public StaleVersion() {
        super("StaleVersion", null, false, false);
    }
}
