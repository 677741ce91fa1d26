package dev.lambdanotes.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The cold-start benchmark (bench/cold-start): N cold starts of each API function, each a new
 * instance through the local runtime, with and without the function's AOT cache, against an
 * embedded PostgreSQL of its own. For each it reports the client-observed time from the instance's
 * launch to its first response, Init Duration, the first invocation's Duration, and the CPU time
 * the instance's JVM used until then (medians and p90), then Max Memory Used after 1,000 warm
 * requests to one instance, the JVM floor (a hello world on the same JDK and options, in the same
 * run), and the deployable artifacts' sizes.
 * A benchmark, not a test: it asserts nothing and prints a Markdown report.
 */
public final class ColdStartBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "correct horse battery staple";

    private final LocalRuntime runtime;
    private final LocalRuntime.Settings settings;
    private final Path events;
    private final PrintStream out;
    private String token;
    private int sent;

    private ColdStartBenchmark(LocalRuntime runtime, LocalRuntime.Settings settings, Path events, PrintStream out) {
        this.runtime = runtime;
        this.settings = settings;
        this.events = events;
        this.out = out;
    }

    /** Hello world, the JVM floor: started, printed and exited on the functions' JDK and options. */
    public static final class Hello {
        private Hello() {
        }

        public static void main(String[] args) {
            System.out.println("hello");
        }
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int warmRequests = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        List<String> only = args.length > 2 ? List.of(args[2].split(",")) : List.of();
        Path project = Path.of("").toAbsolutePath();
        PrintStream out = System.out;
        Path data = Files.createTempDirectory("cold-start-bench-");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        try (LocalDatabase database = LocalDatabase.embedded(data, port, true)) {
            Artifacts artifacts = new Artifacts(project, project.resolve(".local/functions"));
            LocalRuntime.Settings settings = LocalRuntime.Settings.builder()
                    .template(Template.read(project.resolve("template.yaml")))
                    .taskRoots(artifacts::taskRoot)
                    .runtimeClasspath(project.resolve("local-runtime/target/lambda-runtime"))
                    .databaseUrl(database.jdbcUrl()).databaseUser(database.user()).databasePassword(database.password())
                    .maxInstances(1).idleTimeout(Duration.ofHours(1))
                    .log(System.err)
                    .aotCache(project.resolve(".local/aot-cache"), project.resolve("events"))
                    .build();
            try (LocalRuntime runtime = new LocalRuntime(settings)) {
                runtime.runDeployTimeFunctions();
                runtime.prepareAotCaches(true);
                new ColdStartBenchmark(runtime, settings, project.resolve("events"), out).run(project, runs, warmRequests, only, System.err);
            }
        } finally {
            deleteTree(data);
        }
        System.exit(0);
    }

    private void run(Path project, int runs, int warmRequests, List<String> only, PrintStream progress) throws Exception {
        setUp();
        Map<String, String> firstRequests = new LinkedHashMap<>();
        firstRequests.put("NotesFunction", "GET /notes (20 notes)");
        firstRequests.put("RegisterFunction", "POST /register");
        firstRequests.put("LoginFunction", "POST /login");
        firstRequests.put("AccountFunction", "GET /me");
        if (!only.isEmpty()) {
            firstRequests.keySet().retainAll(only);
        }

        Jdk jdk = runtime.pool("NotesFunction").settings().jdk();
        out.printf("## Cold starts, %s%n%n", LocalDate.now());
        out.printf("Machine: %d cores, %s, %s. JDK %s (%s). Runs per row: %d.%n%n",
                Runtime.getRuntime().availableProcessors(), cpuModel(), System.getProperty("os.name") + " "
                        + System.getProperty("os.arch"), jdk.version(), jdk.home(), runs);
        out.println("| Function, first request | AOT cache | Time to first response, median (p90) | Init Duration, median (p90) | First invocation Duration, median (p90) | CPU time to first response, median (p90) |");
        out.println("|---|---|---|---|---|---|");
        for (Map.Entry<String, String> function : firstRequests.entrySet()) {
            FunctionPool pool = runtime.pool(function.getKey());
            InstanceSettings cached = pool.settings();
            List<InstanceSettings> modes = new ArrayList<>();
            modes.add(cached.withAot(AotCache.Use.off()));
            if (cached.aot().onClassPath()) {
                modes.add(cached);
            }
            for (InstanceSettings mode : modes) {
                List<Double> total = new ArrayList<>();
                List<Double> init = new ArrayList<>();
                List<Double> first = new ArrayList<>();
                List<Double> cpu = new ArrayList<>();
                for (int i = 0; i < runs; i++) {
                    progress.printf("%s, %s, run %d of %d%n", function.getKey(), mode.aot().onClassPath() ? "AOT cache" : "no cache", i + 1, runs);
                    byte[] event = firstEvent(function.getKey(), i);
                    long start = System.nanoTime();
                    FunctionInstance instance = FunctionInstance.start(mode);
                    try {
                        InvocationResult result = instance.invoke(event);
                        long end = System.nanoTime();
                        instance.cpuTime().ifPresent(used -> cpu.add(used.toNanos() / 1e6));
                        if (result.outcome() != InvocationResult.Outcome.SUCCEEDED || status(result) >= 400) {
                            throw new IllegalStateException(function.getKey() + " answered " + new String(result.payload(), StandardCharsets.UTF_8));
                        }
                        Invocations.Report report = instance.lastReport();
                        total.add((end - start) / 1e6);
                        init.add(report.init().toNanos() / 1e6);
                        first.add(report.duration().toNanos() / 1e6);
                    } finally {
                        instance.stop();
                    }
                }
                out.printf("| %s, %s | %s | %s | %s | %s | %s |%n", function.getKey(), function.getValue(),
                        mode.aot().onClassPath() ? "yes" : "no", stat(total), stat(init), stat(first),
                        cpu.isEmpty() ? "not reported by this OS" : stat(cpu));
            }
        }

        out.println();
        out.println("| JVM floor: hello world, same JDK and options | median (p90) |");
        out.println("|---|---|");
        Path launcher = Path.of(ColdStartBenchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Double> floor = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            List<String> command = new ArrayList<>();
            command.add(jdk.java().toString());
            command.addAll(FunctionLauncher.lambdaJvmOptions(1024, jdk.feature(), false));
            command.addAll(List.of("-cp", launcher.toString(), Hello.class.getName()));
            long start = System.nanoTime();
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().transferTo(OutputStream.nullOutputStream());
            process.waitFor();
            floor.add((System.nanoTime() - start) / 1e6);
        }
        out.printf("| java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto Hello | %s |%n", stat(floor));

        // With no warm request there is no REPORT line to read Max Memory Used from.
        if (warmRequests > 0) {
            maxMemoryUsed(firstRequests.keySet(), warmRequests, progress);
        }

        burst(progress);

        out.println();
        out.println("| Deployable artifact | Deployment package (zip uploaded) | Unzipped (the jar) |");
        out.println("|---|---|---|");
        for (Map.Entry<String, String> module : Artifacts.modulesByFunction(project.resolve("Makefile")).entrySet()) {
            Path jar = Artifacts.jarOf(project.resolve(module.getValue()));
            long zipped = Artifacts.deploymentPackageBytes(jar);
            out.printf(Locale.ROOT, "| %s (%s) | %.2f MiB (%,d bytes) | %.2f MiB (%,d bytes) |%n", module.getKey(), jar.getFileName(),
                    zipped / 1048576.0, zipped, Files.size(jar) / 1048576.0, Files.size(jar));
        }
    }

    /** Max Memory Used of one instance of each function, with and without its AOT cache, after the warm requests. */
    private void maxMemoryUsed(Iterable<String> functions, int warmRequests, PrintStream progress) throws Exception {
        out.println();
        out.printf("| Function | AOT cache | Max Memory Used after %d warm requests |%n", warmRequests);
        out.println("|---|---|---|");
        for (String id : functions) {
            InstanceSettings cached = runtime.pool(id).settings();
            List<InstanceSettings> modes = cached.aot().onClassPath()
                    ? List.of(cached.withAot(AotCache.Use.off()), cached) : List.of(cached);
            for (InstanceSettings mode : modes) {
                progress.printf("%s, %d warm requests%n", id, warmRequests);
                FunctionInstance instance = FunctionInstance.start(mode);
                try {
                    for (int i = 0; i < warmRequests; i++) {
                        instance.invoke(warmEvent(id, i));
                    }
                    out.printf("| %s | %s | %s MB |%n", id, mode.aot().onClassPath() ? "yes" : "no",
                            instance.lastReport().maxMemoryUsedMb());
                } finally {
                    instance.stop();
                }
            }
        }
    }

    /**
     * A burst right after the local runtime starts
     * (./run-local's settings: up to 3 instances per function, AOT caches), 16 requests from 8
     * concurrent clients to each function through the HTTP API, as curl would send them.
     */
    private void burst(PrintStream progress) throws Exception {
        out.println();
        out.println("| Burst right after start: 16 requests, 8 clients | Statuses | Slowest | Median |");
        out.println("|---|---|---|---|");
        LocalRuntime.Settings burstSettings = settings.toBuilder()
                .envVars(JSON.readTree("{\"Parameters\":{\"REGISTRATION_THROTTLE_FREE_ATTEMPTS\":\"1000\"}}"))
                .maxInstances(3).build();
        try (LocalRuntime fresh = new LocalRuntime(burstSettings)) {
            fresh.prepareAotCaches(false);
            String base = "http://127.0.0.1:" + fresh.startApi(0);
            java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
            String credentials = "{\"username\":\"bench\",\"password\":\"" + PASSWORD + "\"}";
            Map<String, java.util.function.IntFunction<java.net.http.HttpRequest>> requests = new LinkedHashMap<>();
            requests.put("GET /notes", i -> get(base + "/notes"));
            requests.put("POST /register", i -> post(base + "/register",
                    "{\"username\":\"burst" + i + "x" + System.nanoTime() % 100000 + "\",\"password\":\"" + PASSWORD + "\"}"));
            requests.put("POST /login", i -> post(base + "/login", credentials));
            requests.put("GET /me", i -> get(base + "/me"));
            for (Map.Entry<String, java.util.function.IntFunction<java.net.http.HttpRequest>> route : requests.entrySet()) {
                progress.println("burst: " + route.getKey());
                java.util.concurrent.ExecutorService clients = java.util.concurrent.Executors.newFixedThreadPool(8);
                List<java.util.concurrent.Future<double[]>> answers = new ArrayList<>();
                for (int i = 0; i < 16; i++) {
                    int index = i;
                    answers.add(clients.submit(() -> {
                        long start = System.nanoTime();
                        int status = http.send(route.getValue().apply(index), java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
                        return new double[] {status, (System.nanoTime() - start) / 1e6};
                    }));
                }
                Map<Integer, Integer> statuses = new java.util.TreeMap<>();
                List<Double> times = new ArrayList<>();
                for (java.util.concurrent.Future<double[]> answer : answers) {
                    double[] result = answer.get();
                    statuses.merge((int) result[0], 1, Integer::sum);
                    times.add(result[1]);
                }
                clients.shutdownNow();
                Collections.sort(times);
                out.printf(Locale.ROOT, "| %s | %s | %.0f ms | %.0f ms |%n", route.getKey(), statuses.toString()
                        .replace("{", "").replace("}", "").replace("=", " x "), times.get(times.size() - 1),
                        (times.get(7) + times.get(8)) / 2);
            }
        }
    }

    private java.net.http.HttpRequest get(String url) {
        return java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("authorization", "Bearer " + token).GET().build();
    }

    private static java.net.http.HttpRequest post(String url, String body) {
        return java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("content-type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /** A user with 20 notes, and a token for the events that need one. */
    private void setUp() throws IOException {
        invoke("RegisterFunction", event("register.json", "bench", null, null));
        token = JSON.readTree(body(invoke("LoginFunction", event("login.json", "bench", null, null)))).path("token").asText();
        for (int i = 0; i < 20; i++) {
            invoke("NotesFunction", event("notes-create.json", "bench", token,
                    "{\"title\":\"Note " + i + "\",\"body\":\"Some *Markdown* for note " + i + "\"}"));
        }
    }

    private byte[] firstEvent(String functionId, int run) throws IOException {
        return switch (functionId) {
            case "NotesFunction" -> event("notes-list.json", "bench", token, null);
            case "RegisterFunction" -> event("register.json", "cold" + run + "x" + System.nanoTime() % 100000, null, null);
            case "LoginFunction" -> event("login.json", "bench", null, null);
            default -> event("account-get.json", "bench", token, null);
        };
    }

    private byte[] warmEvent(String functionId, int i) throws IOException {
        return switch (functionId) {
            case "RegisterFunction" -> event("register.json", "warm" + i + "x" + System.nanoTime() % 100000, null, null);
            default -> firstEvent(functionId, i);
        };
    }

    /** A sample event of events/ for the user, with the token and body given (null: the sample's). */
    private byte[] event(String file, String username, String bearer, String body) throws IOException {
        com.fasterxml.jackson.databind.node.ObjectNode event =
                (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(events.resolve(file).toFile());
        if (bearer != null) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) event.path("headers")).put("authorization", "Bearer " + bearer);
        }
        if (body != null) {
            event.put("body", body);
        } else if (event.path("body").asText().contains("\"username\"")) {
            com.fasterxml.jackson.databind.node.ObjectNode credentials =
                    (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(event.path("body").asText());
            credentials.put("username", username);
            credentials.put("password", PASSWORD);
            event.put("body", JSON.writeValueAsString(credentials));
        }
        // Throttling counts registrations per source address: give each event an address of its own.
        int n = ++sent;
        ((com.fasterxml.jackson.databind.node.ObjectNode) event.path("requestContext").path("http"))
                .put("sourceIp", "10." + (n >> 16 & 255) + "." + (n >> 8 & 255) + "." + (n & 255));
        return JSON.writeValueAsBytes(event);
    }

    private InvocationResult invoke(String functionId, byte[] event) {
        InvocationResult result = runtime.invoke(functionId, event);
        if (result.outcome() != InvocationResult.Outcome.SUCCEEDED || status(result) >= 400) {
            throw new IllegalStateException(functionId + " answered " + new String(result.payload(), StandardCharsets.UTF_8));
        }
        return result;
    }

    private static int status(InvocationResult result) {
        try {
            return JSON.readTree(result.payload()).path("statusCode").asInt();
        } catch (IOException e) {
            return 500;
        }
    }

    private static String body(InvocationResult result) throws IOException {
        JsonNode response = JSON.readTree(result.payload());
        return response.path("body").asText();
    }

    private static String stat(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        double median = sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2)
                : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
        double p90 = sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(0.9 * sorted.size()) - 1));
        return String.format(Locale.ROOT, "%.0f ms (%.0f)", median, p90);
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim()).findFirst().orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(Collections.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
