package dev.lambdanotes.local;

import dev.lambdanotes.testing.TestDatabase;
import java.nio.file.Path;

/**
 * The settings the tests of the real project start from: template.yaml, the functions' real
 * artifacts (laid out under target/task-roots) and the runtime client, over a test database.
 */
final class ProjectSettings {
    static final Path PROJECT = Path.of(System.getProperty("notes.project.dir"));

    private ProjectSettings() {
    }

    static LocalRuntime.Settings.Builder builder(TestDatabase database) throws Exception {
        Artifacts artifacts = new Artifacts(PROJECT, PROJECT.resolve("local-runtime/target/task-roots"));
        return LocalRuntime.Settings.builder()
                .template(Template.read(PROJECT.resolve("template.yaml")))
                .taskRoots(artifacts::taskRoot)
                .runtimeClasspath(Path.of(System.getProperty("notes.lambda.runtime.dir")))
                .databaseUrl(database.jdbcUrl())
                .databaseUser(database.user())
                .databasePassword(database.password());
    }
}
