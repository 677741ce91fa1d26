package dev.lambdanotes.testing.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** One change to a sample event; a generated request is a sample and a list of these. */
public interface Edit {
    void apply(ObjectNode event, World world);

    /** The sample as it is; what a part of a request shrinks to. */
    static Edit none() {
        return Unchanged.INSTANCE;
    }

    enum Unchanged implements Edit {
        INSTANCE;

        @Override
        public void apply(ObjectNode event, World world) {
        }
    }

    /** Sets a header, replacing it under any case of its name; a null value is a JSON null. */
    record Header(String name, String value) implements Edit {
        @Override
        public void apply(ObjectNode event, World world) {
            ObjectNode headers = headers(event);
            for (Iterator<String> names = headers.fieldNames(); names.hasNext(); ) {
                if (names.next().equalsIgnoreCase(name)) {
                    names.remove();
                }
            }
            headers.put(name, value);
        }

        @Override
        public String toString() {
            return "header " + Show.text(name) + ": " + Show.text(value);
        }
    }

    /** Adds a header under exactly this name, next to any other case of it (API Gateway would have merged them). */
    record ExtraHeader(String name, String value) implements Edit {
        @Override
        public void apply(ObjectNode event, World world) {
            headers(event).put(name, value);
        }

        @Override
        public String toString() {
            return "extra header " + Show.text(name) + ": " + Show.text(value);
        }
    }

    record RemoveHeader(String name) implements Edit {
        @Override
        public void apply(ObjectNode event, World world) {
            ObjectNode headers = headers(event);
            for (Iterator<String> names = headers.fieldNames(); names.hasNext(); ) {
                if (names.next().equalsIgnoreCase(name)) {
                    names.remove();
                }
            }
        }

        @Override
        public String toString() {
            return "no header " + Show.text(name);
        }
    }

    /** The Authorization header: the format with %s replaced by a token that exists when the request is sent. */
    record Authorization(String format, World.TokenRef token, int pick) implements Edit {
        @Override
        public void apply(ObjectNode event, World world) {
            new Header("authorization", format.replace("%s", world.token(token, pick))).apply(event, world);
        }

        @Override
        public String toString() {
            return "authorization " + Show.text(format) + " with %s = " + token + " token #" + pick;
        }
    }

    record SetBody(Body body) implements Edit {
        @Override
        public void apply(ObjectNode event, World world) {
            body.applyTo(event);
        }

        @Override
        public String toString() {
            return body.toString();
        }
    }

    /** requestContext.http.method; null removes it. */
    record Method(String method) implements Edit {
        @Override
        public void apply(ObjectNode event, World world) {
            ObjectNode http = event.withObjectProperty("requestContext").withObjectProperty("http");
            if (method == null) {
                http.remove("method");
            } else {
                http.put("method", method);
            }
        }

        @Override
        public String toString() {
            return "method " + Show.text(method);
        }
    }

    /** rawPath and requestContext.http.path together; null removes both. */
    record Path(String path) implements Edit {
        @Override
        public void apply(ObjectNode event, World world) {
            ObjectNode http = event.withObjectProperty("requestContext").withObjectProperty("http");
            if (path == null) {
                event.remove("rawPath");
                http.remove("path");
            } else {
                event.put("rawPath", path);
                http.put("path", path);
            }
        }

        @Override
        public String toString() {
            return "path " + Show.text(path);
        }
    }

    /** The route API Gateway matched, in the event and its requestContext; null removes it. */
    record RouteKey(String routeKey) implements Edit {
        @Override
        public void apply(ObjectNode event, World world) {
            ObjectNode context = event.withObjectProperty("requestContext");
            if (routeKey == null) {
                event.remove("routeKey");
                context.remove("routeKey");
            } else {
                event.put("routeKey", routeKey);
                context.put("routeKey", routeKey);
            }
        }

        @Override
        public String toString() {
            return "routeKey " + Show.text(routeKey);
        }
    }

    /** Points a /notes/{id} request at a note: the id path parameter and the path, the id put into the format. */
    record NoteTarget(World.NoteRef note, int pick, String format) implements Edit {
        @Override
        public void apply(ObjectNode event, World world) {
            String id = format.replace("%s", world.noteId(note, pick));
            event.withObjectProperty("pathParameters").put("id", id);
            new Path("/notes/" + id).apply(event, world);
        }

        @Override
        public String toString() {
            return "note id " + Show.text(format) + " with %s = " + note + " note #" + pick;
        }
    }

    /** Only the id path parameter, leaving the path as it is (a mismatch API Gateway would not produce). */
    record PathParameter(String name, String value) implements Edit {
        @Override
        public void apply(ObjectNode event, World world) {
            event.withObjectProperty("pathParameters").put(name, value);
        }

        @Override
        public String toString() {
            return "path parameter " + Show.text(name) + " = " + Show.text(value);
        }
    }

    /** The query parameters (and a raw query string built naively from them); a cursor pick adds a cursor from the listing. */
    record Query(Map<String, String> parameters, Integer cursorPick) implements Edit {
        @Override
        public void apply(ObjectNode event, World world) {
            Map<String, String> all = new TreeMap<>(parameters);
            if (cursorPick != null) {
                all.put("cursor", world.cursor(cursorPick));
            }
            ObjectNode query = event.putObject("queryStringParameters");
            all.forEach(query::put);
            event.put("rawQueryString", all.entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("&")));
        }

        @Override
        public String toString() {
            return "query " + parameters.entrySet().stream()
                    .map(e -> Show.text(e.getKey()) + "=" + Show.text(e.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"))
                    + (cursorPick == null ? "" : " and cursor #" + cursorPick + " of those returned");
        }
    }

    /** If-Match: the format with %s replaced by the current (or a stale) ETag of one of the own notes. */
    record IfMatch(String format, int pick, boolean stale) implements Edit {
        @Override
        public void apply(ObjectNode event, World world) {
            new Header("if-match", format.replace("%s", world.etag(pick, stale))).apply(event, world);
        }

        @Override
        public String toString() {
            return "if-match " + Show.text(format) + " with %s = " + (stale ? "a stale" : "the current")
                    + " ETag of own note #" + pick;
        }
    }

    /** Removes a member of the event, e.g. "requestContext", "requestContext/http", "headers". */
    record Remove(String path) implements Edit {
        @Override
        public void apply(ObjectNode event, World world) {
            JsonNode parent = event;
            String[] names = path.split("/");
            for (int i = 0; i < names.length - 1 && parent != null; i++) {
                parent = parent.get(names[i]);
            }
            if (parent instanceof ObjectNode object) {
                object.remove(names[names.length - 1]);
            }
        }

        @Override
        public String toString() {
            return "without " + path;
        }
    }

    private static ObjectNode headers(ObjectNode event) {
        if (!(event.get("headers") instanceof ObjectNode)) {
            event.putObject("headers");
        }
        return (ObjectNode) event.get("headers");
    }
}
