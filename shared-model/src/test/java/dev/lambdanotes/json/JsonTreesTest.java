package dev.lambdanotes.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** JsonTrees against databind's own mapper, which it replaces in the functions. */
class JsonTreesTest {
    /** The reference: databind's mapper, which the functions no longer build. */
    private static final ObjectMapper DATABIND = new ObjectMapper();

    static List<String> documents() {
        List<String> documents = new ArrayList<>(List.of(
                "{}", "[]", "null", "true", "false", "0", "-0", "1", "-1", "2147483647", "2147483648",
                "-2147483649", "9223372036854775807", "9223372036854775808", "-9223372036854775809",
                "123456789012345678901234567890", "0.5", "-1.25e-3", "1E+2", "4.9e-325",
                "3.141592653589793238462643383279", "\"\"", "\"text\"", "\"line\\nbreak \\t tab \\\" quote \\\\ \\/\"",
                "\"\\u0000\\u001f\\u007f\"", "\"caf\u00e9 \u65e5\u672c \ud83d\udcdd\"", "\"\\ud83d\\udcdd\"",
                "{\"a\":1,\"b\":[1,2,{\"c\":null}],\"d\":{\"e\":\"f\"},\"g\":true,\"h\":1.5}",
                "[[[[[]]]],{},[{}],\"x\",null]",
                "  {\"spaced\" :  [ 1 , 2 ] }  ",
                "{\"\":\"empty name\",\"a b\":\"space\",\"\u00e9\":\"non-ASCII name\"}"));
        Random random = new Random(20261126);
        for (int i = 0; i < 200; i++) {
            documents.add(databindText(randomTree(random, 0)));
        }
        return documents;
    }

    @ParameterizedTest
    @MethodSource("documents")
    void reads_theTreeDatabindReads(String document) throws IOException {
        JsonNode expected = DATABIND.readTree(document);

        assertSameTree(JsonTrees.read(document), expected);
        assertSameTree(JsonTrees.read(document.getBytes(StandardCharsets.UTF_8)), expected);
        assertSameTree(JsonTrees.read(new ByteArrayInputStream(document.getBytes(StandardCharsets.UTF_16BE))), expected);
    }

    @ParameterizedTest
    @MethodSource("documents")
    void writes_theTextDatabindWrites(String document) throws IOException {
        JsonNode tree = DATABIND.readTree(document);

        assertThat(JsonTrees.write(tree)).isEqualTo(DATABIND.writeValueAsString(tree));
    }

    @ParameterizedTest
    @MethodSource("documents")
    void whatItWrites_readsBackAsTheSameTree(String document) throws IOException {
        JsonNode tree = JsonTrees.read(document);

        assertSameTree(JsonTrees.read(JsonTrees.write(tree)), tree);
    }

