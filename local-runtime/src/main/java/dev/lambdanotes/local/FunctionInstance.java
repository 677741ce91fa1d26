package dev.lambdanotes.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One Lambda execution environment: a JVM running the function's artifact through the AWS Lambda
 * Runtime Interface Client, and the Lambda Runtime API it polls, served on loopback for it alone.
 * It serves one invocation at a time, like Lambda.
 */
final class FunctionInstance {
    private static final String API = "/2018-06-01/runtime";
    /** Lambda's limit on the init phase. */
    static final Duration INIT_LIMIT = Duration.ofSeconds(10);

    private final Template.Function function;
    private final FunctionLog log;
    private final HttpServer runtimeApi;
    private final ExecutorService apiThreads = Executors.newCachedThreadPool(DaemonThreads.named("runtime-api"));
    private final SynchronousQueue<Pending> next = new SynchronousQueue<>();
    private final CompletableFuture<Duration> initialized = new CompletableFuture<>();
    private final long startNanos = System.nanoTime();
    private final Process process;
    private volatile Pending current;
    private volatile boolean coldStartReported;
    private volatile long lastUsedNanos = System.nanoTime();

    /** An invocation handed to the instance, and how it ended. */
    private static final class Pending {
        final String requestId = UUID.randomUUID().toString();
        final byte[] event;
        final long deadlineEpochMs;
        final CompletableFuture<InvocationResult> result = new CompletableFuture<>();
        final AtomicBoolean ended = new AtomicBoolean();
        volatile long startNanos;

        /** True for the one path (response, error, crash or timeout) that ends the invocation. */
        boolean end() {
            return ended.compareAndSet(false, true);
        }

        Pending(byte[] event, long deadlineEpochMs) {
            this.event = event;
            this.deadlineEpochMs = deadlineEpochMs;
        }
    }

    private FunctionInstance(Template.Function function, PrintStream log, HttpServer runtimeApi, Process process) {
        this.function = function;
        this.log = new FunctionLog(function.id(), log);
        this.runtimeApi = runtimeApi;
        this.process = process;
    }

    static FunctionInstance start(InstanceSettings settings) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        Process process = FunctionLauncher.launch(settings, server.getAddress().getPort());
        FunctionInstance instance = new FunctionInstance(settings.function(), settings.log(), server, process);
        server.setExecutor(instance.apiThreads);
        server.createContext(API, instance::serve);
        server.start();
        instance.log.pipe(process.getInputStream());
        process.onExit().thenRun(instance::exited);
        return instance;
    }

    long pid() {
        return process.pid();
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
                initialized.get(INIT_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // Lambda then retries the init at the first invocation, within the function's timeout,
                // which the invocation shares. Here the init in progress goes on instead of restarting.
                log.note("init did not finish within %d s; it goes on within the function's timeout",
                        INIT_LIMIT.toSeconds());
                long retryStart = System.nanoTime();
                initialized.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
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
        Pending pending = new Pending(event, System.currentTimeMillis() + remaining.toMillis());
        try {
            if (!next.offer(pending, INIT_LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
                stop();
                return InvocationResult.crashed("the runtime client did not ask for the next invocation");
            }
            return pending.result.get(remaining.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            if (pending.end()) {
                log.note("%s Task timed out after %.2f seconds", pending.requestId, (double) timeout.toMillis() / 1000);
                report(pending, System.nanoTime());
                pending.result.complete(InvocationResult.timedOut());
                stop();
            }
            return pending.result.join();
        } catch (ExecutionException e) {
            return InvocationResult.crashed(e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return InvocationResult.crashed("interrupted");
        } finally {
            current = null;
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
        runtimeApi.stop(0);
        apiThreads.shutdownNow();
    }

    private void exited() {
        int code = process.exitValue();
        initialized.completeExceptionally(new IllegalStateException("the function's process exited with code " + code));
        Pending pending = current;
        if (pending != null && pending.end()) {
            // Logged before the request is answered, so whoever reads the answer finds the log line too.
            log.note("%s Error: Runtime exited with error: exit status %d", pending.requestId, code);
            report(pending, System.nanoTime());
            pending.result.complete(InvocationResult.crashed("Runtime exited with error: exit status " + code));
        }
        runtimeApi.stop(0);
        apiThreads.shutdownNow();
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (method.equals("GET") && path.equals(API + "/invocation/next")) {
                serveNext(exchange);
            } else if (method.equals("POST") && path.startsWith(API + "/invocation/") && path.endsWith("/response")) {
                finish(exchange, InvocationResult.succeeded(exchange.getRequestBody().readAllBytes()));
            } else if (method.equals("POST") && path.startsWith(API + "/invocation/") && path.endsWith("/error")) {
                byte[] error = exchange.getRequestBody().readAllBytes();
                log.line(new String(error, StandardCharsets.UTF_8));
                finish(exchange, InvocationResult.failed(error));
            } else if (method.equals("POST") && path.equals(API + "/init/error")) {
                String error = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                log.initError(Duration.ofNanos(System.nanoTime() - startNanos), error);
                initialized.completeExceptionally(new IllegalStateException("init failed: " + error));
                accepted(exchange);
            } else {
                send(exchange, 404, "{\"errorMessage\":\"unknown runtime API path\",\"errorType\":\"InvalidRequest\"}");
            }
        }
    }

    private void serveNext(HttpExchange exchange) throws IOException {
        if (!initialized.isDone()) {
            initialized.complete(Duration.ofNanos(System.nanoTime() - startNanos));
        }
        Pending pending;
        try {
            pending = next.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        current = pending;
        pending.startNanos = System.nanoTime();
        log.start(pending.requestId);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("Lambda-Runtime-Aws-Request-Id", pending.requestId);
        exchange.getResponseHeaders().set("Lambda-Runtime-Deadline-Ms", Long.toString(pending.deadlineEpochMs));
        exchange.getResponseHeaders().set("Lambda-Runtime-Invoked-Function-Arn",
                "arn:aws:lambda:us-east-1:000000000000:function:" + function.id());
        exchange.getResponseHeaders().set("Lambda-Runtime-Trace-Id", TraceIds.next());
        exchange.sendResponseHeaders(200, pending.event.length);
        try (OutputStream body = exchange.getResponseBody()) {
            body.write(pending.event);
        }
    }

    private void finish(HttpExchange exchange, InvocationResult result) throws IOException {
        Pending pending = current;
        long end = System.nanoTime();
        accepted(exchange);
        if (pending != null && pending.end()) {
            report(pending, end);
            pending.result.complete(result);
        }
    }

    private void report(Pending pending, long endNanos) {
        String maxMemoryUsed = ProcessMemory.maxUsedMb(process.pid());
        Duration init = null;
        if (!coldStartReported) {
            coldStartReported = true;
            init = initialized.getNow(null);
        }
        log.report(pending.requestId, endNanos - pending.startNanos, function.memoryMb(), maxMemoryUsed, init);
    }

    private static void accepted(HttpExchange exchange) throws IOException {
        send(exchange, 202, "{\"status\":\"OK\"}");
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }
}
