package dev.lambdanotes.persistence;

import dev.lambdanotes.domain.User;
import java.util.UUID;
import org.hibernate.Session;
import org.hibernate.annotations.processing.HQL;
import org.hibernate.query.SelectionQuery;

/** The queries on users, checked when the code compiles. Usernames match regardless of case, as the unique index defines them. */
public interface UserRepository {
    Session session();

    @HQL("from User u where lower(u.username) = lower(:username)")
    SelectionQuery<User> withUsername(String username);

    /** Deletes the user; notes and tokens go with it (ON DELETE CASCADE), in this one statement. */
    @HQL("delete from User u where u.id = :id")
    int delete(UUID id);
}
