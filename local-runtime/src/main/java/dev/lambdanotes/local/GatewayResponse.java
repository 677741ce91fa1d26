package dev.lambdanotes.local;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** An HTTP response of the local API Gateway: status, header fields in order (names may repeat), body. */
record GatewayResponse(int status, List<Map.Entry<String, String>> headers, byte[] body) {

    GatewayResponse {
        headers = List.copyOf(headers);
    }

    /** API Gateway's own answers: a JSON object with a message, such as {"message":"Not Found"}. */
    static GatewayResponse message(int status, String message) {
        return new GatewayResponse(status, List.of(Map.entry("Content-Type", "application/json")),
                ("{\"message\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8));
    }

    static GatewayResponse notFound() {
        return message(404, "Not Found");
    }

    static GatewayResponse internalServerError() {
        return message(500, "Internal Server Error");
    }
}
