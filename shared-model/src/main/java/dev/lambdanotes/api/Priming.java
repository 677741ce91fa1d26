package dev.lambdanotes.api;

import dev.lambdanotes.application.LogIn;
import dev.lambdanotes.application.RegisterUser;
import dev.lambdanotes.observability.Invocation;
import dev.lambdanotes.persistence.DryRunDataSource;
import dev.lambdanotes.persistence.SnapStartHooks;
import dagger.Lazy;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.inject.Inject;

/**
 * SnapStart priming: before the snapshot is taken, a function sends its own routes the requests of
 * their {@link Routes#rehearse rehearsal}, so that everything a request needs (event parsing,
 * authentication, each route's queries and writes, Argon2, JSON writing, problem details) is
 * loaded, linked and warmed in the snapshot rather than in the first requests after a restore.
 *
 * <p>The requests run inside one dry run ({@link DryRunDataSource}) that is always rolled back,
 * rather than stopping each request before its first write: the writes (inserts, updates,
 * deletes, token issuing, throttle counting, the clean-up of expired rows) are the code a restored
 * instance would otherwise meet cold, and only a real run reaches them. Rolled back, they leave the
 * database exactly as it was, other people's expired rows included, and no throttle counts
 * priming. While priming, telemetry records no event and no metric, and log lines say
 * {@code "priming": true} ({@link Invocation#whilePriming}).
 */
public final class Priming {
    private static final Logger LOG = Logger.getLogger(Priming.class.getName());

    private final DryRunDataSource database;
    private final Lazy<RegisterUser> registerUser;
    private final Lazy<LogIn> logIn;

    /**
     * Registering and logging in are built only when priming runs: a function whose routes hash
     * no password (the notes function) never pays for Argon2's 19 MiB of block memory otherwise.
     */
    @Inject
    public Priming(DryRunDataSource database, Lazy<RegisterUser> registerUser, Lazy<LogIn> logIn) {
        this.database = database;
        this.registerUser = registerUser;
        this.logIn = logIn;
    }

    /**
     * Primes the routes before each SnapStart snapshot, and never otherwise (outside SnapStart the
     * hook is never called). Register it once the function's object graph is built, after the
     * pool's hooks: CRaC runs the hooks in reverse order, so the pool then closes the connection
     * priming used before the snapshot is taken.
     */
    public SnapStartHooks beforeSnapshot(Routes routes) {
        return SnapStartHooks.priming(() -> prime(routes));
    }

    /**
     * Runs the routes' rehearsal in a dry run and returns the keys of the routes that answered as
     * expected. Never throws: a database that cannot be reached, or a request answered otherwise,
     * is logged and ends priming, and the first requests after a restore load what it left out.
     */
    public Set<String> prime(Routes routes) {
        Set<String> primed = new LinkedHashSet<>();
        Invocation.whilePriming(() -> {
            long started = System.nanoTime();
            try {
                database.dryRun(() -> {
                    Rehearsal rehearsal = new Rehearsal(routes, registerUser.get(), logIn.get());
                    try {
                        routes.rehearse(rehearsal);
                    } finally {
                        primed.addAll(rehearsal.answered());
                    }
                });
            } catch (SQLException | RuntimeException e) {
                LOG.log(Level.WARNING, "priming stopped before the snapshot; the first requests after a restore"
                        + " will load what it did not reach", e);
            }
            Set<String> missed = new LinkedHashSet<>(routes.routeKeys());
            missed.removeAll(primed);
            if (missed.isEmpty()) {
                LOG.info(() -> "primed " + primed.size() + " routes in " + (System.nanoTime() - started) / 1_000_000
                        + " ms, and rolled back all they wrote");
            } else {
                LOG.warning("routes not primed before the snapshot: " + missed);
            }
        });
        return primed;
    }
}
