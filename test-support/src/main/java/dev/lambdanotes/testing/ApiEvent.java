package dev.lambdanotes.testing;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * An API Gateway HTTP API (payload 2.0) event read from a sample file in events/, adjusted for one
 * test (a token, a body, an id), and sent as JSON to a function ({@link Invoke}), as the Lambda
 * Java runtime sends it, so a test sees exactly what a deployed function would.
 */
public final class ApiEvent {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper ESCAPING = escapingSurrogates();
    private static final PojoSerializer<APIGatewayV2HTTPEvent> SERIALIZER =
            LambdaEventSerializers.serializerFor(APIGatewayV2HTTPEvent.class, ApiEvent.class.getClassLoader());

    private static final AtomicInteger ADDRESSES = new AtomicInteger(1);

    private final ObjectNode event;

    private ApiEvent(ObjectNode event) {
        this.event = event;
    }

    private static ObjectMapper escapingSurrogates() {
        ObjectMapper mapper = new ObjectMapper();
        mapper.getFactory().setCharacterEscapes(new CharacterEscapes() {
            private final int[] ascii = standardAsciiEscapesForJSON();

            @Override
            public int[] getEscapeCodesForAscii() {
                return ascii;
            }

            @Override
            public SerializableString getEscapeSequence(int ch) {
                return Character.isSurrogate((char) ch)
                        ? new SerializedString(String.format("\\u%04x", ch)) : null;
            }
        });
        return mapper;
    }

    /** The directory of sample events, handed to the tests by the build. */
    public static Path eventsDirectory() {
        String dir = System.getProperty("notes.events.dir");
        if (dir == null) {
            throw new IllegalStateException("the system property notes.events.dir names the events/ directory");
        }
        return Path.of(dir);
    }

    /**
     * The sample, sent from an address no other loaded event uses (in 198.18.0.0/15, the range
     * for benchmarks), so that the per-address throttles of one test never count another test's
     * requests; a test about those throttles sets the address with {@link #sourceIp(String)}.
     */
    public static ApiEvent load(String fileName) {
        try {
            ApiEvent event = new ApiEvent((ObjectNode) JSON.readTree(Files.readString(eventsDirectory().resolve(fileName))));
            if (event.event.path("requestContext").path("http").isObject()) {
                int n = ADDRESSES.getAndIncrement() & 0x1FFFF;
                event.sourceIp("198." + (18 + (n >> 16)) + "." + ((n >> 8) & 0xFF) + "." + (n & 0xFF));
            }
            return event;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An independent copy, to adjust one sample many ways without reading its file each time. */
    public ApiEvent copy() {
        return new ApiEvent(event.deepCopy());
    }

    /** Sets a header under exactly the given name (API Gateway lower-cases names; a test may not). */
    public ApiEvent header(String name, String value) {
        ObjectNode headers = event.with("headers");
        for (var it = headers.fieldNames(); it.hasNext(); ) {
            if (it.next().equalsIgnoreCase(name)) {
                it.remove();
            }
        }
        if (value != null) {
            headers.put(name, value);
        }
        return this;
    }

    public ApiEvent withoutHeader(String name) {
        return header(name, null);
    }

    public ApiEvent bearer(String token) {
        return header("authorization", "Bearer " + token);
    }

    public ApiEvent body(String body) {
        if (body == null) {
            event.remove("body");
        } else {
            event.put("body", body);
        }
        event.put("isBase64Encoded", false);
        return this;
    }

    public ApiEvent base64Body(byte[] bytes) {
        event.put("body", Base64.getEncoder().encodeToString(bytes));
        event.put("isBase64Encoded", true);
        return this;
    }

    /** Points the event at a note: path parameter, rawPath and requestContext.http.path together. */
    public ApiEvent pathParameter(String name, String value) {
        event.with("pathParameters").put(name, value);
        String template = event.path("routeKey").asText();
        String path = template.substring(template.indexOf(' ') + 1).replace("{" + name + "}", value);
        event.put("rawPath", path);
        ((ObjectNode) event.path("requestContext").path("http")).put("path", path);
        return this;
    }

    public ApiEvent query(Map<String, String> parameters) {
        Map<String, String> sorted = new TreeMap<>(parameters);
        ObjectNode query = event.putObject("queryStringParameters");
        sorted.forEach(query::put);
        event.put("rawQueryString", sorted.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&")));
        return this;
    }

    /** Sets requestContext.http.sourceIp, the client address API Gateway reports. */
    public ApiEvent sourceIp(String address) {
        ((ObjectNode) event.path("requestContext").path("http")).put("sourceIp", address);
        return this;
    }

    public JsonNode json() {
        return event;
    }

    public String toJson() {
        return event.toString();
    }

    /**
     * The event's JSON as a function receives it: UTF-8 bytes, with surrogates written as JSON
     * escapes, so that text with no UTF-8 form (an unpaired surrogate) reaches the function as the
     * escape it can only arrive as, instead of a replacement character. Every other character is
     * written as UTF-8, as API Gateway writes it.
     */
    public byte[] toBytes() {
        try {
            return ESCAPING.writeValueAsBytes(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The event object as the Lambda runtime's serializer reads this JSON, for a test that reasons
     * about what the event says (the fuzzers' oracle) independently of how the functions read it.
     */
    public APIGatewayV2HTTPEvent toEvent() {
        return SERIALIZER.fromJson(toJson());
    }
}
