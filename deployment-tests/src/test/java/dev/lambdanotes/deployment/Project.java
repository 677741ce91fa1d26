package dev.lambdanotes.deployment;

import dev.lambdanotes.local.Artifacts;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/** The repository's deployment files as the tests read them: template.yaml, the Makefile, the built artifacts. */
final class Project {
    private Project() {
    }

    static Path root() {
        return Path.of(System.getProperty("notes.project.dir"));
    }

    private static JsonNode template;

    /** template.yaml as a tree (read once); CloudFormation's short-form tags (!Ref, !Sub...) are read as their plain values. */
    static synchronized JsonNode template() {
        if (template == null) {
            try {
                template = new ObjectMapper(new YAMLFactory()).readTree(root().resolve("template.yaml").toFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return template;
    }

    /** Every AWS::Serverless::Function of the template, by logical id. */
    static Map<String, JsonNode> functions() {
        Map<String, JsonNode> functions = new LinkedHashMap<>();
        JsonNode resources = template().get("Resources");
        for (Map.Entry<String, JsonNode> resource : resources.properties()) {
            if (resource.getValue().path("Type").asText().equals("AWS::Serverless::Function")) {
                functions.put(resource.getKey(), resource.getValue());
            }
        }
        return functions;
    }

    /** The version of the newest migration file (V2__...sql: "2"), which a fresh database is migrated to. */
    static String latestMigrationVersion() {
        try (Stream<Path> files = Files.list(root().resolve("migrations/src/main/resources/db/migration"))) {
            return Integer.toString(files.map(file -> file.getFileName().toString())
                    .filter(name -> name.matches("V\\d+__.*\\.sql"))
                    .mapToInt(name -> Integer.parseInt(name.substring(1, name.indexOf("__"))))
                    .max().orElseThrow());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The module the Makefile builds for a function, as `sam build` runs it. */
    static Map<String, String> moduleOfFunction() {
        return Artifacts.modulesByFunction(root().resolve("Makefile"));
    }

    /** The deployable jar `mvn package` built for a module. */
    static Path artifactOf(String module) {
        return Artifacts.jarOf(root().resolve(module));
    }
}
