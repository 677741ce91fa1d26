package dev.lambdanotes.persistence;

import dev.lambdanotes.domain.Note;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;
import org.hibernate.annotations.processing.HQL;
import org.hibernate.annotations.processing.SQL;
import org.hibernate.query.SelectionQuery;

/**
 * The queries on notes, checked against the entities by Hibernate Processor when the code
 * compiles. Every one names the owner, so another user's note is never read, changed or deleted.
 */
public interface NoteRepository {
    Session session();

    @HQL("from Note n where n.ownerId = :owner order by n.createdAt desc, n.id desc")
    SelectionQuery<Note> newestOf(UUID owner);

    /** The owner's notes after a page cursor's position in the newest-first order. */
    @HQL("""
            from Note n
            where n.ownerId = :owner
              and (n.createdAt < :createdAt or (n.createdAt = :createdAt and n.id < :id))
            order by n.createdAt desc, n.id desc""")
    SelectionQuery<Note> newestOfAfter(UUID owner, Instant createdAt, UUID id);

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

    @HQL("from Note n where n.id = :id and n.ownerId = :owner")
    SelectionQuery<Note> owned(UUID owner, UUID id);

    @HQL("delete from Note n where n.id = :id and n.ownerId = :owner")
    int deleteOwned(UUID owner, UUID id);
}
