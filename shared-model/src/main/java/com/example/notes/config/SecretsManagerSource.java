package com.example.notes.config;

import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Reads secrets from AWS Secrets Manager with the function's own credentials. The client is
 * built for one read at init and closed again: the credential chain and region lookup are skipped
 * (Lambda provides both in the environment), which keeps the cold start short.
 */
public final class SecretsManagerSource implements SecretSource {
    private final String region;

    public SecretsManagerSource(String region) {
        this.region = region;
    }

    @Override
    public String secretString(String secretId) {
        try (SecretsManagerClient client = SecretsManagerClient.builder()
                .region(Region.of(region))
                .credentialsProvider(EnvironmentVariableCredentialsProvider.create())
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build()) {
            return client.getSecretValue(request -> request.secretId(secretId)).secretString();
        }
    }
}
