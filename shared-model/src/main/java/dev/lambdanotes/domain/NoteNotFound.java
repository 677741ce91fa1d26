package dev.lambdanotes.domain;

/** No note with that id belongs to the caller (it may not exist, or belong to someone else). */
public final class NoteNotFound extends RuntimeException {
    public NoteNotFound() {
        super("NoteNotFound", null, false, false);
    }
}
