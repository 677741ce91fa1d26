package dev.lambdanotes.config;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Reads secrets from AWS Secrets Manager with the function's own credentials. The client is
 * built for one read and closed again. Only the two places Lambda puts credentials are asked:
 * environment variables, and (with SnapStart, which sets none) the container credentials
 * endpoint; skipping the rest of the default chain keeps the cold start short.
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
                .credentialsProvider(AwsCredentialsProviderChain.of(
                        EnvironmentVariableCredentialsProvider.create(), ContainerCredentialsProvider.create()))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build()) {
            return client.getSecretValue(request -> request.secretId(secretId)).secretString();
        }
    }
}
