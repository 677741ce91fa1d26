package dev.lambdanotes.local;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The invocations of one instance, in Lambda's order: the init phase they wait for, the one the
 * runtime client works on now, and its end, reported once by whichever comes first of the
 * response, an error, the process's exit and the timeout.
 */
final class Invocations {
    private final FunctionLog log;
    private final int memoryMb;
    private final long pid;
    private final SynchronousQueue<Invocation> next = new SynchronousQueue<>();
    private final CompletableFuture<Duration> initialized = new CompletableFuture<>();
    private volatile Report lastReport;
    private final long startNanos = System.nanoTime();
    private volatile Invocation current;
    private volatile boolean coldStartReported;

    Invocations(FunctionLog log, int memoryMb, long pid) {
        this.log = log;
        this.memoryMb = memoryMb;
        this.pid = pid;
    }

    /** Completes when the init phase ends, well or not. */
    CompletableFuture<Duration> initialized() {
        return initialized;
    }

    /** Waits for the end of the init phase; a failed init is an ExecutionException. */
    void awaitInit(Duration limit) throws TimeoutException, ExecutionException, InterruptedException {
        initialized.get(limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Hands the invocation to the runtime client, if it asks for one within the wait. */
    boolean hand(Invocation invocation, Duration wait) throws InterruptedException {
        return next.offer(invocation, wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The runtime client asks for the next invocation, which ends the init phase; null when interrupted. */
    Invocation take() {
        if (!initialized.isDone()) {
            initialized.complete(Duration.ofNanos(System.nanoTime() - startNanos));
        }
        Invocation invocation;
        try {
            invocation = next.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
        current = invocation;
        invocation.started();
        log.start(invocation.requestId());
        return invocation;
    }

    Invocation current() {
        return current;
    }

    /** The invocation is over for the instance, however it ended. */
    void clearCurrent() {
        current = null;
    }

    /** The runtime client's response or error for the invocation, received at endNanos. */
    void finish(Invocation invocation, InvocationResult result, long endNanos) {
        if (invocation != null && invocation.end()) {
            report(invocation, endNanos);
            invocation.result().complete(result);
        }
    }

    /** Ends the invocation as timed out, unless it has ended already; true when it ended here. */
    boolean timeOut(Invocation invocation, Duration timeout) {
        if (!invocation.end()) {
            return false;
        }
        log.note("%s Task timed out after %.2f seconds", invocation.requestId(), (double) timeout.toMillis() / 1000);
        report(invocation, System.nanoTime());
        invocation.result().complete(InvocationResult.timedOut());
        return true;
    }

    void initFailed(String error) {
        log.initError(Duration.ofNanos(System.nanoTime() - startNanos), error);
        initialized.completeExceptionally(new IllegalStateException("init failed: " + error));
    }

    /** The process exited: the init phase can no longer end, and the current invocation crashed. */
    void processExited(int code) {
        initialized.completeExceptionally(new IllegalStateException("the function's process exited with code " + code));
        Invocation invocation = current;
        if (invocation != null && invocation.end()) {
            // Logged before the request is answered, so whoever reads the answer finds the log line too.
            log.note("%s Error: Runtime exited with error: exit status %d", invocation.requestId(), code);
            report(invocation, System.nanoTime());
            invocation.result().complete(InvocationResult.crashed("Runtime exited with error: exit status " + code));
        }
    }

    /** What the REPORT line of an invocation says: its duration, the peak memory, and on a cold start the init's. */
    record Report(Duration duration, String maxMemoryUsedMb, Duration init) {
    }

    /** The REPORT of the last invocation that ended; null before the first. */
    Report lastReport() {
        return lastReport;
    }

    private void report(Invocation invocation, long endNanos) {
        String maxMemoryUsed = ProcessMemory.maxUsedMb(pid);
        Duration init = null;
        if (!coldStartReported) {
            coldStartReported = true;
            init = initialized.getNow(null);
        }
        lastReport = new Report(Duration.ofNanos(endNanos - invocation.startNanos()), maxMemoryUsed, init);
        log.report(invocation.requestId(), endNanos - invocation.startNanos(), memoryMb, maxMemoryUsed, init);
    }
}
