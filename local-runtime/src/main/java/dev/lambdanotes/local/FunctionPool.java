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
 */
final class FunctionPool {
    private final InstanceSettings instances;
    private final Template.Function function;
    private final PrintStream log;
    private final int maxInstances;
    private final Duration idleTimeout;
    private final List<FunctionInstance> idle = new ArrayList<>();
    private final List<FunctionInstance> all = new ArrayList<>();
    private boolean stopped;

    FunctionPool(InstanceSettings instances, int maxInstances, Duration idleTimeout) {
        this.instances = instances;
        this.function = instances.function();
        this.log = instances.log();
        this.maxInstances = maxInstances;
        this.idleTimeout = idleTimeout;
    }

    Template.Function function() {
        return function;
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
            if (all.size() < maxInstances) {
                try {
                    FunctionInstance instance = FunctionInstance.start(instances);
                    all.add(instance);
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
