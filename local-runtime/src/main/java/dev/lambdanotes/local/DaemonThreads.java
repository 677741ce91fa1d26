package dev.lambdanotes.local;

import java.util.concurrent.ThreadFactory;

/** Threads that do not keep the launcher's JVM running once its main work is done. */
final class DaemonThreads {
    private DaemonThreads() {
    }

    static ThreadFactory named(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
