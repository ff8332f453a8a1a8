package dev.sluice.bench.drain;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * SIGSTOP and SIGCONT for consumer processes. A drain must start with the whole batch in the queue and
 * every consumer warm: consumers started after seeding would drain while the others still boot, and
 * consumers left running would drain while the batch is being written. So they are started (and
 * warmed up) first, stopped while a batch is seeded, and resumed together.
 */
public final class ProcessPause {
    private ProcessPause() {
    }

    public static void stop(long pid) {
        signal("-STOP", pid);
    }

    public static void resume(long pid) {
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
