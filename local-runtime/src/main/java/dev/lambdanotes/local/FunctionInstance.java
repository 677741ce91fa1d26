package dev.lambdanotes.local;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One Lambda execution environment: a JVM running the function's artifact through the AWS Lambda
 * Runtime Interface Client, and the Lambda Runtime API it polls, served on loopback for it alone.
 * It serves one invocation at a time, like Lambda.
 */
final class FunctionInstance {
    /** Lambda's limit on the init phase. */
    static final Duration INIT_LIMIT = Duration.ofSeconds(10);

    private final Template.Function function;
    private final FunctionLog log;
    private final RuntimeApiServer runtimeApi;
    private final Invocations invocations;
    private final Process process;
    private volatile long lastUsedNanos = System.nanoTime();

    private FunctionInstance(Template.Function function, FunctionLog log, RuntimeApiServer runtimeApi,
                             Invocations invocations, Process process) {
        this.function = function;
        this.log = log;
        this.runtimeApi = runtimeApi;
        this.invocations = invocations;
        this.process = process;
    }

    static FunctionInstance start(InstanceSettings settings) throws IOException {
        Template.Function function = settings.function();
        RuntimeApiServer runtimeApi = RuntimeApiServer.bind();
        Process process = FunctionLauncher.launch(settings, runtimeApi.port());
        FunctionLog log = new FunctionLog(function.id(), settings.log());
        Invocations invocations = new Invocations(log, function.memoryMb(), process.pid());
        FunctionInstance instance = new FunctionInstance(function, log, runtimeApi, invocations, process);
        runtimeApi.serve(function.id(), invocations, log);
        log.pipe(process.getInputStream());
        process.onExit().thenRun(instance::exited);
        return instance;
    }

    /** Completes when the instance's init phase has ended, well or not. */
    java.util.concurrent.CompletableFuture<?> initialized() {
        return invocations.initialized().handle((duration, failure) -> null);
    }

    /** The REPORT of this instance's last invocation. */
    Invocations.Report lastReport() {
        return invocations.lastReport();
    }

    long pid() {
        return process.pid();
    }

    /**
     * The CPU time (user and system, all threads) the instance's JVM has used so far, where the
     * operating system tells it (Linux does, in clock ticks of 10 ms).
     */
    Optional<Duration> cpuTime() {
        return process.info().totalCpuDuration();
    }

    boolean alive() {
        return process.isAlive();
    }

    long idleNanos() {
        return System.nanoTime() - lastUsedNanos;
    }

    /**
     * Runs one invocation: waits for init on a cold start, hands the event to the runtime client,
     * and waits for its answer until the function's timeout. A timed-out instance is stopped.
     */
    InvocationResult invoke(byte[] event) {
        Duration timeout = Duration.ofSeconds(function.timeoutSeconds());
        Duration remaining = timeout;
        try {
            try {
                invocations.awaitInit(INIT_LIMIT);
            } catch (TimeoutException e) {
                // Lambda then retries the init at the first invocation, within the function's timeout,
                // which the invocation shares. Here the init in progress goes on instead of restarting.
                log.note("init did not finish within %d s; it goes on within the function's timeout",
                        INIT_LIMIT.toSeconds());
                long retryStart = System.nanoTime();
                invocations.awaitInit(timeout);
                remaining = timeout.minusNanos(System.nanoTime() - retryStart);
            }
        } catch (TimeoutException e) {
            log.note("init did not finish within the function's timeout; stopping the instance");
            stop();
            return InvocationResult.crashed("Init timed out");
        } catch (ExecutionException e) {
            return InvocationResult.crashed(e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return InvocationResult.crashed("interrupted");
        }
        Invocation invocation = new Invocation(event, System.currentTimeMillis() + remaining.toMillis());
        try {
            if (!invocations.hand(invocation, INIT_LIMIT)) {
                stop();
                return InvocationResult.crashed("the runtime client did not ask for the next invocation");
            }
            return invocation.result().get(remaining.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            if (invocations.timeOut(invocation, timeout)) {
                stop();
            }
            return invocation.result().join();
        } catch (ExecutionException e) {
            return InvocationResult.crashed(e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return InvocationResult.crashed("interrupted");
        } finally {
            invocations.clearCurrent();
            lastUsedNanos = System.nanoTime();
        }
    }

    void stop() {
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        runtimeApi.stop();
    }

    /**
     * Asks the JVM to exit as Lambda's shutdown does (SIGTERM), so that it runs its exit work (such
     * as writing an AOT cache it records), and stops it by force after the limit.
     */
    void exit(Duration limit) {
        process.destroy();
        try {
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        runtimeApi.stop();
    }

    private void exited() {
        invocations.processExited(process.exitValue());
        runtimeApi.stop();
    }
}
