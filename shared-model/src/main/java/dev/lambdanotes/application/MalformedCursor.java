package dev.lambdanotes.application;

/** A page cursor that this service did not hand out. */
public final class MalformedCursor extends RuntimeException {
    public MalformedCursor() {
        super("MalformedCursor", null, false, false);
    }
}
