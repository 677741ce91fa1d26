package dev.lambdanotes.application;

import dev.lambdanotes.domain.Credentials;
import dev.lambdanotes.domain.User;
import dev.lambdanotes.domain.UserId;
import dev.lambdanotes.domain.UsernameTaken;
import java.util.List;
import java.util.UUID;
import javax.inject.Inject;
import org.hibernate.SessionFactory;
import org.hibernate.exception.ConstraintViolationException;

/** Creates an account: a unique username (regardless of case) and an Argon2id hash of the password. */
public final class RegisterUser {
    static final String UNIQUE_USERNAME_CONSTRAINT = "users_username_lower_key";

    private final SessionFactory sessions;
    private final PasswordHasher hasher;
    private final AttemptThrottle throttle;

    @Inject
    public RegisterUser(SessionFactory sessions, PasswordHasher hasher, AttemptThrottle throttle) {
        this.sessions = sessions;
        this.hasher = hasher;
        this.throttle = throttle;
    }

    /**
     * Every valid registration counts against its source address, taken or not; while the
     * address's counter holds attempts back, {@link dev.lambdanotes.domain.TooManyAttempts} is thrown.
     */
    public User register(Credentials credentials, String sourceIp) {
        boolean taken = sessions.fromTransaction(session -> {
            throttle.counted(throttle.admit(session, List.of(AttemptThrottle.Key.registrationSource(sourceIp))));
            return Users.findByUsername(session, credentials.username()).isPresent();
        });
        if (taken) {
            throw new UsernameTaken();
        }
        // Hashing takes tens of milliseconds: do it before holding a connection.
        User user = new User(UserId.random(), credentials.username(), hasher.hash(credentials.password()));
        try {
            sessions.inTransaction(session -> {
                session.persist(user);
                session.flush();
            });
        } catch (ConstraintViolationException e) {
            // Two registrations of one name raced past the check above; the unique index decides.
            if (UNIQUE_USERNAME_CONSTRAINT.equals(e.getConstraintName())) {
                throw new UsernameTaken();
            }
            throw e;
        }
        return user;
    }
}
