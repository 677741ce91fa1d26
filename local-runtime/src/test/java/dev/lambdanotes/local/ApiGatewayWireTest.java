package dev.lambdanotes.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The local API Gateway over a raw socket: HTTP/1.1 framing, and what it answers to requests a
 * client should not send: always a status and a JSON {"message": ...} body as API Gateway gives,
 * never the HTML page of an HTTP library, a Java exception name or a dropped connection.
 */
class ApiGatewayWireTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BAD_REQUEST = "{\"message\":\"Bad Request\"}";
    private static LocalRuntime runtime;
    private static int port;

    @BeforeAll
    static void start() throws Exception {
        runtime = new LocalRuntime(FixtureSettings.builder()
                .maxInstances(1)
                .idleTimeout(Duration.ofMinutes(5))
                .log(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
                .build());
        port = runtime.startApi(0);
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    private static void assertJson(RawHttp.Response response, int status, String body) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().get("content-type")).isEqualTo("application/json");
        assertThat(response.body()).isEqualTo(body);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/echo/%zz", "/echo/a%2", "/echo/%", "/echo/x?q=%zz", "/echo/a b", "/echo/<script>",
            "/echo/x#fragment", "echo/x", "*", "http://127.0.0.1/echo/x"})
    void aMalformedRequestTarget_isAJson400(String target) throws Exception {
        RawHttp.Response response = RawHttp.send(port, "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");

        assertJson(response, 400, BAD_REQUEST);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "GARBAGE\r\n\r\n",
        "GET /echo/x HTTP/1\r\nHost: x\r\n\r\n",
        "GET /echo/x HTTP/1.1\r\n\r\n",
        "GET /echo/x HTTP/1.1\r\nHost: x\r\nHost: y\r\n\r\n",
        "GET  /echo/x HTTP/1.1\r\nHost: x\r\n\r\n",
        "POST /echo/x HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
        "GET /echo/x HTTP/1.1\r\nHost: x\r\nNo-Colon\r\n\r\n",
        "GET /echo/x HTTP/1.1\r\nHost: x\r\nBad Name: x\r\n\r\n",
        "GET /echo/x HTTP/1.1\r\nHost: x\r\nX-Folded: a\r\n b\r\n\r\n",
        "GET /echo/x HTTP/1.1\r\nHost: x\r\nX-Control: a\u0001b\r\n\r\n",
        "GET /echo/x HTTP/1.1\r\nHost: x\r\nX-Control: \u001fab\r\n\r\n",
        "POST /echo/x HTTP/1.1\r\nHost: x\r\nContent-Length: \u001f1\r\n\r\na",
        "POST /echo/x HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n",
        "POST /echo/x HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n",
        "POST /echo/x HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab",
        "POST /echo/x HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
        "POST /echo/x HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n",
    })
    void aMalformedRequest_isAJson400(String request) throws Exception {
        assertJson(RawHttp.send(port, request), 400, BAD_REQUEST);
    }

    @Test
    void anUnsupportedHttpVersion_isAJson505() throws Exception {
        assertJson(RawHttp.send(port, "GET /echo/x HTTP/2.0\r\nHost: x\r\n\r\n"),
                505, "{\"message\":\"HTTP Version Not Supported\"}");
    }

    @Test
    void aRequestLineOver10240Bytes_isAJson414() throws Exception {
        RawHttp.Response response = RawHttp.send(port,
                "GET /echo/" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");

        assertJson(response, 414, "{\"message\":\"Request-URI Too Long\"}");
    }

    @Test
    void aThousandHeaders_areAJson431() throws Exception {
        StringBuilder request = new StringBuilder("GET /echo/x HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        for (int i = 0; i < 1000; i++) {
            request.append("X-Header-").append(i).append(": value\r\n");
        }

        RawHttp.Response response = RawHttp.send(port, request.append("\r\n").toString());

        assertJson(response, 431, "{\"message\":\"Request Header Fields Too Large\"}");
    }

    @Test
    void aOneMegabyteHeader_isAJson431() throws Exception {
        RawHttp.Response response = RawHttp.send(port,
                "GET /echo/x HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + "a".repeat(1 << 20) + "\r\n\r\n");

        assertJson(response, 431, "{\"message\":\"Request Header Fields Too Large\"}");
    }

    @Test
    void theHeadLimit_isApiGateways10240Bytes_forTheRequestLineAndHeadersTogether() throws Exception {
        String start = "GET /echo/x HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Fill: ";
        String fitting = start + "a".repeat(10240 - start.length() - 4) + "\r\n\r\n";
        String over = start + "a".repeat(10240 - start.length() - 3) + "\r\n\r\n";

        assertThat(fitting).hasSize(10240);
        assertThat(RawHttp.send(port, fitting).status()).isEqualTo(200);
        assertJson(RawHttp.send(port, over), 431, "{\"message\":\"Request Header Fields Too Large\"}");
    }

    @Test
    void aBodyOver10Megabytes_isAJson413() throws Exception {
        byte[] body = new byte[10 * 1024 * 1024 + 1];

        RawHttp.Response response = RawHttp.send(port,
                "POST /echo/x HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: " + body.length + "\r\n\r\n", body);

        assertJson(response, 413, "{\"message\":\"Request Entity Too Large\"}");
    }

    @Test
    void aChunkedBodyOver10Megabytes_isAJson413() throws Exception {
        byte[] chunk = new byte[1024 * 1024];
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int i = 0; i < 11; i++) {
            body.writeBytes((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            body.writeBytes(chunk);
            body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        body.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));

        RawHttp.Response response = RawHttp.send(port,
                "POST /echo/x HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n", body.toByteArray());

        assertJson(response, 413, "{\"message\":\"Request Entity Too Large\"}");
    }

    /** RFC 9112, 6.3: without chunked as the final coding, the body's length cannot be known. */
    @ParameterizedTest
    @ValueSource(strings = {"gzip", "identity", "chunked, gzip", "chunked, chunked", ""})
    void aTransferEncodingThatDoesNotEndInChunked_isAJson400(String coding) throws Exception {
        RawHttp.Response response = RawHttp.send(port,
                "POST /echo/x HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: " + coding + "\r\n\r\nabc");

        assertJson(response, 400, BAD_REQUEST);
    }

    /** RFC 9112, 6.1: a transfer coding the server does not understand. */
    @Test
    void aChunkedBodyUnderAnotherTransferCoding_isAJson501() throws Exception {
        RawHttp.Response response = RawHttp.send(port, "POST /echo/x HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Transfer-Encoding: gzip, chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n");

        assertJson(response, 501, "{\"message\":\"Not Implemented\"}");
    }

    @Test
    void aChunkedBody_reachesTheFunctionWhole() throws Exception {
        RawHttp.Response response = RawHttp.send(port, "POST /echo/chunked HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5;ext=1\r\n{\"a\":\r\n3\r\n\"b\"\r\n1\r\n}\r\n0\r\nX-Trailer: t\r\n\r\n");

        JsonNode event = JSON.readTree(response.body()).get("event");
        assertThat(response.status()).isEqualTo(200);
        assertThat(event.get("body").asText()).isEqualTo("{\"a\":\"b\"}");
        assertThat(event.get("isBase64Encoded").asBoolean()).isFalse();
    }

    @Test
    void expect100Continue_getsTheInterimAnswerBeforeTheBodyIsSent() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("POST /echo/continue HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 2\r\nExpect: 100-continue\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));

            RawHttp.Response interim = RawHttp.read(socket.getInputStream());
            socket.getOutputStream().write("{}".getBytes(StandardCharsets.ISO_8859_1));
            RawHttp.Response response = RawHttp.read(socket.getInputStream());

            assertThat(interim.status()).isEqualTo(100);
            assertThat(response.status()).isEqualTo(200);
            assertThat(JSON.readTree(response.body()).get("event").get("body").asText()).isEqualTo("{}");
        }
    }

    @Test
    void requestsOnOneConnection_areAnsweredInTurn_untilTheClientAsksToClose() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("GET /echo/first HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                    + "GET /echo/second HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));

            RawHttp.Response first = RawHttp.read(socket.getInputStream());
            RawHttp.Response second = RawHttp.read(socket.getInputStream());

            assertThat(JSON.readTree(first.body()).get("event").get("rawPath").asText()).isEqualTo("/echo/first");
            assertThat(first.headers()).doesNotContainKey("connection");
            assertThat(JSON.readTree(second.body()).get("event").get("rawPath").asText()).isEqualTo("/echo/second");
            assertThat(second.headers()).containsEntry("connection", "close");
            assertThat(socket.getInputStream().read()).isEqualTo(-1);
        }
    }

    @Test
    void aFunctionHeaderThatWouldSplitTheResponse_isAnswered500() throws Exception {
        RawHttp.Response response = RawHttp.send(port, "GET /echo/split-header HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");

        assertJson(response, 500, "{\"message\":\"Internal Server Error\"}");
        assertThat(response.headers()).doesNotContainKey("injected");
    }

    @ParameterizedTest
    @ValueSource(strings = {"//echo/x", "//slow", "/slow/", "/slow//", "/object/", "/echo/", "/echo"})
    void aPathTheRoutesDoNotHaveExactly_isAJson404(String path) throws Exception {
        assertJson(RawHttp.send(port, "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"),
                404, "{\"message\":\"Not Found\"}");
    }

    @ParameterizedTest
    @ValueSource(strings = {";", "/", "application/json;", "application/json;;", "application/json; =x",
            "application/json; charset", "application/json; charset=", "text/plain; charset=\"utf-8",
            "\u00e9/x"})
    void aMalformedContentType_passesTheBodyBase64EncodedWithItsExactBytes(String contentType) throws Exception {
        byte[] body = "{\"title\":\"a\"}".getBytes(StandardCharsets.UTF_8);

        RawHttp.Response response = RawHttp.send(port, "POST /echo/content-type HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: " + contentType + "\r\nContent-Length: " + body.length + "\r\n\r\n", body);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode event = JSON.readTree(response.body()).get("event");
        assertThat(event.get("headers").get("content-type").asText()).isEqualTo(contentType.trim());
        assertThat(event.get("isBase64Encoded").asBoolean()).isTrue();
        assertThat(Base64.getDecoder().decode(event.get("body").asText())).isEqualTo(body);
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "application/json; charset=utf-8", "text/plain",
            "application/problem+json", "TEXT/HTML; Charset=\"UTF-8\""})
    void aUtf8TextBody_isPassedAsText(String contentType) throws Exception {
        byte[] body = "{\"title\":\"wörld ☃\"}".getBytes(StandardCharsets.UTF_8);

        RawHttp.Response response = RawHttp.send(port, "POST /echo/text HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: " + contentType + "\r\nContent-Length: " + body.length + "\r\n\r\n", body);

        JsonNode event = JSON.readTree(response.body()).get("event");
        assertThat(event.get("isBase64Encoded").asBoolean()).isFalse();
        assertThat(event.get("body").asText()).isEqualTo("{\"title\":\"wörld ☃\"}");
    }

    @Test
    void aJsonBodyThatIsNotUtf8_isPassedBase64Encoded_withItsExactBytes() throws Exception {
        byte[] body = {'{', '"', 't', 'i', 't', 'l', 'e', '"', ':', '"', 'a', (byte) 0xff, '"', '}'};

        RawHttp.Response response = RawHttp.send(port, "POST /echo/latin HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n", body);

        JsonNode event = JSON.readTree(response.body()).get("event");
        assertThat(event.get("isBase64Encoded").asBoolean()).isTrue();
        assertThat(Base64.getDecoder().decode(event.get("body").asText())).isEqualTo(body);
    }
}
