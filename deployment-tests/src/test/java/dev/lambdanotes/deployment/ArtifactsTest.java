package dev.lambdanotes.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdanotes.testing.TestDatabase;
import dev.lambdanotes.testing.TestPostgres;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * What Lambda will run: each function's artifact, opened in a class loader of its own (nothing
 * from the test class path leaks in), as the Lambda Java runtime would load it.
 */
class ArtifactsTest {

    private static URLClassLoader isolated(Path jar) throws IOException {
        return new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
    }

    /** A function's Handler property ("package.Class::method"), its method absent when not named. */
    private record HandlerName(String text, String className, String method) {
        static HandlerName of(JsonNode function) {
            String text = function.get("Properties").get("Handler").asText();
            int separator = text.indexOf("::");
            return separator < 0 ? new HandlerName(text, text, null)
                    : new HandlerName(text, text.substring(0, separator), text.substring(separator + 2));
        }
    }

    @Test
    void everyFunctionOfTheTemplate_isBuiltByTheMakefile() {
        assertThat(Project.moduleOfFunction().keySet())
                .containsExactlyInAnyOrderElementsOf(Project.functions().keySet());
        Project.functions().forEach((id, function) ->
                assertThat(function.path("Metadata").path("BuildMethod").asText()).as(id).isEqualTo("makefile"));
    }

    @Test
    void everyHandlerOfTheTemplate_isAClassInItsFunctionsArtifact_thatImplementsALambdaHandlerInterface() throws Exception {
        for (Map.Entry<String, JsonNode> function : Project.functions().entrySet()) {
            HandlerName handler = HandlerName.of(function.getValue());
            String className = handler.className();
            String module = Project.moduleOfFunction().get(function.getKey());
            try (URLClassLoader loader = isolated(Project.artifactOf(module))) {
                Class<?> handlerClass = Class.forName(className, false, loader);
                Class<?> requestHandler = loader.loadClass("com.amazonaws.services.lambda.runtime.RequestHandler");
                Class<?> streamHandler = loader.loadClass("com.amazonaws.services.lambda.runtime.RequestStreamHandler");

                assertThat(requestHandler.isAssignableFrom(handlerClass) || streamHandler.isAssignableFrom(handlerClass))
                        .as("%s (%s) implements RequestHandler or RequestStreamHandler", function.getKey(), className)
                        .isTrue();
                assertThat(handlerClass.getConstructor()).as("%s has a public no-argument constructor", className)
                        .isNotNull();
                if (handler.method() != null) {
                    assertThat(List.of(handlerClass.getMethods())).as(handler.text())
                            .anyMatch(m -> m.getName().equals(handler.method()));
                }
            }
        }
    }

    /**
     * Given a POJO handler method, the Lambda Java runtime builds its reflection-based serializer
     * for the event and response classes at every cold start (about 800 classes, 700 of them
     * its shaded Jackson). Every handler method the template names takes the event's bytes instead.
     */
    @Test
    void everyHandlerMethodOfTheTemplate_takesTheEventsBytes_soTheRuntimeBuildsNoSerializer() throws Exception {
        for (Map.Entry<String, JsonNode> function : Project.functions().entrySet()) {
            HandlerName handler = HandlerName.of(function.getValue());
            String method = handler.method() != null ? handler.method() : "handleRequest";
            try (URLClassLoader loader = isolated(Project.artifactOf(Project.moduleOfFunction().get(function.getKey())))) {
                Class<?> handlerClass = Class.forName(handler.className(), false, loader);
                Class<?> context = loader.loadClass("com.amazonaws.services.lambda.runtime.Context");

                assertThat(List.of(handlerClass.getMethods())).as(handler.text())
                        .filteredOn(m -> m.getName().equals(method))
                        .isNotEmpty()
                        .allSatisfy(m -> assertThat(m.getParameterTypes()).as(handler.text())
                                .containsExactly(InputStream.class, OutputStream.class, context));
            }
        }
    }

    @Test
    void artifacts_holdNoTestDependencies_andKeepTheServiceLoaderFiles() throws IOException {
        for (String module : Project.moduleOfFunction().values()) {
            try (JarFile jar = new JarFile(Project.artifactOf(module).toFile())) {
                List<String> names = jar.stream().map(ZipEntry::getName).toList();
                assertThat(names).as(module).noneMatch(name -> name.startsWith("org/junit/")
                        || name.startsWith("org/assertj/") || name.startsWith("org/testcontainers/")
                        || name.startsWith("io/zonky/") || name.startsWith("dev/lambdanotes/testing/"));
                assertThat(serviceFile(jar, "java.sql.Driver")).as(module + ": the JDBC driver")
                        .contains("org.postgresql.Driver");
            }
        }
        try (JarFile jar = new JarFile(Project.artifactOf("migrations").toFile())) {
            assertThat(serviceFile(jar, "org.flywaydb.core.extensibility.Plugin"))
                    .as("Flyway's plugin list").contains("org.flywaydb.database.postgresql.PostgreSQLDatabaseType");
        }
    }

    @Test
    void theMigrationArtifact_migratesAPostgresDatabase_withOnlyWhatItPackages() throws Exception {
        TestDatabase database = TestPostgres.instance().createDatabase("artifact");
        try (URLClassLoader loader = isolated(Project.artifactOf("migrations"))) {
            Class<?> pgDataSource = loader.loadClass("org.postgresql.ds.PGSimpleDataSource");
            Object dataSource = pgDataSource.getConstructor().newInstance();
            pgDataSource.getMethod("setUrl", String.class).invoke(dataSource, database.jdbcUrl());
            pgDataSource.getMethod("setUser", String.class).invoke(dataSource, database.user());
            pgDataSource.getMethod("setPassword", String.class).invoke(dataSource, database.password());
            Class<?> migratorClass = loader.loadClass("dev.lambdanotes.migrations.SchemaMigrator");
            Object migrator = migratorClass.getConstructor(DataSource.class).newInstance(dataSource);

            migratorClass.getMethod("migrate").invoke(migrator);
        }
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM flyway_schema_history WHERE success")) {
            rows.next();
            assertThat(rows.getInt(1)).isPositive();
        }
    }

    private static String serviceFile(JarFile jar, String service) throws IOException {
        ZipEntry entry = jar.getEntry("META-INF/services/" + service);
        if (entry == null) {
            return null;
        }
        return new String(jar.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
    }
}
