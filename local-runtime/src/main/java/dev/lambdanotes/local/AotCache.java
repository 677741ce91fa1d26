package dev.lambdanotes.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The AOT caches (JEP 483, 514 and 515) of the local runtime's functions: one file per function
 * artifact and JDK, under a folder of .local. A cache is tied to the exact JDK build and class path,
 * so its name holds a digest of both: a rebuilt artifact or another JDK looks for another file, and
 * the stale ones of that function are deleted when a new one is installed. Local only: a deployed
 * zip never carries one, since Lambda's managed runtime updates its JDK under it.
 */
final class AotCache {
    /** The first release whose JVM writes an AOT cache in one training run (-XX:AOTCacheOutput, JEP 514). */
    static final int FIRST_RELEASE = 25;

    /**
     * How an instance uses an AOT cache: not at all, loading one, or recording the configuration
     * it is made from (written when the JVM exits; {@link #create} then makes the cache).
     */
    record Use(List<String> jvmOptions) {
        static Use off() {
            return new Use(List.of());
        }

        /** Loading one; the JVM's notes on the parts of a cache it cannot use go unprinted. */
        static Use load(Path cache) {
            return new Use(List.of("-XX:AOTCache=" + cache, "-Xlog:aot=off", "-Xlog:aot+codecache=off"));
        }

        static Use record(Path configuration) {
            return new Use(List.of("-XX:AOTMode=record", "-XX:AOTConfiguration=" + configuration));
        }

        /** With a cache, the function's jars go on the class path (the JVM caches no other classes). */
        boolean onClassPath() {
            return !jvmOptions.isEmpty();
        }
    }

    private static final String TRAINING = "-training-";
    /** A training's configuration or cache, named for the process that trained it. */
    private static final Pattern TRAINING_FILE = Pattern.compile(".+" + TRAINING + "(\\d{1,18})\\.aot(conf)?");

    private final Path folder;
    private final Map<String, String> jarDigests = new ConcurrentHashMap<>();

    AotCache(Path folder) {
        this.folder = folder;
    }

    static boolean supported(Jdk jdk) {
        return jdk.feature() >= FIRST_RELEASE;
    }

    /** Where the cache of this function for this artifact and JDK is, whether or not it exists yet. */
    Path fileFor(InstanceSettings instance) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            update(digest, instance.jdk().home().toString());
            update(digest, instance.jdk().version());
            String classPath = FunctionLauncher.classPath(instance.runtimeClasspath(), instance.taskRoot(), true);
            update(digest, classPath);
            for (Path jar : FunctionLauncher.jarsIn(instance.runtimeClasspath())) {
                update(digest, digestOf(jar));
            }
            for (Path jar : FunctionLauncher.jarsIn(instance.taskRoot().resolve("lib"))) {
                update(digest, digestOf(jar));
            }
            update(digest, String.join(" ", FunctionLauncher.lambdaJvmOptions(
                    instance.function().memoryMb(), instance.jdk().feature(), true)));
            String key = HexFormat.of().formatHex(digest.digest()).substring(0, 16);
            return folder.resolve(instance.function().id() + "-jdk" + instance.jdk().feature() + "-" + key + ".aot");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Whether the JVM accepts the cache for this instance: it starts with the cache required
     * (-XX:AOTMode=on fails when the JDK, class path or options do not match) and only prints its
     * version. A cache it refuses is deleted, so that it is trained again, and the log says why.
     */
    boolean accepted(Path cache, InstanceSettings instance) {
        if (!Files.isRegularFile(cache)) {
            return false;
        }
        String refusal;
        try {
            List<String> command = new ArrayList<>(FunctionLauncher.javaCommand(instance, true,
                    List.of("-XX:AOTMode=on", "-XX:AOTCache=" + cache)));
            command.add("-version");
            Process check = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] output = check.getInputStream().readAllBytes();
            if (check.waitFor(30, TimeUnit.SECONDS) && check.exitValue() == 0) {
                return true;
            }
            check.destroyForcibly();
            refusal = new String(output, StandardCharsets.UTF_8).lines().filter(line -> !line.isBlank())
                    .findFirst().orElse("exit code " + check.exitValue());
        } catch (IOException e) {
            refusal = e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        instance.log().printf("[%s] the JVM refused its AOT cache (%s): deleted, to be trained again%n",
                instance.function().id(), refusal);
        delete(cache);
        return false;
    }

    /**
     * A file in the cache folder for a training run to write its AOT configuration into, named for
     * this process. The files of trainings whose process is gone (stopped while training, such as
     * by Ctrl-C) are deleted first: each holds 50 to 70 MB, and nothing else would remove them.
     */
    Path trainingOutput(String functionId) throws IOException {
        Files.createDirectories(folder);
        deleteAbandonedTrainings();
        Path output = folder.resolve(functionId + TRAINING + ProcessHandle.current().pid() + ".aotconf");
        Files.deleteIfExists(output);
        return output;
    }

    private void deleteAbandonedTrainings() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Matcher training = TRAINING_FILE.matcher(file.getFileName().toString());
                if (training.matches() && ProcessHandle.of(Long.parseLong(training.group(1))).isEmpty()) {
                    delete(file);
                }
            }
        }
    }

    /**
     * Makes the cache from a training run's configuration (-XX:AOTMode=create, JEP 483), with the
     * instance's JDK, options and class path; the configuration is deleted afterwards.
     */
    Path create(Path configuration, InstanceSettings instance, java.io.PrintStream log) throws IOException {
        Path cache = Path.of(configuration.toString().replaceFirst("\\.aotconf$", ".aot"));
        try {
            List<String> command = FunctionLauncher.javaCommand(instance, true, List.of("-XX:AOTMode=create",
                    "-XX:AOTConfiguration=" + configuration, "-XX:AOTCache=" + cache));
            Process create = new ProcessBuilder(command).redirectErrorStream(true).start();
            create.getInputStream().transferTo(log);
            if (!create.waitFor(3, TimeUnit.MINUTES) || create.exitValue() != 0 || !Files.isRegularFile(cache)) {
                create.destroyForcibly();
                throw new IOException("the JVM could not make an AOT cache for " + instance.function().id());
            }
            return cache;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            delete(configuration);
        }
    }

    /** Moves a trained cache to its name, deleting the function's older caches. */
    void install(Path trained, Path cache, String functionId) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path old : files.filter(file -> file.getFileName().toString().startsWith(functionId + "-jdk")).toList()) {
                delete(old);
            }
        }
        Files.move(trained, cache, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private String digestOf(Path jar) throws IOException {
        String identity = jar + "|" + Files.size(jar) + "|" + Files.getLastModifiedTime(jar).toMillis();
        String known = jarDigests.get(identity);
        if (known != null) {
            return known;
        }
        try (InputStream in = Files.newInputStream(jar)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int read; (read = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, read);
            }
            String hex = HexFormat.of().formatHex(digest.digest());
            jarDigests.put(identity, hex);
            return hex;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void update(MessageDigest digest, String value) {
        digest.update(value.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // left for the next install to remove
        }
    }
}
