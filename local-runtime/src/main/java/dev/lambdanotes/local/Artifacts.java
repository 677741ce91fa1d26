package dev.lambdanotes.local;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Where each function's code is: the Makefile that `sam build` runs names the Maven module of each
 * function, and `mvn package` leaves its deployable jar in the module's target folder. The jar is
 * laid out as in Lambda, in lib/ of the function's task root.
 */
public final class Artifacts {
    private static final Pattern MAKE_TARGET =
            Pattern.compile("^build-(\\w+):\\s*\\n\\t\\$\\(call package_function,([^)]+)\\)", Pattern.MULTILINE);

    private final Path projectDir;
    private final Path taskRoots;
    private final Map<String, String> modules;

    public Artifacts(Path projectDir, Path taskRoots) {
        this.projectDir = projectDir;
        this.taskRoots = taskRoots;
        this.modules = modulesByFunction(projectDir.resolve("Makefile"));
    }

    /** The Maven module the Makefile builds for each function. */
    public static Map<String, String> modulesByFunction(Path makefile) {
        try {
            Map<String, String> modules = new LinkedHashMap<>();
            Matcher matcher = MAKE_TARGET.matcher(Files.readString(makefile));
            while (matcher.find()) {
                modules.put(matcher.group(1), matcher.group(2).trim());
            }
            return modules;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The deployable jar `mvn package` built for a module. */
    public static Path jarOf(Path moduleDir) {
        Path target = moduleDir.resolve("target");
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(path -> path.getFileName().toString().endsWith("-lambda.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no -lambda.jar in " + target + ": run mvn package"));
        } catch (IOException e) {
            throw new IllegalStateException("no build output in " + target + ": run mvn package", e);
        }
    }

    /**
     * The size of the deployment package `sam deploy` uploads for a function: a zip of its build
     * folder, which holds the jar in lib/ (see the Makefile), deflated at the default level as the
     * SAM CLI does. The jar's entries are stored, not deflated (the parent pom says why), so this is
     * the figure that says how much is uploaded and kept; the jar's own size is what Lambda unzips.
     */
    public static long deploymentPackageBytes(Path jar) {
        CountingOutputStream counter = new CountingOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(counter)) {
            zip.putNextEntry(new ZipEntry("lib/" + jar.getFileName()));
            Files.copy(jar, zip);
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return counter.count;
    }

    private static final class CountingOutputStream extends OutputStream {
        private long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            count += length;
        }
    }

    /** The function's task root, with its jar in lib/ (refreshed when the build changed it). */
    public Path taskRoot(String functionId) {
        String module = modules.get(functionId);
        if (module == null) {
            throw new IllegalStateException("the Makefile has no build-" + functionId + " target");
        }
        Path jar = jarOf(projectDir.resolve(module));
        Path lib = taskRoots.resolve(functionId).resolve("lib");
        try {
            Files.createDirectories(lib);
            Path copy = lib.resolve(jar.getFileName());
            if (!Files.exists(copy) || Files.size(copy) != Files.size(jar)
                    || Files.getLastModifiedTime(copy).compareTo(Files.getLastModifiedTime(jar)) < 0) {
                try (Stream<Path> old = Files.list(lib)) {
                    for (Path file : old.toList()) {
                        Files.delete(file);
                    }
                }
                Files.copy(jar, copy, StandardCopyOption.COPY_ATTRIBUTES);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return taskRoots.resolve(functionId);
    }
}
