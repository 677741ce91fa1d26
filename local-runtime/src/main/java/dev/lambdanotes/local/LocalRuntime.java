package dev.lambdanotes.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The template's functions, run locally: one pool of execution environments per function, the
 * deploy-time functions run before the API opens, and the HTTP API in front of the rest.
 */
public final class LocalRuntime implements AutoCloseable {
    static {
        // The JDK's HTTP server writes a response's headers and body separately; without
        // TCP_NODELAY, Nagle's algorithm and delayed ACKs add about 40 ms to every exchange.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    /** What the local runtime is built from; made with {@link #builder()}, which names each setting. */
    public record Settings(Template template, Function<String, Path> taskRoots, Path runtimeClasspath,
                           String databaseUrl, String databaseUser, String databasePassword, JsonNode envVars,
                           int maxInstances, Duration idleTimeout, PrintStream log, Path aotCacheFolder,
                           Path trainingEvents) {

        public static Builder builder() {
            return new Builder();
        }

        /** A builder holding these settings, to make others that differ in a few. */
        public Builder toBuilder() {
            return builder().template(template).taskRoots(taskRoots).runtimeClasspath(runtimeClasspath)
                    .databaseUrl(databaseUrl).databaseUser(databaseUser).databasePassword(databasePassword)
                    .envVars(envVars).maxInstances(maxInstances).idleTimeout(idleTimeout).log(log)
                    .aotCache(aotCacheFolder, trainingEvents);
        }

        /** Every setting is required but envVars (the optional `--env-vars` file) and the AOT cache. */
        public static final class Builder {
            private Template template;
            private Function<String, Path> taskRoots;
            private Path runtimeClasspath;
            private String databaseUrl;
            private String databaseUser;
            private String databasePassword;
            private JsonNode envVars;
            private Integer maxInstances;
            private Duration idleTimeout;
            private PrintStream log;
            private Path aotCacheFolder;
            private Path trainingEvents;

            private Builder() {
            }

            public Builder template(Template template) {
                this.template = template;
                return this;
            }

            /** The task root (the artifact laid out as in /var/task) of each function, by its id. */
            public Builder taskRoots(Function<String, Path> taskRoots) {
                this.taskRoots = taskRoots;
                return this;
            }

            /** The folder of the runtime interface client's jars. */
            public Builder runtimeClasspath(Path runtimeClasspath) {
                this.runtimeClasspath = runtimeClasspath;
                return this;
            }

            public Builder databaseUrl(String databaseUrl) {
                this.databaseUrl = databaseUrl;
                return this;
            }

            public Builder databaseUser(String databaseUser) {
                this.databaseUser = databaseUser;
                return this;
            }

            public Builder databasePassword(String databasePassword) {
                this.databasePassword = databasePassword;
                return this;
            }

            /** Overrides in the format of `sam local --env-vars`; null for none. */
            public Builder envVars(JsonNode envVars) {
                this.envVars = envVars;
                return this;
            }

            /** Execution environments per function. */
            public Builder maxInstances(int maxInstances) {
                this.maxInstances = maxInstances;
                return this;
            }

            /** How long an instance may stay idle before it is stopped. */
            public Builder idleTimeout(Duration idleTimeout) {
                this.idleTimeout = idleTimeout;
                return this;
            }

            /** Where the functions' logs and Lambda's platform lines go. */
            public Builder log(PrintStream log) {
                this.log = log;
                return this;
            }

            /**
             * Keeps AOT caches of the API functions in the folder, trained with the sample events
             * of the other folder; without it, functions start without a cache.
             */
            public Builder aotCache(Path folder, Path events) {
                this.aotCacheFolder = folder;
                this.trainingEvents = events;
                return this;
            }

            public Settings build() {
                return new Settings(required(template, "template"), required(taskRoots, "taskRoots"),
                        required(runtimeClasspath, "runtimeClasspath"), required(databaseUrl, "databaseUrl"),
                        required(databaseUser, "databaseUser"), required(databasePassword, "databasePassword"),
                        envVars, required(maxInstances, "maxInstances"), required(idleTimeout, "idleTimeout"),
                        required(log, "log"), aotCacheFolder, trainingEvents);
            }

            private static <T> T required(T value, String name) {
                return Objects.requireNonNull(value, () -> "the local runtime needs its " + name);
            }
        }
    }

    private final Settings settings;
    private final Map<String, FunctionPool> pools = new LinkedHashMap<>();
    private final ScheduledExecutorService reaper =
            Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("idle-reaper"));
    private ApiGateway api;

    public LocalRuntime(Settings settings) {
        this.settings = settings;
        Map<String, Jdk> jdks = new LinkedHashMap<>();
        for (Template.Function function : settings.template().functions()) {
            Jdk jdk = jdks.computeIfAbsent(function.runtime(), runtime -> Jdk.forRuntime(runtime, settings.log()));
            InstanceSettings instances = new InstanceSettings(function, settings.taskRoots().apply(function.id()),
                    settings.runtimeClasspath(), environment(function), settings.log(), jdk, AotCache.Use.off());
            pools.put(function.id(), new FunctionPool(instances, settings.maxInstances(), settings.idleTimeout()));
        }
        long period = Math.max(1, Math.min(10, settings.idleTimeout().toSeconds() / 2));
        reaper.scheduleAtFixedRate(() -> pools.values().forEach(FunctionPool::reapIdle), period, period, TimeUnit.SECONDS);
    }

