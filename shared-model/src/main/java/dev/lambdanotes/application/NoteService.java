package dev.lambdanotes.application;

import dev.lambdanotes.domain.NotAuthenticated;
import dev.lambdanotes.domain.Note;
import dev.lambdanotes.domain.NoteContent;
import dev.lambdanotes.domain.NoteId;
import dev.lambdanotes.domain.SearchText;
import dev.lambdanotes.domain.NoteNotFound;
import dev.lambdanotes.domain.StaleVersion;
import dev.lambdanotes.domain.UserId;
import dev.lambdanotes.domain.VersionPrecondition;
import dev.lambdanotes.persistence.NoteQueries;
import dev.lambdanotes.persistence.NoteRepository_;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.hibernate.Session;
import javax.inject.Inject;
import org.hibernate.SessionFactory;
import org.hibernate.exception.ConstraintViolationException;

/**
 * The notes use cases. Every query names the owner, so a note of another user is never read,
 * changed or deleted: to its owner's neighbours it does not exist. The caller is authenticated
 * in the same session as the work, so a request borrows one connection.
 */
public final class NoteService {
    public static final int DEFAULT_PAGE_SIZE = 20;
    public static final int MAX_PAGE_SIZE = 100;
    static final String NOTE_OWNER_CONSTRAINT = "notes_owner_id_fkey";

    private final SessionFactory sessions;
    private final AccessTokens tokens;
    private final NoteQueries queries;

    @Inject
    public NoteService(SessionFactory sessions, AccessTokens tokens, NoteQueries queries) {
        this.sessions = sessions;
        this.tokens = tokens;
        this.queries = queries;
    }

    /** The caller's notes, newest first; throws {@link MalformedCursor} for a cursor of a search. */
    public NotePage list(Caller caller, int limit, Optional<PageCursor> after) {
        if (after.isPresent() && !after.get().continues("")) {
            throw new MalformedCursor();
        }
        List<Note> rows = sessions.fromSession(session -> {
            UserId owner = tokens.userOf(session, caller);
            var query = after.isPresent()
                    ? queries.newestOfAfter(session, owner.value(), after.get().createdAt(), after.get().id())
                    : queries.newestOf(session, owner.value());
            return query.setMaxResults(limit + 1).getResultList();
        });
        return page(rows, limit, "");
    }

    /**
     * The caller's notes whose title or body match, newest first, with the same keyset pagination
     * as the listing; a cursor continues only the search it came from ({@link MalformedCursor}
     * otherwise). The owner is part of the query itself.
     */
    public NotePage search(Caller caller, SearchText text, int limit, Optional<PageCursor> after) {
        String key = PageCursor.searchKey(text);
        if (after.isPresent() && !after.get().continues(key)) {
            throw new MalformedCursor();
        }
        Instant beforeCreatedAt = after.map(PageCursor::createdAt).orElse(PageCursor.END.createdAt());
        UUID beforeId = after.map(PageCursor::id).orElse(PageCursor.END.id());
        List<Note> rows = sessions.fromSession(session -> new NoteRepository_(session).search(
                tokens.userOf(session, caller).value(), text.words(),
                text.prefix() == null ? "" : text.prefix() + ":*",
                beforeCreatedAt, beforeId, limit + 1));
        return page(rows, limit, key);
    }

    private static NotePage page(List<Note> rows, int limit, String searchKey) {
        if (rows.size() > limit) {
            List<Note> page = rows.subList(0, limit);
            return new NotePage(List.copyOf(page), Optional.of(PageCursor.after(page.get(limit - 1), searchKey)), searchKey);
        }
        return new NotePage(rows, Optional.empty(), searchKey);
    }

    /**
     * @param content read only once the caller is known: an unauthenticated request is refused as
     *                such (401) before anything about its body is said
     */
    public Note create(Caller caller, Supplier<NoteContent> content) {
        try {
            return sessions.fromTransaction(session -> {
                UserId owner = tokens.userOf(session, caller);
                Note note = new Note(NoteId.random(), owner, content.get());
                session.persist(note);
                session.flush();
                return note;
            });
        } catch (ConstraintViolationException e) {
            // The account was deleted after its token was checked: the token is gone with it.
            if (NOTE_OWNER_CONSTRAINT.equals(e.getConstraintName())) {
                throw new NotAuthenticated();
            }
            throw e;
        }
    }

    /**
     * Deletes the note if the caller owns it and its version meets the precondition; the row is
     * locked first, so a client holding a stale ETag cannot delete a newer version.
     */
    public void delete(Caller caller, NoteId id, VersionPrecondition precondition) {
        sessions.inTransaction(session -> {
            UserId owner = tokens.userOf(session, caller);
            Note note = findOwned(session, owner, id, LockModeType.PESSIMISTIC_WRITE);
            if (!precondition.isSatisfiedBy(note.version())) {
                throw new StaleVersion();
            }
            queries.deleteOwned(session, owner.value(), id.value());
        });
    }

    /** The caller's note, if its version meets the precondition (HTTP's If-Match on a read). */
    public Note get(Caller caller, NoteId id, VersionPrecondition precondition) {
        Note note = sessions.fromSession(session -> findOwned(session, tokens.userOf(session, caller), id, LockModeType.NONE));
        if (!precondition.isSatisfiedBy(note.version())) {
            throw new StaleVersion();
        }
        return note;
    }

    /**
     * Replaces the title and body. The row is locked first, so of two concurrent updates with the
     * same If-Match the second sees the first's new version and fails the precondition.
     */
    public Note update(Caller caller, NoteId id, Supplier<NoteContent> content, VersionPrecondition precondition) {
        return sessions.fromTransaction(session -> {
            UserId owner = tokens.userOf(session, caller);
            NoteContent replacement = content.get();
            Note note = findOwned(session, owner, id, LockModeType.PESSIMISTIC_WRITE);
            if (!precondition.isSatisfiedBy(note.version())) {
                throw new StaleVersion();
            }
            note.replaceContent(replacement);
            session.flush();
            return note;
        });
    }

    private Note findOwned(Session session, UserId owner, NoteId id, LockModeType lock) {
        return queries.owned(session, owner.value(), id.value())
                .setLockMode(lock)
                .uniqueResultOptional()
                .orElseThrow(NoteNotFound::new);
    }
}
