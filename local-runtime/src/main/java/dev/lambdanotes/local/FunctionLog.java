package dev.lambdanotes.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * One function's log as the local runtime shows it, each line prefixed with the function's name:
 * the function's own output, and Lambda's platform lines (START, END, REPORT, INIT_REPORT) in
 * Lambda's format.
 */
final class FunctionLog {
    private final String functionId;
    private final PrintStream out;

    FunctionLog(String functionId, PrintStream out) {
        this.functionId = functionId;
        this.out = out;
    }

    /** A line as it is, such as one the function wrote or the error it reported. */
    void line(String text) {
        out.printf("[%s] %s%n", functionId, text);
    }

    /** A line of the local runtime's own about this function. */
    void note(String format, Object... arguments) {
        line(String.format(format, arguments));
    }

    void start(String requestId) {
        note("START RequestId: %s Version: $LATEST", requestId);
    }

    /** END and REPORT; the init duration only on the first invocation of an instance, and null otherwise. */
    void report(String requestId, long durationNanos, int memoryMb, String maxMemoryUsedMb, Duration initDuration) {
        double duration = durationNanos / 1e6;
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
                "REPORT RequestId: %s\tDuration: %.2f ms\tBilled Duration: %d ms\tMemory Size: %d MB\tMax Memory Used: %s MB",
                requestId, duration, (long) Math.ceil(duration), memoryMb, maxMemoryUsedMb));
        if (initDuration != null) {
            report.append(String.format(Locale.ROOT, "\tInit Duration: %.2f ms", initDuration.toNanos() / 1e6));
        }
        line("END RequestId: " + requestId);
        line(report.toString());
    }

    void initError(Duration initDuration, String error) {
        note("INIT_REPORT Init Duration: %.2f ms Phase: init Status: error %s", initDuration.toNanos() / 1e6, error);
    }

    /** Copies the function's output, line by line, until its process ends. */
    void pipe(InputStream output) {
        Thread pipe = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8))) {
                String text;
                while ((text = reader.readLine()) != null) {
                    line(text);
                }
            } catch (IOException e) {
                // the process is gone
            }
        }, "log-" + functionId);
        pipe.setDaemon(true);
        pipe.start();
    }
}
