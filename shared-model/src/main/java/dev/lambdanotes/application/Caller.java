package dev.lambdanotes.application;

import dev.lambdanotes.domain.NotAuthenticated;
import java.time.Clock;
import java.util.UUID;
import org.hibernate.Session;

/**
 * Who a request claims to be: a well-formed bearer token, not yet checked against the database.
 * A use case resolves it inside its own session, so authenticating costs no extra connection.
 */
public final class Caller {
    private final byte[] tokenHash;
    private final Clock clock;

    Caller(byte[] tokenHash, Clock clock) {
        this.tokenHash = tokenHash.clone();
        this.clock = clock;
    }

    /** The id of the user the token belongs to; throws NotAuthenticated unless it is known and unexpired. */
    public UUID userIn(Session session) {
        return session
                .createSelectionQuery(
                        "select t.userId from AccessToken t where t.tokenHash = :hash and t.expiresAt > :now", UUID.class)
                .setParameter("hash", tokenHash)
                .setParameter("now", clock.instant())
                .uniqueResultOptional()
                .orElseThrow(NotAuthenticated::new);
    }

    byte[] tokenHash() {
        return tokenHash.clone();
    }
}
