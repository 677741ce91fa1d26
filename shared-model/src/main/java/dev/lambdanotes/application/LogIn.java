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

/**
 * Exchanges a username and password for a new bearer token. An unknown username and a wrong
 * password fail alike, and cost the same hashing work.
 */
public final class LogIn {
    private final SessionFactory sessions;
    private final PasswordHasher hasher;
    private final AccessTokens tokens;

    @Inject
    public LogIn(SessionFactory sessions, PasswordHasher hasher, AccessTokens tokens) {
        this.sessions = sessions;
        this.hasher = hasher;
        this.tokens = tokens;
    }

    /**
     * The attempt is checked for shape only (the username and password are present, the password
     * no longer than any account's can be); anything else that is wrong is simply a failed login.
     */
    public IssuedToken logIn(String username, String password) {
        List<FieldError> errors = new ArrayList<>();
        if (username == null || username.isEmpty()) {
            errors.add(FieldError.body("username", "is required"));
        }
        if (password == null || password.isEmpty()) {
            errors.add(FieldError.body("password", "is required"));
        } else if (Text.length(password) > Credentials.MAX_PASSWORD_LENGTH) {
            errors.add(FieldError.body("password",
                    "must be at most " + Credentials.MAX_PASSWORD_LENGTH + " characters"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        // A name no account can have is not looked up (a NUL in it would even make the query fail).
        Optional<User> user = Credentials.isPossibleUsername(username)
                ? Users.findByUsername(sessions, username) : Optional.empty();
        if (user.isEmpty()) {
            hasher.spendEquivalentWork(password);
            throw new InvalidCredentials(false);
        }
        if (!hasher.matches(password, user.get().passwordHash())) {
            throw new InvalidCredentials(true);
        }
        return sessions.fromTransaction(session -> tokens.issue(session, user.get().id()));
    }

    public void logOut(String token) {
        tokens.revoke(token);
    }
}
