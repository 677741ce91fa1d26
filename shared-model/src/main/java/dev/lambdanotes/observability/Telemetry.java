package dev.lambdanotes.observability;

import dev.lambdanotes.json.JsonTrees;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import dev.lambdanotes.domain.UserId;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Security events (as structured log lines) and business metrics (as CloudWatch Embedded Metric
 * Format lines). Neither ever receives a password, a token or a note's content: the methods take
 * only what may be logged. Requests sent while priming before a SnapStart snapshot are nobody's:
 * they record neither ({@link Invocation#whilePriming}).
 */
public final class Telemetry {
    private static final Logger SECURITY = Logger.getLogger("security");
    private static final int MAX_LOGGED_USERNAME = 80;

    private final PrintStream out;
    private final Clock clock;
    private final String namespace;
    private final String function;

    public Telemetry(PrintStream out, Clock clock, String namespace, String function) {
        this.out = out;
        this.clock = clock;
        this.namespace = namespace;
        this.function = function;
    }

    public void userRegistered(UserId userId, String username) {
        security(Level.INFO, "user_registered", "userId", userId, "username", username);
        count("Registrations");
    }

    public void loginSucceeded(String username) {
        security(Level.INFO, "login_succeeded", "username", username);
        count("Logins");
    }

    /** @param username the account's name, or null when no account has the name that was typed */
    public void loginFailed(String username) {
        if (username == null) {
            security(Level.WARNING, "login_failed", "reason", "unknown_user");
        } else {
            security(Level.WARNING, "login_failed", "reason", "wrong_password", "username", username);
        }
        count("LoginFailures");
    }

    /** An attempt was refused by a throttle: who was held back, and for how long. */
    public void attemptRefused(String counter, String sourceIp, Duration retryAfter) {
        security(Level.WARNING, "attempt_throttled", "counter", counter, "sourceIp", sourceIp,
                "retryAfterMs", retryAfter.toMillis());
        count("ThrottledAttempts");
    }

    /** A counted attempt made a throttle start holding further attempts back. */
    public void throttleEngaged(String counter, String sourceIp) {
        security(Level.WARNING, "throttle_engaged", "counter", counter, "sourceIp", sourceIp);
        count("ThrottlesEngaged");
    }

    public void loggedOut(boolean everywhere) {
        security(Level.INFO, "logged_out", "everywhere", everywhere);
    }

    public void passwordChanged(UserId userId) {
        security(Level.INFO, "password_changed", "userId", userId);
    }

    public void passwordConfirmationFailed(UserId userId) {
        security(Level.WARNING, "password_confirmation_failed", "userId", userId);
        count("LoginFailures");
    }

    public void accountDeleted(UserId userId) {
        security(Level.INFO, "account_deleted", "userId", userId);
        count("AccountsDeleted");
    }

    public void authorizationFailed(String route, boolean tokenPresented) {
        security(Level.WARNING, "authorization_failed", "route", route, "tokenPresented", tokenPresented);
        count("AuthorizationFailures");
    }

    public void noteCreated() {
        count("NotesCreated");
    }

    public void serverError(int status) {
        count(status == 503 ? "Unavailable" : "Errors");
    }

    private static void security(Level level, String event, Object... fields) {
        if (Invocation.priming()) {
            return;
        }
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("event", event);
        values.put("category", "security");
        for (int i = 0; i + 1 < fields.length; i += 2) {
            Object value = fields[i + 1];
            if (value instanceof String text && text.length() > MAX_LOGGED_USERNAME) {
                value = text.substring(0, MAX_LOGGED_USERNAME) + "…";
            }
            values.put((String) fields[i], value);
        }
        SECURITY.log(level, event, values);
    }

    /** One EMF document with a single Count metric, dimensioned by function. */
    void count(String metric) {
        if (Invocation.priming()) {
            return;
        }
        ObjectNode document = JsonTrees.newObject();
        ObjectNode aws = document.putObject("_aws");
        aws.put("Timestamp", clock.millis());
        ObjectNode directive = aws.putArray("CloudWatchMetrics").addObject();
        directive.put("Namespace", namespace);
        directive.putArray("Dimensions").addArray().add("function");
        ObjectNode definition = directive.putArray("Metrics").addObject();
        definition.put("Name", metric);
        definition.put("Unit", "Count");
        document.put("function", function);
        document.put(metric, 1);
        document.put("requestId", Invocation.requestId());
        document.put("coldStart", Invocation.coldStart());
        out.println(JsonTrees.write(document));
    }
}
