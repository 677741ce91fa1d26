package dev.lambdanotes.testing.fuzz;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The rules every response obeys, written from the README rather than from the code: no 5xx; every
 * error a problem+json that names no class and carries no stack trace; and a 2xx only for a request
 * the README calls valid, answered with what was sent. Acknowledged changes go into the ledger.
 */
final class ApiOracle {
    static final int MAX_BODY_BYTES = 1024 * 1024;
    private static final List<String> LEAKS = List.of("java.", "com.", "org.", "dev.lambdanotes", "Exception");
    private static final Pattern STACK_FRAME = Pattern.compile("\\bat [\\w$]+(\\.[\\w$<>]+)+\\(");
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._-]{3,80}");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final Pattern ETAG = Pattern.compile("\"(-?\\d+)\"");
    private static final UUID NOBODY = new UUID(0, 0);
    private static final JsonMapper STRICT = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final JsonMapper LENIENT = JsonMapper.builder().build();

    private final Ledger ledger;

    ApiOracle(Ledger ledger) {
        this.ledger = ledger;
    }

    /** Throws an AssertionError naming the broken rule. */
    void check(ApiFunction function, APIGatewayV2HTTPEvent event, APIGatewayV2HTTPResponse response) {
        int status = response.getStatusCode();
        Map<String, String> headers = response.getHeaders() == null ? Map.of() : response.getHeaders();
        if (status >= 500) {
            throw violation("a server error (" + status + ")");
        }
        if (status < 200 || (status >= 300 && status < 400)) {
            throw violation("status " + status + ", which the API never answers");
        }
        if (!"no-store".equals(headers.get("Cache-Control"))) {
            throw violation("no Cache-Control: no-store");
        }
        if (status >= 400) {
            checkProblem(status, headers, response.getBody());
        } else {
            acknowledged(function, new Request(event), status, headers, response.getBody());
        }
    }

    private static void checkProblem(int status, Map<String, String> headers, String body) {
        if (!"application/problem+json".equals(headers.get("Content-Type"))) {
            throw violation("an error of Content-Type " + headers.get("Content-Type") + ", not application/problem+json");
        }
        if (body == null) {
            throw violation("an error without a body");
        }
        for (String leak : LEAKS) {
            if (body.contains(leak)) {
                throw violation("an error naming a class or exception (" + leak + ")");
            }
        }
        if (STACK_FRAME.matcher(body).find() || body.contains("\tat ")) {
            throw violation("an error carrying a stack trace");
        }
        JsonNode problem = parse(body).orElseThrow(() -> violation("an error body that is not JSON"));
        for (String member : List.of("type", "title", "detail")) {
            if (!problem.path(member).isTextual() || problem.path(member).asText().isBlank()) {
                throw violation("a problem without " + member);
            }
        }
        if (!problem.path("status").isInt() || problem.path("status").intValue() != status) {
            throw violation("a problem whose status member is not " + status);
        }
        if (status == 401 && !String.valueOf(headers.get("WWW-Authenticate")).startsWith("Bearer")) {
            throw violation("a 401 without a Bearer challenge");
        }
        if (status == 405 && headers.get("Allow") == null) {
            throw violation("a 405 without Allow");
        }
    }

    private void acknowledged(ApiFunction function, Request request, int status, Map<String, String> headers,
                              String body) {
        String route = request.route(function);
        if (route == null) {
            throw violation(status + " for a request that matches no route of the function");
        }
        switch (route) {
            case "POST /register" -> register(request, expect(201, status, route), body);
            case "POST /login" -> logIn(request, expect(200, status, route), body);
            case "POST /logout" -> logOut(request, expect(204, status, route));
            case "GET /notes" -> list(request, expect(200, status, route), body);
            case "POST /notes" -> create(request, expect(201, status, route), headers, body);
            case "GET /notes/{id}" -> get(request, expect(200, status, route), headers, body);
            case "PUT /notes/{id}" -> update(request, expect(200, status, route), headers, body);
            case "DELETE /notes/{id}" -> delete(request, expect(204, status, route));
            default -> throw new IllegalStateException(route);
        }
    }

    private void register(Request request, int status, String body) {
        JsonNode sent = request.lenientBody();
        String username = sent.path("username").asText(null);
        Optional<Ledger.Account> existing = username == null ? Optional.empty() : ledger.account(username);
        JsonNode answer = json(body);
        ledger.registered(new Ledger.Account(uuid(answer.path("id").asText()), answer.path("username").asText(),
                sent.path("password").asText(null)));

        ObjectNode valid = request.validJsonObject();
        String password = string(valid, "password");
        username = string(valid, "username");
        if (!USERNAME.matcher(username).matches()) {
            throw acknowledgedInvalid("the username breaks the rules");
        }
        int length = password.codePointCount(0, password.length());
        if (length < 8 || length > 1024) {
            throw acknowledgedInvalid("the password is not 8 to 1024 characters");
        }
        if (hasUnpairedSurrogate(password)) {
            throw acknowledgedInvalid("the password contains an unpaired surrogate, which has no UTF-8 form");
        }
        if (existing.isPresent()) {
            throw acknowledgedInvalid("the username is taken (regardless of case) by " + Show.text(existing.get().username()));
        }
        if (!username.equals(answer.path("username").asText())) {
            throw violation("a registration answering username " + Show.text(answer.path("username").asText())
                    + " for " + Show.text(username));
        }
    }

    private void logIn(Request request, int status, String body) {
        JsonNode sent = request.lenientBody();
        String username = sent.path("username").asText("");
        String token = json(body).path("token").asText();
        Optional<Ledger.Account> account = ledger.account(username);
        ledger.issued(token, account.map(Ledger.Account::id).orElse(NOBODY));

        ObjectNode valid = request.validJsonObject();
        String password = string(valid, "password");
        if (account.isEmpty() || !account.get().username().equalsIgnoreCase(string(valid, "username"))) {
            throw acknowledgedInvalid("no account has this username");
        }
        if (!password.equals(account.get().password())) {
            throw acknowledgedInvalid("the password is not exactly the one registered");
        }
        if (!TOKEN.matcher(token).matches()) {
            throw violation("a token that is not 32 bytes in base64url");
        }
    }

    private void logOut(Request request, int status) {
        String token = request.bearerToken();
        Optional<UUID> holder = token == null ? Optional.empty() : ledger.holder(token);
        if (holder.isEmpty()) {
            throw acknowledgedInvalid("its bearer token is not one that was issued and not revoked");
        }
        ledger.revoked(token);
    }

    private void list(Request request, int status, String body) {
        UUID caller = caller(request);
        JsonNode page = json(body);
        ledger.listed(page.path("nextCursor").textValue());
        int items = 0;
        for (JsonNode item : page.path("items")) {
            items++;
            Ledger.StoredNote note = ledger.note(uuid(item.path("id").asText()))
                    .orElseThrow(() -> violation("a listing with a note that was never acknowledged or was deleted: " + item));
            if (!note.owner().equals(caller)) {
                throw violation("a listing with another user's note");
            }
            sameContent(note, item);
        }
        if (items > 100) {
            throw violation("a page of more than 100 notes");
        }
        String limit = request.queryParameter("limit");
        if (limit != null && limit.matches("[0-9]{1,9}")) {
            int asked = Integer.parseInt(limit);
            if (asked < 1 || asked > 100) {
                throw acknowledgedInvalid("limit " + asked + " is not from 1 to 100");
            }
            if (items > asked) {
                throw violation("a page of " + items + " notes for limit " + asked);
            }
        }
    }

    private void create(Request request, int status, Map<String, String> headers, String body) {
        JsonNode note = json(body);
        String token = request.bearerToken();
        UUID owner = token == null ? NOBODY : ledger.holder(token).orElse(NOBODY);
        ledger.saved(new Ledger.StoredNote(uuid(note.path("id").asText()), owner, note.path("title").asText(),
                note.path("body").asText(), version(headers)));

        caller(request);
        ObjectNode valid = request.validJsonObject();
        validContent(valid, note);
        if (!("/notes/" + note.path("id").asText()).equals(headers.get("Location"))) {
            throw violation("a 201 whose Location is not the note's");
        }
    }

    private void get(Request request, int status, Map<String, String> headers, String body) {
        UUID caller = caller(request);
        Ledger.StoredNote note = ownedNote(request, caller);
        sameContent(note, json(body));
        if (version(headers) != note.version()) {
            throw violation("an ETag that is not the note's last acknowledged version");
        }
    }

    private void update(Request request, int status, Map<String, String> headers, String body) {
        JsonNode answer = json(body);
        UUID id = uuid(answer.path("id").asText());
        Optional<Ledger.StoredNote> before = ledger.note(id);
        ledger.saved(new Ledger.StoredNote(id, before.map(Ledger.StoredNote::owner).orElse(NOBODY),
                answer.path("title").asText(), answer.path("body").asText(), version(headers)));

        UUID caller = caller(request);
        if (before.isEmpty() || !before.get().owner().equals(caller) || !id.equals(request.noteId())) {
            throw acknowledgedInvalid("it names no note of the caller");
        }
        String ifMatch = request.header("If-Match");
        if (ifMatch != null && !ifMatch.trim().equals("*")) {
            List<String> tags = new ArrayList<>();
            for (String tag : ifMatch.split(",")) {
                tags.add(tag.trim());
            }
            if (!tags.contains("\"" + before.get().version() + "\"")) {
                throw acknowledgedInvalid("If-Match does not name the note's version " + before.get().version());
            }
        }
        validContent(request.validJsonObject(), answer);
    }

    private void delete(Request request, int status) {
        UUID caller = caller(request);
        Ledger.StoredNote note = ownedNote(request, caller);
        ledger.deleted(note.id());
    }

    private UUID caller(Request request) {
        String token = request.bearerToken();
        return (token == null ? Optional.<UUID>empty() : ledger.holder(token))
                .orElseThrow(() -> acknowledgedInvalid("its bearer token is not one that was issued and not revoked"));
    }

    private Ledger.StoredNote ownedNote(Request request, UUID caller) {
        UUID id = request.noteId();
        return (id == null ? Optional.<Ledger.StoredNote>empty() : ledger.note(id))
                .filter(note -> note.owner().equals(caller))
                .orElseThrow(() -> acknowledgedInvalid("it names no existing note of the caller"));
    }

    private static void validContent(ObjectNode sent, JsonNode answer) {
        String title = string(sent, "title");
        String body = string(sent, "body");
        int titleLength = title.codePointCount(0, title.length());
        if (title.isBlank() || titleLength > 200) {
            throw acknowledgedInvalid("the title is blank or longer than 200 characters");
        }
        if (body.codePointCount(0, body.length()) > 100_000) {
            throw acknowledgedInvalid("the body is longer than 100,000 characters");
        }
        if (title.indexOf('\u0000') >= 0 || body.indexOf('\u0000') >= 0) {
            throw acknowledgedInvalid("the title or body contains U+0000");
        }
        if (hasUnpairedSurrogate(title) || hasUnpairedSurrogate(body)) {
            throw acknowledgedInvalid("the title or body contains an unpaired surrogate");
        }
        if (!title.equals(answer.path("title").asText()) || !body.equals(answer.path("body").asText())) {
            throw violation("a note answered with another title or body than sent: " + Show.text(answer.path("title").asText())
                    + " / " + Show.text(answer.path("body").asText()));
        }
    }

    private static void sameContent(Ledger.StoredNote note, JsonNode answer) {
        if (!note.title().equals(answer.path("title").asText()) || !note.body().equals(answer.path("body").asText())) {
            throw violation("a note whose title or body is not the last acknowledged one");
        }
    }

    private static String string(ObjectNode valid, String member) {
        JsonNode value = valid.get(member);
        if (value == null || !value.isTextual()) {
            throw acknowledgedInvalid(member + " is missing or not a string");
        }
        return value.textValue();
    }

    private static long version(Map<String, String> headers) {
        String etag = headers.get("ETag");
        var matcher = etag == null ? null : ETAG.matcher(etag);
        if (matcher == null || !matcher.matches()) {
            throw violation("a note without an ETag holding its version");
        }
        return Long.parseLong(matcher.group(1));
    }

    private static int expect(int expected, int status, String route) {
        if (status != expected) {
            throw violation(route + " acknowledged with " + status + " instead of " + expected);
        }
        return status;
    }

    static boolean hasUnpairedSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    private static UUID uuid(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw violation("an id that is not a UUID: " + Show.text(value));
        }
    }

    private static JsonNode json(String body) {
        return parse(body).filter(JsonNode::isObject).orElseThrow(() -> violation("a 2xx whose body is not a JSON object"));
    }

    private static Optional<JsonNode> parse(String body) {
        try {
            return Optional.ofNullable(body == null ? null : LENIENT.readTree(body));
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }

    private static AssertionError acknowledgedInvalid(String why) {
        return violation("a 2xx although " + why);
    }

    private static AssertionError violation(String what) {
        return new AssertionError("The API answered with " + what);
    }

    /** The request as the README describes it: header names regardless of case, the route API Gateway matched. */
    private static final class Request {
        private final APIGatewayV2HTTPEvent event;
        private final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        private String routeParameter;

        Request(APIGatewayV2HTTPEvent event) {
            this.event = event;
            if (event.getHeaders() != null) {
                headers.putAll(event.getHeaders());
            }
        }

        String header(String name) {
            return headers.get(name);
        }

        String queryParameter(String name) {
            return event.getQueryStringParameters() == null ? null : event.getQueryStringParameters().get(name);
        }

        /** The route named in routeKey, or for $default (or none) the one whose method and path template match. */
        String route(ApiFunction function) {
            String routeKey = event.getRouteKey();
            if (routeKey != null && function.routes.contains(routeKey)) {
                routeParameter = event.getPathParameters() == null ? null : event.getPathParameters().get("id");
                return routeKey;
            }
            var http = event.getRequestContext() == null ? null : event.getRequestContext().getHttp();
            String method = http != null && http.getMethod() != null ? http.getMethod()
                    : routeKey != null && routeKey.contains(" ") ? routeKey.substring(0, routeKey.indexOf(' ')) : "";
            String path = event.getRawPath() != null ? event.getRawPath() : http != null && http.getPath() != null ? http.getPath() : "/";
            List<String> segments = segments(path);
            for (String route : function.routes) {
                String[] parts = route.split(" ");
                List<String> template = segments(parts[1]);
                if (!parts[0].equals(method.toUpperCase(Locale.ROOT)) || template.size() != segments.size()) {
                    continue;
                }
                boolean matches = true;
                for (int i = 0; i < template.size() && matches; i++) {
                    if (template.get(i).equals("{id}")) {
                        routeParameter = segments.get(i);
                    } else {
                        matches = template.get(i).equals(segments.get(i));
                    }
                }
                if (matches) {
                    return route;
                }
            }
            return null;
        }

        private static List<String> segments(String path) {
            return java.util.Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
        }

        UUID noteId() {
            try {
                return routeParameter == null ? null : UUID.fromString(routeParameter);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }

        /** RFC 6750: "Bearer", in any case, a space, the token. */
        String bearerToken() {
            String authorization = header("Authorization");
            if (authorization == null) {
                return null;
            }
            String trimmed = authorization.trim();
            if (trimmed.length() < 7 || !trimmed.substring(0, 7).equalsIgnoreCase("bearer ")) {
                return null;
            }
            return trimmed.substring(7).trim();
        }

        /** What a server that reads the body however it can might have read, to record what it acknowledged. */
        JsonNode lenientBody() {
            try {
                byte[] bytes = event.getIsBase64Encoded() ? Base64.getMimeDecoder().decode(event.getBody())
                        : event.getBody().getBytes(StandardCharsets.UTF_8);
                JsonNode node = LENIENT.readTree(bytes);
                return node == null ? LENIENT.createObjectNode() : node;
            } catch (Exception e) {
                return LENIENT.createObjectNode();
            }
        }

        /**
         * The body if it is what the README accepts: JSON by its Content-Type (or none) in UTF-8, present, at most
         * 1 MiB, UTF-8 (a string body has a UTF-8 form), one JSON object without duplicate members.
         */
        ObjectNode validJsonObject() {
            String contentType = header("Content-Type");
            if (contentType != null && !contentType.isBlank()) {
                String[] parts = contentType.split(";", -1);
                String type = parts[0].trim().toLowerCase(Locale.ROOT);
                if (!type.equals("application/json") && !(type.startsWith("application/") && type.endsWith("+json"))) {
                    throw acknowledgedInvalid("its Content-Type " + Show.text(contentType) + " is not JSON");
                }
                for (int i = 1; i < parts.length; i++) {
                    String[] parameter = parts[i].split("=", 2);
                    if (parameter.length == 2 && parameter[0].trim().equalsIgnoreCase("charset")) {
                        String charset = parameter[1].trim().replace("\"", "");
                        if (!charset.equalsIgnoreCase("utf-8") && !charset.equalsIgnoreCase("utf8")) {
                            throw acknowledgedInvalid("its Content-Type " + Show.text(contentType) + " names another charset");
                        }
                    }
                }
            }
            String raw = event.getBody();
            if (raw == null) {
                throw acknowledgedInvalid("it has no body");
            }
            String text;
            long size;
            if (event.getIsBase64Encoded()) {
                byte[] bytes;
                try {
                    bytes = Base64.getDecoder().decode(raw);
                } catch (IllegalArgumentException e) {
                    throw acknowledgedInvalid("its body is marked as base64 but is not base64");
                }
                size = bytes.length;
                try {
                    text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
                } catch (CharacterCodingException e) {
                    throw acknowledgedInvalid("its body is not UTF-8");
                }
            } else {
                if (hasUnpairedSurrogate(raw)) {
                    throw acknowledgedInvalid("its body holds an unpaired surrogate, so it has no UTF-8 form");
                }
                text = raw;
                size = raw.getBytes(StandardCharsets.UTF_8).length;
            }
            if (size > MAX_BODY_BYTES) {
                throw acknowledgedInvalid("its body is over 1 MiB");
            }
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1); // RFC 8259 lets a parser ignore a byte order mark
            }
            JsonNode node;
            try {
                node = STRICT.readTree(text);
            } catch (JacksonException e) {
                throw acknowledgedInvalid("its body is not JSON without duplicate members");
            }
            if (node == null || !node.isObject()) {
                throw acknowledgedInvalid("its body is not a JSON object");
            }
            return (ObjectNode) node;
        }
    }
}
