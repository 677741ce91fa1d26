package dev.lambdanotes.application;

import java.util.UUID;
import org.hibernate.Session;

/**
 * Who a request claims to be: a well-formed bearer token, not yet checked against the database.
 * A use case resolves it inside its own session, so authenticating costs no extra connection.
 */
@FunctionalInterface
public interface Caller {
    /** The id of the user the token belongs to; throws NotAuthenticated unless it is known and unexpired. */
    UUID userIn(Session session);
}
