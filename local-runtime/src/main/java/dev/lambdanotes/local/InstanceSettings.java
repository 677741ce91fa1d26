package dev.lambdanotes.local;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * What each execution environment of a function starts from: the function, its task root (the
 * artifact laid out as in /var/task), the runtime client's classpath, its environment variables,
 * and where its log goes.
 */
record InstanceSettings(Template.Function function, Path taskRoot, Path runtimeClasspath,
                        Map<String, String> environment, PrintStream log) {

    InstanceSettings {
        environment = Map.copyOf(environment);
    }
}
