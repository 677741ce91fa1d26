package dev.lambdanotes.migrations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The migrations of this release as the tests expect Flyway to report them, read from the files themselves. */
final class MigrationFiles {
    private MigrationFiles() {
    }

    /** "1 users notes tokens", ...: version and description, in order. */
    static List<String> described() {
        try (Stream<Path> files = Files.list(Path.of(SchemaMigrator.class.getResource("/db/migration").toURI()))) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.matches("V\\d+__.+\\.sql"))
                    .sorted((a, b) -> Integer.compare(version(a), version(b)))
                    .map(name -> version(name) + " " + name.substring(name.indexOf("__") + 2, name.length() - 4).replace('_', ' '))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static String latestVersion() {
        List<String> all = described();
        String last = all.get(all.size() - 1);
        return last.substring(0, last.indexOf(' '));
    }

    static int count() {
        return described().size();
    }

    private static int version(String fileName) {
        return Integer.parseInt(fileName.substring(1, fileName.indexOf("__")));
    }
}
