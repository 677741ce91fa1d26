package dev.lambdanotes.application;

import dev.lambdanotes.domain.User;
import dev.lambdanotes.persistence.UserRepository_;
import java.util.Optional;
import org.hibernate.Session;

/** Looks users up the way the unique index defines them: by username, regardless of case. */
final class Users {
    private Users() {
    }

    static Optional<User> findByUsername(Session session, String username) {
        return new UserRepository_(session).withUsername(username).uniqueResultOptional();
    }
}
