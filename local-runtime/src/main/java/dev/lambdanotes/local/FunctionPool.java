package dev.lambdanotes.local;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The execution environments of one function. An invocation takes an idle instance (warm) or,
 * when every instance is busy, starts another (cold), up to a limit; beyond it, it waits for one
 * to come free. Idle instances are stopped after an idle period; crashed ones are dropped, so the
 * next invocation gets a fresh instance.
 *
 * <p>Unlike Lambda, which starts its environments on separate hosts, every instance here shares
 * this machine's cores: eight JVMs starting at once on two cores each take four times as long,
 * and all of them miss the init limit. So a pool starts one instance at a time per two cores, and
 * an invocation that finds every instance busy and a start in progress waits for whichever comes
 * free first, the new one or a busy one.
 */
final class FunctionPool {
    private final Template.Function function;
    private final PrintStream log;
    private final int maxInstances;
    private final Duration idleTimeout;
    private final List<FunctionInstance> idle = new ArrayList<>();
    private final List<FunctionInstance> all = new ArrayList<>();
    private final int startLimit = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    private int starting;
    private volatile InstanceSettings settings;
    private boolean stopped;

    FunctionPool(InstanceSettings instances, int maxInstances, Duration idleTimeout) {
        this.settings = instances;
        this.function = instances.function();
        this.log = instances.log();
        this.maxInstances = maxInstances;
        this.idleTimeout = idleTimeout;
    }

    Template.Function function() {
        return function;
    }

    InstanceSettings settings() {
        return settings;
    }

    /** Instances started from now on use the AOT cache this way. */
    void useAot(AotCache.Use aot) {
        settings = settings.withAot(aot);
    }

    InvocationResult invoke(byte[] event) {
        FunctionInstance instance = acquire();
        InvocationResult result;
        try {
            result = instance.invoke(event);
        } catch (RuntimeException e) {
            instance.stop();
            result = InvocationResult.crashed(e.toString());
        }
        release(instance);
        return result;
    }

    /** Instances running now: busy and idle. */
    synchronized int instanceCount() {
        all.removeIf(instance -> !instance.alive());
        return all.size();
    }

    synchronized List<Long> pids() {
        return all.stream().map(FunctionInstance::pid).toList();
    }

    private synchronized FunctionInstance acquire() {
        while (true) {
            if (stopped) {
                throw new IllegalStateException("the local runtime is stopping");
            }
            idle.removeIf(instance -> !instance.alive());
            all.removeIf(instance -> !instance.alive());
            if (!idle.isEmpty()) {
                return idle.remove(idle.size() - 1);
            }
            if (all.size() < maxInstances && starting < startLimit) {
                try {
                    FunctionInstance instance = FunctionInstance.start(settings);
                    all.add(instance);
                    starting++;
                    instance.initialized().whenComplete((done, failure) -> startEnded());
                    return instance;
                } catch (IOException e) {
                    throw new UncheckedIOException("could not start " + function.id(), e);
                }
            }
            try {
                wait(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for an instance of " + function.id());
            }
        }
    }

    private synchronized void startEnded() {
        starting--;
        notifyAll();
    }

    private synchronized void release(FunctionInstance instance) {
        if (instance.alive() && !stopped) {
            idle.add(instance);
        } else {
            all.remove(instance);
        }
        notifyAll();
    }

    /** Stops the instances that have been idle for longer than the idle period. */
    void reapIdle() {
        List<FunctionInstance> expired = new ArrayList<>();
        synchronized (this) {
            for (FunctionInstance instance : List.copyOf(idle)) {
                if (instance.idleNanos() > idleTimeout.toNanos()) {
                    log.printf("[%s] instance idle for %d s: stopped%n", function.id(), idleTimeout.toSeconds());
                    idle.remove(instance);
                    all.remove(instance);
                    expired.add(instance);
                }
            }
        }
        expired.forEach(FunctionInstance::stop);
    }

    void stop() {
        List<FunctionInstance> running;
        synchronized (this) {
            stopped = true;
            running = List.copyOf(all);
            all.clear();
            idle.clear();
            notifyAll();
        }
        running.forEach(FunctionInstance::stop);
    }
}
