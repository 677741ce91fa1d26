package dev.lambdanotes.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lambdanotes.json.JsonTrees;
import dev.lambdanotes.testing.ApiEvent;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading API Gateway's payload 2.0 events and writing its responses, without the runtime's serializer. */
class ApiGatewayPayloadTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PojoSerializer<APIGatewayV2HTTPResponse> RUNTIME_RESPONSES =
            LambdaEventSerializers.serializerFor(APIGatewayV2HTTPResponse.class, ApiGatewayPayloadTest.class.getClassLoader());

    static Stream<String> apiSamples() throws IOException {
        try (Stream<Path> files = Files.list(ApiEvent.eventsDirectory())) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> !name.startsWith("migrate") && !name.equals("env.json"))
                    .sorted().toList().stream();
        }
    }

    private static HttpRequest read(String json) {
        return ApiGatewayPayload.request(ApiGatewayPayload.readEvent(
                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))));
    }

    @ParameterizedTest
    @MethodSource("apiSamples")
    void everySampleEvent_readsAsTheRuntimesSerializerReadsIt(String sample) {
        ApiEvent event = ApiEvent.load(sample).body("{\"a\":\"é\"}").query(Map.of("q", "x y"));
        APIGatewayV2HTTPEvent runtimes = event.toEvent();

        HttpRequest request = read(event.toJson());

        assertThat(request.method()).isEqualTo(runtimes.getRequestContext().getHttp().getMethod());
        assertThat(request.routeKey()).isEqualTo(runtimes.getRouteKey());
        assertThat(request.path()).isEqualTo(runtimes.getRawPath());
        runtimes.getHeaders().forEach((name, value) -> assertThat(request.header(name)).as(name).isEqualTo(value));
        assertThat(request.queryParameter("q")).isEqualTo("x y");
        if (runtimes.getPathParameters() != null) {
            runtimes.getPathParameters().forEach((name, value) ->
                    assertThat(request.pathParameter(name)).as(name).isEqualTo(value));
        }
        assertThat(new String(request.body(), StandardCharsets.UTF_8)).isEqualTo(runtimes.getBody());
        assertThat(request.requestId()).isEqualTo(runtimes.getRequestContext().getRequestId());
        assertThat(request.sourceIp()).isEqualTo(runtimes.getRequestContext().getHttp().getSourceIp());
    }

    /** The body's bytes inside the written result, found by writing it: the length with it, less the length with an empty body. */
    private static long measuredInResult(String body) throws IOException {
        ByteArrayOutputStream with = new ByteArrayOutputStream();
        ApiGatewayPayload.write(HttpResponse.json(200, body), with);
        ByteArrayOutputStream without = new ByteArrayOutputStream();
        ApiGatewayPayload.write(HttpResponse.json(200, ""), without);
        return with.size() - without.size();
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain text", "quotes \" and backslashes \\", "control \u0000\u0001\u001f\n\t\b\f\r",
            "accents é and € and 𝄞 and 😀", "separators \u2028\u2029 and \u007f", ""})
    void lengthInResult_isWhatTheBodyTakesInTheWrittenResult(String text) throws IOException {
        var note = JsonTrees.newObject();
        note.put("title", text);
        note.put("body", text.repeat(3));
        String body = JsonTrees.write(note);

        assertThat(ApiGatewayPayload.lengthInResult(body)).isEqualTo(measuredInResult(body));
    }

    @Test
    void aBase64EncodedBody_isDecoded() {
        ApiEvent event = ApiEvent.load("notes-create.json").base64Body(new byte[] {0, (byte) 0xff, 'a'});

        assertThat(read(event.toJson()).body()).containsExactly(0, 0xff, 'a');
    }

    @Test
    void anEmptyEvent_isARequestWithNothing_asSamLocalInvokeSendsWithNoEventFile() {
        HttpRequest request = read("{}");

        assertThat(request.method()).isEmpty();
        assertThat(request.routeKey()).isNull();
        assertThat(request.path()).isEqualTo("/");
        assertThat(request.body()).isNull();
    }

    @Test
    void withoutRequestContext_theMethodComesFromTheRouteKey_andThePathFromRawPath() {
        HttpRequest request = read("{\"routeKey\":\"DELETE /notes/{id}\",\"rawPath\":\"/notes/1\"}");

        assertThat(request.method()).isEqualTo("DELETE");
        assertThat(request.path()).isEqualTo("/notes/1");
    }

    @Test
    void scalarValues_areReadAsText_andNullsAsAbsent() {
        HttpRequest request = read("{\"headers\":{\"x-number\":12,\"x-flag\":true,\"x-null\":null},"
                + "\"queryStringParameters\":{\"limit\":5},\"pathParameters\":null,\"body\":\"YQ==\",\"isBase64Encoded\":\"true\"}");

        assertThat(request.header("X-Number")).isEqualTo("12");
        assertThat(request.header("x-flag")).isEqualTo("true");
        assertThat(request.header("x-null")).isNull();
        assertThat(request.queryParameter("limit")).isEqualTo("5");
        assertThat(request.pathParameter("id")).isNull();
        assertThat(request.body()).containsExactly('a');
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not json", "[]", "\"text\"", "42", "null", "{\"a\":", "{} {}",
            "{\"routeKey\":\"GET /notes\",\"routeKey\":\"DELETE /notes/{id}\"}"})
    void anEventThatIsNotOneJsonObjectWithDistinctMembers_isMalformed(String event) {
        assertThatThrownBy(() -> read(event)).isInstanceOf(MalformedEvent.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"headers\":[]}",
            "{\"headers\":\"accept\"}",
            "{\"headers\":{\"accept\":{\"a\":1}}}",
            "{\"pathParameters\":{\"id\":[1]}}",
            "{\"rawPath\":{}}",
            "{\"body\":[\"a\"]}",
            "{\"requestContext\":{\"http\":{\"method\":[\"GET\"]}}}"})
    void aMemberOfTheWrongShape_isMalformed_andNamesTheMember(String event) {
        assertThatThrownBy(() -> read(event)).isInstanceOf(MalformedEvent.class)
                .hasMessageStartingWith("The event's ");
    }

    @Test
    void aBodyMarkedBase64ThatIsNot_isMalformed() {
        assertThatThrownBy(() -> read("{\"body\":\"%%%\",\"isBase64Encoded\":true}"))
                .isInstanceOf(MalformedRequest.class).hasMessageContaining("base64");
    }

    @Test
    void aBase64BodyLargerThanTheLimit_isTooLarge_beforeItIsDecoded() {
        String body = "A".repeat((JsonBodies.MAX_BODY_BYTES + 8) / 3 * 4);

        assertThatThrownBy(() -> read("{\"body\":\"" + body + "\",\"isBase64Encoded\":true}"))
                .isInstanceOf(PayloadTooLarge.class);
    }

    @Test
    void anUnpairedSurrogateInTheBody_isMalformed() {
        assertThatThrownBy(() -> read("{\"body\":\"\\ud800\"}")).isInstanceOf(MalformedRequest.class);
    }

    @Test
    void aPartialRequest_keepsWhatIsReadable() {
        JsonNode event = ApiGatewayPayload.readEvent(new ByteArrayInputStream(
                "{\"headers\":{\"authorization\":\"Bearer x\",\"bad\":{},\"none\":null},\"requestContext\":{\"requestId\":\"r-1\"}}"
                        .getBytes(StandardCharsets.UTF_8)));

        HttpRequest partial = ApiGatewayPayload.partialRequest(event);

        assertThat(partial.header("Authorization")).isEqualTo("Bearer x");
        assertThat(partial.header("bad")).isNull();
        assertThat(partial.header("none")).isNull();
        assertThat(partial.requestId()).isEqualTo("r-1");
    }

    @Test
    void aResponse_isWrittenAsPayload2_andReadsBackThroughTheRuntimesSerializer() throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("ETag", "\"3\"");
        ByteArrayOutputStream output = new ByteArrayOutputStream();

        ApiGatewayPayload.write(new HttpResponse(201, headers, "{\"title\":\"é \\\" \\u2028\"}"), output);

        JsonNode written = JSON.readTree(output.toByteArray());
        assertThat(written.properties()).extracting(Map.Entry::getKey)
                .containsExactly("statusCode", "headers", "body", "isBase64Encoded");
        assertThat(written.get("isBase64Encoded").asBoolean()).isFalse();
        APIGatewayV2HTTPResponse response = RUNTIME_RESPONSES.fromJson(new ByteArrayInputStream(output.toByteArray()));
        assertThat(response.getStatusCode()).isEqualTo(201);
        assertThat(response.getHeaders()).isEqualTo(headers);
        assertThat(response.getBody()).isEqualTo("{\"title\":\"é \\\" \\u2028\"}");
    }

    @Test
    void aResponseWithoutBody_hasNoBodyMember() throws IOException {
        ByteArrayOutputStream output = new ByteArrayOutputStream();

        ApiGatewayPayload.write(HttpResponse.noContent(), output);

        JsonNode written = JSON.readTree(output.toByteArray());
        assertThat(written.get("statusCode").asInt()).isEqualTo(204);
        assertThat(written.has("body")).isFalse();
        assertThat(written.get("headers").properties()).extracting(Map.Entry::getKey).containsExactly("Cache-Control");
    }

    @Test
    void writing_leavesTheStreamOpen_forTheRuntimeToClose() throws IOException {
        boolean[] closed = {false};
        ByteArrayOutputStream output = new ByteArrayOutputStream() {
            @Override
            public void close() {
                closed[0] = true;
            }
        };

        ApiGatewayPayload.write(HttpResponse.noContent(), output);

        assertThat(closed[0]).isFalse();
        assertThat(output.size()).isPositive();
    }
}
