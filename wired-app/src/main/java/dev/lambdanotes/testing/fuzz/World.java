package dev.lambdanotes.testing.fuzz;

/**
 * What a generated request can only name, not contain: tokens, note ids, versions and cursors
 * exist only once earlier requests have made them, so they are looked up when the request is sent.
 * A pick chooses among what exists, the same way for the same seed.
 */
public interface World {
    String token(TokenRef ref, int pick);

    String noteId(NoteRef ref, int pick);

    /** The ETag of one of the own notes, or one version behind it. */
    String etag(int pick, boolean stale);

    /** A nextCursor that a listing returned before, or a well-formed one naming no note. */
    String cursor(int pick);

    enum TokenRef {
        /** The token of the user whose notes the fuzz works on. */
        OWN,
        /** A valid token of another user, who owns notes too. */
        OTHER_USER,
        /** A token that was valid and has been revoked by logging out. */
        REVOKED,
        /** Any token still valid, whoever holds it. */
        ANY_LIVE
    }

    enum NoteRef {
        OWN,
        OTHER_USERS,
        /** A note that existed and was deleted. */
        DELETED,
        /** A UUID that no note has ever had. */
        UNKNOWN
    }
}
