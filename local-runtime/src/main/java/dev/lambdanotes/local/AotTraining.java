package dev.lambdanotes.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Gives each API function an AOT cache for its artifact and JDK, training the missing ones.
 *
 * <p>A training run is a real workload: every function whose cache is missing starts with
 * -XX:AOTCacheOutput, and the sample events of events/ go through the functions that serve their
 * routes, in a user's order (register, log in, the notes and account routes, log out and in again,
 * change the password, delete the account), three times over as three new users, with the token
 * of each login put into the events that need one.
 * The JVMs then exit, and each writes its cache. The run happens in a database of its own,
 * created on the local server, migrated by the deploy-time functions and dropped at the end, so
 * the local data never sees it. Its logs go to training.log beside the caches.
 */
final class AotTraining {
    private static final String TOKEN_PLACEHOLDER = "REPLACE_WITH_TOKEN_FROM_LOGIN_RESPONSE_000000";
    private static final Pattern JDBC_URL = Pattern.compile("^(jdbc:postgresql://[^/?]*/)([^?]*)(\\?.*)?$");
    private static final int ROUNDS = 3;
    private static final Duration EXIT_LIMIT = Duration.ofMinutes(3);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LocalRuntime.Settings settings;
    private final Map<String, FunctionPool> pools;
    private final AotCache caches;
    private final PrintStream log;

    AotTraining(LocalRuntime.Settings settings, Map<String, FunctionPool> pools) {
        this.settings = settings;
        this.pools = pools;
        this.caches = new AotCache(settings.aotCacheFolder());
        this.log = settings.log();
    }

    /** Makes every API function's pool use an accepted cache, training the missing ones when asked to. */
    void prepare(boolean train) {
        Map<String, Path> missing = new LinkedHashMap<>();
        for (FunctionPool pool : apiPools()) {
            InstanceSettings instance = pool.settings();
            if (!AotCache.supported(instance.jdk())) {
                continue;
            }
            Path cache = caches.fileFor(instance);
            if (caches.accepted(cache, instance)) {
                pool.useAot(AotCache.Use.load(cache));
            } else {
                missing.put(pool.function().id(), cache);
            }
        }
        if (missing.isEmpty() || !train) {
            return;
        }
        log.println("Training AOT caches for " + String.join(", ", missing.keySet())
                + " (once per build of the functions and JDK; a minute or two)...");
        long start = System.nanoTime();
        try {
            Map<String, Path> trained = train(missing.keySet());
            for (Map.Entry<String, Path> entry : trained.entrySet()) {
                String id = entry.getKey();
                caches.install(entry.getValue(), missing.get(id), id);
                FunctionPool pool = pools.get(id);
                if (caches.accepted(missing.get(id), pool.settings())) {
                    pool.useAot(AotCache.Use.load(missing.get(id)));
                } else {
                    log.println("The JVM refused the AOT cache trained for " + id + "; it starts without one.");
                }
            }
            log.printf("AOT caches ready in %d s: %s%n", Duration.ofNanos(System.nanoTime() - start).toSeconds(),
                    settings.aotCacheFolder());
        } catch (Exception e) {
            log.println("Could not train the AOT caches (" + e.getMessage() + "); functions start without them. See "
                    + settings.aotCacheFolder().resolve("training.log"));
        }
    }

    private List<FunctionPool> apiPools() {
        return pools.values().stream()
                .filter(pool -> !settings.template().deployTimeFunctions().contains(pool.function().id()))
                .filter(pool -> !pool.function().routes().isEmpty())
                .toList();
    }

