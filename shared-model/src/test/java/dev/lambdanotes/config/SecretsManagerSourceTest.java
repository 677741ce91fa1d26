package dev.lambdanotes.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Secrets Manager client against a fake Secrets Manager (and container credentials endpoint) on this host. */
class SecretsManagerSourceTest {
    private static final String SECRET_ARN = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:notes-db-AbCdEf";
    private static final String SECRET_STRING = "{\"username\":\"notes_app\",\"password\":\"s3cr3t-P4ss\"}";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A request as the fake server received it. */
    record Received(String method, String path, Map<String, String> headers, byte[] body) {
        String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    /** A canned answer. */
    record Answer(int status, String body) {
    }

    private HttpServer server;
    private final List<Received> secretsRequests = Collections.synchronizedList(new ArrayList<>());
    private final List<Received> credentialsRequests = Collections.synchronizedList(new ArrayList<>());
    private final Deque<Answer> secretsAnswers = new ArrayDeque<>();
    private Answer credentialsAnswer = new Answer(200, """
            {"AccessKeyId":"ASIACONTAINER","SecretAccessKey":"container-secret-key","Token":"container-token",
             "Expiration":"2026-01-02T09:04:05Z"}""");

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            secretsRequests.add(received(exchange));
            Answer answer;
            synchronized (secretsAnswers) {
                answer = secretsAnswers.isEmpty() ? new Answer(500, "{}") : secretsAnswers.poll();
            }
            respond(exchange, answer);
        });
        server.createContext("/credentials", exchange -> {
            credentialsRequests.add(received(exchange));
            respond(exchange, credentialsAnswer);
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private static Received received(HttpExchange exchange) throws IOException {
        Map<String, String> headers = new HashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), String.join(",", values)));
        return new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), headers,
                exchange.getRequestBody().readAllBytes());
    }

    private static void respond(HttpExchange exchange, Answer answer) throws IOException {
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
        exchange.sendResponseHeaders(answer.status(), body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    private SecretsManagerSource source(Map<String, String> env) {
        return new SecretsManagerSource(endpoint(), "eu-west-1", env, CLOCK);
    }

    private static Map<String, String> environmentCredentials() {
        return Map.of("AWS_ACCESS_KEY_ID", "ASIAENVIRONMENT", "AWS_SECRET_ACCESS_KEY", "environment-secret-key",
                "AWS_SESSION_TOKEN", "environment-token");
    }

    private void answer(int status, String body) {
        synchronized (secretsAnswers) {
            secretsAnswers.add(new Answer(status, body));
        }
    }

    private static String found(String secretString) {
        return JSON.createObjectNode().put("ARN", SECRET_ARN).put("Name", "notes-db")
                .put("SecretString", secretString).put("VersionId", "v1").toString();
    }

    /** What the request's Authorization must be, worked out again from what the server received. */
    private static String expectedAuthorization(Received request, AwsCredentials credentials) {
        Map<String, String> signed = new LinkedHashMap<>();
        String authorization = request.header("Authorization");
        String signedHeaders = authorization.substring(authorization.indexOf("SignedHeaders=") + 14,
                authorization.indexOf(", Signature="));
        for (String name : signedHeaders.split(";")) {
            signed.put(name, request.header(name));
        }
        return new AwsSignatureV4("eu-west-1", "secretsmanager")
                .authorization(request.method(), request.path(), signed, request.body(), credentials);
    }

    @Test
    void readsTheSecretString_withAGetSecretValueRequestSignedWithTheEnvironmentsCredentials() throws Exception {
        answer(200, found(SECRET_STRING));

        assertThat(source(environmentCredentials()).secretString(SECRET_ARN)).isEqualTo(SECRET_STRING);

        assertThat(secretsRequests).hasSize(1);
        Received request = secretsRequests.get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/");
        assertThat(request.header("X-Amz-Target")).isEqualTo("secretsmanager.GetSecretValue");
        assertThat(request.header("Content-Type")).isEqualTo("application/x-amz-json-1.1");
        assertThat(JSON.readTree(request.body()).get("SecretId").asText()).isEqualTo(SECRET_ARN);
        assertThat(request.header("X-Amz-Date")).isEqualTo("20260102T030405Z");
        assertThat(request.header("X-Amz-Security-Token")).isEqualTo("environment-token");
        assertThat(request.header("Authorization"))
                .startsWith("AWS4-HMAC-SHA256 Credential=ASIAENVIRONMENT/20260102/eu-west-1/secretsmanager/aws4_request, "
                        + "SignedHeaders=content-type;host;x-amz-date;x-amz-security-token;x-amz-target, Signature=")
                .isEqualTo(expectedAuthorization(request,
                        new AwsCredentials("ASIAENVIRONMENT", "environment-secret-key", "environment-token")));
    }

    @Test
    void withoutCredentialVariables_theContainerEndpointsCredentialsSignTheRequest() {
        answer(200, found(SECRET_STRING));
        Map<String, String> env = Map.of(
                "AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://127.0.0.1:" + server.getAddress().getPort() + "/credentials",
                "AWS_CONTAINER_AUTHORIZATION_TOKEN", "container-authorization");

        assertThat(source(env).secretString(SECRET_ARN)).isEqualTo(SECRET_STRING);

        assertThat(credentialsRequests).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("GET");
            assertThat(request.header("Authorization")).isEqualTo("container-authorization");
        });
        Received request = secretsRequests.get(0);
        assertThat(request.header("X-Amz-Security-Token")).isEqualTo("container-token");
        assertThat(request.header("Authorization")).contains("Credential=ASIACONTAINER/")
                .isEqualTo(expectedAuthorization(request,
                        new AwsCredentials("ASIACONTAINER", "container-secret-key", "container-token")));
    }

    @Test
    void aContainerEndpointOverPlainHttpToAnotherHost_isNotAsked() {
        Map<String, String> env = Map.of("AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://198.51.100.7/credentials");

        assertThatThrownBy(() -> source(env).secretString(SECRET_ARN))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("AWS_CONTAINER_CREDENTIALS_FULL_URI must use https");
        assertThat(secretsRequests).isEmpty();
    }

    @Test
    void aRefusingContainerEndpoint_failsWithItsStatus_andNotItsAnswer() {
        credentialsAnswer = new Answer(403, "{\"message\":\"token container-authorization is not valid\"}");
        Map<String, String> env = Map.of(
                "AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://127.0.0.1:" + server.getAddress().getPort() + "/credentials",
                "AWS_CONTAINER_AUTHORIZATION_TOKEN", "container-authorization");

        assertThatThrownBy(() -> source(env).secretString(SECRET_ARN))
                .hasMessage("the container credentials endpoint answered HTTP 403");
    }

    @Test
    void withNoCredentialsAnywhere_initFailsNamingTheVariables() {
        assertThatThrownBy(() -> source(Map.of()).secretString(SECRET_ARN))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("AWS_ACCESS_KEY_ID").hasMessageContaining("AWS_CONTAINER_CREDENTIALS_FULL_URI");
    }

    @Test
    void anErrorAnswer_namesTheErrorType_isNotRetried_andHoldsNoStackTrace() {
        answer(400, """
                {"__type":"com.amazonaws.secretsmanager#ResourceNotFoundException",
                 "Message":"Secrets Manager can't find the specified secret."}""");

        assertThatThrownBy(() -> source(environmentCredentials()).secretString(SECRET_ARN))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Secrets Manager refused to read the secret " + SECRET_ARN
                        + ": HTTP 400 ResourceNotFoundException: Secrets Manager can't find the specified secret.");
        assertThat(secretsRequests).hasSize(1);
    }

    @Test
    void serverErrorsAndThrottling_areRetried_upToThreeAttempts() {
        answer(503, "{}");
        answer(400, "{\"__type\":\"ThrottlingException\",\"message\":\"Rate exceeded\"}");
        answer(200, found(SECRET_STRING));

        assertThat(source(environmentCredentials()).secretString(SECRET_ARN)).isEqualTo(SECRET_STRING);
        assertThat(secretsRequests).hasSize(3);
    }

    @Test
    void aServerErrorOnEveryAttempt_failsAfterThree() {
        answer(500, "{\"__type\":\"InternalServiceError\"}");
        answer(500, "{\"__type\":\"InternalServiceError\"}");
        answer(500, "{\"__type\":\"InternalServiceError\"}");

        assertThatThrownBy(() -> source(environmentCredentials()).secretString(SECRET_ARN))
                .hasMessageEndingWith(": HTTP 500 InternalServiceError");
        assertThat(secretsRequests).hasSize(3);
    }

    @Test
    void anAnswerThatIsNotJson_failsWithoutQuotingIt() {
        answer(200, "{\"SecretString\": s3cr3t-P4ss");

        assertThatThrownBy(() -> source(environmentCredentials()).secretString(SECRET_ARN))
                .isInstanceOf(IllegalStateException.class)
                .hasNoCause()
                .hasMessage("Secrets Manager's answer for " + SECRET_ARN + " is not JSON")
                .message().doesNotContain("s3cr3t");
    }

    @Test
    void aBinarySecret_failsInitWithAClearMessage() {
        answer(200, "{\"ARN\":\"" + SECRET_ARN + "\",\"SecretBinary\":\"czNjcjN0\"}");

        assertThatThrownBy(() -> source(environmentCredentials()).secretString(SECRET_ARN))
                .hasMessageContaining("has no SecretString");
    }

    @Test
    void anUnreachableSecretsManager_failsNamingTheHost() {
        SecretsManagerSource unreachable = new SecretsManagerSource(URI.create("http://127.0.0.1:1/"), "eu-west-1",
                environmentCredentials(), CLOCK);

        assertThatThrownBy(() -> unreachable.secretString(SECRET_ARN))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("could not reach Secrets Manager at 127.0.0.1 (");
    }

    @Test
    void theFunctionsConfiguration_readsTheDatabaseLoginThroughIt() {
        answer(200, found(SECRET_STRING));
        Map<String, String> env = new HashMap<>(environmentCredentials());
        env.put("DATABASE_URL", "jdbc:postgresql://db.internal:5432/notes");
        env.put("DATABASE_SECRET_ARN", SECRET_ARN);

        AppConfig config = AppConfig.fromEnvironment(env, source(env));

        assertThat(config.databaseUser()).isEqualTo("notes_app");
        assertThat(config.databasePassword()).isEqualTo("s3cr3t-P4ss");
        assertThat(config.toString()).doesNotContain("s3cr3t-P4ss");
    }

    @Test
    void theEndpoint_isTheRegionalOneOfTheFunctionsRegion() {
        assertThat(SecretsManagerSource.fromEnvironment(Map.of("AWS_REGION", "eu-central-1")).endpoint())
                .hasToString("https://secretsmanager.eu-central-1.amazonaws.com/");
        assertThat(SecretsManagerSource.fromEnvironment(Map.of("AWS_REGION", "cn-north-1")).endpoint())
                .hasToString("https://secretsmanager.cn-north-1.amazonaws.com.cn/");
    }
}
