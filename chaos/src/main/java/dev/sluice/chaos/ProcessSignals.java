package dev.sluice.chaos;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * SIGSTOP and SIGCONT, which the JDK's process API does not offer: a stopped JVM is the closest
 * local stand-in for a long GC pause or a frozen VM, a worker that is alive but silent.
 */
final class ProcessSignals {
    private ProcessSignals() {
    }

    static void stop(long pid) {
        signal("-STOP", pid);
    }

    static void resume(long pid) {
        signal("-CONT", pid);
    }

    private static void signal(String signal, long pid) {
        try {
            Process kill = new ProcessBuilder("kill", signal, Long.toString(pid))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill " + signal + " " + pid + " failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run kill " + signal + " " + pid + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted sending " + signal + " to " + pid, e);
        }
    }
}
