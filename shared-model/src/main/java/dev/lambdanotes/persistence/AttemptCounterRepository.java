package dev.lambdanotes.persistence;

import dev.lambdanotes.domain.AttemptCounter;
import java.time.Instant;
import org.hibernate.Session;
import org.hibernate.annotations.processing.HQL;
import org.hibernate.annotations.processing.SQL;
import org.hibernate.query.SelectionQuery;

/** The queries on throttling counters, which are known only by the digest of what they count. */
public interface AttemptCounterRepository {
    Session session();

    @HQL("from AttemptCounter c where c.keyHash = :key")
    SelectionQuery<AttemptCounter> withKey(byte[] key);

    /** Creates the counter, already expired (so counting starts afresh), unless it exists. */
    @SQL("""
            insert into attempt_counters (key_hash, attempts, last_attempt_at, expires_at)
            values (:key, 0, :now, :now) on conflict do nothing""")
    int insertIfAbsent(byte[] key, Instant now);

    @HQL("delete from AttemptCounter c where c.keyHash = :key")
    int delete(byte[] key);

    /** Expired counters, oldest first, at most {@code batch} of them. */
    @SQL("""
            delete from attempt_counters where key_hash in (
                select key_hash from attempt_counters where expires_at <= :now
                order by expires_at limit :batch for update skip locked)""")
    int deleteExpired(Instant now, int batch);
}
