package dev.lambdanotes.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The Lambda Runtime API (2018-06-01) of one instance, on loopback: its runtime client asks here
 * for the next invocation, with Lambda's headers, and posts the response, an error or an init error.
 */
final class RuntimeApiServer {
    private static final String API = "/2018-06-01/runtime";

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(DaemonThreads.named("runtime-api"));

    private RuntimeApiServer(HttpServer server) {
        this.server = server;
    }

    /** Takes a free port first: the process is told it when it starts, before the API serves. */
    static RuntimeApiServer bind() throws IOException {
        return new RuntimeApiServer(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
    }

    int port() {
        return server.getAddress().getPort();
    }

    void serve(String functionId, Invocations invocations, FunctionLog log) {
        server.setExecutor(threads);
        server.createContext(API, new Endpoints(functionId, invocations, log));
        server.start();
    }

    void stop() {
        server.stop(0);
        threads.shutdownNow();
    }

    /**
     * The largest result Lambda takes from a synchronously invoked function, as its error says
     * (6 MB in its quotas); a larger one fails the invocation, and API Gateway answers 500.
     */
    static final int MAX_RESPONSE_BYTES = 6_291_556;
    private static final String RESPONSE_TOO_LARGE = "{\"errorMessage\":\"Response payload size exceeded maximum allowed payload size "
            + "(6291556 bytes).\",\"errorType\":\"Function.ResponseSizeTooLarge\"}";

    private record Endpoints(String functionId, Invocations invocations, FunctionLog log) implements HttpHandler {

        @Override
        public void handle(HttpExchange exchange) throws IOException {
            try (exchange) {
                String path = exchange.getRequestURI().getPath();
                String method = exchange.getRequestMethod();
                if (method.equals("GET") && path.equals(API + "/invocation/next")) {
                    next(exchange);
                } else if (method.equals("POST") && path.startsWith(API + "/invocation/") && path.endsWith("/response")) {
                    byte[] response = exchange.getRequestBody().readAllBytes();
                    if (response.length > MAX_RESPONSE_BYTES) {
                        log.line(RESPONSE_TOO_LARGE);
                        finish(exchange, InvocationResult.failed(RESPONSE_TOO_LARGE.getBytes(StandardCharsets.UTF_8)));
                    } else {
                        finish(exchange, InvocationResult.succeeded(response));
                    }
                } else if (method.equals("POST") && path.startsWith(API + "/invocation/") && path.endsWith("/error")) {
                    byte[] error = exchange.getRequestBody().readAllBytes();
                    log.line(new String(error, StandardCharsets.UTF_8));
                    finish(exchange, InvocationResult.failed(error));
                } else if (method.equals("POST") && path.equals(API + "/init/error")) {
                    invocations.initFailed(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                    accepted(exchange);
                } else {
                    send(exchange, 404, "{\"errorMessage\":\"unknown runtime API path\",\"errorType\":\"InvalidRequest\"}");
                }
            }
        }

        private void next(HttpExchange exchange) throws IOException {
            Invocation invocation = invocations.take();
            if (invocation == null) {
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.getResponseHeaders().set("Lambda-Runtime-Aws-Request-Id", invocation.requestId());
            exchange.getResponseHeaders().set("Lambda-Runtime-Deadline-Ms", Long.toString(invocation.deadlineEpochMs()));
            exchange.getResponseHeaders().set("Lambda-Runtime-Invoked-Function-Arn",
                    "arn:aws:lambda:us-east-1:000000000000:function:" + functionId);
            exchange.getResponseHeaders().set("Lambda-Runtime-Trace-Id", TraceIds.next());
            exchange.sendResponseHeaders(200, invocation.event().length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(invocation.event());
            }
        }

        private void finish(HttpExchange exchange, InvocationResult result) throws IOException {
            Invocation invocation = invocations.current();
            long end = System.nanoTime();
            accepted(exchange);
            invocations.finish(invocation, result, end);
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
}
