package dev.lambdanotes.application;

import dev.lambdanotes.domain.AccessToken;
import dev.lambdanotes.domain.NotAuthenticated;
import dev.lambdanotes.domain.UserId;
import dev.lambdanotes.persistence.AccessTokenRepository_;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Pattern;
import org.hibernate.Session;
import org.hibernate.SessionFactory;

/**
 * Issues, checks and revokes opaque bearer tokens: 256 bits from a CSPRNG, handed to the client
 * once, stored only as their SHA-256 digest with an expiry time.
 */
public final class AccessTokens {
    private static final int TOKEN_BYTES = 32;
    /** 32 bytes in unpadded base64url. */
    private static final int EXPIRED_DELETED_PER_LOGIN = 100;
    private static final Pattern TOKEN_FORMAT = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final SessionFactory sessions;
    private final SecureRandom random;
    private final Clock clock;
    private final Duration ttl;

    public AccessTokens(SessionFactory sessions, SecureRandom random, Clock clock, Duration ttl) {
        this.sessions = sessions;
        this.random = random;
        this.clock = clock;
        this.ttl = ttl;
    }

    /** Creates a new token for the user within the caller's transaction, and drops the user's expired ones. */
    IssuedToken issue(Session session, UserId userId) {
        byte[] secret = new byte[TOKEN_BYTES];
        random.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = clock.instant();
        // Expired tokens of anyone, a bounded batch per login, so the table cannot grow for ever.
        new AccessTokenRepository_(session).deleteExpired(now, EXPIRED_DELETED_PER_LOGIN);
        session.persist(new AccessToken(digest(token), userId.value(), now.plus(ttl)));
        return new IssuedToken(token, ttl);
    }

    /**
     * The caller a bearer token stands for, resolved later in the use case's own session. A token
     * that cannot be one of ours (wrong length or alphabet) is refused here, without a query.
     */
    public Caller caller(String token) {
        if (token == null || !TOKEN_FORMAT.matcher(token).matches()) {
            throw new NotAuthenticated();
        }
        return new Caller(digest(token));
    }

    /** The id of the user the caller's token belongs to; throws NotAuthenticated unless it is known and unexpired. */
    UserId userOf(Session session, Caller caller) {
        Instant now = clock.instant();
        return new AccessTokenRepository_(session).withDigest(caller.tokenHash())
                .filter(token -> token.isValidAt(now))
                .map(token -> new UserId(token.userId()))
                .orElseThrow(NotAuthenticated::new);
    }

    /** Throws {@link NotAuthenticated} unless the caller's token is known and unexpired: for a route that would refuse the request anyway. */
    public void authenticate(Caller caller) {
        sessions.inSession(session -> userOf(session, caller));
    }

    /** Revokes every token of the caller's user, the caller's own included; throws NotAuthenticated for an invalid token. */
    public void revokeAll(Caller caller) {
        sessions.inTransaction(session -> revokeAllOf(session, userOf(session, caller)));
    }

    /** Revokes every token of the user but the caller's, within the caller's transaction. */
    void revokeAllBut(Session session, UserId userId, Caller caller) {
        new AccessTokenRepository_(session).deleteAllOfBut(userId.value(), caller.tokenHash());
    }

    void revokeAllOf(Session session, UserId userId) {
        new AccessTokenRepository_(session).deleteAllOf(userId.value());
    }

    /** Revokes the token, so it stops working at once; throws {@link NotAuthenticated} if it was not valid. */
    public void revoke(String token) {
        if (token == null || !TOKEN_FORMAT.matcher(token).matches()) {
            throw new NotAuthenticated();
        }
        byte[] hash = digest(token);
        int deleted = sessions.fromTransaction(session ->
                new AccessTokenRepository_(session).deleteValid(hash, clock.instant()));
        if (deleted == 0) {
            throw new NotAuthenticated();
        }
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM provides SHA-256", e);
        }
    }
}
