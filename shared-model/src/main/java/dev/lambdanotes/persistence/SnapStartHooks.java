package dev.lambdanotes.persistence;

import dev.lambdanotes.observability.Invocation;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * Lambda SnapStart's checkpoint and restore hooks (CRaC). Every instance restored from one
 * snapshot starts from the same memory, so nothing that must be unique or live may come from it:
 * no database connection (it would be a socket the server closed long ago), and no random state
 * shared by all instances. Outside SnapStart the hooks are simply never called.
 */
public final class SnapStartHooks implements Resource {
    private static final Logger LOG = Logger.getLogger(SnapStartHooks.class.getName());
    /** CRaC holds resources weakly; these strong references keep the hooks alive. */
    private static final List<SnapStartHooks> REGISTERED = new CopyOnWriteArrayList<>();

    private final Runnable beforeCheckpoint;
    private final Runnable afterRestore;

    private SnapStartHooks(Runnable beforeCheckpoint, Runnable afterRestore) {
        this.beforeCheckpoint = beforeCheckpoint;
        this.afterRestore = afterRestore;
    }

    private static SnapStartHooks register(Runnable beforeCheckpoint, Runnable afterRestore) {
        SnapStartHooks hooks = new SnapStartHooks(beforeCheckpoint, afterRestore);
        REGISTERED.add(hooks);
        Core.getGlobalContext().register(hooks);
        return hooks;
    }

    /** Closes the pool's connections before the snapshot and again after a restore. */
    public static SnapStartHooks closingConnectionsOf(HikariDataSource dataSource) {
        Runnable evict = () -> {
            HikariPoolMXBean pool = dataSource.getHikariPoolMXBean();
            if (pool != null) {
                pool.softEvictConnections();
            }
        };
        return register(evict, () -> {
            evict.run();
            Invocation.restored();
        });
    }

    /**
     * Runs the priming before the snapshot is taken, so that what requests need is loaded and
     * initialized in the snapshot instead of during the first requests after a restore. Register
     * it after the pool's hooks: CRaC calls beforeCheckpoint in reverse order, so the connection it
     * used is closed afterwards. Whatever goes wrong is logged: priming never fails the checkpoint.
     */
    public static SnapStartHooks priming(Runnable priming) {
        return register(() -> {
            try {
                priming.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "priming before the snapshot failed; the first request will load what it needs", e);
            }
        }, () -> { });
    }

    /** Mixes fresh entropy into the generator after a restore, so restored instances never share token sequences. */
    public static SnapStartHooks reseeding(SecureRandom random) {
        return register(() -> { }, () -> random.setSeed(new SecureRandom().generateSeed(32)));
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        beforeCheckpoint.run();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        afterRestore.run();
    }
}
