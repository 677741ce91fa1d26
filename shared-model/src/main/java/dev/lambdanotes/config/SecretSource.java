package dev.lambdanotes.config;

/** Reads a secret's value by its ARN or name. */
@FunctionalInterface
public interface SecretSource {
    String secretString(String secretId);
}
