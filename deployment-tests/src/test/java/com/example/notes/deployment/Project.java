package com.example.notes.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The repository's deployment files as the tests read them: template.yaml, the Makefile, the built artifacts. */
final class Project {
    private static final Pattern MAKE_TARGET =
            Pattern.compile("^build-(\\w+):\\s*\\n\\t\\$\\(call package_function,([^)]+)\\)", Pattern.MULTILINE);

    private Project() {
    }

    static Path root() {
        return Path.of(System.getProperty("notes.project.dir"));
    }

    /** template.yaml as a tree; CloudFormation's short-form tags (!Ref, !Sub...) are read as their plain values. */
    static JsonNode template() {
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(root().resolve("template.yaml").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

    /** The module the Makefile builds for a function, as `sam build` runs it. */
    static Map<String, String> moduleOfFunction() {
        try {
            String makefile = Files.readString(root().resolve("Makefile"));
            Map<String, String> modules = new LinkedHashMap<>();
            Matcher matcher = MAKE_TARGET.matcher(makefile);
            while (matcher.find()) {
                modules.put(matcher.group(1), matcher.group(2).trim());
            }
            return modules;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The deployable jar `mvn package` built for a module. */
    static Path artifactOf(String module) {
        Path target = root().resolve(module).resolve("target");
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(path -> path.getFileName().toString().endsWith("-lambda.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no -lambda.jar in " + target + ": run mvn package"));
        } catch (IOException e) {
            throw new UncheckedIOException("no build output in " + target + ": run mvn package", e);
        }
    }
}
