package dev.lambdanotes.testing;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Invokes a function as the Lambda Java runtime invokes a stream handler: the event's JSON in,
 * the response's JSON out. The response must be exactly one JSON object in API Gateway's payload
 * 2.0 response shape (checked strictly, where the runtime's serializer is lax), and is then read
 * into the events library's class by the serializer the runtime uses for it, so a test reads what
 * API Gateway would.
 */
public final class Invoke {
    private static final PojoSerializer<APIGatewayV2HTTPResponse> RESPONSES =
            LambdaEventSerializers.serializerFor(APIGatewayV2HTTPResponse.class, Invoke.class.getClassLoader());
    private static final JsonMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final Set<String> MEMBERS = Set.of("statusCode", "headers", "body", "isBase64Encoded", "cookies");

    private Invoke() {
    }

    /** The largest result Lambda takes from a synchronously invoked function: 6 MB, 6,291,556 bytes as its error says. */
    public static final int MAX_RESULT_BYTES = 6_291_556;

    public static APIGatewayV2HTTPResponse invoke(RequestStreamHandler function, ApiEvent event, Context context) {
        return invoke(function, event.toBytes(), context);
    }

    /** The event as raw bytes, which need not even be JSON. */
    public static APIGatewayV2HTTPResponse invoke(RequestStreamHandler function, byte[] event, Context context) {
        ByteArrayOutputStream response = new ByteArrayOutputStream();
        try {
            function.handleRequest(new ByteArrayInputStream(event), response, context);
            if (response.size() > MAX_RESULT_BYTES) {
                throw new AssertionError("Lambda refuses a result over 6 MB (API Gateway answers 500): " + response.size() + " bytes");
            }
            checkShape(STRICT.readTree(response.toByteArray()), response.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return RESPONSES.fromJson(new ByteArrayInputStream(response.toByteArray()));
    }

    private static void checkShape(JsonNode response, String text) {
        boolean shaped = response != null && response.isObject()
                && response.path("statusCode").isInt()
                && response.path("headers").isObject()
                && response.path("isBase64Encoded").isBoolean()
                && (response.path("body").isMissingNode() || response.path("body").isTextual());
        if (shaped) {
            for (var member : response.properties()) {
                shaped &= MEMBERS.contains(member.getKey());
            }
            for (var header : response.path("headers").properties()) {
                shaped &= header.getValue().isTextual();
            }
        }
        if (!shaped) {
            throw new AssertionError("Not an API Gateway payload 2.0 response: " + text);
        }
    }
}
