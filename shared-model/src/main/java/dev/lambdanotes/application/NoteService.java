package dev.lambdanotes.application;

import dev.lambdanotes.domain.Note;
import dev.lambdanotes.domain.NoteContent;
import dev.lambdanotes.domain.NoteNotFound;
import dev.lambdanotes.domain.StaleVersion;
import dev.lambdanotes.domain.User;
import dev.lambdanotes.domain.VersionPrecondition;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.hibernate.Session;
import javax.inject.Inject;
import org.hibernate.SessionFactory;

/**
 * The notes use cases. Every query names the owner, so a note of another user is never read,
 * changed or deleted: to its owner's neighbours it does not exist. The caller is authenticated
 * in the same session as the work, so a request borrows one connection.
 */
public final class NoteService {
    public static final int DEFAULT_PAGE_SIZE = 20;
    public static final int MAX_PAGE_SIZE = 100;

    private final SessionFactory sessions;

    @Inject
    public NoteService(SessionFactory sessions) {
        this.sessions = sessions;
    }

    public NotePage list(Caller caller, int limit, Optional<PageCursor> after) {
        List<Note> rows = sessions.fromSession(session -> {
            UUID owner = caller.userIn(session);
            var query = after.isPresent()
                    ? session.createSelectionQuery("""
                            from Note n
                            where n.owner.id = :owner
                              and (n.createdAt < :createdAt or (n.createdAt = :createdAt and n.id < :id))
                            order by n.createdAt desc, n.id desc""", Note.class)
                        .setParameter("createdAt", after.get().createdAt())
                        .setParameter("id", after.get().id())
                    : session.createSelectionQuery(
                            "from Note n where n.owner.id = :owner order by n.createdAt desc, n.id desc", Note.class);
            return query.setParameter("owner", owner).setMaxResults(limit + 1).getResultList();
        });
        if (rows.size() > limit) {
            List<Note> page = rows.subList(0, limit);
            return new NotePage(List.copyOf(page), Optional.of(PageCursor.after(page.get(limit - 1))));
        }
        return new NotePage(rows, Optional.empty());
    }

    /**
     * @param content read only once the caller is known: an unauthenticated request is refused as
     *                such (401) before anything about its body is said
     */
    public Note create(Caller caller, Supplier<NoteContent> content) {
        return sessions.fromTransaction(session -> {
            UUID owner = caller.userIn(session);
            Note note = new Note(UUID.randomUUID(), session.getReference(User.class, owner), content.get());
            session.persist(note);
            session.flush();
            return note;
        });
    }

    public Note get(Caller caller, UUID id) {
        return sessions.fromSession(session -> findOwned(session, caller.userIn(session), id, LockModeType.NONE));
    }

    /**
     * Replaces the title and body. The row is locked first, so of two concurrent updates with the
     * same If-Match the second sees the first's new version and fails the precondition.
     */
    public Note update(Caller caller, UUID id, Supplier<NoteContent> content, VersionPrecondition precondition) {
        return sessions.fromTransaction(session -> {
            UUID owner = caller.userIn(session);
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

    public void delete(Caller caller, UUID id) {
        int deleted = sessions.fromTransaction(session -> session
                .createMutationQuery("delete from Note n where n.id = :id and n.owner.id = :owner")
                .setParameter("id", id)
                .setParameter("owner", caller.userIn(session))
                .executeUpdate());
        if (deleted == 0) {
            throw new NoteNotFound();
        }
    }

    private static Note findOwned(Session session, UUID owner, UUID id, LockModeType lock) {
        return session.createSelectionQuery("from Note n where n.id = :id and n.owner.id = :owner", Note.class)
                .setParameter("id", id)
                .setParameter("owner", owner)
                .setLockMode(lock)
                .uniqueResultOptional()
                .orElseThrow(NoteNotFound::new);
    }
}
