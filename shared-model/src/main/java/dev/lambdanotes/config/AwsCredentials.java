package dev.lambdanotes.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdanotes.json.JsonTrees;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * The function's AWS credentials, from the two places Lambda puts them: the environment
 * variables, or (with SnapStart, which sets none) the container credentials endpoint.
 *
 * @param sessionToken null for long-term credentials
 */
record AwsCredentials(String accessKeyId, String secretAccessKey, String sessionToken) {
    /** Where an endpoint over plain HTTP may be: this host, or the link-local addresses of ECS and EKS. */
    private static final Set<String> PLAIN_HTTP_HOSTS = Set.of("169.254.170.2", "169.254.170.23", "fd00:ec2:0:0:0:0:0:23");

    /**
     * Reads the credentials as they are now: the container endpoint's are temporary, so they are
     * read again for each request.
     *
     * @param http the client that calls the container endpoint, if the environment names one
     */
    static AwsCredentials current(Map<String, String> env, HttpClient http, Duration timeout) {
        String keyId = env.get("AWS_ACCESS_KEY_ID");
        String secretKey = env.get("AWS_SECRET_ACCESS_KEY");
        if (present(keyId) && present(secretKey)) {
            String token = env.get("AWS_SESSION_TOKEN");
            return new AwsCredentials(keyId, secretKey, present(token) ? token : null);
        }
        String endpoint = env.get("AWS_CONTAINER_CREDENTIALS_FULL_URI");
        if (present(endpoint)) {
            return fromContainerEndpoint(URI.create(endpoint), env.get("AWS_CONTAINER_AUTHORIZATION_TOKEN"), http,
                    timeout);
        }
        throw new IllegalStateException("no AWS credentials: neither AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY"
                + " nor AWS_CONTAINER_CREDENTIALS_FULL_URI is set");
    }

    private static AwsCredentials fromContainerEndpoint(URI endpoint, String authorization, HttpClient http,
            Duration timeout) {
        if (!isTrusted(endpoint)) {
            throw new IllegalStateException("AWS_CONTAINER_CREDENTIALS_FULL_URI must use https, or http to this host");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(timeout).GET();
        if (present(authorization)) {
            request.header("Authorization", authorization);
        }
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException("could not reach the container credentials endpoint ("
                    + e.getClass().getSimpleName() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the container credentials", e);
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("the container credentials endpoint answered HTTP " + response.statusCode());
        }
        JsonNode json;
        try {
            json = JsonTrees.read(response.body());
        } catch (IOException e) {
            json = null; // its message could quote the answer, which holds the secret key
        }
        if (json == null || !json.path("AccessKeyId").isTextual() || !json.path("SecretAccessKey").isTextual()) {
            throw new IllegalStateException("the container credentials endpoint answered without AccessKeyId and SecretAccessKey");
        }
        return new AwsCredentials(json.get("AccessKeyId").asText(), json.get("SecretAccessKey").asText(),
                json.path("Token").isTextual() ? json.get("Token").asText() : null);
    }

    /** As the AWS SDKs decide: credentials travel in clear only to this host or the container agents. */
    private static boolean isTrusted(URI endpoint) {
        if ("https".equalsIgnoreCase(endpoint.getScheme())) {
            return true;
        }
        if (!"http".equalsIgnoreCase(endpoint.getScheme()) || endpoint.getHost() == null) {
            return false;
        }
        String host = endpoint.getHost();
        try {
            InetAddress address = InetAddress.getByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
            return address.isLoopbackAddress() || PLAIN_HTTP_HOSTS.contains(address.getHostAddress());
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    @Override
    public String toString() {
        return "AwsCredentials[accessKeyId=" + accessKeyId + ", secretAccessKey=<hidden>, sessionToken="
                + (sessionToken == null ? "none" : "<hidden>") + "]";
    }
}
