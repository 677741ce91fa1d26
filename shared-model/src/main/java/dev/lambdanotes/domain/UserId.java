package dev.lambdanotes.domain;

import java.util.Objects;
import java.util.UUID;

/** The identity of a user: its own type, so that it cannot be passed where another id is expected. */
public record UserId(UUID value) {
    public UserId {
        Objects.requireNonNull(value, "value");
    }

    public static UserId random() {
        return new UserId(UUID.randomUUID());
    }

    /** Reads the textual form; throws IllegalArgumentException if it is not a UUID. */
    public static UserId parse(String text) {
        return new UserId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
