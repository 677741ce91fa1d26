package dev.lambdanotes.persistence;

import dev.lambdanotes.domain.Note;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;
import org.hibernate.annotations.processing.SQL;

/**
 * The search of notes, native SQL (PostgreSQL's full-text search) checked by Hibernate Processor
 * when the code compiles. It names the owner, so another user's note is never found. The other
 * queries on notes are {@link NoteQueries}.
 */
public interface NoteRepository {
    Session session();

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
}
