package dev.lambdanotes.local;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;

/**
 * The HTTP/1.1 listener of the local API Gateway: persistent connections, one request at a time
 * on each, and every malformed or oversized request answered with a status and a JSON message.
 *
 * <p>Why not the JDK's com.sun.net.httpserver, which the Runtime API still uses: it answers a
 * path that is not a valid URI (/notes/%zz), a path starting with // and a Transfer-Encoding
 * other than chunked with HTML pages of its own that name Java exceptions, before any handler
 * sees the request; and beyond its header limits (sun.net.httpserver.maxReqHeaders and
 * maxReqHeaderSize, JDK 17 and 25 alike) it closes the connection without a status. None of
 * that can be configured, so the gateway reads requests itself ({@link RequestReader}).
 */
final class GatewayServer {
    /** How long a connection may stay silent, between requests or within one. */
    private static final int IDLE_TIMEOUT_MS = 30_000;
    /** After refusing a request, how long to read what the client still sends before closing. */
    private static final long DRAIN_MS = 5_000;
    private static final long DRAIN_BYTES = 64L * 1024 * 1024;
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME;

    private final ServerSocket listener;
    private final Function<GatewayRequest, GatewayResponse> handler;
    private final ExecutorService threads;
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private volatile boolean stopped;

    GatewayServer(int port, Function<GatewayRequest, GatewayResponse> handler, ExecutorService threads)
            throws IOException {
        this.listener = new ServerSocket();
        listener.setReuseAddress(true);
        listener.bind(new InetSocketAddress("127.0.0.1", port), 64);
        this.handler = handler;
        this.threads = threads;
    }

    void start() {
        threads.execute(this::accept);
    }

    int port() {
        return listener.getLocalPort();
    }

    void stop() {
        stopped = true;
        try {
            listener.close();
        } catch (IOException e) {
            // closing anyway
        }
        connections.forEach(GatewayServer::closeQuietly);
    }

    private void accept() {
        while (!stopped) {
            Socket connection;
            try {
                connection = listener.accept();
            } catch (IOException e) {
                if (stopped) {
                    return;
                }
                continue;
            }
            connections.add(connection);
            threads.execute(() -> serve(connection));
        }
    }

    private void serve(Socket connection) {
        try (connection) {
            connection.setTcpNoDelay(true);
            connection.setSoTimeout(IDLE_TIMEOUT_MS);
            InputStream in = new BufferedInputStream(connection.getInputStream());
            OutputStream out = new BufferedOutputStream(connection.getOutputStream());
            RequestReader reader = new RequestReader(in, out, connection.getInetAddress());
            while (!stopped) {
                GatewayRequest request;
                try {
                    request = reader.next();
                } catch (RequestReader.Rejected rejected) {
                    write(out, rejected.response(), false, false);
                    drainAndClose(connection, in);
                    return;
                }
                if (request == null) {
                    return;
                }
                GatewayResponse response;
                try {
                    response = handler.apply(request);
                } catch (RuntimeException e) {
                    response = GatewayResponse.internalServerError();
                }
                boolean keepAlive = keepAlive(request);
                write(out, response, request.method().equals("HEAD"), keepAlive);
                if (!keepAlive) {
                    return;
                }
            }
        } catch (IOException e) {
            // The client went away or stayed silent too long: nothing to answer.
        } finally {
            connections.remove(connection);
        }
    }

    private static boolean keepAlive(GatewayRequest request) {
        String connection = request.header("connection");
        boolean close = connection != null
                && Arrays.stream(connection.split(",")).anyMatch(option -> option.strip().equalsIgnoreCase("close"));
        return request.protocol().equals("HTTP/1.1") && !close;
    }

    private static void write(OutputStream out, GatewayResponse response, boolean head, boolean keepAlive)
            throws IOException {
        int status = response.status();
        boolean bodyless = status == 204 || status == 304 || status < 200;
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        message.writeBytes(("HTTP/1.1 " + status + " " + reason(status) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        header(message, "Date", HTTP_DATE.format(ZonedDateTime.now(ZoneOffset.UTC)));
        for (Map.Entry<String, String> field : response.headers()) {
            header(message, field.getKey(), field.getValue());
        }
        if (!bodyless) {
            header(message, "Content-Length", Integer.toString(response.body().length));
        }
        if (!keepAlive) {
            header(message, "Connection", "close");
        }
        message.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        if (!bodyless && !head) {
            message.writeBytes(response.body());
        }
        message.writeTo(out);
        out.flush();
    }

    private static void header(ByteArrayOutputStream message, String name, String value) {
        message.writeBytes((name + ": " + value + "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Closing a socket with unread bytes in it resets the connection, and the client may lose the
     * answer it was sent: so the rest of a refused request is read first, for a bounded time.
     */
    private static void drainAndClose(Socket connection, InputStream in) {
        try {
            connection.shutdownOutput();
            connection.setSoTimeout(1000);
            long deadline = System.nanoTime() + DRAIN_MS * 1_000_000;
            long drained = 0;
            byte[] buffer = new byte[64 * 1024];
            int read;
            while (drained < DRAIN_BYTES && System.nanoTime() < deadline && (read = in.read(buffer)) != -1) {
                drained += read;
            }
        } catch (IOException e) {
            // the client is gone or silent: close now
        } finally {
            closeQuietly(connection);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    private static String reason(int status) {
        return switch (status) {
            case 100 -> "Continue";
            case 200 -> "OK";
            case 201 -> "Created";
            case 202 -> "Accepted";
            case 204 -> "No Content";
            case 301 -> "Moved Permanently";
            case 302 -> "Found";
            case 303 -> "See Other";
            case 304 -> "Not Modified";
            case 307 -> "Temporary Redirect";
            case 308 -> "Permanent Redirect";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 409 -> "Conflict";
            case 410 -> "Gone";
            case 412 -> "Precondition Failed";
            case 413 -> "Content Too Large";
            case 414 -> "URI Too Long";
            case 415 -> "Unsupported Media Type";
            case 422 -> "Unprocessable Content";
            case 428 -> "Precondition Required";
            case 429 -> "Too Many Requests";
            case 431 -> "Request Header Fields Too Large";
            case 500 -> "Internal Server Error";
            case 501 -> "Not Implemented";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            case 505 -> "HTTP Version Not Supported";
            default -> "";
        };
    }
}
