package dev.lambdanotes.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Generated;

/** A bearer token a user received at login, stored only as the SHA-256 digest of the token. */
@Entity
@Table(name = "access_tokens")
public class AccessToken {

    @Id
    @Column(name = "token_hash", nullable = false)
    private byte[] tokenHash;

    @Column(name = "user_id", nullable = false, updatable = false)
    private UUID userId;

    @Generated
    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;

    protected AccessToken() {
        // for Hibernate
    }

    public AccessToken(byte[] tokenHash, UUID userId, Instant expiresAt) {
        this.tokenHash = tokenHash.clone();
        this.userId = userId;
        this.expiresAt = expiresAt;
    }

    public UUID userId() {
        return userId;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    /** Whether the token still authenticates at that instant: until it expires, and not at its expiry. */
    public boolean isValidAt(Instant now) {
        return now.isBefore(expiresAt);
    }
}
