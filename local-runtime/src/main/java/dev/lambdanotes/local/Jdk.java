package dev.lambdanotes.local;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A JDK installed on this machine: its home, its feature release (25 for 25.0.1) and its full
 * version, as its {@code release} file states them.
 */
record Jdk(Path home, int feature, String version) {
    private static final Pattern RUNTIME = Pattern.compile("java(\\d+)(\\..*)?");
    private static final Pattern VERSION = Pattern.compile("^JAVA_VERSION=\"?([^\"\\s]+)\"?", Pattern.MULTILINE);
    private static final Pattern RUNTIME_VERSION = Pattern.compile("^JAVA_RUNTIME_VERSION=\"?([^\"\\s]+)\"?", Pattern.MULTILINE);

    Path java() {
        return home.resolve("bin").resolve("java");
    }

    /** The JDK running this launcher. */
    static Jdk current() {
        Path home = Path.of(System.getProperty("java.home"));
        return at(home).orElseGet(() -> new Jdk(home, Runtime.version().feature(), Runtime.version().toString()));
    }

    /** The JDK at a home folder, if it has a java launcher and a release file. */
    static Optional<Jdk> at(Path home) {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release) || !Files.isExecutable(home.resolve("bin").resolve("java"))) {
            return Optional.empty();
        }
        try {
            String text = Files.readString(release);
            Matcher version = VERSION.matcher(text);
            if (!version.find()) {
                return Optional.empty();
            }
            Matcher build = RUNTIME_VERSION.matcher(text);
            String full = build.find() ? build.group(1) : version.group(1);
            String feature = version.group(1).replaceFirst("^1\\.", "").split("[.+-]")[0];
            return Optional.of(new Jdk(home.toRealPath(), Integer.parseInt(feature), full));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The Java feature release of a Lambda runtime identifier (java25 is 25), or -1 for another language. */
    static int featureOf(String lambdaRuntime) {
        Matcher matcher = RUNTIME.matcher(lambdaRuntime == null ? "" : lambdaRuntime);
        return matcher.matches() ? Integer.parseInt(matcher.group(1)) : -1;
    }

    /**
     * The JDK for a function's Lambda runtime: this launcher's own when it is that release, else
     * the newest installed one of that release in the usual places (JAVA_HOME, the system's JVM
     * folders, SDKMAN, macOS's JavaVirtualMachines). When none is installed, this launcher's JDK,
     * with a one-line warning: the function runs, but its cold starts are not Lambda's.
     */
    static Jdk forRuntime(String lambdaRuntime, PrintStream log) {
        int feature = featureOf(lambdaRuntime);
        Jdk current = current();
        if (feature < 0 || current.feature() == feature) {
            return current;
        }
        Optional<Jdk> installed = installed().stream().filter(jdk -> jdk.feature() == feature)
                .max(Comparator.comparing(Jdk::numbers, Jdk::compareNumbers));
        if (installed.isPresent()) {
            return installed.get();
        }
        log.printf("No JDK %d is installed for the %s runtime: functions run on JDK %d, and their cold starts differ from Lambda's.%n",
                feature, lambdaRuntime, current.feature());
        return current;
    }

    private static int[] numbers(Jdk jdk) {
        return Pattern.compile("\\d+").matcher(jdk.version()).results()
                .mapToInt(match -> Integer.parseInt(match.group())).toArray();
    }

    private static int compareNumbers(int[] a, int[] b) {
        return java.util.Arrays.compare(a, b);
    }

    /** The JDKs found in the usual installation folders. */
    static List<Jdk> installed() {
        List<Path> homes = new ArrayList<>();
        String javaHome = System.getenv("JAVA_HOME");
        if (javaHome != null && !javaHome.isBlank()) {
            homes.add(Path.of(javaHome));
        }
        String userHome = System.getProperty("user.home");
        List<Path> roots = List.of(Path.of("/usr/lib/jvm"), Path.of("/usr/java"), Path.of("/opt/java"),
                Path.of("/Library/Java/JavaVirtualMachines"),
                Path.of(userHome, "Library/Java/JavaVirtualMachines"),
                Path.of(userHome, ".sdkman/candidates/java"), Path.of(userHome, ".jdks"));
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> children = Files.list(root)) {
                for (Path child : children.sorted().toList()) {
                    homes.add(child);
                    homes.add(child.resolve("Contents/Home"));
                }
            } catch (IOException e) {
                // an unreadable folder holds no JDK we can use
            }
        }
        List<Jdk> jdks = new ArrayList<>();
        for (Path home : homes) {
            at(home).filter(jdk -> jdks.stream().noneMatch(known -> known.home().equals(jdk.home()))).ifPresent(jdks::add);
        }
        return jdks;
    }
}
