package dev.lambdanotes.persistence;

import dev.lambdanotes.domain.Note;
import dev.lambdanotes.domain.Note_;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;
import org.hibernate.annotations.processing.SQL;
import org.hibernate.query.SelectionQuery;
import org.hibernate.query.criteria.HibernateCriteriaBuilder;
import org.hibernate.query.criteria.JpaCriteriaDelete;
import org.hibernate.query.criteria.JpaCriteriaQuery;
import org.hibernate.query.criteria.JpaRoot;

/**
 * The queries on notes, checked against the entities when the code compiles: criteria over the
 * static metamodel {@code Note_}, and the search's native SQL through Hibernate Processor. Every
 * one names the owner, so another user's note is never read, changed or deleted.
 *
 * <p>No HQL here, unlike the other repositories: with the token loaded by its digest, the notes
 * function never loads Hibernate's HQL parser (its ANTLR grammar, about 450 classes), which cost a
 * cold start's first request about 0.2 s. Each criteria query says the HQL it stands for.
 */
public interface NoteRepository {
    Session session();

    /**
     * The owner's notes, newest first ({@code from Note n where n.ownerId = :owner order by
     * n.createdAt desc, n.id desc}).
     */
    default SelectionQuery<Note> newestOf(UUID owner) {
        HibernateCriteriaBuilder criteria = session().getCriteriaBuilder();
        JpaCriteriaQuery<Note> query = criteria.createQuery(Note.class);
        JpaRoot<Note> note = query.from(Note.class);
        query.where(criteria.equal(note.get(Note_.ownerId), owner));
        return session().createSelectionQuery(newestFirst(criteria, query, note));
    }

    /**
     * The owner's notes after a page cursor's position in the newest-first order ({@code ... and
     * (n.createdAt < :createdAt or (n.createdAt = :createdAt and n.id < :id))}).
     */
    default SelectionQuery<Note> newestOfAfter(UUID owner, Instant createdAt, UUID id) {
        HibernateCriteriaBuilder criteria = session().getCriteriaBuilder();
        JpaCriteriaQuery<Note> query = criteria.createQuery(Note.class);
        JpaRoot<Note> note = query.from(Note.class);
        query.where(criteria.equal(note.get(Note_.ownerId), owner),
                criteria.or(criteria.lessThan(note.get(Note_.createdAt), createdAt),
                        criteria.and(criteria.equal(note.get(Note_.createdAt), createdAt),
                                criteria.lessThan(note.get(Note_.id), id))));
        return session().createSelectionQuery(newestFirst(criteria, query, note));
    }

    private static JpaCriteriaQuery<Note> newestFirst(HibernateCriteriaBuilder criteria, JpaCriteriaQuery<Note> query,
            JpaRoot<Note> note) {
        return query.orderBy(criteria.desc(note.get(Note_.createdAt)), criteria.desc(note.get(Note_.id)));
    }

    /**
     * The owner's notes whose title or body match, newest first, after (createdAt, id). {@code words}
     * is read by websearch_to_tsquery (empty: no condition of its own); {@code prefix} is a
     * to_tsquery prefix term such as {@code gro:*} (empty: none); at least one of them is given.
     */
    @SQL("""
            select * from notes n
            where n.owner_id = :owner
              and n.search @@ (case
                  when :prefix = '' then websearch_to_tsquery('simple', :words)
                  when :words = '' then to_tsquery('simple', :prefix)
                  else websearch_to_tsquery('simple', :words) && to_tsquery('simple', :prefix) end)
              and (n.created_at, n.id) < (:createdAt, :id)
            order by n.created_at desc, n.id desc
            limit :limit""")
    List<Note> search(UUID owner, String words, String prefix, Instant createdAt, UUID id, int limit);

    /** The owner's note with this id ({@code from Note n where n.id = :id and n.ownerId = :owner}). */
    default SelectionQuery<Note> owned(UUID owner, UUID id) {
        HibernateCriteriaBuilder criteria = session().getCriteriaBuilder();
        JpaCriteriaQuery<Note> query = criteria.createQuery(Note.class);
        JpaRoot<Note> note = query.from(Note.class);
        query.where(criteria.equal(note.get(Note_.id), id), criteria.equal(note.get(Note_.ownerId), owner));
        return session().createSelectionQuery(query);
    }

    /** Deletes the owner's note with this id ({@code delete from Note n where n.id = :id and n.ownerId = :owner}). */
    default int deleteOwned(UUID owner, UUID id) {
        HibernateCriteriaBuilder criteria = session().getCriteriaBuilder();
        JpaCriteriaDelete<Note> delete = criteria.createCriteriaDelete(Note.class);
        JpaRoot<Note> note = delete.from(Note.class);
        delete.where(criteria.equal(note.get(Note_.id), id), criteria.equal(note.get(Note_.ownerId), owner));
        return session().createMutationQuery(delete).executeUpdate();
    }
}
