package dev.lambdanotes.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.lambdanotes.domain.Text;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
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

    /** Reads an API Gateway HTTP API (payload format 2.0) event. */
    public static HttpRequest from(APIGatewayV2HTTPEvent event) {
        var context = event.getRequestContext();
        var http = context == null ? null : context.getHttp();
        String method = http != null && http.getMethod() != null ? http.getMethod() : methodOfRouteKey(event.getRouteKey());
        String path = event.getRawPath() != null ? event.getRawPath() : http == null ? null : http.getPath();
        return new HttpRequest(method, event.getRouteKey(), path, event.getHeaders(),
                event.getQueryStringParameters(), event.getPathParameters(),
                decodeBody(event.getBody(), event.getIsBase64Encoded()),
                context == null ? null : context.getRequestId(),
                http == null ? null : http.getSourceIp());
    }

    private static String methodOfRouteKey(String routeKey) {
        if (routeKey == null || !routeKey.contains(" ")) {
            return null;
        }
        return routeKey.substring(0, routeKey.indexOf(' '));
    }

    private static byte[] decodeBody(String body, boolean base64) {
        if (body == null) {
            return null;
        }
        if (!base64) {
            if (!Text.isValidUnicode(body)) {
                throw new MalformedRequest("The request body is not valid Unicode text (it contains an unpaired surrogate).");
            }
            return body.getBytes(StandardCharsets.UTF_8);
        }
        if ((long) body.length() * 3 / 4 > JsonBodies.MAX_BODY_BYTES + 3) {
            throw new PayloadTooLarge();
        }
        try {
            return Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            throw new MalformedRequest("The request body is marked as base64-encoded but is not valid base64.");
        }
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
