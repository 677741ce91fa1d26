package dev.lambdanotes.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The local runtime's settings, as a benchmark or a test derives one set from another. */
class SettingsTest {
    @Test
    void toBuilder_keepsEverySetting_andChangesOnlyWhatIsSetAgain() throws Exception {
        LocalRuntime.Settings settings = FixtureSettings.builder()
                .maxInstances(1).idleTimeout(Duration.ofHours(1))
                .log(new PrintStream(OutputStream.nullOutputStream()))
                .aotCache(Path.of("aot"), Path.of("events")).build();

        assertThat(settings.toBuilder().build()).isEqualTo(settings);

        LocalRuntime.Settings changed = settings.toBuilder().maxInstances(3)
                .envVars(new ObjectMapper().readTree("{\"Parameters\":{}}")).build();
        assertThat(changed.maxInstances()).isEqualTo(3);
        assertThat(changed.envVars()).isNotNull();
        assertThat(changed).usingRecursiveComparison().ignoringFields("maxInstances", "envVars").isEqualTo(settings);
    }
}
