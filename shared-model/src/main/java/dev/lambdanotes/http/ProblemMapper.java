package dev.lambdanotes.http;

import dev.lambdanotes.domain.FieldError;
import dev.lambdanotes.domain.InvalidCredentials;
import dev.lambdanotes.domain.InvalidInput;
import dev.lambdanotes.domain.NotAuthenticated;
import dev.lambdanotes.domain.NoteNotFound;
import dev.lambdanotes.domain.StaleVersion;
import dev.lambdanotes.domain.TooManyAttempts;
import dev.lambdanotes.domain.UsernameTaken;
import dev.lambdanotes.domain.WrongPassword;
import dev.lambdanotes.json.JsonTrees;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one place that turns exceptions into RFC 9457 problem details. Only here do domain
 * exceptions meet HTTP status codes, and no library message ever reaches the client.
 */
public final class ProblemMapper {
    public static final String MEDIA_TYPE = "application/problem+json";
    private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());

    private ProblemMapper() {
    }

    public static HttpResponse toResponse(Throwable error, HttpRequest request) {
        if (error instanceof InvalidInput invalid) {
            return validationProblem(invalid.errors(), "pointer", name -> "#/" + name);
        }
        if (error instanceof InvalidQueryParameters invalid) {
            return validationProblem(invalid.errors(), "parameter", name -> name);
        }
        if (error instanceof MalformedRequest malformed) {
            return respond(problem("/problems/malformed-request", "The request cannot be read.", 400,
                    malformed.getMessage()));
        }
        if (error instanceof UsernameTaken) {
            return respond(problem("/problems/username-taken", "That username is taken.", 409,
                    "Another account already uses this username (usernames are compared regardless of case)."));
        }
        if (error instanceof InvalidCredentials) {
            return unauthorized(problem("/problems/invalid-credentials", "Login failed.", 401,
                    "The username or password is wrong."), "Bearer realm=\"notes\"");
        }
        if (error instanceof WrongPassword) {
            return unauthorized(problem("/problems/wrong-password", "The password is wrong.", 401,
                    "The password given to confirm this change is not the account's password."), "Bearer realm=\"notes\"");
        }
        if (error instanceof NotAuthenticated) {
            return unauthorized(problem("about:blank", "Unauthorized", 401,
                            "A valid bearer token is required: log in and send 'Authorization: Bearer <token>'."),
                    sentBearerToken(request)
                            ? "Bearer realm=\"notes\", error=\"invalid_token\""
                            : "Bearer realm=\"notes\"");
        }
        if (error instanceof NoteNotFound) {
            return respond(problem("about:blank", "Not Found", 404, "There is no note with this id."));
        }
        if (error instanceof RouteNotFound) {
            return respond(problem("about:blank", "Not Found", 404, "There is no resource at this path."));
        }
        if (error instanceof MethodNotAllowed notAllowed) {
            return respond(problem("about:blank", "Method Not Allowed", 405,
                    "This resource does not support " + request.method() + "."))
                    .withHeader("Allow", String.join(", ", new TreeSet<>(notAllowed.allowed())));
        }
        if (error instanceof StaleVersion) {
            return respond(problem("/problems/precondition-failed", "The note has changed.", 412,
                    "The If-Match header does not name the note's current version; fetch it again and retry."));
        }
        if (error instanceof TooManyAttempts refused) {
            long seconds = Math.max(1, (refused.retryAfter().toMillis() + 999) / 1000);
            return respond(problem("/problems/too-many-attempts", "Too many attempts.", 429,
                    "Too many attempts were made; wait " + seconds + " second(s) before trying again."))
                    .withHeader("Retry-After", Long.toString(seconds));
        }
        if (error instanceof PayloadTooLarge) {
            return respond(problem("about:blank", "Content Too Large", 413,
                    "The request body must not exceed " + JsonBodies.MAX_BODY_BYTES + " bytes."));
        }
        if (error instanceof UnsupportedMediaType unsupported) {
            return respond(problem("about:blank", "Unsupported Media Type", 415, unsupported.getMessage()))
                    .withHeader("Accept", "application/json");
        }
        if (isTransientDatabaseFailure(error)) {
            LOG.log(Level.WARNING, "request " + request.requestId() + " failed on a database problem", error);
            return respond(problem("about:blank", "Service Unavailable", 503,
                    "The service is briefly unavailable; retry in a moment."))
                    .withHeader("Retry-After", "1");
        }
        LOG.log(Level.SEVERE, "request " + request.requestId() + " failed unexpectedly", error);
        return respond(problem("about:blank", "Internal Server Error", 500,
                "Something went wrong on our side; the request id identifies it in our logs."));
    }

    /** A 400 listing each error with where it is: a JSON pointer into the body, or a query parameter's name. */
    private static HttpResponse validationProblem(List<FieldError> fieldErrors, String locationMember,
                                                  UnaryOperator<String> location) {
        ObjectNode problem = problem("/problems/validation-error", "Your request is not valid.", 400,
                "The request breaks " + fieldErrors.size() + " rule(s); see errors.");
        ArrayNode errors = problem.putArray("errors");
        for (FieldError fieldError : fieldErrors) {
            ObjectNode item = errors.addObject();
            item.put("detail", fieldError.name() + " " + fieldError.detail());
            item.put(locationMember, location.apply(fieldError.name()));
        }
        return respond(problem);
    }

    /** RFC 6750: invalid_token only answers a request that did present a bearer token. */
    private static boolean sentBearerToken(HttpRequest request) {
        String authorization = request.header("Authorization");
        return authorization != null && authorization.trim().regionMatches(true, 0, "Bearer ", 0, 7);
    }

    /**
     * Lost or refused connections, a database shutting down, statement and lock timeouts: worth a
     * retry, and reported as 503 rather than 500.
     */
    static boolean isTransientDatabaseFailure(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || state.startsWith("57") || state.equals("55P03")
                        || state.equals("40001") || state.equals("40P01")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static ObjectNode problem(String type, String title, int status, String detail) {
        ObjectNode problem = JsonTrees.newObject();
        problem.put("type", type);
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        return problem;
    }

    private static HttpResponse respond(ObjectNode problem) {
        return new HttpResponse(problem.get("status").intValue(), HttpResponse.baseHeaders(MEDIA_TYPE),
                JsonTrees.write(problem));
    }

    private static HttpResponse unauthorized(ObjectNode problem, String challenge) {
        return respond(problem).withHeader("WWW-Authenticate", challenge);
    }
}
