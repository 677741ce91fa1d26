package dev.lambdanotes.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The local runtime's command line.
 *
 * <pre>
 * start  [--port 3000] [--db-url URL --db-user USER --db-password PASSWORD] [--db-port 55432] [--fresh]
 *        [--max-instances 3] [--idle-timeout 300] [--env-vars FILE] [--web-root DIR] [--no-aot-cache]
 * invoke FUNCTION [-e EVENT_FILE | -e -] [--env-vars FILE] [--db-url ...] [--fresh]
 * </pre>
 */
public final class Main {
    private static final String USAGE = """
            usage:
              start  [--port N] [--db-url JDBC_URL [--db-user U] [--db-password P]] [--db-port N] [--fresh]
                     [--max-instances N] [--idle-timeout SECONDS] [--env-vars FILE] [--web-root DIR]
                     [--no-aot-cache]
                  Starts the whole API on http://127.0.0.1:3000 (default port) over an embedded
                  PostgreSQL 17 whose data stays in .local/postgres (--fresh starts it empty), or
                  over the database of --db-url, and the web app (built into web/target/app, or
                  the files of --web-root) on the same origin. Ctrl-C stops everything.
                  Functions run on the JDK of their Lambda runtime when one is installed. On JDK 25
                  each API function starts from an AOT cache in .local/aot-cache, trained once per
                  build from events/ in a scratch database (--no-aot-cache: none).
              invoke FUNCTION [-e EVENT_FILE | -e -] [--env-vars FILE] [--db-url ...] [--fresh]
                  Like `sam local invoke`: runs one event through one function of template.yaml,
                  prints its response on stdout and its logs on stderr, and exits non-zero when
                  the function fails. The event is read from EVENT_FILE, from standard input
                  with -e -, and is {} without -e.
            """;

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        // Only warnings from libraries (the embedded database is chatty); the functions' own logs pass through.
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        int exit;
        try {
            exit = run(args, System.in, System.out, System.err);
        } catch (java.net.BindException e) {
            System.err.println("A port is already in use (" + e.getMessage() + "): is another ./run-local running?"
                    + " Choose others with --port and --db-port.");
            exit = 1;
        } catch (Exception e) {
            System.err.println("The local runtime could not start (is another ./run-local using the same data or ports?): " + e);
            exit = 1;
        }
        System.exit(exit);
    }

    /** Runs a command and returns the process exit code. */
    static int run(String[] args, InputStream in, PrintStream out, PrintStream err) throws Exception {
        List<String> arguments = List.of(args);
        if (arguments.isEmpty() || arguments.contains("--help") || arguments.contains("-h")) {
            out.print(USAGE);
            return 0;
        }
        Map<String, String> options = new HashMap<>();
        List<String> positional = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--fresh") || arg.equals("--no-aot-cache")) {
                options.put(arg.substring(2), "true");
            } else if (arg.startsWith("-")) {
                if (i + 1 >= args.length) {
                    return usage(err, "option " + arg + " needs a value");
                }
                options.put(arg.replaceFirst("^-+", ""), args[++i]);
            } else {
                positional.add(arg);
            }
        }
        return switch (args[0]) {
            case "start" -> start(options, out);
            case "invoke" -> positional.size() == 1
                    ? invoke(positional.get(0), event(options, in), options, out, err)
                    : usage(err, "invoke needs one FUNCTION");
            default -> usage(err, "unknown command " + args[0]);
        };
    }

    private static Path projectDir(Map<String, String> options) {
        return Path.of(options.getOrDefault("project-dir", "")).toAbsolutePath();
    }

    private static int start(Map<String, String> options, PrintStream log) throws Exception {
        Path project = projectDir(options);
        LocalDatabase database = database(project, options);
        LocalRuntime runtime = runtime(project, database, options, log);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.println("Stopping the functions and the database...");
            runtime.close();
            try {
                database.close();
            } catch (IOException e) {
                log.println("could not stop the database: " + e.getMessage());
            }
            stopped.countDown();
        }, "local-runtime-stop"));
        log.println("Database: " + database.description());
        try {
            runtime.runDeployTimeFunctions();
        } catch (IllegalStateException e) {
            log.println(e.getMessage());
            return 1;
        }
        runtime.prepareAotCaches(!options.containsKey("no-aot-cache"));
        StaticFiles app = webApp(project, options, log);
        int port = runtime.startApi(Integer.parseInt(options.getOrDefault("port", "3000")), app);
        log.println();
        log.println("Notes API running on http://127.0.0.1:" + port);
        if (app != null) {
            log.println("Web app on http://127.0.0.1:" + port + "/ (files of " + app.root() + ")");
        }
        runtime.routeTable().forEach(route -> log.println("  " + route));
        log.println("Press Ctrl-C to stop.");
        stopped.await();
        return 0;
    }

    /** The files of --web-root, or else of the built app when there is one. */
    private static StaticFiles webApp(Path project, Map<String, String> options, PrintStream log) throws IOException {
        Path root = project.resolve(options.getOrDefault("web-root", "web/target/app"));
        if (!Files.isDirectory(root)) {
            log.println("No web app at " + root + " (mvn package builds it into web/target/app); serving the API only.");
            return null;
        }
        return new StaticFiles(root);
    }

    /** As `sam local invoke`: the file of -e (or --event), standard input for -e -, and {} without one. */
    private static byte[] event(Map<String, String> options, InputStream in) throws IOException {
        String source = options.getOrDefault("e", options.get("event"));
        if (source == null) {
            return "{}".getBytes(StandardCharsets.UTF_8);
        }
        return source.equals("-") ? in.readAllBytes() : Files.readAllBytes(projectDir(options).resolve(source));
    }

    private static int invoke(String function, byte[] event, Map<String, String> options, PrintStream out,
                              PrintStream log) throws Exception {
        Path project = projectDir(options);
        try (LocalDatabase database = database(project, options);
             LocalRuntime runtime = runtime(project, database, options, log)) {
            if (!runtime.isDeployTimeFunction(function)) {
                try {
                    runtime.runDeployTimeFunctions();
                } catch (IllegalStateException e) {
                    log.println(e.getMessage());
                    return 1;
                }
            }
            runtime.prepareAotCaches(false);
            InvocationResult result = runtime.invoke(function, event);
            if (result.outcome() == InvocationResult.Outcome.SUCCEEDED) {
                out.println(new String(result.payload(), StandardCharsets.UTF_8));
                return 0;
            }
            if (result.outcome() == InvocationResult.Outcome.FAILED) {
                out.println(new String(result.payload(), StandardCharsets.UTF_8));
            }
            log.println(function + " failed: " + LocalRuntime.describe(result));
            return 1;
        }
    }

    private static LocalDatabase database(Path project, Map<String, String> options) throws Exception {
        if (options.containsKey("db-url")) {
            return LocalDatabase.external(options.get("db-url"), options.getOrDefault("db-user", "postgres"),
                    options.getOrDefault("db-password", ""));
        }
        return LocalDatabase.embedded(project.resolve(".local/postgres"),
                Integer.parseInt(options.getOrDefault("db-port", "55432")), options.containsKey("fresh"));
    }

    private static LocalRuntime runtime(Path project, LocalDatabase database, Map<String, String> options,
                                        PrintStream log) throws IOException {
        Template template = Template.read(project.resolve(options.getOrDefault("template", "template.yaml")));
        Artifacts artifacts = new Artifacts(project, project.resolve(".local/functions"));
        JsonNode envVars = options.containsKey("env-vars")
                ? new ObjectMapper().readTree(project.resolve(options.get("env-vars")).toFile()) : null;
        return new LocalRuntime(LocalRuntime.Settings.builder()
                .template(template)
                .taskRoots(artifacts::taskRoot)
                .runtimeClasspath(Path.of(options.getOrDefault("runtime-dir",
                        project.resolve("local-runtime/target/lambda-runtime").toString())))
                .databaseUrl(database.jdbcUrl())
                .databaseUser(database.user())
                .databasePassword(database.password())
                .envVars(envVars)
                .maxInstances(Integer.parseInt(options.getOrDefault("max-instances", "3")))
                .idleTimeout(Duration.ofSeconds(Long.parseLong(options.getOrDefault("idle-timeout", "300"))))
                .log(log)
                .aotCache(options.containsKey("no-aot-cache") ? null : project.resolve(".local/aot-cache"),
                        project.resolve("events"))
                .build());
    }

    private static int usage(PrintStream err, String message) {
        err.println(message);
        err.print(USAGE);
        return 2;
    }
}
