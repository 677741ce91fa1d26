package dev.lambdanotes.application;

import dev.lambdanotes.domain.AttemptCounter;
import dev.lambdanotes.domain.ThrottlePolicies;
import dev.lambdanotes.domain.ThrottlePolicy;
import dev.lambdanotes.domain.TooManyAttempts;
import dev.lambdanotes.persistence.AttemptCounterRepository;
import dev.lambdanotes.persistence.AttemptCounterRepository_;
import jakarta.persistence.LockModeType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.hibernate.Session;

/**
 * Slows down guessing: failed password checks per username and per source address, and
 * registrations per source address, each counted in PostgreSQL under its own
 * {@link ThrottlePolicy}. A refused attempt is refused before any password is hashed, so the
 * refusal is cheap. A username is counted whether or not an account has it, so a refusal says
 * nothing about which accounts exist.
 */
public final class AttemptThrottle {
    /** Expired counters deleted by one write: enough to keep up, little enough to stay cheap. */
    private static final int EXPIRED_DELETED_PER_WRITE = 100;
    /** Tries to create and lock one counter that other transactions keep deleting: far more than a race needs. */
    private static final int MAX_LOCK_TRIES = 10;

    /** One kind of counter and its policy. */
    public enum Kind {
        LOGIN_ACCOUNT("login-account"), LOGIN_SOURCE("login-source"), REGISTRATION_SOURCE("registration-source");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** What one counter counts: its kind and the party, a username or a source address. */
    public record Key(Kind kind, String party) {
        public static Key loginAccount(String username) {
            return new Key(Kind.LOGIN_ACCOUNT, username.toLowerCase(Locale.ROOT));
        }

        public static Key loginSource(String sourceIp) {
            return new Key(Kind.LOGIN_SOURCE, sourceIp == null ? "" : sourceIp);
        }

        public static Key registrationSource(String sourceIp) {
            return new Key(Kind.REGISTRATION_SOURCE, sourceIp == null ? "" : sourceIp);
        }

        byte[] digest() {
            try {
                // Lone surrogates become '?' here; harmless, as such a party can never be an account.
                return MessageDigest.getInstance("SHA-256")
                        .digest((kind.label + "\n" + party).getBytes(StandardCharsets.UTF_8));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JVM provides SHA-256", e);
            }
        }
    }

    /** Told each time a counted attempt makes a counter start holding attempts back. */
    @FunctionalInterface
    public interface Listener {
        /** @param sourceIp the address a source counter counts, or null for a username's counter (never logged) */
        void engaged(Kind kind, String sourceIp);
    }

    private final Clock clock;
    private final ThrottlePolicies policies;
    private final Listener listener;

    public AttemptThrottle(Clock clock, ThrottlePolicies policies, Listener listener) {
        this.clock = clock;
        this.policies = policies;
        this.listener = listener;
    }

    private ThrottlePolicy policyOf(Kind kind) {
        return switch (kind) {
            case LOGIN_ACCOUNT -> policies.loginAccount();
            case LOGIN_SOURCE -> policies.loginSource();
            case REGISTRATION_SOURCE -> policies.registrationSource();
        };
    }

    /** An attempt {@link #admit} counted, when, and the counters it made hold further attempts back. */
    public record Admission(Instant at, List<Key> engaged) {
    }

    /**
     * Counts an attempt against each key before its outcome is known, in the caller's transaction,
     * and deletes a batch of expired counters on the way. The counters are locked first (created
     * when absent, in a fixed order, so two requests counting the same keys cannot deadlock), and
     * {@link TooManyAttempts} is thrown with the longest wait if any of them is holding attempts
     * back; nothing is counted then. Parallel attempts against one counter therefore take turns
     * here, and each one sees the others counted: none slips past a limit. The attempt is then
     * either {@link #counted} (a failure, or an attempt counted whatever its outcome) or
     * {@link #passed} (a password proved right, which gives the count back).
     */
    public Admission admit(Session session, List<Key> keys) {
        // In the database's precision, so that the give-back recognises its own attempt there.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Map<Key, AttemptCounter> locked = lock(session, keys, now);
        Optional<Refusal> refusal = Optional.empty();
        for (Map.Entry<Key, AttemptCounter> entry : locked.entrySet()) {
            Optional<Duration> wait = entry.getValue().waitAt(now);
            if (wait.isPresent() && (refusal.isEmpty() || wait.get().compareTo(refusal.get().delay()) > 0)) {
                refusal = Optional.of(new Refusal(entry.getKey().kind(), wait.get()));
            }
        }
        refusal.ifPresent(r -> {
            throw new TooManyAttempts(r.delay(), r.kind().label());
        });
        List<Key> engaged = new ArrayList<>();
        for (Map.Entry<Key, AttemptCounter> entry : locked.entrySet()) {
            Key key = entry.getKey();
            AttemptCounter counter = entry.getValue();
            counter.recordAttempt(now, policyOf(key.kind()));
            if (counter.waitAt(now).isPresent()) {
                engaged.add(key);
            }
        }
        // The counts are written before the clean-up, which would otherwise take a row just
        // inserted (its placeholder expiry is now) for an expired one.
        session.flush();
        new AttemptCounterRepository_(session).deleteExpired(now, EXPIRED_DELETED_PER_WRITE);
        return new Admission(now, List.copyOf(engaged));
    }

    /** The admitted attempt stays counted: the listener hears of each counter it made hold attempts back. */
    public void counted(Admission admission) {
        for (Key key : admission.engaged()) {
            listener.engaged(key.kind(), key.kind() == Kind.LOGIN_ACCOUNT ? null : key.party());
        }
    }

    /**
     * A password proved right after {@link #admit} counted its attempt: the account's failures are
     * forgotten, and the attempt counted against the address is given back (a counter left with no
     * attempt is deleted, as it would never have been written). Both counters are locked in the
     * same order as {@link #admit} locks them, so the two cannot deadlock.
     */
    public void passed(Session session, Key account, Key source, Admission admission) {
        Map<Key, AttemptCounter> locked = lock(session, List.of(account, source), clock.instant());
        session.remove(locked.get(account));
        AttemptCounter counter = locked.get(source);
        counter.forgetAttempt(admission.at(), policyOf(source.kind()));
        if (counter.attempts() == 0) {
            session.remove(counter);
        }
    }

    /**
     * The keys' counters, locked for the rest of the transaction in the order of their digests; a
     * missing one is created, expired. Another transaction may delete a counter between its
     * insertion and its lock (a success giving back the last attempt, the clean-up of expired
     * ones): it is then inserted again.
     */
    private static Map<Key, AttemptCounter> lock(Session session, List<Key> keys, Instant now) {
        AttemptCounterRepository counters = new AttemptCounterRepository_(session);
        List<Key> ordered = new ArrayList<>(keys);
        ordered.sort(Comparator.comparing(key -> HexFormat.of().formatHex(key.digest())));
        Map<Key, AttemptCounter> locked = new LinkedHashMap<>();
        for (Key key : ordered) {
            byte[] digest = key.digest();
            Optional<AttemptCounter> counter = Optional.empty();
            for (int tries = 0; counter.isEmpty(); tries++) {
                if (tries == MAX_LOCK_TRIES) {
                    throw new IllegalStateException("a throttling counter was deleted " + tries + " times before it could be locked");
                }
                counters.insertIfAbsent(digest, now);
                counter = counters.withKey(digest).setLockMode(LockModeType.PESSIMISTIC_WRITE).uniqueResultOptional();
            }
            locked.put(key, counter.get());
        }
        return locked;
    }

    private record Refusal(Kind kind, Duration delay) {
    }
}
