package dev.lambdanotes.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Counts attempts of one kind by one party (failed logins for a username, or from an address;
 * registrations from an address), kept in the database because a function instance's memory is
 * neither shared nor lasting. The party is stored only as a digest of what identifies it.
 */
@Entity
@Table(name = "attempt_counters")
public class AttemptCounter {

    @Id
    @Column(name = "key_hash", nullable = false)
    private byte[] keyHash;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "last_attempt_at", nullable = false)
    private Instant lastAttemptAt;

    @Column(name = "blocked_until")
    private Instant blockedUntil;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    protected AttemptCounter() {
        // for Hibernate
    }

    /** Counts one more attempt at {@code now}, starting afresh if the counter had expired. */
    public void recordAttempt(Instant now, ThrottlePolicy policy) {
        if (!now.isBefore(expiresAt)) {
            attempts = 0;
            blockedUntil = null;
        }
        attempts++;
        lastAttemptAt = now;
        blockedUntil = policy.delayAfter(attempts).map(now::plus).orElse(null);
        expiresAt = (blockedUntil == null ? now : blockedUntil).plus(policy.window());
    }

    /**
     * Takes back an attempt counted at {@code countedAt} before its outcome was known: it turned out
     * to be no failure. It was let in with no delay running, so when no attempt came after it, none
     * runs now; when later attempts were counted with it, theirs is what they earn without it, from
     * the last of them.
     */
    public void forgetAttempt(Instant countedAt, ThrottlePolicy policy) {
        if (attempts == 0) {
            return;
        }
        attempts--;
        blockedUntil = lastAttemptAt.equals(countedAt) ? null : policy.delayAfter(attempts).map(lastAttemptAt::plus).orElse(null);
    }

    /** How long a new attempt must still wait at {@code now}; empty when it may be made. */
    public Optional<Duration> waitAt(Instant now) {
        if (blockedUntil == null || !now.isBefore(blockedUntil) || !now.isBefore(expiresAt)) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, blockedUntil));
    }

    public int attempts() {
        return attempts;
    }
}
