package dev.lambdanotes.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdanotes.application.LogIn;
import dev.lambdanotes.application.RegisterUser;
import dev.lambdanotes.domain.Credentials;
import dev.lambdanotes.json.JsonTrees;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What a function's routes rehearse with before a SnapStart snapshot: synthetic API Gateway
 * requests, sent through the routes' own {@link Routes#handleRequest} as JSON, exactly as Lambda would
 * hand them over, and accounts to send them as. A request answered otherwise than the rehearsal expects ends
 * it. Only {@link Priming} makes one, inside a dry run: the accounts, and all the requests change,
 * are rolled back.
 *
 * <p>Every rehearsal comes from its own unpredictable address (in 2001:db8::/32, reserved for
 * documentation, so never a client's) and uses unpredictable usernames: no throttle counter in the
 * database can ever hold priming back.
 */
public final class Rehearsal {
    private static final HexFormat HEX = HexFormat.of();

    private final Routes routes;
    private final RegisterUser registerUser;
    private final LogIn logIn;
    private final SecureRandom random = new SecureRandom();
    private final String sourceIp;
    private final Set<String> answered = new LinkedHashSet<>();
    private int sent;

    Rehearsal(Routes routes, RegisterUser registerUser, LogIn logIn) {
        this.routes = routes;
        this.registerUser = registerUser;
        this.logIn = logIn;
        this.sourceIp = "2001:db8:" + HEX.formatHex(bytes(2)) + ":" + HEX.formatHex(bytes(2)) + "::"
                + HEX.formatHex(bytes(2));
    }

    /** A username and password that no account has. */
    public record Account(String username, String password) {
        @Override
        public String toString() {
            return "Account[username=" + username + ", password=<hidden>]";
        }
    }

    /** A new username and password, not registered. */
    public Account newAccount() {
        return new Account("priming-" + HEX.formatHex(bytes(8)), HEX.formatHex(bytes(16)));
    }

    /** A new account, registered through the use case (the functions other than register have no route for it). */
    public Account registeredAccount() {
        Account account = newAccount();
        registerUser.register(new Credentials(account.username(), account.password()), sourceIp);
        return account;
    }

    /** Logs the account in through the use case: a bearer token for it. */
    public String signIn(Account account) {
        return logIn.logIn(account.username(), account.password(), sourceIp).token();
    }

    /** A request to the route with this key ("PUT /notes/{id}"), to adjust and send. */
    public Request request(String routeKey) {
        return new Request(routeKey);
    }

    /** The keys of the routes that answered a request as expected. */
    Set<String> answered() {
        return Collections.unmodifiableSet(answered);
    }

    private byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }

    /** One synthetic request, built as API Gateway builds its events (payload format 2.0). */
    public final class Request {
        private final String routeKey;
        private final Map<String, String> pathParameters = new LinkedHashMap<>();
        private final Map<String, String> query = new TreeMap<>();
        private final Map<String, String> headers = new TreeMap<>();
        private String body;

        private Request(String routeKey) {
            this.routeKey = routeKey;
            headers.put("accept", "application/json");
            headers.put("user-agent", "snapstart-priming");
        }

        public Request path(String name, String value) {
            pathParameters.put(name, value);
            return this;
        }

        public Request query(String name, String value) {
            query.put(name, value);
            return this;
        }

        public Request header(String name, String value) {
            headers.put(name.toLowerCase(Locale.ROOT), value);
            return this;
        }

        public Request bearer(String token) {
            return header("authorization", "Bearer " + token);
        }

        /** A JSON object body, from member names and string values in turn. */
        public Request json(String... membersAndValues) {
            ObjectNode object = JsonTrees.newObject();
            for (int i = 0; i + 1 < membersAndValues.length; i += 2) {
                object.put(membersAndValues[i], membersAndValues[i + 1]);
            }
            body = JsonTrees.write(object);
            return header("content-type", "application/json");
        }

        /** Sends the request through the routes; throws {@link Unexpected} unless it is answered with this status. */
        public Answer expect(int status) {
            int space = routeKey.indexOf(' ');
            String method = routeKey.substring(0, space);
            String path = routeKey.substring(space + 1);
            for (var parameter : pathParameters.entrySet()) {
                path = path.replace("{" + parameter.getKey() + "}", parameter.getValue());
            }
            ObjectNode event = JsonTrees.newObject()
                    .put("version", "2.0")
                    .put("routeKey", routeKey)
                    .put("rawPath", path)
                    .put("rawQueryString", query.entrySet().stream()
                            .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                            .collect(Collectors.joining("&")));
            headers.forEach(event.putObject("headers")::put);
            if (!query.isEmpty()) {
                query.forEach(event.putObject("queryStringParameters")::put);
            }
            if (!pathParameters.isEmpty()) {
                pathParameters.forEach(event.putObject("pathParameters")::put);
            }
            if (body != null) {
                event.put("body", body);
            }
            event.put("isBase64Encoded", false);
            ObjectNode context = event.putObject("requestContext")
                    .put("routeKey", routeKey)
                    .put("stage", "$default")
                    .put("requestId", "priming-" + ++sent)
                    .put("timeEpoch", System.currentTimeMillis());
            context.putObject("http")
                    .put("method", method)
                    .put("path", path)
                    .put("protocol", "HTTP/1.1")
                    .put("sourceIp", sourceIp)
                    .put("userAgent", "snapstart-priming");
            JsonNode response = send(event);
            int actual = response.path("statusCode").asInt();
            if (actual != status) {
                throw new Unexpected(routeKey, status, actual);
            }
            answered.add(routeKey);
            Map<String, String> answerHeaders = new LinkedHashMap<>();
            response.path("headers").properties().forEach(header -> answerHeaders.put(header.getKey(), header.getValue().asText()));
            return new Answer(answerHeaders, parse(response.path("body").isTextual() ? response.path("body").asText() : null));
        }
    }

    /** Sends the event's JSON through the routes as the Lambda runtime does, and reads the response's. */
    private JsonNode send(ObjectNode event) {
        try {
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            routes.handleRequest(new ByteArrayInputStream(JsonTrees.write(event).getBytes(StandardCharsets.UTF_8)), response, null);
            return JsonTrees.read(response.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isEmpty()) {
            return MissingNode.getInstance();
        }
        try {
            return JsonTrees.read(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a route answered: its headers and its JSON body (missing when it had none). */
    public record Answer(Map<String, String> headers, JsonNode body) {
        public String header(String name) {
            return headers.get(name);
        }

        /** A string member of the body. */
        public String member(String name) {
            return body.path(name).asText();
        }
    }

    /** A route answered with another status than the rehearsal expected. */
    public static final class Unexpected extends RuntimeException {
        Unexpected(String routeKey, int expected, int actual) {
            super(routeKey + " answered " + actual + " instead of " + expected);
        }
    }
}
