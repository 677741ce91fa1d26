package dev.lambdanotes.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A process's peak resident memory, which Lambda reports as Max Memory Used. */
final class ProcessMemory {
    private ProcessMemory() {
    }

    /** Whole MiB of VmHWM from /proc, or "n/a" where there is no /proc (not Linux) or no process. */
    static String maxUsedMb(long pid) {
        try {
            for (String status : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (status.startsWith("VmHWM:")) {
                    long kib = Long.parseLong(status.replaceAll("\\D+", ""));
                    return Long.toString(Math.round(kib / 1024.0));
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or the process is gone
        }
        return "n/a";
    }
}
