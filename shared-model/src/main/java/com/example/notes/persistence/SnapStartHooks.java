package com.example.notes.persistence;

import com.example.notes.observability.Invocation;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * Lambda SnapStart's checkpoint and restore hooks (CRaC). No database connection may be in the
 * snapshot: one restored from it would be a socket the server closed long ago, shared by every
 * instance restored from the same snapshot. Outside SnapStart the hooks are simply never called.
 */
public final class SnapStartHooks implements Resource {
    /** CRaC holds resources weakly; these strong references keep the hooks alive. */
    private static final List<SnapStartHooks> REGISTERED = new CopyOnWriteArrayList<>();

    private final HikariDataSource dataSource;

    SnapStartHooks(HikariDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public static SnapStartHooks register(HikariDataSource dataSource) {
        SnapStartHooks hooks = new SnapStartHooks(dataSource);
        REGISTERED.add(hooks);
        Core.getGlobalContext().register(hooks);
        return hooks;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        closeConnections();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Belt and braces: whatever a connection looks like after restore, it is not reused.
        closeConnections();
        Invocation.restored();
    }

    private void closeConnections() {
        HikariPoolMXBean pool = dataSource.getHikariPoolMXBean();
        if (pool != null) {
            pool.softEvictConnections();
        }
    }
}
