package dev.lambdanotes.local;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;

/**
 * One HTTP request as the local API Gateway received it, already checked against HTTP/1.1's
 * grammar and API Gateway's limits. Header names are lower-case, each with its values in the
 * order they came; path and query are raw (still percent-encoded, and known to be well-formed).
 */
record GatewayRequest(String method, String rawPath, String rawQuery, String protocol,
                      Map<String, List<String>> headers, byte[] body, InetAddress sourceIp) {

    /** The values of a header joined by commas, as HTTP allows and API Gateway does; null when absent. */
    String header(String lowerCaseName) {
        List<String> values = headers.get(lowerCaseName);
        return values == null ? null : String.join(",", values);
    }
}
