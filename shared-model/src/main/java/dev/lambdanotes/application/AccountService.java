package dev.lambdanotes.application;

import dev.lambdanotes.domain.FieldError;
import dev.lambdanotes.domain.InvalidInput;
import dev.lambdanotes.domain.NotAuthenticated;
import dev.lambdanotes.domain.PasswordChange;
import dev.lambdanotes.domain.User;
import dev.lambdanotes.domain.UserId;
import dev.lambdanotes.domain.WrongPassword;
import dev.lambdanotes.persistence.UserRepository_;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import javax.inject.Inject;
import org.hibernate.Session;
import org.hibernate.SessionFactory;

/**
 * What a signed-in person can do with their own account: see it, change its password, and delete
 * it. Changes are confirmed with the current password, which the login throttle counts like a
 * login. As everywhere, the caller is known before the request body is read.
 */
public final class AccountService {
    private final SessionFactory sessions;
    private final PasswordHasher hasher;
    private final AccessTokens tokens;
    private final AttemptThrottle throttle;

    @Inject
    public AccountService(SessionFactory sessions, PasswordHasher hasher, AccessTokens tokens, AttemptThrottle throttle) {
        this.sessions = sessions;
        this.hasher = hasher;
        this.tokens = tokens;
        this.throttle = throttle;
    }

    public User profile(Caller caller) {
        return sessions.fromSession(session -> userOf(session, caller));
    }

    /**
     * Replaces the password and revokes every other token of the user: whoever else held one is
     * signed out, the caller stays signed in.
     */
    public UserId changePassword(Caller caller, Supplier<PasswordChange> request, String sourceIp) {
        User user = sessions.fromSession(session -> userOf(session, caller));
        PasswordChange change = request.get();
        confirm(user, change.currentPassword(), sourceIp);
        String newHash = hasher.hash(change.newPassword());
        sessions.inTransaction(session -> {
            UserId id = tokens.userOf(session, caller);
            User locked = session.find(User.class, id.value(), LockModeType.PESSIMISTIC_WRITE);
            if (locked == null) {
                // The account was deleted meanwhile, and the caller's token with it.
                throw new NotAuthenticated();
            }
            locked.replacePasswordHash(newHash);
            tokens.revokeAllBut(session, id, caller);
        });
        return user.id();
    }

    /** Deletes the user, their notes and their tokens; the username is free again. */
    public UserId deleteAccount(Caller caller, Supplier<String> password, String sourceIp) {
        User user = sessions.fromSession(session -> userOf(session, caller));
        String given = password.get();
        if (given == null || given.isEmpty()) {
            throw InvalidInput.of(FieldError.of("password", "is required"));
        }
        confirm(user, given, sourceIp);
        sessions.inTransaction(session -> {
            UserId id = tokens.userOf(session, caller);
            new UserRepository_(session).delete(id.value());
        });
        return user.id();
    }

    /**
     * Checks the password under the login throttle, as {@link LogIn} does: a refusal before
     * hashing, the attempt counted before it is hashed, a success forgetting the username's failures
     * and giving back the address's count.
     */
    private void confirm(User user, String password, String sourceIp) {
        AttemptThrottle.Key account = AttemptThrottle.Key.loginAccount(user.username());
        AttemptThrottle.Key source = AttemptThrottle.Key.loginSource(sourceIp);
        AttemptThrottle.Admission admission = sessions.fromTransaction(session -> throttle.admit(session, List.of(account, source)));
        if (!hasher.matches(password, user.passwordHash())) {
            throttle.counted(admission);
            throw new WrongPassword(user.id());
        }
        sessions.inTransaction(session -> throttle.passed(session, account, source, admission));
    }

    private User userOf(Session session, Caller caller) {
        User user = session.find(User.class, tokens.userOf(session, caller).value());
        if (user == null) {
            throw new NotAuthenticated();
        }
        return user;
    }
}
