package dev.lambdanotes.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JdkTest {

    @ParameterizedTest
    @CsvSource({"java25, 25", "java21, 21", "java17, 17", "java8.al2, 8", "python3.12, -1", "provided.al2023, -1"})
    void aLambdaRuntime_namesItsJavaRelease(String runtime, int feature) {
        assertThat(Jdk.featureOf(runtime)).isEqualTo(feature);
    }

    @Test
    void aJdkHome_isReadFromItsReleaseFile(@TempDir Path home) throws Exception {
        fakeJdk(home, "25.0.3", "25.0.3+9-LTS");

        Jdk jdk = Jdk.at(home).orElseThrow();

        assertThat(jdk.feature()).isEqualTo(25);
        assertThat(jdk.version()).isEqualTo("25.0.3+9-LTS");
        assertThat(jdk.java()).isEqualTo(home.toRealPath().resolve("bin/java"));
    }

    @Test
    void aFolderWithoutAReleaseFile_isNoJdk(@TempDir Path home) {
        assertThat(Jdk.at(home)).isEmpty();
    }

    @Test
    void theLaunchersOwnJdk_servesItsOwnRelease_withoutAWarning() {
        ByteArrayOutputStream log = new ByteArrayOutputStream();

        Jdk jdk = Jdk.forRuntime("java" + Runtime.version().feature(), new PrintStream(log, true, StandardCharsets.UTF_8));

        assertThat(jdk.home()).isEqualTo(Jdk.current().home());
        assertThat(log.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void aReleaseThatIsNotInstalled_fallsBackToTheLaunchersJdk_withAOneLineWarning() {
        ByteArrayOutputStream log = new ByteArrayOutputStream();

        Jdk jdk = Jdk.forRuntime("java9", new PrintStream(log, true, StandardCharsets.UTF_8));

        assertThat(jdk.home()).isEqualTo(Jdk.current().home());
        assertThat(log.toString(StandardCharsets.UTF_8).strip())
                .startsWith("No JDK 9 is installed for the java9 runtime")
                .doesNotContain("\n");
    }

    @Test
    void lambdasJvmOptions_stopAtC1_withTheSerialCollector_andNoClassDataArchiveBesideAnAotCache() {
        assertThat(FunctionLauncher.lambdaJvmOptions(512, 25, false))
                .containsExactly("-XX:MaxRAM=512m", "-XX:+UseSerialGC", "-Xshare:auto",
                        "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "--enable-native-access=ALL-UNNAMED");
        assertThat(FunctionLauncher.lambdaJvmOptions(512, 17, false)).doesNotContain("--enable-native-access=ALL-UNNAMED");
        assertThat(FunctionLauncher.lambdaJvmOptions(512, 25, true)).doesNotContain("-Xshare:auto");
        assertThat(FunctionLauncher.lambdaJvmOptions(512, 11, false)).doesNotContain("-XX:TieredStopAtLevel=1");
    }

    static void fakeJdk(Path home, String version, String runtimeVersion) throws Exception {
        Files.writeString(home.resolve("release"),
                "JAVA_RUNTIME_VERSION=\"" + runtimeVersion + "\"\nJAVA_VERSION=\"" + version + "\"\n");
        Files.createDirectories(home.resolve("bin"));
        Path java = Files.createFile(home.resolve("bin/java"));
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
