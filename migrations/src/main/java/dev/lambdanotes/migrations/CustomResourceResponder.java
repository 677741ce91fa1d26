package dev.lambdanotes.migrations;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends a custom resource's response to the pre-signed S3 URL CloudFormation waits on. A response
 * that never arrives leaves the stack hanging for an hour, so transient failures are retried.
 */
public class CustomResourceResponder {
    private static final Logger LOG = Logger.getLogger(CustomResourceResponder.class.getName());
    private static final int ATTEMPTS = 3;

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /** PUTs the body, with no Content-Type: the URL is signed without one. */
    public void send(String responseUrl, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(responseUrl))
                .timeout(Duration.ofSeconds(10))
                .PUT(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() / 100 == 2) {
                    return;
                }
                LOG.warning("the custom resource response was refused with HTTP " + response.statusCode()
                        + " (attempt " + attempt + ")");
            } catch (IOException e) {
                LOG.log(Level.WARNING, "could not send the custom resource response (attempt " + attempt + ")", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while sending the custom resource response", e);
            }
            sleepBeforeRetry(attempt);
        }
        throw new IllegalStateException("the custom resource response could not be delivered");
    }

    private static void sleepBeforeRetry(int attempt) {
        try {
            Thread.sleep(200L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
