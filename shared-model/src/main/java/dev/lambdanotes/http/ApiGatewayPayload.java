package dev.lambdanotes.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdanotes.domain.Text;
import dev.lambdanotes.json.JsonTrees;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON an API Gateway HTTP API exchanges with a function (payload format 2.0), read and written
 * here with Jackson's tree model and generator through {@link JsonTrees}, as strictly as request
 * bodies (an event with a duplicate member or trailing data is malformed). The functions are
 * stream handlers: the Lambda Java runtime hands them the event's bytes as they came, and never
 * loads its own reflection-based serializer for the event classes (about 800 classes, 700 of
 * them its shaded Jackson, built at every cold start), nor needs the event classes in the
 * artifacts.
 *
 * <p>Only the members the functions use are read: routeKey, rawPath, headers,
 * queryStringParameters, pathParameters, body, isBase64Encoded and, in requestContext, requestId
 * and http.method, http.path and http.sourceIp. A member that is absent or null is absent, as the
 * runtime's serializer left it null; a text, number or boolean is read as its text; an object or
 * array where a text belongs, or anything but an object where an object belongs, makes the event
 * malformed: a 400, and a warning in the log. (The runtime's serializer was laxer with direct
 * invocations: it took a one-element array for its element and an empty array or text for an
 * absent object. API Gateway sends none of these.)
 */
public final class ApiGatewayPayload {
    private ApiGatewayPayload() {
    }

    /** The event: a JSON object, or a {@link MalformedRequest}. */
    static JsonNode readEvent(InputStream input) {
        JsonNode event;
        try {
            event = JsonTrees.read(input);
        } catch (JacksonException e) {
            throw new MalformedEvent("The event is not valid JSON.");
        } catch (IOException e) {
            throw new MalformedEvent("The event could not be read.");
        }
        if (!event.isObject()) {
            throw new MalformedEvent("The event must be a JSON object (API Gateway HTTP API, payload format 2.0).");
        }
        return event;
    }

    /** The request the event carries. */
    static HttpRequest request(JsonNode event) {
        JsonNode context = event.path("requestContext");
        JsonNode http = context.path("http");
        String routeKey = text(event, "routeKey");
        String method = text(http, "method");
        if (method == null) {
            method = methodOfRouteKey(routeKey);
        }
        String path = text(event, "rawPath");
        if (path == null) {
            path = text(http, "path");
        }
        JsonNode base64 = event.path("isBase64Encoded");
        return new HttpRequest(method, routeKey, path, textMap(event, "headers"),
                textMap(event, "queryStringParameters"), textMap(event, "pathParameters"),
                decodeBody(text(event, "body"), base64.isValueNode() && base64.asBoolean()),
                text(context, "requestId"), text(http, "sourceIp"));
    }

    /**
     * What can be told of a request whose event could not be read into one: its headers and
     * request id where they are readable, for the log and the response's headers.
     */
    static HttpRequest partialRequest(JsonNode event) {
        Map<String, String> headers = new LinkedHashMap<>();
        event.path("headers").properties().forEach(header -> {
            if (isText(header.getValue())) {
                headers.put(header.getKey(), header.getValue().asText());
            }
        });
        JsonNode requestId = event.path("requestContext").path("requestId");
        return new HttpRequest(null, null, null, headers, null, null, null,
                isText(requestId) ? requestId.asText() : null, null);
    }

    /**
     * How much of a function's result a body may take: Lambda refuses a result over 6 MB
     * (6,291,556 bytes, as its error says) and API Gateway answers 500; the rest is left to the
     * headers and the envelope.
     */
    public static final long MAX_BODY_IN_RESULT = 5L * 1024 * 1024;

    /**
     * The bytes a JSON body takes inside the result document as {@link #write} writes it: its UTF-8
     * bytes, plus one for each quote and backslash, which are escaped once more there (a JSON text
     * holds no raw control character to escape), and each half of a surrogate pair written as a
     * six-character escape, as Jackson's UTF-8 generator does.
     */
    public static long lengthInResult(String json) {
        long length = 0;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c < 0x80) {
                length += c == '"' || c == '\\' ? 2 : 1;
            } else if (c < 0x800) {
                length += 2;
            } else if (Character.isSurrogate(c)) {
                length += 6;
            } else {
                length += 3;
            }
        }
        return length;
    }

    /** Writes the response as the function's result: statusCode, headers, body, isBase64Encoded. */
    static void write(HttpResponse response, OutputStream output) throws IOException {
        try (JsonGenerator json = JsonTrees.generator(output)) {
            json.writeStartObject();
            json.writeNumberField("statusCode", response.statusCode());
            json.writeObjectFieldStart("headers");
            for (Map.Entry<String, String> header : response.headers().entrySet()) {
                json.writeStringField(header.getKey(), header.getValue());
            }
            json.writeEndObject();
            if (response.body() != null) {
                json.writeStringField("body", response.body());
            }
            json.writeBooleanField("isBase64Encoded", false);
            json.writeEndObject();
        }
    }

    /** A text, number or boolean: what is read as text. */
    private static boolean isText(JsonNode value) {
        return value.isValueNode() && !value.isNull();
    }

    private static String text(JsonNode parent, String name) {
        JsonNode value = parent.path(name);
        if (value.isContainerNode()) {
            throw new MalformedEvent("The event's " + name + " must be a string.");
        }
        return isText(value) ? value.asText() : null;
    }

    private static Map<String, String> textMap(JsonNode event, String name) {
        JsonNode object = event.path(name);
        if (object.isMissingNode() || object.isNull()) {
            return null;
        }
        if (!object.isObject()) {
            throw new MalformedEvent("The event's " + name + " must be an object of strings.");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> member : object.properties()) {
            if (member.getValue().isContainerNode()) {
                throw new MalformedEvent("The event's " + name + " must be an object of strings.");
            }
            if (isText(member.getValue())) {
                values.put(member.getKey(), member.getValue().asText());
            }
        }
        return values;
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
}
