package dev.lambdanotes.local;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * What each execution environment of a function starts from: the function, its task root (the
 * artifact laid out as in /var/task), the runtime client's classpath, its environment variables,
 * where its log goes, the JDK of its Lambda runtime, and how it uses an AOT cache.
 */
record InstanceSettings(Template.Function function, Path taskRoot, Path runtimeClasspath,
                        Map<String, String> environment, PrintStream log, Jdk jdk, AotCache.Use aot) {

    InstanceSettings {
        environment = Map.copyOf(environment);
    }

    InstanceSettings withEnvironment(Map<String, String> changed) {
        return new InstanceSettings(function, taskRoot, runtimeClasspath, changed, log, jdk, aot);
    }

    InstanceSettings withAot(AotCache.Use changed) {
        return new InstanceSettings(function, taskRoot, runtimeClasspath, environment, log, jdk, changed);
    }
}
