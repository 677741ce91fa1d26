package dev.lambdanotes.observability;

import java.io.OutputStream;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import java.util.logging.StreamHandler;

/** Sends all java.util.logging output (ours, Hibernate's, HikariCP's, Flyway's) to stdout as JSON lines. */
public final class LogSetup {
    /** java.util.logging holds loggers weakly: without these references their levels would be lost. */
    private static final java.util.List<Logger> CONFIGURED = new java.util.concurrent.CopyOnWriteArrayList<>();

    private LogSetup() {
    }

    public static void installJsonLogging(String function, OutputStream out) {
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        StreamHandler handler = new StreamHandler(out, new JsonLogFormatter(function)) {
            @Override
            public synchronized void publish(java.util.logging.LogRecord record) {
                super.publish(record);
                flush();
            }
        };
        handler.setLevel(Level.ALL);
        for (Handler existing : root.getHandlers()) {
            root.removeHandler(existing);
        }
        root.addHandler(handler);
        root.setLevel(Level.INFO);
        CONFIGURED.add(root);
        // Libraries are quiet unless something is wrong.
        for (String noisy : new String[] {"org.hibernate", "com.zaxxer.hikari", "org.flywaydb"}) {
            configure(noisy, Level.WARNING);
        }
        // A duplicate username is an expected outcome (409), not a warning.
        configure("org.hibernate.orm.jdbc.error", Level.SEVERE);
    }

    private static void configure(String name, Level level) {
        Logger logger = Logger.getLogger(name);
        logger.setLevel(level);
        CONFIGURED.add(logger);
    }
}
