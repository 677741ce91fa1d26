package dev.lambdanotes.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The local runtime with test functions (echo, slow, failing, crashing), driven over real HTTP:
 * the API Gateway event and response mapping, and Lambda's instance life cycle.
 */
class LocalRuntimeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ByteArrayOutputStream LOGS = new ByteArrayOutputStream();
    private static LocalRuntime runtime;
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        runtime = new LocalRuntime(FixtureSettings.builder()
                .maxInstances(2)
                .idleTimeout(Duration.ofSeconds(3))
                .log(new PrintStream(LOGS, true, StandardCharsets.UTF_8))
                .build());
        base = "http://127.0.0.1:" + runtime.startApi(0);
    }

    @AfterAll
    static void stop() {
        List<Long> pids = runtime.functionProcessIds();
        runtime.close();
        assertThat(pids).allSatisfy(pid -> assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                .as("function process %d after stop", pid).isFalse());
    }

    private static HttpResponse<byte[]> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static JsonNode echo(HttpResponse<byte[]> response) throws Exception {
        assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static String logs() {
        return LOGS.toString(StandardCharsets.UTF_8);
    }

    @Test
    void request_becomesExactlyTheHttpApiPayload2Event() throws Exception {
        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(URI.create(base + "/echo/a/b%20c?x=1&x=2&y=%20z"))
                .header("X-Multi", "one").header("X-Multi", "two").header("Cookie", "c1=v1; c2=v2")
                .header("User-Agent", "local-test").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"hello\":\"wörld\"}")));

        JsonNode echo = echo(response);
        JsonNode event = echo.get("event");
        assertThat(event.get("version").asText()).isEqualTo("2.0");
        assertThat(event.get("routeKey").asText()).isEqualTo("ANY /echo/{proxy+}");
        assertThat(event.get("rawPath").asText()).isEqualTo("/echo/a/b%20c");
        assertThat(event.get("rawQueryString").asText()).isEqualTo("x=1&x=2&y=%20z");
        assertThat(event.get("cookies")).extracting(JsonNode::asText).containsExactly("c1=v1", "c2=v2");
        assertThat(event.get("headers").get("x-multi").asText()).isEqualTo("one,two");
        assertThat(event.get("headers").has("cookie")).isFalse();
        assertThat(event.get("headers").fieldNames()).toIterable().allMatch(name -> name.equals(name.toLowerCase()));
        assertThat(event.get("queryStringParameters").get("x").asText()).isEqualTo("1,2");
        assertThat(event.get("queryStringParameters").get("y").asText()).isEqualTo(" z");
        assertThat(event.get("pathParameters").get("proxy").asText()).isEqualTo("a/b c");
        assertThat(event.get("body").asText()).isEqualTo("{\"hello\":\"wörld\"}");
        assertThat(event.get("isBase64Encoded").asBoolean()).isFalse();
        JsonNode context = event.get("requestContext");
        assertThat(context.get("http").get("method").asText()).isEqualTo("POST");
        assertThat(context.get("http").get("path").asText()).isEqualTo("/echo/a/b%20c");
        assertThat(context.get("http").get("protocol").asText()).startsWith("HTTP/1.1");
        assertThat(context.get("http").get("sourceIp").asText()).isEqualTo("127.0.0.1");
        assertThat(context.get("http").get("userAgent").asText()).isEqualTo("local-test");
        assertThat(context.get("requestId").asText()).isNotBlank();
        assertThat(context.get("routeKey").asText()).isEqualTo("ANY /echo/{proxy+}");
        assertThat(context.get("stage").asText()).isEqualTo("$default");
        assertThat(context.get("time").asText()).matches("\\d{2}/[A-Z][a-z]{2}/\\d{4}:\\d{2}:\\d{2}:\\d{2} \\+0000");
        assertThat(context.get("timeEpoch").asLong()).isPositive();
    }

    @Test
    void response_isMappedBackAsApiGatewayDoes() throws Exception {
        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(URI.create(base + "/echo/mapping")).GET());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("x-echo")).contains("yes");
        assertThat(response.headers().allValues("set-cookie")).containsExactly("a=1; Path=/", "b=2");
        assertThat(response.headers().map()).as("multiValueHeaders is not part of payload format 2.0")
                .doesNotContainKey("x-multi");
        assertThat(JSON.readTree(response.body()).get("pid").asLong()).isPositive();
    }

    @Test
    void environment_comesFromTheTemplate_withParametersResolvedAndTheLocalDatabase() throws Exception {
        JsonNode env = echo(send(HttpRequest.newBuilder(URI.create(base + "/echo/env")).GET())).get("env");

        assertThat(env.get("GREETING").asText()).isEqualTo("hello");
        assertThat(env.get("FROM_CLOUD").asText()).isEmpty();
        assertThat(env.get("DATABASE_URL").asText()).isEqualTo("jdbc:postgresql://127.0.0.1:1/local");
        assertThat(env.get("AWS_LAMBDA_FUNCTION_NAME").asText()).isEqualTo("EchoFunction");
        assertThat(env.get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE").asText()).isEqualTo("256");
    }

    @Test
    void eachFunctionJvm_loadsTheRuntimeClientsNativeLibraryFromAPrivateCopy_notTheSharedTmpFile() throws Exception {
        String nativeLibrary = echo(send(HttpRequest.newBuilder(URI.create(base + "/echo/native")).GET()))
                .get("nativeLibrary").asText();

        // Every runtime client on the machine rewrites /tmp/.libaws-lambda-jni.so, crashing any JVM that maps it.
        assertThat(nativeLibrary).contains("libaws-lambda-jni").doesNotStartWith("/tmp/.libaws-lambda-jni.so");
    }

    @Test
    void aSpecificRoute_winsOverAGreedyOne() throws Exception {
        JsonNode exact = echo(send(HttpRequest.newBuilder(URI.create(base + "/echo/exact"))
                .POST(HttpRequest.BodyPublishers.noBody())));
        JsonNode greedy = echo(send(HttpRequest.newBuilder(URI.create(base + "/echo/exact"))
                .PUT(HttpRequest.BodyPublishers.noBody())));

        assertThat(exact.get("event").get("routeKey").asText()).isEqualTo("POST /echo/exact");
        assertThat(greedy.get("event").get("routeKey").asText()).isEqualTo("ANY /echo/{proxy+}");
    }

    @Test
    void binaryBody_arrivesBase64Encoded_andABase64ResponseIsDecoded() throws Exception {
        byte[] png = new byte[2048];
        new Random(7).nextBytes(png);

        JsonNode event = echo(send(HttpRequest.newBuilder(URI.create(base + "/echo/upload"))
                .header("Content-Type", "image/png").POST(HttpRequest.BodyPublishers.ofByteArray(png)))).get("event");

        assertThat(event.get("isBase64Encoded").asBoolean()).isTrue();
        assertThat(java.util.Base64.getDecoder().decode(event.get("body").asText())).isEqualTo(png);
    }

    @Test
    void unknownRoute_getsApiGatewaysNotFound() throws Exception {
        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(URI.create(base + "/nothing/here")).GET());
        HttpResponse<byte[]> wrongMethod = send(HttpRequest.newBuilder(URI.create(base + "/slow"))
                .DELETE());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("{\"message\":\"Not Found\"}");
        assertThat(wrongMethod.statusCode()).isEqualTo(404);
    }

    @Test
    void aFunctionReturningAPlainStringOrObject_isAnswered200Json() throws Exception {
        HttpResponse<byte[]> text = send(HttpRequest.newBuilder(URI.create(base + "/slow")).GET());
        HttpResponse<byte[]> object = send(HttpRequest.newBuilder(URI.create(base + "/object")).GET());

        assertThat(text.statusCode()).isEqualTo(200);
        assertThat(new String(text.body(), StandardCharsets.UTF_8)).startsWith("pid ");
        assertThat(object.statusCode()).isEqualTo(200);
        assertThat(object.headers().firstValue("content-type")).contains("application/json");
        assertThat(JSON.readTree(object.body()).get("greeting").asText()).isEqualTo("hello");
    }

    @Test
    void coldStartThenWarm_reusesTheInstance_andReportsInitDurationOnlyOnce() throws Exception {
        long first = echo(send(HttpRequest.newBuilder(URI.create(base + "/echo/warm")).GET())).get("pid").asLong();
        JsonNode second = echo(send(HttpRequest.newBuilder(URI.create(base + "/echo/warm")).GET()));

        assertThat(second.get("pid").asLong()).isEqualTo(first);
        String firstRequest = second.get("requestId").asText();
        assertThat(logs()).contains("[EchoFunction] START RequestId: " + firstRequest + " Version: $LATEST");
        assertThat(logs()).contains("[EchoFunction] END RequestId: " + firstRequest);
        String report = logs().lines().filter(line -> line.contains("REPORT RequestId: " + firstRequest))
                .findFirst().orElseThrow();
        assertThat(report).contains("Duration: ", "Billed Duration: ", "Memory Size: 256 MB", "Max Memory Used: ")
                .doesNotContain("Init Duration");
        assertThat(logs()).containsPattern("\\[EchoFunction] REPORT RequestId: \\S+\\tDuration: [\\d.]+ ms\\t"
                + "Billed Duration: \\d+ ms\\tMemory Size: 256 MB\\tMax Memory Used: \\d+ MB\\tInit Duration: [\\d.]+ ms");
        assertThat(second.get("remainingMs").asLong()).isBetween(1L, 5000L);
    }

    @Test
    void twoConcurrentRequests_toOneFunction_startTwoInstances() throws Exception {
        CompletableFuture<HttpResponse<byte[]>> a = HTTP.sendAsync(HttpRequest.newBuilder(URI.create(base + "/slow?ms=1500"))
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        CompletableFuture<HttpResponse<byte[]>> b = HTTP.sendAsync(HttpRequest.newBuilder(URI.create(base + "/slow?ms=1500"))
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());

        String pidA = new String(a.get().body(), StandardCharsets.UTF_8);
        String pidB = new String(b.get().body(), StandardCharsets.UTF_8);

        assertThat(pidA).startsWith("pid ");
        assertThat(pidB).startsWith("pid ").isNotEqualTo(pidA);
    }

    @Test
    void aCrashedInstance_answers502_andIsReplaced() throws Exception {
        long before = echo(send(HttpRequest.newBuilder(URI.create(base + "/echo/before-crash")).GET())).get("pid").asLong();

        HttpResponse<byte[]> crashed = send(HttpRequest.newBuilder(URI.create(base + "/echo/crash")).GET());

        assertThat(crashed.statusCode()).isEqualTo(502);
        assertThat(new String(crashed.body(), StandardCharsets.UTF_8)).isEqualTo("{\"message\":\"Internal Server Error\"}");
        assertThat(logs()).contains("Runtime exited with error: exit status 3");
        long after = echo(send(HttpRequest.newBuilder(URI.create(base + "/echo/after-crash")).GET())).get("pid").asLong();
        assertThat(after).isNotEqualTo(before);
        assertThat(ProcessHandle.of(before).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    }

    @Test
    void aResultOverLambdasSixMegabytes_failsTheInvocation_andIsAnswered500() throws Exception {
        HttpResponse<byte[]> oversized = send(HttpRequest.newBuilder(URI.create(base + "/echo/oversized")).GET());

        assertThat(oversized.statusCode()).isEqualTo(500);
        assertThat(new String(oversized.body(), StandardCharsets.UTF_8)).isEqualTo("{\"message\":\"Internal Server Error\"}");
        assertThat(logs()).contains("Function.ResponseSizeTooLarge");
        assertThat(send(HttpRequest.newBuilder(URI.create(base + "/echo/after-oversized")).GET()).statusCode()).isEqualTo(200);
    }

    @Test
    void aFunctionOutlastingItsTimeout_isStopped_andAnswered503() throws Exception {
        long start = System.nanoTime();

        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(URI.create(base + "/slow?ms=20000")).GET());

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(logs()).contains("Task timed out after 2.00 seconds");
        assertThat(send(HttpRequest.newBuilder(URI.create(base + "/slow")).GET()).statusCode()).isEqualTo(200);
    }

    @Test
    void anInitOverTenSeconds_goesOnWithinTheFunctionsTimeout_asLambdaRetriesIt() throws Exception {
        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(URI.create(base + "/slow-init")).GET());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("initialized");
        assertThat(logs()).contains("[SlowInitFunction] init did not finish within 10 s");
    }

    @Test
    void aFunctionError_answers500() throws Exception {
        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(URI.create(base + "/fail")).GET());

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("{\"message\":\"Internal Server Error\"}");
        assertThat(logs()).contains("this function always fails");
    }

    @Test
    void idleInstances_areStoppedAfterTheIdlePeriod() throws Exception {
        send(HttpRequest.newBuilder(URI.create(base + "/object")).GET());
        assertThat(runtime.instanceCount("ObjectFunction")).isEqualTo(1);

        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (runtime.instanceCount("ObjectFunction") > 0 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }

        assertThat(runtime.instanceCount("ObjectFunction")).isZero();
        assertThat(logs()).contains("[ObjectFunction] instance idle for 3 s: stopped");
    }
}
