package dev.sluice.bench.startup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Resident memory of a process, as the kernel reports it (Linux only). */
final class ProcessMemory {
    private ProcessMemory() {
    }

    /** VmRSS of {@code pid} in MiB: the pages of the process now in RAM (heap, metaspace, code, stacks, libraries). */
    static double residentMiB(long pid) {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmRSS:")) {
                    String kib = line.substring("VmRSS:".length()).trim().split("\\s+")[0];
                    return Long.parseLong(kib) / 1024.0;
                }
            }
            throw new IllegalStateException("no VmRSS in " + status);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + status + " (Linux /proc needed): " + e, e);
        }
    }
}
