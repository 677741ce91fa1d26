package dev.lambdanotes.local;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The parts of a SAM template the local runtime needs: each function's handler, runtime, memory, timeout,
 * environment and HTTP API routes, with Globals applied the way SAM applies them. Nothing is
 * declared twice: adding a route or a variable to template.yaml adds it locally.
 */
public final class Template {

    /** A CloudFormation intrinsic function (!Ref, !Sub, !GetAtt...), which only CloudFormation can resolve. */
    public record Intrinsic(String function, Object argument) {
    }

    /** An HTTP API route: a method (or ANY) and a path template such as /notes/{id}. */
    public record Route(String method, String path) {
        public String routeKey() {
            return method + " " + path;
        }
    }

    /** A function as the local runtime runs it; runtime is Lambda's identifier, such as java25. */
    public record Function(String id, String handler, String runtime, int memoryMb, int timeoutSeconds,
                           Map<String, Object> environment, List<Route> routes) {
    }

    private final Map<String, Object> parameters;
    private final List<Function> functions;
    private final List<String> customResourceFunctions;

    private Template(Map<String, Object> parameters, List<Function> functions, List<String> customResourceFunctions) {
        this.parameters = parameters;
        this.functions = functions;
        this.customResourceFunctions = customResourceFunctions;
    }

    /**
     * Functions that CloudFormation runs as custom resources at deploy time (the schema migration):
     * the ones a custom resource's ServiceToken names with !GetAtt Function.Arn.
     */
    public List<String> deployTimeFunctions() {
        return customResourceFunctions;
    }

    public static Template read(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file)) {
            return parse(new Yaml(new IntrinsicsConstructor()).load(reader));
        }
    }

    public List<Function> functions() {
        return functions;
    }


    /** A parameter's default value, which is what a !Ref to it means locally. */
    public Object parameterDefault(String name) {
        Object parameter = parameters.get(name);
        return parameter instanceof Map<?, ?> map ? map.get("Default") : null;
    }

    @SuppressWarnings("unchecked")
    private static Template parse(Object document) {
        Map<String, Object> root = (Map<String, Object>) document;
        Map<String, Object> globals = map(map(root.get("Globals")).get("Function"));
        Map<String, Object> resources = map(root.get("Resources"));
        List<Function> functions = new ArrayList<>();
        List<String> customResourceFunctions = new ArrayList<>();
        for (Map.Entry<String, Object> entry : resources.entrySet()) {
            Map<String, Object> resource = map(entry.getValue());
            String type = String.valueOf(resource.get("Type"));
            if (type.startsWith("Custom::") || type.equals("AWS::CloudFormation::CustomResource")) {
                Object token = map(resource.get("Properties")).get("ServiceToken");
                if (token instanceof Intrinsic getAtt && getAtt.function().equals("GetAtt")
                        && String.valueOf(getAtt.argument()).endsWith(".Arn")) {
                    String target = String.valueOf(getAtt.argument());
                    customResourceFunctions.add(target.substring(0, target.length() - ".Arn".length()));
                }
            }
            if (!"AWS::Serverless::Function".equals(type)) {
                continue;
            }
            Map<String, Object> properties = map(resource.get("Properties"));
            Map<String, Object> environment = new LinkedHashMap<>(
                    map(map(globals.get("Environment")).get("Variables")));
            environment.putAll(map(map(properties.get("Environment")).get("Variables")));
            List<Route> routes = new ArrayList<>();
            for (Object event : map(properties.get("Events")).values()) {
                Map<String, Object> eventMap = map(event);
                if ("HttpApi".equals(eventMap.get("Type"))) {
                    Map<String, Object> eventProperties = map(eventMap.get("Properties"));
                    Object method = eventProperties.getOrDefault("Method", "ANY");
                    Object path = eventProperties.getOrDefault("Path", "$default");
                    routes.add(new Route(String.valueOf(method).toUpperCase(), String.valueOf(path)));
                }
            }
            functions.add(new Function(entry.getKey(),
                    String.valueOf(first(properties.get("Handler"), globals.get("Handler"))),
                    String.valueOf(first(properties.get("Runtime"), globals.get("Runtime"))),
                    number(first(properties.get("MemorySize"), globals.get("MemorySize")), 128),
                    number(first(properties.get("Timeout"), globals.get("Timeout")), 3),
                    environment, routes));
        }
        return new Template(map(root.get("Parameters")), List.copyOf(functions), List.copyOf(customResourceFunctions));
    }

    private static Object first(Object value, Object fallback) {
        return value != null ? value : fallback;
    }

    private static int number(Object value, int fallback) {
        return value == null ? fallback : Integer.parseInt(String.valueOf(value));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    /** Reads CloudFormation's short-form tags (!Ref X, !Sub ..., !GetAtt ...) as {@link Intrinsic} values. */
    private static final class IntrinsicsConstructor extends SafeConstructor {
        IntrinsicsConstructor() {
            super(new LoaderOptions());
            this.yamlMultiConstructors.put("!", new AbstractConstruct() {
                @Override
                public Object construct(Node node) {
                    String tag = node.getTag().getValue().substring(1);
                    Object argument;
                    if (node instanceof ScalarNode scalar) {
                        argument = constructScalar(scalar);
                    } else if (node instanceof SequenceNode sequence) {
                        argument = constructSequence(sequence);
                    } else {
                        argument = constructMapping((MappingNode) node);
                    }
                    return new Intrinsic(tag, argument);
                }
            });
        }
    }
}
