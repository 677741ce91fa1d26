package dev.lambdanotes.persistence;

import dev.lambdanotes.domain.Note;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.Session;
import org.hibernate.annotations.processing.HQL;
import org.hibernate.query.SelectionQuery;

/**
 * The queries on notes, checked against the entities by Hibernate Processor when the code
 * compiles. Every one names the owner, so another user's note is never read, changed or deleted.
 */
public interface NoteRepository {
    Session session();

    @HQL("from Note n where n.owner.id = :owner order by n.createdAt desc, n.id desc")
    SelectionQuery<Note> newestOf(UUID owner);

    /** The owner's notes after a page cursor's position in the newest-first order. */
    @HQL("""
            from Note n
            where n.owner.id = :owner
              and (n.createdAt < :createdAt or (n.createdAt = :createdAt and n.id < :id))
            order by n.createdAt desc, n.id desc""")
    SelectionQuery<Note> newestOfAfter(UUID owner, Instant createdAt, UUID id);

    @HQL("from Note n where n.id = :id and n.owner.id = :owner")
    SelectionQuery<Note> owned(UUID owner, UUID id);

    @HQL("delete from Note n where n.id = :id and n.owner.id = :owner")
    int deleteOwned(UUID owner, UUID id);

    @HQL("select count(n) from Note n where n.owner.id = :owner")
    long countOf(UUID owner);
}
