package dev.lambdanotes.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** PostgreSQL 17 run from the binaries of the io.zonky.test.postgres artifacts: no Docker needed. */
final class EmbeddedPostgresServer extends TestPostgres {
    private final Path dataDirectory;
    private int port;
    private EmbeddedPostgres postgres;

    EmbeddedPostgresServer() {
        try {
            dataDirectory = Files.createTempDirectory("notes-test-pg");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        postgres = startOn(0);
        port = postgres.getPort();
    }

    /** Never lets the library clean the data directory: a restart must find the data where it was. */
    private EmbeddedPostgres startOn(int requestedPort) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off");
            if (requestedPort > 0) {
                builder.setPort(requestedPort);
            }
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
        }
    }

    @Override
    public TestDatabase database(String name) {
        return new TestDatabase("jdbc:postgresql://localhost:" + port + "/" + name, "postgres", "postgres");
    }

    @Override
    public synchronized void restart() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        postgres = startOn(port);
    }

    @Override
    protected synchronized void stop() {
        try {
            postgres.close();
            try (var files = Files.walk(dataDirectory)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        } catch (IOException e) {
            // the JVM is exiting; a leftover temporary directory is harmless
        }
    }
}
