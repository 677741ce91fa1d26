package dev.lambdanotes.local;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads one HTTP/1.1 request off a connection (RFC 9112), strictly, within API Gateway's limits
 * for HTTP APIs: 10240 bytes for the request line and headers together, 10 MB of body. What it
 * cannot accept it rejects with the status and message API Gateway answers.
 */
final class RequestReader {
    static final int MAX_HEAD_BYTES = 10_240;
    static final int MAX_BODY_BYTES = 10 * 1024 * 1024;
    private static final int MAX_CHUNK_LINE_BYTES = 1024;

    /** A request the gateway answers itself, without a function; the connection closes after the answer. */
    static final class Rejected extends Exception {
        private final transient GatewayResponse response;

        Rejected(int status, String message) {
            super(message, null, false, false);
            this.response = GatewayResponse.message(status, message);
        }

        GatewayResponse response() {
            return response;
        }
    }

    private static Rejected badRequest() {
        return new Rejected(400, "Bad Request");
    }

    private final InputStream in;
    private final OutputStream out;
    private final InetAddress sourceIp;
    private int headBudget;

    RequestReader(InputStream in, OutputStream out, InetAddress sourceIp) {
        this.in = in;
        this.out = out;
        this.sourceIp = sourceIp;
    }

    /** The next request on the connection, or null when the client closed it between requests. */
    GatewayRequest next() throws IOException, Rejected {
        headBudget = MAX_HEAD_BYTES;
        String requestLine;
        do {
            // RFC 9112, 2.2: empty lines before a request line are ignored.
            requestLine = line(true);
            if (requestLine == null) {
                return null;
            }
        } while (requestLine.isEmpty());
        String[] parts = requestLine.split(" ", -1);
        if (parts.length != 3 || !isToken(parts[0])) {
            throw badRequest();
        }
        String method = parts[0];
        String protocol = protocol(parts[2]);
        String target = parts[1];
        checkOriginForm(target);
        int question = target.indexOf('?');
        String rawPath = question < 0 ? target : target.substring(0, question);
        String rawQuery = question < 0 ? null : target.substring(question + 1);

        Map<String, List<String>> headers = headers();
        List<String> host = headers.get("host");
        if (protocol.equals("HTTP/1.1") && (host == null || host.size() != 1)) {
            throw badRequest();
        }
        byte[] body = body(protocol, headers);
        return new GatewayRequest(method, rawPath, rawQuery, protocol, headers, body, sourceIp);
    }

    private static String protocol(String version) throws Rejected {
        if (version.equals("HTTP/1.1") || version.equals("HTTP/1.0")) {
            return version;
        }
        if (version.matches("HTTP/\\d\\.\\d")) {
            throw new Rejected(505, "HTTP Version Not Supported");
        }
        throw badRequest();
    }

