package dev.lambdanotes.persistence;

import dev.lambdanotes.domain.AccessToken;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;
import org.hibernate.annotations.processing.Find;
import org.hibernate.annotations.processing.HQL;
import org.hibernate.annotations.processing.SQL;

/** The queries on access tokens, which are known only by their SHA-256 digest. */
public interface AccessTokenRepository {
    Session session();

    /**
     * The token with this digest, expired or not: a load by primary key, so that
     * authenticating a request parses no query (a cold start's first HQL query costs it about 0.2 s).
     */
    @Find
    Optional<AccessToken> withDigest(byte[] tokenHash);

    @HQL("delete from AccessToken t where t.tokenHash = :hash and t.expiresAt > :now")
    int deleteValid(byte[] hash, Instant now);

    @HQL("delete from AccessToken t where t.userId = :user and t.tokenHash <> :keep")
    int deleteAllOfBut(UUID user, byte[] keep);

    @HQL("delete from AccessToken t where t.userId = :user")
    int deleteAllOf(UUID user);

    /** Expired tokens of anyone, oldest first, at most {@code batch} of them. */
    @SQL("""
            delete from access_tokens where token_hash in (
                select token_hash from access_tokens where expires_at <= :now
                order by expires_at limit :batch for update skip locked)""")
    int deleteExpired(Instant now, int batch);
}
