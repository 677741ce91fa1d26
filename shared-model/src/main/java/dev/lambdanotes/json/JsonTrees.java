package dev.lambdanotes.json;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * JSON text to Jackson's tree model and back, through jackson-core's streaming parser and
 * generator alone: no {@code ObjectMapper} is ever built. Building one (its configuration,
 * introspection, serializer and deserializer factories, date formats) loads about 370 classes,
 * which cost a cold start 0.1 to 0.2 s before this class replaced it; the functions only ever
 * read and write trees, which need none of that.
 *
 * <p>Reading is strict, as the functions' API promises: a duplicate member or anything after the
 * JSON value is an error. Numbers become the nodes databind's own tree reader makes (int, long or
 * big integer; double). Nesting is bounded by jackson-core's default limit (1000 levels), so the
 * recursion here stays shallow.
 */
public final class JsonTrees {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonTrees() {
    }

    public static ObjectNode newObject() {
        return NODES.objectNode();
    }

    /**
     * The one JSON value of the stream (in UTF-8, 16 or 32), or a missing node when it holds only
     * white space. Invalid JSON, a duplicate member or trailing data throw a {@link JacksonException}.
     */
    public static JsonNode read(InputStream input) throws IOException {
        try (JsonParser parser = FACTORY.createParser(input)) {
            return readDocument(parser);
        }
    }

    /** {@link #read(InputStream)} for bytes. */
    public static JsonNode read(byte[] bytes) throws JacksonException {
        return readInMemory(() -> FACTORY.createParser(bytes));
    }

    /** {@link #read(InputStream)} for text. */
    public static JsonNode read(String text) throws JacksonException {
        return readInMemory(() -> FACTORY.createParser(text));
    }

    /** The tree as compact JSON text. */
    public static String write(JsonNode node) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = FACTORY.createGenerator(text)) {
            write(node, json);
        } catch (IOException e) {
            throw new UncheckedIOException("text in memory could not be written", e);
        }
        return text.toString();
    }

    /** A generator of UTF-8 JSON that leaves the stream open when it is closed. */
    public static JsonGenerator generator(OutputStream output) throws IOException {
        return FACTORY.createGenerator(output).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }

    /** A parser over bytes or text in memory, whose only I/O errors are JSON errors. */
    private interface InMemoryParser {
        JsonParser open() throws IOException;
    }

    private static JsonNode readInMemory(InMemoryParser source) throws JacksonException {
        try (JsonParser parser = source.open()) {
            return readDocument(parser);
        } catch (JacksonException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException("JSON in memory could not be read", e);
        }
    }

    private static JsonNode readDocument(JsonParser parser) throws IOException {
        JsonToken first = parser.nextToken();
        if (first == null) {
            return MissingNode.getInstance();
        }
        JsonNode value = readValue(parser, first);
        if (parser.nextToken() != null) {
            throw new JsonParseException(parser, "Trailing data after the JSON value");
        }
        return value;
    }

    private static JsonNode readValue(JsonParser parser, JsonToken token) throws IOException {
        return switch (token) {
            case START_OBJECT -> {
                ObjectNode object = NODES.objectNode();
                String name;
                while ((name = parser.nextFieldName()) != null) {
                    object.set(name, readValue(parser, parser.nextToken()));
                }
                yield object;
            }
            case START_ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                JsonToken next;
                while ((next = parser.nextToken()) != JsonToken.END_ARRAY) {
                    array.add(readValue(parser, next));
                }
                yield array;
            }
            case VALUE_STRING -> NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT -> switch (parser.getNumberType()) {
                case INT -> NODES.numberNode(parser.getIntValue());
                case LONG -> NODES.numberNode(parser.getLongValue());
                default -> NODES.numberNode(parser.getBigIntegerValue());
            };
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDoubleValue());
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> NODES.nullNode();
            default -> throw new JsonParseException(parser, "Unexpected token " + token);
        };
    }

    private static void write(JsonNode node, JsonGenerator json) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT -> {
                json.writeStartObject();
                for (Map.Entry<String, JsonNode> member : node.properties()) {
                    json.writeFieldName(member.getKey());
                    write(member.getValue(), json);
                }
                json.writeEndObject();
            }
            case ARRAY -> {
                json.writeStartArray();
                for (JsonNode element : node) {
                    write(element, json);
                }
                json.writeEndArray();
            }
            case STRING -> json.writeString(node.textValue());
            case NUMBER -> {
                switch (node.numberType()) {
                    case INT -> json.writeNumber(node.intValue());
                    case LONG -> json.writeNumber(node.longValue());
                    case BIG_INTEGER -> json.writeNumber(node.bigIntegerValue());
                    case FLOAT -> json.writeNumber(node.floatValue());
                    case DOUBLE -> json.writeNumber(node.doubleValue());
                    case BIG_DECIMAL -> json.writeNumber(node.decimalValue());
                }
            }
            case BOOLEAN -> json.writeBoolean(node.booleanValue());
            case NULL -> json.writeNull();
            default -> throw new IllegalArgumentException("a " + node.getNodeType() + " node has no JSON text");
        }
    }
}