    /**
     * Only the origin form (/path?query) that clients send to a server, made of the characters
     * RFC 3986 allows, with every % starting a two-digit hex escape: a path that would not decode
     * is rejected here, never passed on.
     */
    private static void checkOriginForm(String target) throws Rejected {
        if (!target.startsWith("/")) {
            throw badRequest();
        }
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c == '%') {
                if (i + 2 >= target.length() || !isHex(target.charAt(i + 1)) || !isHex(target.charAt(i + 2))) {
                    throw badRequest();
                }
                i += 2;
            } else if (!(isAlphaNumeric(c) || "-._~!$&'()*+,;=:@/?".indexOf(c) >= 0)) {
                throw badRequest();
            }
        }
    }

    private Map<String, List<String>> headers() throws IOException, Rejected {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String line = line(false); !line.isEmpty(); line = line(false)) {
            int colon = line.indexOf(':');
            // No obsolete line folding, no white space before the colon (RFC 9112, 5.1 and 5.2).
            if (colon <= 0 || !isToken(line.substring(0, colon))) {
                throw badRequest();
            }
            String value = trimWhitespace(line.substring(colon + 1));
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if ((c < 0x20 && c != '\t') || c == 0x7f) {
                    throw badRequest();
                }
            }
            headers.computeIfAbsent(line.substring(0, colon).toLowerCase(Locale.ROOT), name -> new ArrayList<>()).add(value);
        }
        return headers;
    }

    private byte[] body(String protocol, Map<String, List<String>> headers) throws IOException, Rejected {
        List<String> transferEncoding = headers.get("transfer-encoding");
        List<String> contentLength = headers.get("content-length");
        if (transferEncoding != null) {
            // Both framings at once is how requests are smuggled past a proxy (RFC 9112, 6.1).
            if (contentLength != null || protocol.equals("HTTP/1.0")) {
                throw badRequest();
            }
            List<String> codings = new ArrayList<>();
            for (String coding : String.join(",", transferEncoding).split(",")) {
                if (!coding.isBlank()) {
                    codings.add(trimWhitespace(coding).toLowerCase(Locale.ROOT));
                }
            }
            // Without chunked last, or with chunked twice, the body's end cannot be known (RFC 9112, 6.3).
            if (codings.isEmpty() || !codings.get(codings.size() - 1).equals("chunked")
                    || codings.indexOf("chunked") != codings.size() - 1) {
                throw badRequest();
            }
            if (codings.size() > 1) {
                throw new Rejected(501, "Not Implemented");
            }
            continueIfExpected(protocol, headers);
            return chunked();
        }
        if (contentLength == null) {
            return new byte[0];
        }
        long length = contentLength(contentLength);
        if (length > MAX_BODY_BYTES) {
            throw new Rejected(413, "Request Entity Too Large");
        }
        if (length > 0) {
            continueIfExpected(protocol, headers);
        }
        byte[] body = in.readNBytes((int) length);
        if (body.length < length) {
            throw new EOFException("the client closed the connection within the body");
        }
        return body;
    }

    /** All Content-Length values (repeated or comma-separated) must be the same number. */
    private static long contentLength(List<String> values) throws Rejected {
        String length = null;
        for (String value : String.join(",", values).split(",", -1)) {
            String candidate = trimWhitespace(value);
            if (!candidate.matches("\\d+") || (length != null && !length.equals(candidate))) {
                throw badRequest();
            }
            length = candidate;
        }
        String digits = length.replaceFirst("^0+(?=\\d)", "");
        return digits.length() > 18 ? Long.MAX_VALUE : Long.parseLong(digits);
    }

    /** curl, for one, sends a large body only after the server said it wants it. */
    private void continueIfExpected(String protocol, Map<String, List<String>> headers) throws IOException {
        List<String> expect = headers.get("expect");
        if (protocol.equals("HTTP/1.1") && expect != null && expect.stream().anyMatch(value -> value.equalsIgnoreCase("100-continue"))) {
            out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }
    }

    private byte[] chunked() throws IOException, Rejected {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String line = chunkLine();
            int semicolon = line.indexOf(';');
            String size = trimWhitespace(semicolon < 0 ? line : line.substring(0, semicolon));
            if (size.isEmpty() || !size.chars().allMatch(c -> isHex((char) c))) {
                throw badRequest();
            }
            long length = size.length() > 8 ? Long.MAX_VALUE : Long.parseLong(size, 16);
            if (length == 0) {
                break;
            }
            if (body.size() + length > MAX_BODY_BYTES) {
                throw new Rejected(413, "Request Entity Too Large");
            }
            byte[] chunk = in.readNBytes((int) length);
            if (chunk.length < length) {
                throw new EOFException("the client closed the connection within a chunk");
            }
            body.writeBytes(chunk);
            if (!chunkLine().isEmpty()) {
                throw badRequest();
            }
        }
        // Trailer fields are read and dropped: API Gateway passes no trailers to a function.
        headBudget = MAX_HEAD_BYTES;
        headers();
        return body.toByteArray();
    }

    private String chunkLine() throws IOException, Rejected {
        headBudget = MAX_CHUNK_LINE_BYTES;
        String line = line(false);
        if (line == null) {
            throw new EOFException("the client closed the connection within the body");
        }
        return line;
    }

    /**
     * A line ended by CRLF (or a bare LF, RFC 9112, 2.2), its bytes taken as ISO-8859-1; null at
     * the end of the stream before its first byte. Counts against the head's byte budget.
     */
    private String line(boolean requestLine) throws IOException, Rejected {
        StringBuilder line = new StringBuilder();
        boolean cr = false;
        while (true) {
            int b = in.read();
            if (b == -1) {
                if (requestLine && line.length() == 0 && !cr) {
                    return null;
                }
                throw new EOFException("the client closed the connection within the request head");
            }
            if (--headBudget < 0) {
                throw requestLine ? new Rejected(414, "Request-URI Too Long")
                        : new Rejected(431, "Request Header Fields Too Large");
            }
            if (b == '\n') {
                return line.toString();
            }
            if (cr) {
                throw badRequest();
            }
            if (b == '\r') {
                cr = true;
            } else if (requestLine && (b < 0x20 || b >= 0x7f)) {
                throw badRequest();
            } else {
                line.append((char) b);
            }
        }
    }

    /** HTTP's optional white space is spaces and tabs only; String.strip would also drop control characters. */
    private static String trimWhitespace(String value) {
        int start = 0;
        int end = value.length();
        while (start < end && (value.charAt(start) == ' ' || value.charAt(start) == '\t')) {
            start++;
        }
        while (end > start && (value.charAt(end - 1) == ' ' || value.charAt(end - 1) == '\t')) {
            end--;
        }
        return value.substring(start, end);
    }

    private static boolean isToken(String value) {
        if (value.isEmpty()) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!(isAlphaNumeric(c) || "!#$%&'*+-.^_`|~".indexOf(c) >= 0)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAlphaNumeric(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
