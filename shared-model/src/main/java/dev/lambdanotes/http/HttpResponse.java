package dev.lambdanotes.http;

import java.util.LinkedHashMap;
import java.util.Map;

/** An HTTP response on its way back to API Gateway. */
public record HttpResponse(int statusCode, Map<String, String> headers, String body) {

    public HttpResponse {
        headers = Map.copyOf(headers);
    }

    public static HttpResponse json(int status, String json) {
        return new HttpResponse(status, baseHeaders("application/json"), json);
    }

    public static HttpResponse noContent() {
        return new HttpResponse(204, Map.of("Cache-Control", "no-store"), null);
    }

    static Map<String, String> baseHeaders(String contentType) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", contentType);
        // Notes are private and tokens are secrets: no cache may keep a response.
        headers.put("Cache-Control", "no-store");
        return headers;
    }

    public HttpResponse withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new HttpResponse(statusCode, copy, body);
    }
}
