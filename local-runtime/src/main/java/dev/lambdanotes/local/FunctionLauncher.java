package dev.lambdanotes.local;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Starts a function's JVM as Lambda starts an execution environment: the AWS Lambda Runtime
 * Interface Client running the handler from the task root, with the function's memory size and
 * the environment variables Lambda sets.
 */
final class FunctionLauncher {
    /**
     * The runtime client unpacks its native library to one fixed path, /tmp/.libaws-lambda-jni.so,
     * where each Lambda environment has a /tmp of its own. Here every runtime client on the machine
     * (those of other launchers too) would rewrite that one file, and a JVM that maps it while it
     * is rewritten crashes (SIGBUS). So the launcher unpacks the library once, into a folder of its
     * own, and each JVM loads that copy (the client's NativeClient.JNI property).
     */
    private static final String NATIVE_LIBRARY_PROPERTY =
            "com.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI";
    private static final Map<Path, Optional<Path>> NATIVE_LIBRARIES = new ConcurrentHashMap<>();
    /** Where there is no copy for this platform, JVMs start one at a time until each has loaded the library. */
    private static final Semaphore NATIVE_LIBRARY_GATE = new Semaphore(1);

    private FunctionLauncher() {
    }

    /** Starts the process; its runtime client will poll the Runtime API on the loopback port given. */
    static Process launch(InstanceSettings settings, int runtimeApiPort) throws IOException {
        Template.Function function = settings.function();
        Path taskRoot = settings.taskRoot().toAbsolutePath();
        Path runtimeClasspath = settings.runtimeClasspath().toAbsolutePath();
        Optional<Path> nativeLibrary = nativeLibrary(runtimeClasspath);
        List<String> command = javaCommand(settings, settings.aot().onClassPath(), Stream.concat(
                settings.aot().jvmOptions().stream(),
                nativeLibrary.map(library -> "-D" + NATIVE_LIBRARY_PROPERTY + "=" + library).stream()).toList());
        command.add("com.amazonaws.services.lambda.runtime.api.client.AWSLambda");
        command.add(function.handler());
        // The runtime client loads the function from its working directory (and lib/ in it), as from /var/task.
        ProcessBuilder builder = new ProcessBuilder(command).directory(taskRoot.toFile());
        Map<String, String> env = builder.environment();
        String path = env.get("PATH");
        env.clear();
        if (path != null) {
            env.put("PATH", path);
        }
        env.putAll(settings.environment());
        env.put("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:" + runtimeApiPort);
        env.put("_HANDLER", function.handler());
        env.put("LAMBDA_TASK_ROOT", taskRoot.toString());
        env.put("LAMBDA_RUNTIME_DIR", runtimeClasspath.toString());
        env.put("AWS_LAMBDA_FUNCTION_NAME", function.id());
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(function.memoryMb()));
        env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + function.id());
        env.put("AWS_LAMBDA_LOG_STREAM_NAME", "local/[$LATEST]" + UUID.randomUUID().toString().replace("-", ""));
        env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
        env.put("AWS_EXECUTION_ENV", "AWS_Lambda_" + function.runtime());
        env.putIfAbsent("AWS_REGION", "us-east-1");
        env.putIfAbsent("AWS_DEFAULT_REGION", env.get("AWS_REGION"));
        env.put("TZ", ":UTC");
        builder.redirectErrorStream(true);
        if (nativeLibrary.isPresent()) {
            return builder.start();
        }
        NATIVE_LIBRARY_GATE.acquireUninterruptibly();
        Process process;
        try {
            process = builder.start();
        } catch (IOException | RuntimeException e) {
            NATIVE_LIBRARY_GATE.release();
            throw e;
        }
        openGateOnceLoaded(process);
        return process;
    }

    /**
     * The JVM options Lambda's managed Java runtimes start with, as AWS documents them in "Customize
     * Java runtime startup behavior for Lambda functions"
     * (https://docs.aws.amazon.com/lambda/latest/dg/java-customization.html): the serial garbage
     * collector by default, and, from Java 17 on, tiered compilation stopped at level 1 (C1 only).
     * On Java 25 Lambda keeps C1-only except with SnapStart or provisioned concurrency, where the
     * JVM's defaults apply; a local instance is an on-demand one, so it gets C1-only. The heap is
     * sized from the function's memory, as in Lambda's sandbox. A JAVA_TOOL_OPTIONS variable of the
     * function is read by the JVM after these, as in Lambda. With an AOT cache, which replaces the
     * JDK's default class data archive, -Xshare is left out (the JVM refuses both).
     */
    static List<String> lambdaJvmOptions(int memoryMb, int javaFeature, boolean aotCache) {
        List<String> options = new ArrayList<>(List.of("-XX:MaxRAM=" + memoryMb + "m", "-XX:+UseSerialGC"));
        if (!aotCache) {
            options.add("-Xshare:auto");
        }
        if (javaFeature >= 17) {
            options.add("-XX:+TieredCompilation");
            options.add("-XX:TieredStopAtLevel=1");
        }
        if (javaFeature >= 22) {
            // The runtime client loads its native library with System.load, which JDK 22 and later
            // warn about on four lines at every start unless native access is granted. The managed
            // runtime's own launcher puts no such lines in a function's log.
            options.add("--enable-native-access=ALL-UNNAMED");
        }
        return options;
    }

    /**
     * The start of every command line that runs a function's JVM (its instances, and the AOT
     * cache's checks and assembly): the JDK of its runtime, Lambda's options, the options given,
     * and the class path (with the function's jars when an AOT cache is made or used).
     */
    static List<String> javaCommand(InstanceSettings settings, boolean aotCache, List<String> options) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(settings.jdk().java().toString());
        command.addAll(lambdaJvmOptions(settings.function().memoryMb(), settings.jdk().feature(), aotCache));
        command.addAll(options);
        command.add("-cp");
        command.add(classPath(settings.runtimeClasspath().toAbsolutePath(), settings.taskRoot().toAbsolutePath(), aotCache));
        return command;
    }

    /**
     * The runtime client's jars, named one by one, and with an AOT cache the function's own jars too:
     * the JVM caches only classes that its built-in loaders take from jars of the class path, and the
     * runtime client's loader for the task root asks the class path first.
     */
    static String classPath(Path runtimeClasspath, Path taskRoot, boolean withFunctionJars) throws IOException {
        List<Path> jars = new ArrayList<>(jarsIn(runtimeClasspath));
        if (withFunctionJars) {
            jars.addAll(jarsIn(taskRoot.resolve("lib")));
        }
        return String.join(java.io.File.pathSeparator, jars.stream().map(Path::toString).toList());
    }

    static List<Path> jarsIn(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".jar")).map(Path::toAbsolutePath).sorted().toList();
        }
    }

    /** This launcher's copy of the library for this machine, unpacked from the runtime client's jar on first use. */
    private static Optional<Path> nativeLibrary(Path runtimeClasspath) {
        return NATIVE_LIBRARIES.computeIfAbsent(runtimeClasspath, FunctionLauncher::unpackNativeLibrary);
    }

    private static Optional<Path> unpackNativeLibrary(Path runtimeClasspath) {
        String arch = switch (System.getProperty("os.arch")) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "aarch_64";
            default -> null;
        };
        if (arch == null || !System.getProperty("os.name").equals("Linux")) {
            return Optional.empty();
        }
        boolean musl = Files.exists(Path.of("/lib/ld-musl-" + (arch.equals("aarch_64") ? "aarch64" : arch) + ".so.1"));
        String name = "libaws-lambda-jni." + (musl ? "linux_musl-" : "linux-") + arch + ".so";
        try (Stream<Path> jars = Files.list(runtimeClasspath)) {
            Optional<Path> client = jars.filter(jar -> jar.getFileName().toString()
                    .matches("aws-lambda-java-runtime-interface-client-.*\\.jar")).findFirst();
            if (client.isEmpty()) {
                return Optional.empty();
            }
            try (ZipFile jar = new ZipFile(client.get().toFile())) {
                ZipEntry entry = jar.getEntry("jni/" + name);
                if (entry == null) {
                    return Optional.empty();
                }
                Path folder = Files.createTempDirectory("local-lambda-runtime-");
                folder.toFile().deleteOnExit();
                Path library = folder.resolve(name);
                library.toFile().deleteOnExit();
                try (InputStream in = jar.getInputStream(entry)) {
                    Files.copy(in, library);
                }
                return Optional.of(library);
            }
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static void openGateOnceLoaded(Process process) {
        Thread watcher = new Thread(() -> {
            Path maps = Path.of("/proc", Long.toString(process.pid()), "maps");
            long deadline = System.nanoTime() + FunctionInstance.INIT_LIMIT.toNanos();
            try {
                while (process.isAlive() && System.nanoTime() < deadline) {
                    if (Files.exists(maps) && Files.readString(maps).contains("libaws-lambda-jni")) {
                        return;
                    }
                    if (!Files.exists(maps.getParent())) {
                        // No /proc to look at: give the JVM a moment to load it.
                        Thread.sleep(1500);
                        return;
                    }
                    Thread.sleep(20);
                }
            } catch (IOException | InterruptedException e) {
                // the process is gone
            } finally {
                NATIVE_LIBRARY_GATE.release();
            }
        }, "native-library-gate");
        watcher.setDaemon(true);
        watcher.start();
    }
}
