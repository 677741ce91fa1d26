package dev.lambdanotes.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AppConfigTest {
    private static final String URL = "jdbc:postgresql://proxy.example:5432/notes";

    @Test
    void withoutASecret_credentialsComeFromTheEnvironment() {
        AppConfig config = AppConfig.fromEnvironment(Map.of(
                "DATABASE_URL", URL, "DATABASE_USER", "app", "DATABASE_PASSWORD", "local-pw"));

        assertThat(config.databaseUser()).isEqualTo("app");
        assertThat(config.databasePassword()).isEqualTo("local-pw");
        assertThat(config.tokenTtl()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void withASecretArn_credentialsComeFromTheSecret_notFromPlainVariables() {
        List<String> asked = new ArrayList<>();
        AppConfig config = AppConfig.fromEnvironment(Map.of(
                        "DATABASE_URL", URL,
                        "DATABASE_SECRET_ARN", "arn:aws:secretsmanager:eu-west-1:123456789012:secret:rds!db-1",
                        "DATABASE_PASSWORD", "ignored"),
                secretId -> {
                    asked.add(secretId);
                    return "{\"username\":\"notes_admin\",\"password\":\"from-secrets-manager\"}";
                });

        assertThat(asked).containsExactly("arn:aws:secretsmanager:eu-west-1:123456789012:secret:rds!db-1");
        assertThat(config.databaseUser()).isEqualTo("notes_admin");
        assertThat(config.databasePassword()).isEqualTo("from-secrets-manager");
        assertThat(config.toString()).doesNotContain("from-secrets-manager");
    }

    @Test
    void aSecretWithoutUsernameAndPassword_failsInitWithAClearMessage() {
        assertThatThrownBy(() -> AppConfig.fromEnvironment(Map.of("DATABASE_URL", URL, "DATABASE_SECRET_ARN", "x"),
                secretId -> "{\"user\":\"a\"}"))
                .hasMessageContaining("username and password");
        assertThatThrownBy(() -> AppConfig.fromEnvironment(Map.of("DATABASE_URL", URL, "DATABASE_SECRET_ARN", "x"),
                secretId -> "not json"))
                .hasMessageContaining("not a JSON object");
    }

    @Test
    void missingUrlOrBadNumbers_failInitWithAClearMessage() {
        assertThatThrownBy(() -> AppConfig.fromEnvironment(Map.of()))
                .hasMessageContaining("DATABASE_URL");
        assertThatThrownBy(() -> AppConfig.fromEnvironment(Map.of("DATABASE_URL", URL, "TOKEN_TTL_SECONDS", "soon")))
                .hasMessageContaining("TOKEN_TTL_SECONDS");
    }
}
