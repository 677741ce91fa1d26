package dev.lambdanotes.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdanotes.testing.TestDatabase;
import dev.lambdanotes.testing.TestPostgres;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * The AOT caches of the real functions: trained from events/ in a scratch database, used by the
 * instances started afterwards, and kept for the next start. Runs where a JDK 25 (the template's
 * runtime) is installed, as CI's machines have one.
 */
@EnabledIf("aJdkThatWritesAotCachesIsInstalled")
class AotTrainingTest {
    private static final Path PROJECT = ProjectSettings.PROJECT;

    static boolean aJdkThatWritesAotCachesIsInstalled() throws Exception {
        Template template = Template.read(PROJECT.resolve("template.yaml"));
        String runtime = template.functions().get(0).runtime();
        return AotCache.supported(Jdk.forRuntime(runtime, new PrintStream(java.io.OutputStream.nullOutputStream())));
    }

    private static LocalRuntime runtime(TestDatabase database, Path caches, ByteArrayOutputStream log) throws Exception {
        return new LocalRuntime(ProjectSettings.builder(database)
                .maxInstances(1)
                .idleTimeout(Duration.ofMinutes(5))
                .log(new PrintStream(log, true, StandardCharsets.UTF_8))
                .aotCache(caches, PROJECT.resolve("events"))
                .build());
    }

    @Test
    void training_givesEachApiFunctionACache_thatItsInstancesStartFrom_andLeavesNoDataBehind() throws Exception {
        TestDatabase database = TestPostgres.instance().createDatabase("aot_training_check");
        Path caches = PROJECT.resolve("local-runtime/target/aot-cache-test");
        deleteTree(caches);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        List<String> databasesBefore;
        try (LocalRuntime runtime = runtime(database, caches, log)) {
            runtime.runDeployTimeFunctions();
            databasesBefore = databases(database);
            assertThat(rows(database)).isEqualTo(0);

            runtime.prepareAotCaches(true);

            assertThat(log.toString(StandardCharsets.UTF_8)).contains("AOT caches ready");
            try (Stream<Path> files = Files.list(caches)) {
                assertThat(files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".aot")).sorted())
                        .hasSize(4)
                        .allMatch(name -> name.matches("(Account|Login|Notes|Register)Function-jdk\\d+-[0-9a-f]{16}\\.aot"));
            }
            assertThat(rows(database)).as("rows in the local database after training").isEqualTo(0);
            assertThat(databases(database)).as("databases after training").isEqualTo(databasesBefore);

            InvocationResult registered = runtime.invoke("RegisterFunction", Files.readAllBytes(PROJECT.resolve("events/register.json")));
            assertThat(new String(registered.payload(), StandardCharsets.UTF_8)).contains("\"statusCode\":201");
            assertThat(commandLines(runtime)).anyMatch(line -> line.contains("-XX:AOTCache=" + caches));
        }

        ByteArrayOutputStream nextLog = new ByteArrayOutputStream();
        try (LocalRuntime next = runtime(database, caches, nextLog)) {
            next.prepareAotCaches(true);
            assertThat(nextLog.toString(StandardCharsets.UTF_8)).as("a second start trains nothing").doesNotContain("Training");
            assertThat(next.pool("NotesFunction").settings().aot().jvmOptions()).first()
                    .asString().startsWith("-XX:AOTCache=" + caches);
        }
    }

    private static List<String> commandLines(LocalRuntime runtime) {
        List<String> lines = new ArrayList<>();
        for (long pid : runtime.functionProcessIds()) {
            ProcessHandle.of(pid).flatMap(process -> process.info().commandLine()).ifPresent(lines::add);
        }
        return lines;
    }

    private static int rows(TestDatabase database) throws Exception {
        try (Connection connection = database.dataSource().getConnection(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("select (select count(*) from users) + (select count(*) from notes)"
                     + " + (select count(*) from access_tokens) + (select count(*) from attempt_counters)")) {
            result.next();
            return result.getInt(1);
        }
    }

    private static List<String> databases(TestDatabase database) throws Exception {
        List<String> names = new ArrayList<>();
        try (Connection connection = database.dataSource().getConnection(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("select datname from pg_database order by datname")) {
            while (result.next()) {
                names.add(result.getString(1));
            }
        }
        return names;
    }

    private static void deleteTree(Path root) throws Exception {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
