package dev.lambdanotes.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AotCacheTest {
    @TempDir
    Path folder;
    private Path taskRoot;
    private Path runtimeJars;
    private AotCache caches;

    @BeforeEach
    void setUp() throws Exception {
        taskRoot = Files.createDirectories(folder.resolve("task/lib")).getParent();
        runtimeJars = Files.createDirectories(folder.resolve("runtime"));
        Files.writeString(taskRoot.resolve("lib/function.jar"), "first build");
        Files.writeString(runtimeJars.resolve("runtime-client.jar"), "client");
        caches = new AotCache(folder.resolve("caches"));
    }

    private InstanceSettings instance(Jdk jdk) {
        Template.Function function = new Template.Function("NotesFunction", "Handler::handleRequest", "java25", 1024, 15,
                Map.of(), List.of(new Template.Route("GET", "/notes")));
        return new InstanceSettings(function, taskRoot, runtimeJars, Map.of(),
                new PrintStream(OutputStream.nullOutputStream()), jdk, AotCache.Use.off());
    }

    @Test
    void theSameArtifactAndJdk_findTheSameCache() {
        assertThat(caches.fileFor(instance(Jdk.current()))).isEqualTo(caches.fileFor(instance(Jdk.current())));
        assertThat(caches.fileFor(instance(Jdk.current())).getFileName().toString())
                .startsWith("NotesFunction-jdk" + Jdk.current().feature() + "-").endsWith(".aot");
    }

    @Test
    void aRebuiltArtifact_looksForAnotherCache() throws Exception {
        Path before = caches.fileFor(instance(Jdk.current()));
        Path jar = taskRoot.resolve("lib/function.jar");
        Files.writeString(jar, "second build");
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 2000));

        assertThat(caches.fileFor(instance(Jdk.current()))).isNotEqualTo(before);
    }

    @Test
    void anotherJdk_looksForAnotherCache(@TempDir Path otherHome) throws Exception {
        JdkTest.fakeJdk(otherHome, "25.0.2", "25.0.2+10-LTS");
        Jdk other = Jdk.at(otherHome).orElseThrow();

        assertThat(caches.fileFor(instance(other))).isNotEqualTo(caches.fileFor(instance(Jdk.current())));
    }

    @Test
    void aCacheTheJvmRefuses_isDeleted_soThatItIsTrainedAgain() throws Exception {
        Path cache = caches.fileFor(instance(Jdk.current()));
        Files.createDirectories(cache.getParent());
        Files.writeString(cache, "not an AOT cache");

        assertThat(caches.accepted(cache, instance(Jdk.current()))).isFalse();
        assertThat(cache).doesNotExist();
    }

    @Test
    void installingATrainedCache_replacesTheFunctionsOlderOnes() throws Exception {
        Path folderOfCaches = Files.createDirectories(folder.resolve("caches"));
        Path stale = Files.writeString(folderOfCaches.resolve("NotesFunction-jdk25-0000000000000000.aot"), "old");
        Path otherFunction = Files.writeString(folderOfCaches.resolve("LoginFunction-jdk25-0000000000000000.aot"), "other");
        Path trained = Files.writeString(caches.trainingOutput("NotesFunction").resolveSibling("trained.aot"), "new");
        Path cache = caches.fileFor(instance(Jdk.current()));

        caches.install(trained, cache, "NotesFunction");

        assertThat(cache).hasContent("new");
        assertThat(stale).doesNotExist();
        assertThat(otherFunction).exists();
    }

    @Test
    void aTrainingWhoseProcessIsGone_hasItsFilesDeleted_whenTheNextTrainingStarts() throws Exception {
        Path folderOfCaches = Files.createDirectories(folder.resolve("caches"));
        Process ended = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(), "-version")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        ended.waitFor();
        long gone = ended.pid();
        long alive = ProcessHandle.current().parent().orElseThrow().pid();
        Path abandonedConfiguration = Files.writeString(folderOfCaches.resolve("LoginFunction-training-" + gone + ".aotconf"), "x");
        Path abandonedCache = Files.writeString(folderOfCaches.resolve("LoginFunction-training-" + gone + ".aot"), "x");
        Path runningElsewhere = Files.writeString(folderOfCaches.resolve("LoginFunction-training-" + alive + ".aotconf"), "x");
        Path installed = Files.writeString(folderOfCaches.resolve("LoginFunction-jdk25-0000000000000000.aot"), "x");

        Path output = caches.trainingOutput("NotesFunction");

        assertThat(abandonedConfiguration).doesNotExist();
        assertThat(abandonedCache).doesNotExist();
        assertThat(runningElsewhere).exists();
        assertThat(installed).exists();
        assertThat(output.getFileName().toString()).isEqualTo("NotesFunction-training-" + ProcessHandle.current().pid() + ".aotconf");
    }
}
