package dev.lambdanotes.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdanotes.json.JsonTrees;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads secrets from AWS Secrets Manager with the function's own credentials: one GetSecretValue
 * call over the JDK's HTTP client, signed with Signature Version 4. The AWS SDK would do the same
 * with 4.9 MB of classes in every function; this is the whole of what the functions need of it,
 * with its behaviour kept: credentials from the environment or the container endpoint, throttling,
 * server errors and lost connections retried (three attempts in all), a message that names the
 * error and never the secret.
 */
public final class SecretsManagerSource implements SecretSource {
    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final int ATTEMPTS = 3;
    /** Three attempts, and their pauses, end within Lambda's 10 s init: a failure is then reported as ours. */
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(3);

    private final URI endpoint;
    private final AwsSignatureV4 signer;
    private final Map<String, String> env;
    private final Clock clock;

    /**
     * @param endpoint the Secrets Manager endpoint to call
     * @param region   the region the requests are signed for
     * @param env      where the credentials are found (AWS_ACCESS_KEY_ID..., AWS_CONTAINER_CREDENTIALS_FULL_URI...)
     */
    SecretsManagerSource(URI endpoint, String region, Map<String, String> env, Clock clock) {
        this.endpoint = endpoint;
        this.signer = new AwsSignatureV4(region, "secretsmanager");
        this.env = Map.copyOf(env);
        this.clock = clock;
    }

    /** Secrets Manager of the function's region (AWS_REGION), through its regional endpoint. */
    public static SecretsManagerSource fromEnvironment(Map<String, String> env) {
        String region = env.getOrDefault("AWS_REGION", "us-east-1");
        String domain = region.startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com";
        return new SecretsManagerSource(URI.create("https://secretsmanager." + region + "." + domain + "/"), region,
                env, Clock.systemUTC());
    }

    URI endpoint() {
        return endpoint;
    }

    @Override
    public String secretString(String secretId) {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .build();
        try {
            JsonNode answer = getSecretValue(http, secretId);
            JsonNode secretString = answer.get("SecretString");
            if (secretString == null || !secretString.isTextual()) {
                throw new IllegalStateException("the secret " + secretId + " has no SecretString (a binary secret?)");
            }
            return secretString.asText();
        } finally {
            close(http);
        }
    }

    private JsonNode getSecretValue(HttpClient http, String secretId) {
        byte[] body = JsonTrees.write(JsonTrees.newObject().put("SecretId", secretId)).getBytes(StandardCharsets.UTF_8);
        for (int attempt = 1; ; attempt++) {
            HttpResponse<byte[]> response;
            try {
                response = http.send(signedRequest(http, body), HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                if (attempt < ATTEMPTS) {
                    pause(attempt);
                    continue;
                }
                throw new IllegalStateException("could not reach Secrets Manager at " + endpoint.getHost() + " ("
                        + e.getClass().getSimpleName() + ")", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading the secret " + secretId, e);
            }
            if (response.statusCode() == 200) {
                try {
                    return JsonTrees.read(response.body());
                } catch (IOException e) {
                    // Not chained: the parser's message may quote the answer, which holds the secret.
                    throw new IllegalStateException("Secrets Manager's answer for " + secretId + " is not JSON");
                }
            }
            AwsError error = AwsError.of(response);
            if (error.retryable() && attempt < ATTEMPTS) {
                pause(attempt);
                continue;
            }
            throw new IllegalStateException("Secrets Manager refused to read the secret " + secretId + ": " + error);
        }
    }

    private HttpRequest signedRequest(HttpClient http, byte[] body) {
        AwsCredentials credentials = AwsCredentials.current(env, http, REQUEST_TIMEOUT);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/x-amz-json-1.1");
        headers.put("Host", endpoint.getPort() == -1 ? endpoint.getHost() : endpoint.getHost() + ":" + endpoint.getPort());
        headers.put("X-Amz-Date", AMZ_DATE.format(clock.instant()));
        headers.put("X-Amz-Target", "secretsmanager.GetSecretValue");
        if (credentials.sessionToken() != null) {
            headers.put("X-Amz-Security-Token", credentials.sessionToken());
        }
        String authorization = signer.authorization("POST", "/", headers, body, credentials);

        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint.resolve("/"))
                .timeout(REQUEST_TIMEOUT)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach((name, value) -> {
            if (!name.equals("Host")) { // the client sends it, from the same URI
                request.header(name, value);
            }
        });
        return request.header("Authorization", authorization).build();
    }

    /** An error answer of an AWS JSON protocol: its type (such as ResourceNotFoundException) and message. */
    private record AwsError(int status, String type, String message) {
        static AwsError of(HttpResponse<byte[]> response) {
            JsonNode json;
            try {
                json = JsonTrees.read(response.body());
            } catch (IOException e) {
                json = null;
            }
            String type = json == null ? null : json.path("__type").asText(null);
            if (type != null && type.contains("#")) {
                type = type.substring(type.lastIndexOf('#') + 1);
            }
            String message = json == null ? null : json.has("Message") ? json.path("Message").asText(null)
                    : json.path("message").asText(null);
            return new AwsError(response.statusCode(), type, message);
        }

        boolean retryable() {
            return status >= 500 || status == 429
                    || "ThrottlingException".equals(type) || "RequestLimitExceeded".equals(type);
        }

        @Override
        public String toString() {
            String text = "HTTP " + status + (type == null ? "" : " " + type) + (message == null ? "" : ": " + message);
            return text.length() > 300 ? text.substring(0, 300) + "..." : text;
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(100L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** From Java 21 the client holds a thread and connections until closed; before, until collected. */
    private static void close(HttpClient http) {
        if (http instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                // nothing is left to read from it
            }
        }
    }
}
