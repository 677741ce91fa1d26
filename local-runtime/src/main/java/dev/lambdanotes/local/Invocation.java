package dev.lambdanotes.local;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/** One invocation handed to an instance: its request id, event and deadline, and how it ended. */
final class Invocation {
    private final String requestId = UUID.randomUUID().toString();
    private final byte[] event;
    private final long deadlineEpochMs;
    private final CompletableFuture<InvocationResult> result = new CompletableFuture<>();
    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile long startNanos;

    Invocation(byte[] event, long deadlineEpochMs) {
        this.event = event;
        this.deadlineEpochMs = deadlineEpochMs;
    }

    String requestId() {
        return requestId;
    }

    byte[] event() {
        return event;
    }

    long deadlineEpochMs() {
        return deadlineEpochMs;
    }

    CompletableFuture<InvocationResult> result() {
        return result;
    }

    long startNanos() {
        return startNanos;
    }

    void started() {
        startNanos = System.nanoTime();
    }

    /** True for the one path (response, error, crash or timeout) that ends the invocation. */
    boolean end() {
        return ended.compareAndSet(false, true);
    }
}