    /**
     * The function's environment: the template's variables (a !Ref to a parameter means its
     * default; other intrinsics, which only CloudFormation resolves, are empty), the local
     * database (connected directly, no secret) for the DATABASE_ variables the template declares,
     * then the env-vars file, which
     * like `sam local --env-vars` only sets variables the template declares.
     */
    Map<String, String> environment(Template.Function function) {
        Map<String, String> env = new LinkedHashMap<>();
        function.environment().forEach((name, value) -> env.put(name, resolve(value)));
        Map<String, String> database = Map.of(
                "DATABASE_URL", settings.databaseUrl(),
                "DATABASE_USER", settings.databaseUser(),
                "DATABASE_PASSWORD", settings.databasePassword(),
                "DATABASE_SECRET_ARN", "",
                "DATABASE_PROXY", "false");
        database.forEach((name, value) -> env.computeIfPresent(name, (n, old) -> value));
        JsonNode overrides = settings.envVars();
        if (overrides != null) {
            for (JsonNode scope : List.of(overrides.path("Parameters"), overrides.path(function.id()))) {
                scope.properties().forEach(entry -> env.computeIfPresent(entry.getKey(), (n, old) -> entry.getValue().asText()));
            }
        }
        return env;
    }

    private String resolve(Object value) {
        if (value instanceof Template.Intrinsic intrinsic) {
            if (intrinsic.function().equals("Ref")) {
                Object parameterDefault = settings.template().parameterDefault(String.valueOf(intrinsic.argument()));
                return parameterDefault == null ? "" : String.valueOf(parameterDefault);
            }
            return "";
        }
        return value == null ? "" : String.valueOf(value);
    }

    /** Runs the deploy-time functions (the schema migration) as CloudFormation would before the API takes traffic. */
    public void runDeployTimeFunctions() {
        for (String id : settings.template().deployTimeFunctions()) {
            InvocationResult result = invoke(id, "{}".getBytes(StandardCharsets.UTF_8));
            if (result.outcome() != InvocationResult.Outcome.SUCCEEDED) {
                throw new IllegalStateException(id + " failed: " + describe(result));
            }
            settings.log().printf("[%s] %s%n", id, new String(result.payload(), StandardCharsets.UTF_8));
        }
    }

    /**
     * Makes the API functions start from their AOT caches (JDK 25 and later), training the missing
     * ones first when asked to; does nothing without an AOT cache folder in the settings.
     */
    public void prepareAotCaches(boolean train) {
        if (settings.aotCacheFolder() != null && settings.trainingEvents() != null) {
            new AotTraining(settings, pools).prepare(train);
        }
    }

    /** The JDK each function runs on, by function id. */
    public Map<String, String> jdkHomes() {
        Map<String, String> homes = new LinkedHashMap<>();
        pools.forEach((id, pool) -> homes.put(id, pool.settings().jdk().home().toString()));
        return homes;
    }

    public boolean isDeployTimeFunction(String functionId) {
        return settings.template().deployTimeFunctions().contains(functionId);
    }

    public InvocationResult invoke(String functionId, byte[] event) {
        FunctionPool pool = pools.get(functionId);
        if (pool == null) {
            throw new IllegalArgumentException("template.yaml has no function " + functionId + "; it has " + pools.keySet());
        }
        return pool.invoke(event);
    }

    /** Opens the HTTP API on the port (0: any free port) and returns the port. */
    public int startApi(int port) throws IOException {
        return startApi(port, null);
    }

    /** Opens the HTTP API, and the web app's files on the paths no route has (app: null for none). */
    public int startApi(int port, StaticFiles app) throws IOException {
        List<ApiGateway.Binding> bindings = new ArrayList<>();
        for (FunctionPool pool : pools.values()) {
            for (Template.Route route : pool.function().routes()) {
                bindings.add(new ApiGateway.Binding(route, pool));
            }
        }
        api = new ApiGateway(bindings, app, port);
        api.start();
        return api.port();
    }

    /** Each route of the API and the function that serves it. */
    public List<String> routeTable() {
        List<String> lines = new ArrayList<>();
        for (FunctionPool pool : pools.values()) {
            for (Template.Route route : pool.function().routes()) {
                lines.add(String.format("%-7s %-16s -> %s", route.method(), route.path(), pool.function().id()));
            }
        }
        return lines;
    }

    FunctionPool pool(String functionId) {
        return pools.get(functionId);
    }

    public int instanceCount(String functionId) {
        return pools.get(functionId).instanceCount();
    }

    public List<Long> functionProcessIds() {
        return pools.values().stream().flatMap(pool -> pool.pids().stream()).toList();
    }

    static String describe(InvocationResult result) {
        return switch (result.outcome()) {
            case SUCCEEDED -> "succeeded";
            case FAILED -> new String(result.payload(), StandardCharsets.UTF_8);
            case CRASHED, TIMED_OUT -> result.detail();
        };
    }

    @Override
    public void close() {
        if (api != null) {
            api.stop();
        }
        reaper.shutdownNow();
        pools.values().forEach(FunctionPool::stop);
    }
}
