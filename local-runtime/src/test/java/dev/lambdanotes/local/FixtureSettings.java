package dev.lambdanotes.local;

import java.nio.file.Path;

/**
 * The settings the runtime's tests start from: the test template, whose handlers are the fixture
 * classes among the test classes, and a database address nobody listens on (the fixtures need none).
 */
final class FixtureSettings {
    private FixtureSettings() {
    }

    static LocalRuntime.Settings.Builder builder() throws Exception {
        Template template = Template.read(Path.of(FixtureSettings.class.getResource("/test-template.yaml").toURI()));
        Path testClasses = Path.of(FixtureSettings.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return LocalRuntime.Settings.builder()
                .template(template)
                .taskRoots(id -> testClasses)
                .runtimeClasspath(Path.of(System.getProperty("notes.lambda.runtime.dir")))
                .databaseUrl("jdbc:postgresql://127.0.0.1:1/local")
                .databaseUser("postgres")
                .databasePassword("");
    }
}
