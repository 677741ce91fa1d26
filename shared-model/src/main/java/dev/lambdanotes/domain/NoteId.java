package dev.lambdanotes.domain;

import java.util.Objects;
import java.util.UUID;

/** The identity of a note: its own type, so that it cannot be passed where another id is expected. */
public record NoteId(UUID value) {
    public NoteId {
        Objects.requireNonNull(value, "value");
    }

    public static NoteId random() {
        return new NoteId(UUID.randomUUID());
    }

    /** Reads the textual form; throws IllegalArgumentException if it is not a UUID. */
    public static NoteId parse(String text) {
        return new NoteId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