    private Map<String, Path> train(java.util.Set<String> functionIds) throws Exception {
        Files.createDirectories(settings.aotCacheFolder());
        String database = "aot_training_" + HexFormat.of().formatHex(randomBytes());
        try (PrintStream trainingLog = new PrintStream(Files.newOutputStream(
                settings.aotCacheFolder().resolve("training.log")), true, StandardCharsets.UTF_8)) {
            execute("CREATE DATABASE " + database);
            try {
                String url = scratchUrl(database);
                migrate(url, trainingLog);
                return runWorkload(functionIds, url, trainingLog);
            } finally {
                execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
        }
    }

    private void migrate(String url, PrintStream trainingLog) throws IOException {
        for (String id : settings.template().deployTimeFunctions()) {
            FunctionInstance migration = FunctionInstance.start(scratch(pools.get(id).settings(), url, trainingLog));
            try {
                InvocationResult result = migration.invoke("{}".getBytes(StandardCharsets.UTF_8));
                if (result.outcome() != InvocationResult.Outcome.SUCCEEDED) {
                    throw new IllegalStateException(id + " failed in the training database: " + LocalRuntime.describe(result));
                }
            } finally {
                migration.stop();
            }
        }
    }

    private Map<String, Path> runWorkload(java.util.Set<String> functionIds, String url, PrintStream trainingLog)
            throws IOException {
        Map<String, FunctionInstance> instances = new LinkedHashMap<>();
        Map<String, Path> outputs = new LinkedHashMap<>();
        try {
            for (FunctionPool pool : apiPools()) {
                String id = pool.function().id();
                InstanceSettings instance = scratch(pool.settings(), url, trainingLog);
                if (functionIds.contains(id)) {
                    Path output = caches.trainingOutput(id);
                    outputs.put(id, output);
                    instance = instance.withAot(AotCache.Use.record(output));
                }
                instances.put(id, FunctionInstance.start(instance));
            }
            List<Event> events = events();
            Event login = events.stream().filter(event -> event.routeKey().equals("POST /login")).findFirst().orElse(null);
            for (int round = 0; round < ROUNDS; round++) {
                String user = "\"aottraining" + round + "\"";
                String token = TOKEN_PLACEHOLDER;
                for (Event event : events) {
                    token = send(instances, event, user, token);
                    if (event.routeKey().equals("POST /logout") && login != null) {
                        token = send(instances, login, user, token);
                    }
                }
            }
        } finally {
            for (FunctionInstance instance : instances.values()) {
                instance.exit(EXIT_LIMIT);
            }
        }
        Map<String, Path> trained = new LinkedHashMap<>();
        for (Map.Entry<String, Path> output : outputs.entrySet()) {
            String id = output.getKey();
            if (Files.isRegularFile(output.getValue())) {
                trained.put(id, caches.create(output.getValue(), pools.get(id).settings(), trainingLog));
            } else {
                log.println("The training run of " + id + " wrote no AOT configuration; it starts without a cache.");
            }
        }
        return trained;
    }

    /** Sends an event as the round's user with its token; returns the token to use next. */
    private static String send(Map<String, FunctionInstance> instances, Event event, String user, String token) {
        String text = event.text().replace(TOKEN_PLACEHOLDER, token).replace("\\\"alice\\\"", user.replace("\"", "\\\""));
        InvocationResult result = instances.get(event.functionId()).invoke(text.getBytes(StandardCharsets.UTF_8));
        if (result.outcome() == InvocationResult.Outcome.CRASHED) {
            throw new IllegalStateException(event.functionId() + " crashed in training: " + result.detail());
        }
        return event.routeKey().equals("POST /login") ? tokenIn(result, token) : token;
    }

    /** An event of events/ and the function that serves its route, in the order a user sends them. */
    private record Event(String file, String routeKey, String functionId, String text) {
        int order() {
            return switch (routeKey) {
                case "POST /register" -> 0;
                case "POST /login" -> 1;
                case "POST /logout" -> 7;
                case "PUT /me/password" -> 8;
                case "DELETE /me" -> 9;
                default -> 5;
            };
        }
    }

    private List<Event> events() throws IOException {
        Map<String, String> functionByRoute = new LinkedHashMap<>();
        for (FunctionPool pool : apiPools()) {
            pool.function().routes().forEach(route -> functionByRoute.put(route.routeKey(), pool.function().id()));
        }
        List<Event> events = new ArrayList<>();
        try (Stream<Path> files = Files.list(settings.trainingEvents())) {
            for (Path file : files.filter(path -> path.toString().endsWith(".json")).sorted().toList()) {
                String text = Files.readString(file);
                JsonNode routeKey = JSON.readTree(text).path("routeKey");
                String functionId = functionByRoute.get(routeKey.asText());
                if (functionId != null) {
                    events.add(new Event(file.getFileName().toString(), routeKey.asText(), functionId, text));
                }
            }
        }
        events.sort(Comparator.comparingInt(Event::order).thenComparing(Event::file));
        return events;
    }

    private static String tokenIn(InvocationResult result, String previous) {
        try {
            JsonNode response = JSON.readTree(result.payload());
            JsonNode token = JSON.readTree(response.path("body").asText()).path("token");
            return token.isTextual() ? token.asText() : previous;
        } catch (IOException e) {
            return previous;
        }
    }

    private InstanceSettings scratch(InstanceSettings instance, String url, PrintStream trainingLog) {
        Map<String, String> environment = new LinkedHashMap<>(instance.environment());
        environment.computeIfPresent("DATABASE_URL", (name, old) -> url);
        return new InstanceSettings(instance.function(), instance.taskRoot(), instance.runtimeClasspath(),
                environment, trainingLog, instance.jdk(), AotCache.Use.off());
    }

    private String scratchUrl(String database) {
        Matcher matcher = JDBC_URL.matcher(settings.databaseUrl());
        if (!matcher.matches()) {
            throw new IllegalStateException("cannot name another database in " + settings.databaseUrl());
        }
        return matcher.group(1) + database + (matcher.group(3) == null ? "" : matcher.group(3));
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(settings.databaseUrl(), settings.databaseUser(),
                settings.databasePassword());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[6];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
