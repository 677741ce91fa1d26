package dev.lambdanotes.routing;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The path of an API Gateway route, such as /notes/{id} or /files/{proxy+}, parsed once: literal
 * segments, {name} parameters that take one segment each, and a trailing greedy {name+} parameter
 * that takes the rest of the path. It matches a path already split into segments: how a path is
 * split, how a parameter's value is decoded, and which of several matching routes wins are its
 * callers' business.
 */
public final class RouteTemplate {
    private final String text;
    /** Per segment before any greedy parameter: its literal text, or null where it is a parameter. */
    private final String[] literals;
    /** Per segment before any greedy parameter: the parameter's name, or null where it is literal. */
    private final String[] names;
    /** The greedy parameter's name, or null when the template has none. */
    private final String greedy;
    private final int literalSegments;

    private RouteTemplate(String text, String[] literals, String[] names, String greedy) {
        this.text = text;
        this.literals = literals;
        this.names = names;
        this.greedy = greedy;
        int count = 0;
        for (String literal : literals) {
            if (literal != null) {
                count++;
            }
        }
        this.literalSegments = count;
    }

    /**
     * Parses a route's path as API Gateway writes it: a slash, then segments between slashes, none
     * empty ("/" alone has none), a greedy parameter only last (API Gateway refuses it elsewhere),
     * no parameter without a name or named twice.
     *
     * @throws IllegalArgumentException for a template that breaks these rules
     */
    public static RouteTemplate parse(String template) {
        if (!template.startsWith("/")) {
            throw invalid(template, "it does not start with /");
        }
        String[] segments = template.equals("/") ? new String[0] : template.substring(1).split("/", -1);
        String[] literals = new String[segments.length];
        String[] names = new String[segments.length];
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            if (segment.isEmpty()) {
                throw invalid(template, "it has an empty segment");
            }
            if (!(segment.startsWith("{") && segment.endsWith("}"))) {
                literals[i] = segment;
                continue;
            }
            String name = segment.substring(1, segment.length() - 1);
            boolean isGreedy = name.endsWith("+");
            if (isGreedy) {
                name = name.substring(0, name.length() - 1);
            }
            if (name.isEmpty()) {
                throw invalid(template, "a parameter has no name");
            }
            if (!seen.add(name)) {
                throw invalid(template, "the parameter " + name + " appears twice");
            }
            if (isGreedy) {
                if (i != segments.length - 1) {
                    throw invalid(template, "the greedy parameter " + name + " is not its last segment");
                }
                return new RouteTemplate(template, Arrays.copyOf(literals, i), Arrays.copyOf(names, i), name);
            }
            names[i] = name;
        }
        return new RouteTemplate(template, literals, names, null);
    }

    private static IllegalArgumentException invalid(String template, String reason) {
        return new IllegalArgumentException("Route template " + template + ": " + reason);
    }

    /**
     * The path's parameters, by name in the template's order, when the path matches: its segments
     * before any greedy parameter equal the literal ones and are not empty where a parameter takes
     * them, and there are exactly as many, or, with a greedy parameter, more whose rest, joined
     * by slashes, is not empty. Values are the segments as given, the greedy one joined by slashes.
     */
    public Optional<Map<String, String>> match(List<String> path) {
        int fixed = literals.length;
        if (greedy == null ? path.size() != fixed : path.size() <= fixed) {
            return Optional.empty();
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < fixed; i++) {
            String segment = path.get(i);
            if (literals[i] != null ? !literals[i].equals(segment) : segment.isEmpty()) {
                return Optional.empty();
            }
            if (names[i] != null) {
                parameters.put(names[i], segment);
            }
        }
        if (greedy != null) {
            String rest = String.join("/", path.subList(fixed, path.size()));
            if (rest.isEmpty()) {
                return Optional.empty();
            }
            parameters.put(greedy, rest);
        }
        return Optional.of(Collections.unmodifiableMap(parameters));
    }

    /** How many segments are literal text: the more, the more specific the route. */
    public int literalSegments() {
        return literalSegments;
    }

    /** How many segments take exactly one path segment each: all of them but a greedy one. */
    public int fixedSegments() {
        return literals.length;
    }

    /** Whether the last segment is a greedy {name+} parameter, which takes the rest of the path. */
    public boolean isGreedy() {
        return greedy != null;
    }

    /** The template as written, such as /notes/{id}. */
    @Override
    public String toString() {
        return text;
    }
}
