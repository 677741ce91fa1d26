package dev.lambdanotes.application;

import dev.lambdanotes.domain.Note;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Where a page of the newest-first listing ends: the (created_at, id) of its last note. The next
 * page starts strictly after it, so notes added meanwhile (which are newer) never shift the pages
 * still to come, and every note is seen exactly once.
 */
public record PageCursor(Instant createdAt, UUID id) {
    /** Notes are stamped by the database clock; a cursor outside these years was not made by this API. */
    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    static PageCursor after(Note note) {
        return new PageCursor(note.createdAt(), note.id().value());
    }

    /** The opaque form handed to clients (unpadded base64url). */
    public String encode() {
        String plain = createdAt.getEpochSecond() + "." + createdAt.getNano() + "." + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
    }

    /** Reads a cursor handed out by {@link #encode()}; throws {@link MalformedCursor} for anything else. */
    public static PageCursor decode(String encoded) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.US_ASCII);
            String[] parts = plain.split("\\.", 3);
            if (parts.length != 3) {
                throw new IllegalArgumentException("three parts expected");
            }
            Instant createdAt = Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
            if (createdAt.isBefore(EARLIEST) || createdAt.isAfter(LATEST)) {
                throw new IllegalArgumentException("outside the range of stored timestamps");
            }
            return new PageCursor(createdAt, UUID.fromString(parts[2]));
        } catch (RuntimeException e) {
            throw new MalformedCursor();
        }
    }
}
