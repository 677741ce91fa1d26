package dev.lambdanotes.application;

import dev.lambdanotes.domain.Credentials;
import dev.lambdanotes.domain.FieldError;
import dev.lambdanotes.domain.InvalidCredentials;
import dev.lambdanotes.domain.InvalidInput;
import dev.lambdanotes.domain.Text;
import dev.lambdanotes.domain.User;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.inject.Inject;
import org.hibernate.SessionFactory;
import org.hibernate.exception.ConstraintViolationException;

/**
 * Exchanges a username and password for a new bearer token. An unknown username and a wrong
 * password fail alike, and cost the same hashing work.
 */
public final class LogIn {
    static final String TOKEN_OWNER_CONSTRAINT = "access_tokens_user_id_fkey";

    private final SessionFactory sessions;
    private final PasswordHasher hasher;
    private final AccessTokens tokens;
    private final AttemptThrottle throttle;

    @Inject
    public LogIn(SessionFactory sessions, PasswordHasher hasher, AccessTokens tokens, AttemptThrottle throttle) {
        this.sessions = sessions;
        this.hasher = hasher;
        this.tokens = tokens;
        this.throttle = throttle;
    }

    /**
     * The attempt is checked for shape only (the username and password are present, the password
     * no longer than any account's can be); anything else that is wrong is simply a failed login.
     * Failures are counted per username (whether an account has it or not) and per source
     * address; while either counter holds attempts back, the attempt is refused with
     * {@link dev.lambdanotes.domain.TooManyAttempts} before any hashing. A success forgets the
     * username's failures, and gives back the attempt counted against the address.
     */
    public IssuedToken logIn(String username, String password, String sourceIp) {
        List<FieldError> errors = new ArrayList<>();
        if (username == null || username.isEmpty()) {
            errors.add(FieldError.of("username", "is required"));
        }
        if (password == null || password.isEmpty()) {
            errors.add(FieldError.of("password", "is required"));
        } else if (Text.length(password) > Credentials.MAX_PASSWORD_LENGTH) {
            errors.add(FieldError.of("password",
                    "must be at most " + Credentials.MAX_PASSWORD_LENGTH + " characters"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        AttemptThrottle.Key account = AttemptThrottle.Key.loginAccount(username);
        AttemptThrottle.Key source = AttemptThrottle.Key.loginSource(sourceIp);
        Lookup lookup = sessions.fromTransaction(session -> new Lookup(
                // Counted as a failure until the password proves otherwise, so that parallel
                // guesses each see the others (AttemptThrottle.admit).
                throttle.admit(session, List.of(account, source)),
                // A name no account can have is not looked up (a NUL in it would even make the query fail).
                Credentials.isPossibleUsername(username) ? Users.findByUsername(session, username) : Optional.empty()));
        Optional<User> user = lookup.user();
        boolean matches;
        if (user.isEmpty()) {
            hasher.spendEquivalentWork(password);
            matches = false;
        } else {
            matches = hasher.matches(password, user.get().passwordHash());
        }
        if (!matches) {
            throttle.counted(lookup.admission());
            throw new InvalidCredentials(user.isPresent());
        }
        try {
            return sessions.fromTransaction(session -> {
                throttle.passed(session, account, source, lookup.admission());
                return tokens.issue(session, user.get().id());
            });
        } catch (ConstraintViolationException e) {
            // The account was deleted while its password was being checked.
            if (TOKEN_OWNER_CONSTRAINT.equals(e.getConstraintName())) {
                throw new InvalidCredentials(false);
            }
            throw e;
        }
    }

    private record Lookup(AttemptThrottle.Admission admission, Optional<User> user) {
    }

    public void logOut(String token) {
        tokens.revoke(token);
    }
}
