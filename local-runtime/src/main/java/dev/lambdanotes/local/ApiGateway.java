package dev.lambdanotes.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdanotes.routing.RouteTemplate;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A local API Gateway HTTP API: matches a request to a route of the template, turns it into the
 * payload format 2.0 event, invokes the route's function, and maps its answer back the way API
 * Gateway does. A path that no route has may be a file of the web app, as CloudFront serves it
 * from S3 on the same origin in AWS.
 */
final class ApiGateway {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The gateway frames the response itself: a function's say on these would break it. */
    private static final Set<String> FRAMING_HEADERS = Set.of("content-length", "transfer-encoding", "connection");
    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH);

    /** A route of the template, bound to the pool of its function. */
    record Binding(Template.Route route, FunctionPool pool) {
    }

    /** A binding with its route's path parsed once; template is null for $default, which takes any path. */
    private record Candidate(Binding binding, RouteTemplate template) {
    }

    private final List<Candidate> candidates;
    private final StaticFiles app;
    private final GatewayServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(DaemonThreads.named("api-gateway"));

    /** app: the web app's files, or null for none. */
    ApiGateway(List<Binding> bindings, StaticFiles app, int port) throws IOException {
        this.candidates = bindings.stream().map(binding -> new Candidate(binding,
                isDefault(binding.route()) ? null : RouteTemplate.parse(binding.route().path()))).toList();
        this.app = app;
        this.server = new GatewayServer(port, this::serve, threads);
    }

    void start() {
        server.start();
    }

    int port() {
        return server.port();
    }

    void stop() {
        server.stop();
        threads.shutdownNow();
    }

    private GatewayResponse serve(GatewayRequest request) {
        try {
            Match match = match(request.method().toUpperCase(Locale.ROOT), request.rawPath());
            if (match == null) {
                GatewayResponse file = app == null ? null : app.serve(request.method(), request.rawPath());
                return file == null ? GatewayResponse.notFound() : file;
            }
            String requestId = requestId();
            byte[] event = JSON.writeValueAsBytes(event(request, match, requestId));
            InvocationResult result = match.binding().pool().invoke(event);
            GatewayResponse response = switch (result.outcome()) {
                case SUCCEEDED -> responseOf(result.payload());
                case FAILED -> GatewayResponse.internalServerError();
                case CRASHED -> GatewayResponse.message(502, "Internal Server Error");
                case TIMED_OUT -> GatewayResponse.message(503, "Service Unavailable");
            };
            List<Map.Entry<String, String>> headers = new ArrayList<>(response.headers());
            headers.add(Map.entry("apigw-requestid", requestId));
            return new GatewayResponse(response.status(), headers, response.body());
        } catch (IOException | RuntimeException e) {
            return GatewayResponse.internalServerError();
        }
    }

    /** The route a request goes to, with its path parameters decoded, and how specific the route is. */
    record Match(Binding binding, Map<String, String> pathParameters, int score) {
    }

    /** The most specific route: literal segments beat parameters, a method beats ANY, $default comes last. */
    Match match(String method, String rawPath) {
        List<String> path = segments(rawPath);
        Match best = null;
        for (Candidate candidate : candidates) {
            String routeMethod = candidate.binding().route().method();
            if (!routeMethod.equals(method) && !routeMethod.equals("ANY")) {
                continue;
            }
            Map<String, String> parameters = Map.of();
            int score = 0;
            if (candidate.template() != null) {
                Optional<Map<String, String>> matched = candidate.template().match(path);
                if (matched.isEmpty()) {
                    continue;
                }
                parameters = matched.get();
                score = specificity(candidate.template()) * 2 + (routeMethod.equals("ANY") ? 1 : 2);
            }
            if (best == null || score > best.score()) {
                best = new Match(candidate.binding(), parameters, score);
            }
        }
        if (best == null) {
            return null;
        }
        // Decoded once the route is chosen: RequestReader lets only whole %XX escapes through, and
        // none spans a slash, so a greedy value decodes as its segments one by one would.
        Map<String, String> decoded = new LinkedHashMap<>();
        best.pathParameters().forEach((name, value) -> decoded.put(name, decode(value)));
        return new Match(best.binding(), decoded, best.score());
    }

    /**
     * More literal segments first; with as many, a route without a greedy parameter, then the
     * greedy one with more segments before it.
     */
    private static int specificity(RouteTemplate template) {
        return template.literalSegments() * 100 + (template.isGreedy() ? template.fixedSegments() : 50);
    }

    private static boolean isDefault(Template.Route route) {
        return route.path().equals("$default");
    }

    private ObjectNode event(GatewayRequest request, Match match, String requestId) {
        Map<String, String> headers = new TreeMap<>();
        List<String> cookies = new ArrayList<>();
        request.headers().forEach((name, values) -> {
            if (name.equals("cookie")) {
                for (String value : values) {
                    for (String cookie : value.split(";")) {
                        if (!cookie.isBlank()) {
                            cookies.add(cookie.trim());
                        }
                    }
                }
            } else {
                headers.put(name, String.join(",", values));
            }
        });
        String rawPath = request.rawPath();
        String rawQuery = request.rawQuery();
        byte[] body = request.body();
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);

        ObjectNode event = JSON.createObjectNode();
        event.put("version", "2.0");
        event.put("routeKey", isDefault(match.binding().route()) ? "$default" : match.binding().route().routeKey());
        event.put("rawPath", rawPath);
        event.put("rawQueryString", rawQuery == null ? "" : rawQuery);
        if (!cookies.isEmpty()) {
            ArrayNode cookieArray = event.putArray("cookies");
            cookies.forEach(cookieArray::add);
        }
        ObjectNode headerNode = event.putObject("headers");
        headers.forEach(headerNode::put);
        if (rawQuery != null && !rawQuery.isEmpty()) {
            ObjectNode query = event.putObject("queryStringParameters");
            queryParameters(rawQuery).forEach(query::put);
        }
        ObjectNode context = event.putObject("requestContext");
        context.put("accountId", "000000000000");
        context.put("apiId", "local");
        String host = headers.getOrDefault("host", "127.0.0.1:" + port());
        context.put("domainName", host);
        context.put("domainPrefix", host.contains(".") ? host.substring(0, host.indexOf('.')) : host);
        ObjectNode http = context.putObject("http");
        http.put("method", request.method().toUpperCase(Locale.ROOT));
        http.put("path", rawPath);
        http.put("protocol", request.protocol());
        http.put("sourceIp", request.sourceIp().getHostAddress());
        http.put("userAgent", headers.getOrDefault("user-agent", ""));
        context.put("requestId", requestId);
        context.put("routeKey", event.get("routeKey").asText());
        context.put("stage", "$default");
        context.put("time", REQUEST_TIME.format(now));
        context.put("timeEpoch", now.toInstant().toEpochMilli());
        if (!match.pathParameters().isEmpty()) {
            ObjectNode pathParameters = event.putObject("pathParameters");
            match.pathParameters().forEach(pathParameters::put);
        }
        if (body.length > 0) {
            EventBody eventBody = EventBody.of(body, headers.get("content-type"));
            event.put("body", eventBody.body());
            event.put("isBase64Encoded", eventBody.base64Encoded());
        } else {
            event.put("isBase64Encoded", false);
        }
        return event;
    }

    /** Maps the function's answer as API Gateway does for payload format 2.0, which has no multiValueHeaders (1.0 has). */
    private static GatewayResponse responseOf(byte[] payload) {
        JsonNode response;
        try {
            response = JSON.readTree(payload);
        } catch (IOException e) {
            return GatewayResponse.internalServerError();
        }
        if (response == null || !response.isObject() || !response.has("statusCode")) {
            // Without a statusCode the whole answer is the body of a 200 JSON response.
            String body = response != null && response.isTextual() ? response.asText()
                    : new String(payload, StandardCharsets.UTF_8);
            return new GatewayResponse(200, List.of(Map.entry("Content-Type", "application/json")),
                    body.getBytes(StandardCharsets.UTF_8));
        }
        int status = response.get("statusCode").asInt();
        if (status < 100 || status > 599) {
            return GatewayResponse.internalServerError();
        }
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        response.path("headers").properties().forEach(header -> {
            String name = header.getKey();
            if (!FRAMING_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                headers.add(Map.entry(name, header.getValue().asText()));
            }
        });
        response.path("cookies").forEach(cookie -> headers.add(Map.entry("Set-Cookie", cookie.asText())));
        if (!headers.stream().allMatch(header -> isFieldName(header.getKey()) && isFieldValue(header.getValue()))) {
            return GatewayResponse.internalServerError();
        }
        byte[] body = new byte[0];
        if (response.hasNonNull("body")) {
            String text = response.get("body").asText();
            body = response.path("isBase64Encoded").asBoolean(false)
                    ? Base64.getDecoder().decode(text) : text.getBytes(StandardCharsets.UTF_8);
        }
        return new GatewayResponse(status, headers, body);
    }

    /** A function's header could otherwise split the response or break its framing. */
    private static boolean isFieldName(String name) {
        return name.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    }

    private static boolean isFieldValue(String value) {
        return value.chars().noneMatch(c -> c == '\r' || c == '\n' || c == 0);
    }

    private static Map<String, String> queryParameters(String rawQuery) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            parameters.merge(name, value, (first, second) -> first + "," + second);
        }
        return parameters;
    }

    /**
     * Every segment between slashes, empty ones too: API Gateway matches a path exactly, so
     * /notes/ and //notes are not /notes, and a {parameter} is never empty. The root path has no
     * segment, as the template "/" has none, so that a "GET /" route matches it.
     */
    private static List<String> segments(String path) {
        if (path.equals("/")) {
            return List.of();
        }
        return Arrays.asList(path.substring(path.startsWith("/") ? 1 : 0).split("/", -1));
    }

    private static String decode(String value) {
        return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String requestId() {
        byte[] bytes = new byte[10];
        ThreadLocalRandom.current().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
