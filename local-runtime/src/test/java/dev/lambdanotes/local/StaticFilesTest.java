package dev.lambdanotes.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The web app's files on the local gateway: only files under the app's root, with the security headers, after the API's routes. */
class StaticFilesTest {
    private static final String NOT_FOUND = "{\"message\":\"Not Found\"}";
    @TempDir
    static Path dir;
    private static LocalRuntime runtime;
    private static int port;

    @BeforeAll
    static void start() throws Exception {
        Path app = Files.createDirectories(dir.resolve("app"));
        Files.writeString(app.resolve("index.html"), "<!doctype html><title>Notes</title>");
        Files.writeString(app.resolve("app.js"), "console.log('app');");
        Files.createDirectories(app.resolve("vendor"));
        Files.writeString(app.resolve("vendor/lib.css"), "body{}");
        Files.writeString(app.resolve(".hidden"), "hidden");
        Files.createDirectories(app.resolve("echo"));
        Files.writeString(app.resolve("echo/shadowed"), "a file that a route's path hides");
        Files.writeString(dir.resolve("secret.txt"), "outside the app");
        Files.createSymbolicLink(app.resolve("link-out.txt"), dir.resolve("secret.txt"));

        runtime = new LocalRuntime(FixtureSettings.builder()
                .maxInstances(1)
                .idleTimeout(Duration.ofMinutes(5))
                .log(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
                .build());
        port = runtime.startApi(0, new StaticFiles(app));
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    private static RawHttp.Response request(String method, String target) throws Exception {
        return RawHttp.send(port, method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    }

    @Test
    void root_servesIndexHtml_withTheSecurityHeaders() throws Exception {
        RawHttp.Response response = request("GET", "/");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("<!doctype html><title>Notes</title>");
        assertThat(response.headers())
                .containsEntry("content-type", "text/html; charset=utf-8")
                .containsEntry("content-security-policy", StaticFiles.CONTENT_SECURITY_POLICY)
                .containsEntry("x-content-type-options", "nosniff")
                .containsEntry("x-frame-options", "DENY")
                .containsEntry("referrer-policy", "no-referrer");
    }

    @Test
    void aFileOfTheApp_isServedWithItsMediaType_inSubdirectoriesToo() throws Exception {
        RawHttp.Response script = request("GET", "/app.js");
        RawHttp.Response style = request("GET", "/vendor/lib.css");

        assertThat(script.status()).isEqualTo(200);
        assertThat(script.headers()).containsEntry("content-type", "text/javascript; charset=utf-8");
        assertThat(script.body()).isEqualTo("console.log('app');");
        assertThat(style.headers()).containsEntry("content-type", "text/css; charset=utf-8")
                .containsEntry("content-security-policy", StaticFiles.CONTENT_SECURITY_POLICY);
    }

    @Test
    void head_answersTheHeadersWithoutTheBody() throws Exception {
        RawHttp.Response response = request("HEAD", "/app.js");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers()).containsEntry("content-length", "19");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/missing.js", "/vendor/", "/vendor", "/.hidden", "/%2e%2e/secret.txt",
            "/vendor/%2e%2e/%2e%2e/secret.txt", "/vendor/..%2f..%2fsecret.txt", "/link-out.txt", "//app.js",
            "/app.js/", "/vendor%5clib.css", "/index.html%00"})
    void aPathThatIsNoFileUnderTheRoot_isTheApisNotFound(String path) throws Exception {
        RawHttp.Response response = request("GET", path);

        assertThat(response.status()).as(path).isEqualTo(404);
        assertThat(response.body()).isEqualTo(NOT_FOUND);
        assertThat(response.headers()).doesNotContainKey("content-security-policy");
    }

    @Test
    void onlyGetAndHead_readFiles() throws Exception {
        RawHttp.Response response = request("DELETE", "/index.html");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.body()).isEqualTo(NOT_FOUND);
    }

    @Test
    void anApiRoute_winsOverAFileOfTheSamePath() throws Exception {
        RawHttp.Response response = request("GET", "/echo/shadowed");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("\"rawPath\":\"/echo/shadowed\"");
    }
}