    /** As databind writes them: JSON has no infinite number, so it is written as a string. */
    @ParameterizedTest
    @ValueSource(strings = {"1e400", "-1e400"})
    void aNumberTooLargeForADouble_isWrittenAsTheStringOfItsInfinity(String document) throws IOException {
        JsonNode tree = JsonTrees.read(document);

        assertSameTree(tree, DATABIND.readTree(document));
        assertThat(tree.isDouble()).isTrue();
        assertThat(JsonTrees.write(tree)).isEqualTo(document.startsWith("-") ? "\"-Infinity\"" : "\"Infinity\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\n\t \r\n"})
    void nothingButWhiteSpace_isAMissingNode(String document) throws IOException {
        assertThat(JsonTrees.read(document).isMissingNode()).isTrue();
        assertThat(JsonTrees.read(document.getBytes(StandardCharsets.UTF_8)).isMissingNode()).isTrue();
        assertThat(JsonTrees.read(new ByteArrayInputStream(document.getBytes(StandardCharsets.UTF_8))).isMissingNode()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\":1,\"a\":2}", "{\"a\":{\"b\":1,\"b\":1}}", "[{\"x\":null,\"x\":null}]"})
    void aDuplicateMember_isAnError(String document) {
        assertThatThrownBy(() -> JsonTrees.read(document)).isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> JsonTrees.read(document.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(JacksonException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{} {}", "{}x", "[]]", "1 2", "\"a\" \"b\"", "null null", "{}\u0000"})
    void trailingData_isAnError(String document) {
        assertThatThrownBy(() -> JsonTrees.read(document)).isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> JsonTrees.read(new ByteArrayInputStream(document.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(JacksonException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "[", "{\"a\"}", "{\"a\":}", "[1,]", "{'a':1}", "NaN", "01", "\"unterminated",
            "{\"a\":1,}", "tru", "[1 2]", "\"\\x\""})
    void invalidJson_isAnError(String document) {
        assertThatThrownBy(() -> JsonTrees.read(document)).isInstanceOf(JacksonException.class);
    }

    @Test
    void nestingBeyondJacksonsLimit_isAnErrorAndNotAStackOverflow() {
        String deep = "[".repeat(5000) + "]".repeat(5000);

        assertThatThrownBy(() -> JsonTrees.read(deep)).isInstanceOf(JacksonException.class);
    }

    @Test
    void nestingWithinTheLimit_isRead() throws IOException {
        String deep = "[".repeat(999) + "]".repeat(999);

        assertThat(JsonTrees.write(JsonTrees.read(deep))).isEqualTo(deep);
    }

    @Test
    void theGenerator_writesUtf8AndLeavesTheStreamOpen() throws IOException {
        ByteArrayOutputStream output = new ByteArrayOutputStream() {
            @Override
            public void close() {
                throw new AssertionError("the generator closed the stream");
            }
        };

        try (var json = JsonTrees.generator(output)) {
            json.writeStartObject();
            json.writeStringField("note", "caf\u00e9 \ud83d\udcdd");
            json.writeEndObject();
        }

        // As the JSON it wrote before: characters outside the BMP as escaped surrogate pairs.
        assertThat(output.toString(StandardCharsets.UTF_8)).isEqualTo("{\"note\":\"caf\u00e9 \\uD83D\\uDCDD\"}");
        assertThat(JsonTrees.read(output.toByteArray()).get("note").textValue()).isEqualTo("caf\u00e9 \ud83d\udcdd");
    }

    @Test
    void aTreeBuiltInCode_isWrittenAsDatabindWritesIt() throws IOException {
        ObjectNode tree = JsonTrees.newObject().put("text", "a\"b").put("int", 7).put("long", 1L << 40)
                .put("double", 0.1).put("float", 1.5f).put("decimal", new java.math.BigDecimal("1.10"))
                .put("big", new java.math.BigInteger("123456789012345678901234567890")).put("yes", true)
                .putNull("nothing");
        tree.putArray("list").add(1).add("two").addObject().put("three", 3);

        assertThat(JsonTrees.write(tree)).isEqualTo(DATABIND.writeValueAsString(tree));
    }

    @Test
    void aMissingNode_hasNoText() {
        assertThatThrownBy(() -> JsonTrees.write(com.fasterxml.jackson.databind.node.MissingNode.getInstance()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Same node types, same values, same member order (equals alone ignores the order and int/long). */
    private static void assertSameTree(JsonNode actual, JsonNode expected) {
        assertThat(actual.getNodeType()).isEqualTo(expected.getNodeType());
        assertThat(actual.getClass()).isEqualTo(expected.getClass());
        if (expected.getNodeType() == JsonNodeType.OBJECT) {
            assertThat(names(actual)).isEqualTo(names(expected));
            expected.properties().forEach(member -> assertSameTree(actual.get(member.getKey()), member.getValue()));
        } else if (expected.getNodeType() == JsonNodeType.ARRAY) {
            assertThat(actual.size()).isEqualTo(expected.size());
            for (int i = 0; i < expected.size(); i++) {
                assertSameTree(actual.get(i), expected.get(i));
            }
        } else {
            assertThat(actual).isEqualTo(expected);
        }
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String databindText(JsonNode tree) {
        try {
            return DATABIND.writeValueAsString(tree);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** A random tree of every node type the reader makes, a few levels deep. */
    private static JsonNode randomTree(Random random, int depth) {
        var nodes = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
        int kind = random.nextInt(depth > 3 ? 8 : 10);
        return switch (kind) {
            case 0 -> nodes.nullNode();
            case 1 -> nodes.booleanNode(random.nextBoolean());
            case 2 -> nodes.numberNode(random.nextInt());
            case 3 -> nodes.numberNode(random.nextLong());
            case 4 -> nodes.numberNode(random.nextDouble() * Math.pow(10, random.nextInt(40) - 20));
            case 5 -> nodes.numberNode(new java.math.BigInteger(100, random));
            case 6, 7 -> nodes.textNode(randomText(random));
            case 8 -> {
                var array = nodes.arrayNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    array.add(randomTree(random, depth + 1));
                }
                yield array;
            }
            default -> {
                var object = nodes.objectNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    object.set(randomText(random), randomTree(random, depth + 1));
                }
                yield object;
            }
        };
    }

    private static String randomText(Random random) {
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(8); i > 0; i--) {
            int kind = random.nextInt(4);
            text.appendCodePoint(switch (kind) {
                case 0 -> random.nextInt(0x20);
                case 1 -> 0x20 + random.nextInt(0x5f);
                case 2 -> 0xa0 + random.nextInt(0xd000);
                default -> 0x10000 + random.nextInt(0x1000);
            });
        }
        return text.toString();
    }
}
