package dev.lambdanotes.persistence;

import dev.lambdanotes.domain.Note;
import dev.lambdanotes.domain.Note_;
import java.time.Instant;
import java.util.UUID;
import javax.inject.Inject;
import javax.inject.Singleton;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.query.SelectionQuery;
import org.hibernate.query.criteria.HibernateCriteriaBuilder;
import org.hibernate.query.criteria.JpaCriteriaDelete;
import org.hibernate.query.criteria.JpaCriteriaQuery;
import org.hibernate.query.criteria.JpaParameterExpression;
import org.hibernate.query.criteria.JpaRoot;

/**
 * The reads and the delete of notes by their owner: criteria over the static metamodel
 * {@code Note_}, so the compiler checks them against the entity, built once per function instance
 * with parameters and reused by every request. Every one names the owner, so another user's note
 * is never read or deleted. Each says the HQL it stands for.
 *
 * <p>Why criteria and not HQL: with the token loaded by its digest, these are the notes function's
 * only queries that would need Hibernate's HQL parser (its ANTLR grammar, about 450 classes), which
 * cost a cold start's first request about 0.2 s. Built once, each criteria query is the same object
 * at every request, and Hibernate uses it as it is ({@code hibernate.criteria.copy_tree} is off), so
 * it finds the query's translation to SQL in its plan cache, as it does for an HQL string; built
 * per request, they made a warm listing a third slower. The parameters are bound per query, so
 * sessions share the criteria unchanged.
 */
@Singleton
public final class NoteQueries {
    private static final String OWNER = "owner";
    private static final String ID = "id";
    private static final String CREATED_AT = "createdAt";

    private final JpaCriteriaQuery<Note> newest;
    private final JpaCriteriaQuery<Note> newestAfter;
    private final JpaCriteriaQuery<Note> owned;
    private final JpaCriteriaDelete<Note> deleteOwned;

    @Inject
    public NoteQueries(SessionFactory sessions) {
        HibernateCriteriaBuilder criteria = sessions.getCriteriaBuilder();
        newest = newest(criteria, false);
        newestAfter = newest(criteria, true);
        owned = owned(criteria);
        deleteOwned = deleteOwned(criteria);
    }

    /**
     * The owner's notes, newest first: {@code from Note n where n.ownerId = :owner order by
     * n.createdAt desc, n.id desc}.
     */
    public SelectionQuery<Note> newestOf(Session session, UUID owner) {
        return session.createSelectionQuery(newest).setParameter(OWNER, owner);
    }

    /**
     * The owner's notes after a page cursor's position in the newest-first order: the same, and
     * {@code (n.createdAt < :createdAt or (n.createdAt = :createdAt and n.id < :id))}.
     */
    public SelectionQuery<Note> newestOfAfter(Session session, UUID owner, Instant createdAt, UUID id) {
        return session.createSelectionQuery(newestAfter)
                .setParameter(OWNER, owner)
                .setParameter(CREATED_AT, createdAt)
                .setParameter(ID, id);
    }

    /** The owner's note with this id: {@code from Note n where n.id = :id and n.ownerId = :owner}. */
    public SelectionQuery<Note> owned(Session session, UUID owner, UUID id) {
        return session.createSelectionQuery(owned).setParameter(OWNER, owner).setParameter(ID, id);
    }

    /**
     * Deletes the owner's note with this id ({@code delete from Note n where n.id = :id and
     * n.ownerId = :owner}) and returns how many rows it deleted.
     */
    public int deleteOwned(Session session, UUID owner, UUID id) {
        return session.createMutationQuery(deleteOwned).setParameter(OWNER, owner).setParameter(ID, id)
                .executeUpdate();
    }

    private static JpaCriteriaQuery<Note> newest(HibernateCriteriaBuilder criteria, boolean afterCursor) {
        JpaCriteriaQuery<Note> query = criteria.createQuery(Note.class);
        JpaRoot<Note> note = query.from(Note.class);
        var owner = criteria.equal(note.get(Note_.ownerId), criteria.parameter(UUID.class, OWNER));
        if (afterCursor) {
            JpaParameterExpression<Instant> createdAt = criteria.parameter(Instant.class, CREATED_AT);
            query.where(owner, criteria.or(
                    criteria.lessThan(note.get(Note_.createdAt), createdAt),
                    criteria.and(criteria.equal(note.get(Note_.createdAt), createdAt),
                            criteria.lessThan(note.get(Note_.id), criteria.parameter(UUID.class, ID)))));
        } else {
            query.where(owner);
        }
        return query.orderBy(criteria.desc(note.get(Note_.createdAt)), criteria.desc(note.get(Note_.id)));
    }

    private static JpaCriteriaQuery<Note> owned(HibernateCriteriaBuilder criteria) {
        JpaCriteriaQuery<Note> query = criteria.createQuery(Note.class);
        JpaRoot<Note> note = query.from(Note.class);
        return query.where(criteria.equal(note.get(Note_.id), criteria.parameter(UUID.class, ID)),
                criteria.equal(note.get(Note_.ownerId), criteria.parameter(UUID.class, OWNER)));
    }

    private static JpaCriteriaDelete<Note> deleteOwned(HibernateCriteriaBuilder criteria) {
        JpaCriteriaDelete<Note> delete = criteria.createCriteriaDelete(Note.class);
        JpaRoot<Note> note = delete.from(Note.class);
        return delete.where(criteria.equal(note.get(Note_.id), criteria.parameter(UUID.class, ID)),
                criteria.equal(note.get(Note_.ownerId), criteria.parameter(UUID.class, OWNER)));
    }
}
