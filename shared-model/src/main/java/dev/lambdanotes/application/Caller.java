package dev.lambdanotes.application;

/**
 * Who a request claims to be: a well-formed bearer token, not yet checked against the database.
 * A use case resolves it with {@link AccessTokens#userOf} inside its own session, so
 * authenticating costs no extra connection. Only the token's digest is kept.
 */
public final class Caller {
    private final byte[] tokenHash;

    Caller(byte[] tokenHash) {
        this.tokenHash = tokenHash.clone();
    }

    byte[] tokenHash() {
        return tokenHash.clone();
    }
}
