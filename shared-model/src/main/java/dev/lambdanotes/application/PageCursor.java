package dev.lambdanotes.application;

import dev.lambdanotes.domain.Note;
import dev.lambdanotes.domain.SearchText;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Where a page of the newest-first listing, or of one search, ends: the (created_at, id) of its
 * last note, and which search it belongs to. The next page starts strictly after it, so notes
 * added meanwhile (which are newer) never shift the pages still to come, and every note is seen
 * exactly once. A cursor only continues the listing or the search it came from.
 *
 * @param search the search's key ({@link #searchKey}), empty for the plain listing
 */
public record PageCursor(Instant createdAt, UUID id, String search) {
    /** Notes are stamped by the database clock; a cursor outside these years was not made by this API. */
    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");
    /** A position after every note: where the first page starts. */
    static final PageCursor END = new PageCursor(LATEST, new UUID(-1L, -1L));
    private static final Pattern SEARCH_KEY = Pattern.compile("[0-9a-f]{16}");

    public PageCursor(Instant createdAt, UUID id) {
        this(createdAt, id, "");
    }

    static PageCursor after(Note note, String search) {
        return new PageCursor(note.createdAt(), note.id().value(), search);
    }

    /** A short digest of what was searched for, so that a cursor names its search without repeating it. */
    static String searchKey(SearchText text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((text.words() + "\n" + text.prefix()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM provides SHA-256", e);
        }
    }

    /** Whether this cursor came from the listing ("") or search with this key. */
    boolean continues(String searchKey) {
        return search.equals(searchKey);
    }

    /** The opaque form handed to clients (unpadded base64url). */
    public String encode() {
        String plain = createdAt.getEpochSecond() + "." + createdAt.getNano() + "." + id
                + (search.isEmpty() ? "" : "." + search);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
    }

    /** Reads a cursor handed out by {@link #encode()}; throws {@link MalformedCursor} for anything else. */
    public static PageCursor decode(String encoded) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.US_ASCII);
            String[] parts = plain.split("\\.", 4);
            if (parts.length < 3 || (parts.length == 4 && !SEARCH_KEY.matcher(parts[3]).matches())) {
                throw new IllegalArgumentException("three or four parts expected");
            }
            Instant createdAt = Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
            if (createdAt.isBefore(EARLIEST) || createdAt.isAfter(LATEST)) {
                throw new IllegalArgumentException("outside the range of stored timestamps");
            }
            return new PageCursor(createdAt, UUID.fromString(parts[2]), parts.length == 4 ? parts[3] : "");
        } catch (RuntimeException e) {
            throw new MalformedCursor();
        }
    }
}
