package dev.lambdanotes.http;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * An HTTP request as the handlers see it, independent of the API Gateway event classes: header
 * names match regardless of case, and a base64-encoded body is already decoded.
 */
public final class HttpRequest {
    private final String method;
    private final String routeKey;
    private final String path;
    private final Map<String, String> headers;
    private final Map<String, String> queryParameters;
    private final Map<String, String> pathParameters;
    private final byte[] body;
    private final String requestId;
    private final String sourceIp;

    public HttpRequest(String method, String routeKey, String path, Map<String, String> headers,
                       Map<String, String> queryParameters, Map<String, String> pathParameters,
                       byte[] body, String requestId, String sourceIp) {
        this.method = method == null ? "" : method.toUpperCase(Locale.ROOT);
        this.routeKey = routeKey;
        this.path = path == null ? "/" : path;
        TreeMap<String, String> caseInsensitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (headers != null) {
            caseInsensitive.putAll(headers);
        }
        this.headers = Collections.unmodifiableMap(caseInsensitive);
        this.queryParameters = queryParameters == null ? Map.of() : Map.copyOf(queryParameters);
        this.pathParameters = pathParameters == null ? Map.of() : Map.copyOf(pathParameters);
        this.body = body;
        this.requestId = requestId;
        this.sourceIp = sourceIp;
    }

    public HttpRequest withPathParameters(Map<String, String> parameters) {
        return new HttpRequest(method, routeKey, path, headers, queryParameters, parameters, body, requestId, sourceIp);
    }

    public String method() {
        return method;
    }

    public String routeKey() {
        return routeKey;
    }

    public String path() {
        return path;
    }

    /** The header's value, whatever the case of its name in the request; null if absent. */
    public String header(String name) {
        return headers.get(name);
    }

    public String queryParameter(String name) {
        return queryParameters.get(name);
    }

    public String pathParameter(String name) {
        return pathParameters.get(name);
    }

    /** The decoded body, or null when the request had none. */
    public byte[] body() {
        return body;
    }

    public String requestId() {
        return requestId;
    }

    /** The client's address as API Gateway saw it (requestContext.http.sourceIp), or null. */
    public String sourceIp() {
        return sourceIp;
    }
}
