package dev.lambdanotes.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Semaphore;

/**
 * Starts a function's JVM as Lambda starts an execution environment: the AWS Lambda Runtime
 * Interface Client running the handler from the task root, with the function's memory size and
 * the environment variables Lambda sets.
 */
final class FunctionLauncher {
    /**
     * The runtime client unpacks its native library to one fixed path, /tmp/.libaws-lambda-jni.so,
     * where each Lambda environment has a /tmp of its own. Here they share one, so JVMs start one
     * at a time until each has loaded the library; two unpacking it at once crash (SIGBUS).
     */
    private static final Semaphore NATIVE_LIBRARY_GATE = new Semaphore(1);

    private FunctionLauncher() {
    }

    /** Starts the process; its runtime client will poll the Runtime API on the loopback port given. */
    static Process launch(InstanceSettings settings, int runtimeApiPort) throws IOException {
        Template.Function function = settings.function();
        Path taskRoot = settings.taskRoot().toAbsolutePath();
        Path runtimeClasspath = settings.runtimeClasspath().toAbsolutePath();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-XX:MaxRAM=" + function.memoryMb() + "m");
        command.add("-XX:+UseSerialGC");
        command.add("-Xshare:auto");
        command.add("-cp");
        command.add(runtimeClasspath + "/*");
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
        env.put("AWS_EXECUTION_ENV", "AWS_Lambda_java21");
        env.putIfAbsent("AWS_REGION", "us-east-1");
        env.putIfAbsent("AWS_DEFAULT_REGION", env.get("AWS_REGION"));
        env.put("TZ", ":UTC");
        builder.redirectErrorStream(true);
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
